/**
 * Exact decimal arithmetic for every rule. No binary floating point: a JS number
 * enters through its shortest string (String(n)), so 0.1 is exactly 0.1.
 */
import DecimalJs from "decimal.js";
import { memoize } from "./memo";
import type { RoundingMode } from "./types";

/** The engine's configured Decimal (50 significant digits, never exponent notation in toString). */
export const Decimal = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
// eslint-disable-next-line no-redeclare -- a value and its instance type share the name, as decimal.js does
export type Decimal = DecimalJs;

export type DecimalLike = number | string | DecimalJs;

/**
 * Decimals of the numbers read so far: forms repeat their weights and figures, and a decimal.js
 * value never changes once made (every operation returns a new one), so one can be shared.
 */
const fromNumber = memoize((x: number) => new Decimal(String(x)), 10000);

/**
 * A JS number via its shortest representation, a string as written (spaces trimmed),
 * a Decimal as is. Throws a TypeError on NaN, ±Infinity or an unparsable string.
 */
export function toDecimal(x: DecimalLike): Decimal {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new TypeError(`not a finite number: ${x}`);
    return fromNumber(x);
  }
  if (typeof x === "string") {
    const s = x.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) throw new TypeError(`not a decimal number: "${x}"`);
    return new Decimal(s);
  }
  if (x instanceof DecimalJs || DecimalJs.isDecimal(x)) {
    if (!x.isFinite()) throw new TypeError(`not a finite number: ${x.toString()}`);
    // The engine's own Decimals are shared as they are; others take the engine's settings.
    return x.constructor === Decimal ? x : new Decimal(x);
  }
  throw new TypeError(`not a number: ${String(x)}`);
}

/** Rounds to `decimals` places: "half-up" rounds away from zero at .5, "truncate" cuts toward zero. */
export function roundTo(d: Decimal, decimals: number, mode: RoundingMode): Decimal {
  if (!Number.isInteger(decimals) || decimals < 0)
    throw new RangeError(`decimals must be a non-negative integer: ${decimals}`);
  const r = new Decimal(d).toDecimalPlaces(decimals, mode === "truncate" ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP);
  return r.isZero() ? new Decimal(0) : r;
}

/**
 * Plain string, never exponent notation. Without `decimals`: exact, no trailing zeros.
 * With `decimals`: rounded half-up to exactly that many places.
 */
export function formatDecimal(d: Decimal, decimals?: number): string {
  const x = new Decimal(d);
  if (decimals === undefined) {
    if (x.isZero()) return "0";
    return x.toFixed();
  }
  const r = roundTo(x, decimals, "half-up");
  return r.toFixed(decimals);
}

/** Decimals in the shortest plain representation of a Decimal ("37.09" → 2, "100" → 0). */
function shortestDecimals(d: Decimal): number {
  return d.decimalPlaces();
}

interface FormatSpec {
  percent: boolean;
  /** Fixed decimals ("0" after the point). */
  zeros: number;
  /** Optional decimals ("#" or "?" after the point). */
  optional: number;
  general: boolean;
}

const GENERAL: FormatSpec = Object.freeze({ percent: false, zeros: 0, optional: 0, general: true });
const FORMAT_CACHE = new Map<string, FormatSpec>();

/** Reads an Excel number format's first section: percent? how many decimals? Memoized per format text. */
export function parseNumFmt(numFmt?: string): FormatSpec {
  if (!numFmt) return GENERAL;
  let spec = FORMAT_CACHE.get(numFmt);
  if (!spec) {
    spec = readNumFmt(numFmt);
    if (FORMAT_CACHE.size > 1000) FORMAT_CACHE.clear();
    FORMAT_CACHE.set(numFmt, spec);
  }
  return spec;
}

function readNumFmt(numFmt: string): FormatSpec {
  const general = GENERAL;
  // First section; drop quoted literals, escaped chars, [colour]/[condition] blocks, _x and *x fillers.
  const section = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "")
    .split(";")[0];
  if (/^\s*(general|@)?\s*$/i.test(section) && !section.includes("%")) return general;
  const percent = section.includes("%");
  const generalInside = /general/i.test(section);
  const dot = section.indexOf(".");
  let zeros = 0;
  let optional = 0;
  if (dot >= 0) {
    for (const ch of section.slice(dot + 1)) {
      if (ch === "0") zeros++;
      else if (ch === "#" || ch === "?") optional++;
      else if (/[,%\s]/.test(ch)) continue;
      else break;
    }
  }
  if (generalInside) return { percent, zeros: 0, optional: 0, general: true };
  return { percent, zeros, optional, general: false };
}

/**
 * The precision a cell displays. Fixed formats ("0.00", "0.00%"): the format's decimals
 * (of the percent figure for percent formats). General: the decimals of the number's
 * shortest representation; percent formats without fixed decimals: likewise of value×100.
 */
export function printedDecimals(n: number, numFmt?: string): number {
  const spec = parseNumFmt(numFmt);
  if (!Number.isFinite(n)) return 0;
  // Excel shows at most 15 significant digits: 84.57000000000001 is displayed as 84.57.
  const shown = Number(n.toPrecision(15));
  if (!spec.percent) {
    // Fast path: the decimals of the shortest representation, read off its text.
    const text = String(shown);
    if (!/e/i.test(text)) {
      const dot = text.indexOf(".");
      const places = dot < 0 ? 0 : text.length - dot - 1;
      if (spec.general) return places;
      return Math.min(Math.max(places, spec.zeros), spec.zeros + spec.optional);
    }
  }
  let d: Decimal;
  try {
    d = toDecimal(shown);
  } catch {
    return 0;
  }
  if (spec.percent) d = d.times(100);
  const shortest = shortestDecimals(d);
  if (spec.general) return shortest;
  return Math.min(Math.max(shortest, spec.zeros), spec.zeros + spec.optional);
}

/** roundTo(computed, decimals, mode) equals stated: a printed figure agrees with the exact one. */
export function agreesAtPrecision(stated: Decimal, computed: Decimal, decimals: number, mode: RoundingMode): boolean {
  // The stated side is compared as displayed: a cell holding 0.370927… formatted "0.00%" shows 37.09.
  return roundTo(computed, decimals, mode).eq(roundTo(stated, decimals, "half-up"));
}

/** Clamp into [lo, hi]. */
export function clamp(d: Decimal, lo: Decimal, hi: Decimal): Decimal {
  if (d.lt(lo)) return new Decimal(lo);
  if (d.gt(hi)) return new Decimal(hi);
  return d;
}
