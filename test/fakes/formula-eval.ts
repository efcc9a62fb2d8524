/**
 * A small formula evaluator for the fake Excel: the formulas the add-in writes (PERF.* custom
 * functions through src/engine/perf.ts, and the native IF/N/ROUND/ROUNDDOWN/MIN/MAX/SUM forms)
 * so a test can read back computed values. Anything else returns undefined (value unchanged).
 * No node-only imports.
 */
import { Decimal } from "../../src/engine/decimal";
import * as perf from "../../src/engine/perf";
import type { FakeValue, FormulaEvaluator } from "./fake-excel";

class XlError {
  constructor(readonly code: string) {}
}
class Unsupported extends Error {}

type Scalar = number | string | boolean | null | XlError;
type Val = Scalar | { range: Scalar[][] };

interface Tok {
  t: "num" | "str" | "ref" | "name" | "op" | "(" | ")" | ",";
  v: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: num[1] });
      i += num[1].length;
      continue;
    }
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\w.(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: "ref", v: ref[0].replace(/\$/g, "").toUpperCase() });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>])/.exec(src.slice(i));
    if (op) {
      out.push({ t: "op", v: op[1] });
      i += op[1].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    throw new Unsupported(`token at ${src.slice(i)}`);
  }
  return out;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

function toNum(v: Scalar): number | XlError {
  if (v instanceof XlError) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return new XlError("#VALUE!");
}

function scalar(v: Val): Scalar {
  if (v && typeof v === "object" && "range" in v) {
    if (v.range.length === 1 && v.range[0].length === 1) return v.range[0][0];
    return new XlError("#VALUE!");
  }
  return v as Scalar;
}

function truthy(v: Scalar): boolean | XlError {
  if (v instanceof XlError) return v;
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return new XlError("#VALUE!");
}

function round(x: number, d: number, mode: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8): number {
  return Number(new Decimal(String(x)).toDecimalPlaces(d, mode).toString());
}

function numbersOf(args: Val[], direct: boolean): number[] | XlError {
  const out: number[] = [];
  for (const a of args) {
    if (a && typeof a === "object" && "range" in a) {
      for (const row of a.range)
        for (const v of row) {
          if (v instanceof XlError) return v;
          if (typeof v === "number") out.push(v);
        }
    } else {
      const n = direct ? toNum(a as Scalar) : (a as Scalar);
      if (n instanceof XlError) return n;
      if (typeof n === "number") out.push(n);
    }
  }
  return out;
}

function perfResult(r: unknown): Scalar {
  if (perf.isPerfError(r)) return new XlError(r.error === "na" ? "#N/A" : "#VALUE!");
  return r as Scalar;
}

function rawArg(v: Val): perf.Raw {
  const s = scalar(v);
  if (s instanceof XlError) throw s;
  return s;
}

function rangeArg(v: Val): unknown[][] {
  if (v && typeof v === "object" && "range" in v) return v.range;
  return [[v]];
}

