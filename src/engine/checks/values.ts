/**
 * Reading the cells a check needs: amounts, weights, stated scores and rates, each as the form
 * displays it. Pure.
 */
import { agreesAtPrecision, Decimal, formatDecimal, printedDecimals, roundTo, toDecimal } from "../decimal";
import type { Field } from "../model";
import type { ParsedValue, Policy } from "../types";
import { memoize } from "../memo";
import { readValue } from "../value";

/** A figure as the form states it: its value as displayed and the decimals it is displayed with. */
export interface Stated {
  value: Decimal;
  decimals: number;
}

/** A stated 执行率 as a fraction, with the decimals of its percent figure. */
export interface StatedRate {
  fraction: Decimal;
  decimals: number;
}

/**
 * A cell's number for arithmetic, as the form displays it: plain numbers to Excel's 15 significant
 * digits (a formula's cached 7.000000000000001 or 53.860999999999994 is the 7 and 53.861 shown),
 * and numeric text; null otherwise.
 */
export function num(f: Field | undefined): Decimal | null {
  if (!f) return null;
  // A plain JS number reads as itself (readValue would also format its shown text, unused here).
  if (typeof f.value === "number") return Number.isFinite(f.value) ? asDisplayed(f.value) : null;
  const p = readValue(f.value, f.numFmt);
  return p.kind === "number" && p.op === "none" && !p.approx ? p.value : null;
}

/**
 * A (finite) number as Excel shows it at most: 15 significant digits, float noise dropped. Read
 * from its digits, so the largest doubles (1.7976931348623157e308) do not round to Infinity.
 */
export function asDisplayed(n: number): Decimal {
  return displayedMemo(n);
}

/** asDisplayed's answers (a Decimal never changes once made, so one can be shared). */
const displayedMemo = memoize((n: number) => toDecimal(n.toPrecision(15)), 10000);

/** A weight cell: 10, "10", "(10分)"; a percent (权重占比 "60%", 0.6 formatted 0%) is points of 100. */
export function weightOf(f: Field | undefined): Decimal | null {
  if (!f) return null;
  if (typeof f.value !== "number" || f.numFmt?.includes("%")) {
    const p = readValue(f.value, f.numFmt);
    if (p.kind === "number" && p.percent && p.op === "none") return p.value.times(100);
  }
  const n = num(f);
  if (n) return n;
  if (typeof f.value === "string") {
    const m = /^\s*[（(]?\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]?\s*$/.exec(f.value);
    if (m) return toDecimal(m[1]);
  }
  return null;
}

export function isBlank(f: Field | undefined): boolean {
  if (!f) return true;
  const v = f.value;
  if (v === null || v === undefined) return true;
  if (typeof v === "number" || typeof v === "boolean") return false;
  return readValue(f.value, f.numFmt).kind === "blank";
}

/** "—", "-", "/", "无": deliberately not applicable. */
export function isDash(f: Field | undefined): boolean {
  if (!f || f.value === null || f.value === undefined) return false;
  if (typeof f.value === "number" || typeof f.value === "boolean") return false;
  return readValue(f.value, f.numFmt).kind === "dash";
}

/** A stated score or total: its value as displayed and its printed precision. */
export function stated(f: Field | undefined): Stated | null {
  if (!f) return null;
  if (typeof f.value === "number" && Number.isFinite(f.value)) {
    // As displayed: a formula's 3.7092747999 formatted "0.00" is the author's 3.71.
    const decimals = printedDecimals(f.value, f.numFmt);
    return { value: roundTo(asDisplayed(f.value), decimals, "half-up"), decimals };
  }
  const p = readValue(f.value, f.numFmt);
  if (p.kind === "number" && p.op === "none" && !p.percent) return { value: p.value, decimals: p.printedDecimals };
  return null;
}

/**
 * A stated 执行率 cell, read the ways templates store it: a fraction with a percent format
 * (0.3709 as 37.09%), a number meaning percent (98.32), or text "37.09%". Where a bare number
 * could be either, the reading that agrees with the amounts is taken.
 */
export function statedRate(f: Field, computed: Decimal | null, policy: Policy): StatedRate | null {
  const p = readValue(f.value, f.numFmt);
  if (p.kind !== "number" || p.op !== "none") return null;
  if (p.percent) return { fraction: p.value, decimals: p.printedDecimals };
  const asFraction = { fraction: p.value, decimals: Math.max(0, p.printedDecimals - 2) };
  const asPercent = { fraction: p.value.div(100), decimals: p.printedDecimals };
  if (computed) {
    const agrees = (c: StatedRate) =>
      agreesAtPrecision(c.fraction.times(100), computed.times(100), c.decimals, policy.rounding.mode);
    if (agrees(asFraction)) return asFraction;
    if (agrees(asPercent)) return asPercent;
  }
  return p.value.gt(1.5) ? asPercent : asFraction;
}

/** A decimal as exact text, or undefined. */
export function show(d: Decimal | null | undefined): string | undefined {
  return d ? formatDecimal(d) : undefined;
}

/** A fraction as a percent with `decimals` places: 0.3709 → "37.09%". */
export function pct(d: Decimal, decimals: number): string {
  return `${formatDecimal(d.times(100), decimals)}%`;
}

/** The text a parsed cell shows, or undefined when blank. */
export function textOf(p: ParsedValue): string | undefined {
  return p.kind === "blank" ? undefined : p.text;
}

/** A field read as a ParsedValue (blank when the field is absent). */
export function parsed(f: Field | undefined): ParsedValue {
  return f ? readValue(f.value, f.numFmt) : { kind: "blank" };
}

export { Decimal };