export function evaluateFormula(formula: string, get: (row: number, col: number) => FakeValue): FakeValue | undefined {
  let toks: Tok[];
  try {
    toks = tokenize(formula.replace(/^=/, ""));
  } catch {
    return undefined;
  }
  let p = 0;
  const peek = () => toks[p];
  const eat = (t?: string) => {
    const k = toks[p++];
    if (!k || (t && k.v !== t && k.t !== t)) throw new Unsupported(`expected ${t}`);
    return k;
  };

  function refVal(ref: string): Val {
    const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref)!;
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    if (!m[3]) return (get(r0, c0) ?? null) as Scalar;
    const r1 = Number(m[4]) - 1;
    const c1 = colIndex(m[3]);
    const rows: Scalar[][] = [];
    for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) {
      const row: Scalar[] = [];
      for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) row.push((get(r, c) ?? null) as Scalar);
      rows.push(row);
    }
    return { range: rows };
  }

  function call(name: string, args: Val[]): Scalar {
    const s = (i: number) => scalar(args[i] ?? null);
    const n = (i: number) => toNum(s(i));
    switch (name) {
      case "IF": {
        const c = truthy(s(0));
        if (c instanceof XlError) return c;
        return c ? s(1) : args.length > 2 ? s(2) : false;
      }
      case "N": {
        const v = s(0);
        return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : v instanceof XlError ? v : 0;
      }
      case "ABS": {
        const x = n(0);
        return x instanceof XlError ? x : Math.abs(x);
      }
      case "ROUND":
      case "ROUNDDOWN": {
        const x = n(0);
        const d = n(1);
        if (x instanceof XlError) return x;
        if (d instanceof XlError) return d;
        return round(x, d, name === "ROUND" ? Decimal.ROUND_HALF_UP : Decimal.ROUND_DOWN);
      }
      case "MIN":
      case "MAX":
      case "SUM": {
        const xs = numbersOf(args, true);
        if (xs instanceof XlError) return xs;
        if (name === "SUM")
          return round(
            xs.reduce((a, b) => a + b, 0),
            10,
            Decimal.ROUND_HALF_UP,
          );
        if (!xs.length) return 0;
        return name === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "AND":
      case "OR": {
        const bs = args.map((a) => truthy(scalar(a)));
        for (const b of bs) if (b instanceof XlError) return b;
        return name === "AND" ? bs.every(Boolean) : bs.some(Boolean);
      }
      case "PERF.EXECRATE":
        return perfResult(perf.execRate(rawArg(args[0]), rawArg(args[1])));
      case "PERF.EXECSCORE":
        return perfResult(
          perf.execScore(
            rawArg(args[0]),
            rawArg(args[1]),
            args[2] ? rawArg(args[2]) : undefined,
            args[3] ? rawArg(args[3]) : undefined,
          ),
        );
      case "PERF.SCORE":
        return perfResult(
          perf.score(
            rawArg(args[0]),
            rawArg(args[1]),
            rawArg(args[2]),
            args[3] ? rawArg(args[3]) : undefined,
            args[4] ? rawArg(args[4]) : undefined,
          ),
        );
      case "PERF.TOTAL":
        return perf.total(...args.map(rangeArg));
      case "PERF.GRADE":
        return perfResult(perf.grade(rawArg(args[0]), args[1] ? rawArg(args[1]) : undefined));
      // Renamed from PERF.VALUE; the old name stands for the same function id in saved workbooks.
      case "PERF.NUMBER":
      case "PERF.VALUE":
        return perfResult(perf.numberIn(rawArg(args[0])));
      default:
        throw new Unsupported(name);
    }
  }

  function primary(): Val {
    const k = peek();
    if (!k) throw new Unsupported("end");
    if (k.t === "num") {
      p++;
      return Number(k.v);
    }
    if (k.t === "str") {
      p++;
      return k.v;
    }
    if (k.t === "ref") {
      p++;
      return refVal(k.v);
    }
    if (k.t === "(") {
      p++;
      const v = comparison();
      eat(")");
      return v;
    }
    if (k.t === "name") {
      p++;
      if (peek()?.t !== "(") {
        if (k.v === "TRUE") return true;
        if (k.v === "FALSE") return false;
        throw new Unsupported(k.v);
      }
      eat("(");
      const args: Val[] = [];
      if (peek()?.t !== ")") {
        for (;;) {
          args.push(comparison());
          if (peek()?.t === ",") {
            p++;
            continue;
          }
          break;
        }
      }
      eat(")");
      return call(k.v, args);
    }
    throw new Unsupported(k.v);
  }

  function unary(): Val {
    const k = peek();
    if (k?.t === "op" && (k.v === "-" || k.v === "+")) {
      p++;
      const x = toNum(scalar(unary()));
      if (x instanceof XlError) return x;
      return k.v === "-" ? -x : x;
    }
    return primary();
  }

  function binary(next: () => Val, ops: string[], apply: (op: string, a: Scalar, b: Scalar) => Scalar): () => Val {
    return () => {
      let a = next();
      while (peek()?.t === "op" && ops.includes(peek().v)) {
        const op = eat().v;
        const b = next();
        a = apply(op, scalar(a), scalar(b));
      }
      return a;
    };
  }

  const arith = (op: string, a: Scalar, b: Scalar): Scalar => {
    const x = toNum(a);
    const y = toNum(b);
    if (x instanceof XlError) return x;
    if (y instanceof XlError) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? new XlError("#DIV/0!") : x / y;
      default:
        return Math.pow(x, y);
    }
  };
  const power = binary(unary, ["^"], arith);
  const term = binary(power, ["*", "/"], arith);
  const additive = binary(term, ["+", "-"], arith);
  const concat = binary(additive, ["&"], (_op, a, b) => {
    if (a instanceof XlError) return a;
    if (b instanceof XlError) return b;
    return `${a ?? ""}${b ?? ""}`;
  });
  const comparison = binary(concat, ["=", "<>", "<", ">", "<=", ">="], (op, a, b) => {
    if (a instanceof XlError) return a;
    if (b instanceof XlError) return b;
    const norm = (v: Scalar) => (v === null ? (typeof (a ?? b) === "string" ? "" : 0) : v);
    const x = norm(a) as number | string | boolean;
    const y = norm(b) as number | string | boolean;
    const cmp = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
    switch (op) {
      case "=":
        return cmp === 0;
      case "<>":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
      case "<=":
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  });

  try {
    const v = scalar(comparison());
    if (p !== toks.length) return undefined;
    if (v instanceof XlError) return v.code;
    return v;
  } catch (e) {
    if (e instanceof XlError) return e.code;
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** The evaluator to pass to createFakeExcel(init, { evaluate }). */
export const evaluate: FormulaEvaluator = (formula, ref) => evaluateFormula(formula, ref.get);
