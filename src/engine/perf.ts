/**
 * Pure implementations behind the PERF.* Excel custom functions. Inputs are raw cell values
 * as Excel passes them; results are JS numbers or strings (crossing back from Decimal only
 * here, via Number(decimal.toString())), or a PerfError the custom-function wrapper throws:
 *
 *   "na"    (#N/A)    a required input is blank, or "—" (deliberately not applicable);
 *   "value" (#VALUE!) an input is not a number, the indicator kind or the policy is unknown, or a
 *                     number is outside what the figure can be: a negative amount, assets in use
 *                     above the total, a carry-over above the budget, a total outside 0 to the
 *                     policy's full marks. (#VALUE! and #N/A are the error values that carry a
 *                     message in Excel; #NUM! cannot, and the message is what says which input.)
 *
 * Only the scores and the grade depend on the policy (rounding, cost and reverse rules, grade
 * bands, qualitative bands); the rates are exact fractions and take none. Rules: 财政部
 * 《项目支出绩效评价管理办法》(财预〔2020〕10号), through src/engine/rules.ts. All text from the one
 * string table (src/i18n/strings.ts).
 */
import { Decimal, formatDecimal } from "./decimal";
import { fullMarksOf, getPolicy, national, PolicyError } from "./policy";
import * as rules from "./rules";
import type { IndicatorKind, Policy } from "./types";
import { normalizeText, readValue } from "./value";
import { t, type Lang, type Params, type StringKey } from "../i18n/strings";

export type Raw = number | string | boolean | null | undefined;

export interface PerfError {
  error: "value" | "na";
  /** Bilingual: "中文 / English". */
  message: string;
}

export function isPerfError(x: unknown): x is PerfError {
  return typeof x === "object" && x !== null && "error" in x && "message" in x;
}

/** The names of the functions' arguments in messages (PERF_ARG_*). */
type Arg =
  | "budget"
  | "executed"
  | "weight"
  | "total"
  | "target"
  | "actual"
  | "carryover"
  | "adjustedBudget"
  | "spending"
  | "initialBudget"
  | "inUse"
  | "totalAssets"
  | "cell";

/** An error whose message names arguments (`{arg}`, `{limitArg}`) in each language. */
function fail(
  error: PerfError["error"],
  key: StringKey,
  params: Params = {},
  args: Record<string, Arg> = {},
): PerfError {
  const text = (lang: Lang) => {
    const named: Params = {};
    for (const [k, a] of Object.entries(args)) named[k] = t(lang, `PERF_ARG_${a}`);
    return t(lang, key, { ...params, ...named });
  };
  return { error, message: `${text("zh")} / ${text("en")}` };
}

// ---------------------------------------------------------------------------------------------
// The workbook's policy

interface PolicySlot {
  policy: Policy;
  /** Set once the workbook's stored policy has been read (or chosen) in this runtime. */
  known: boolean;
  waiters: ((p: Policy) => void)[];
}

/**
 * The workbook's default policy lives on globalThis: in the shared runtime the task pane, the
 * ribbon commands and the custom functions are separate bundles, each with its own copy of this
 * module, and the pane's choice must reach the functions.
 */
const POLICY_SLOT = "__perfDefaultPolicy";

function slot(): PolicySlot {
  const g = globalThis as unknown as Record<string, PolicySlot | undefined>;
  const s = (g[POLICY_SLOT] ??= { policy: national, known: false, waiters: [] });
  s.waiters ??= [];
  return s;
}

/**
 * The workbook's policy, once read from the workbook or chosen in the pane: what an omitted
 * policy argument means from now on. An explicit policy argument still wins. Throws PolicyError
 * for an unknown name.
 */
export function setDefaultPolicy(policy: string | Policy | null | undefined): Policy {
  const p = typeof policy === "object" && policy !== null ? policy : getPolicy(policy ?? undefined);
  const s = slot();
  s.policy = p;
  s.known = true;
  for (const resolve of s.waiters.splice(0)) resolve(p);
  return p;
}

export function getDefaultPolicy(): Policy {
  return slot().policy;
}

/** Whether the workbook's policy has been read in this runtime (until then the functions wait). */
export function isDefaultPolicyKnown(): boolean {
  return slot().known;
}

/** The workbook's policy as soon as it is known. */
export function whenDefaultPolicyKnown(): Promise<Policy> {
  const s = slot();
  return s.known ? Promise.resolve(s.policy) : new Promise((resolve) => s.waiters.push(resolve));
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && normalizeText(raw) === "");
}

function resolvePolicy(raw: Raw): Policy | PerfError {
  const defaultPolicy = slot().policy;
  if (isBlank(raw)) return defaultPolicy;
  if (typeof raw !== "string") return fail("value", "PERF_POLICY_NOT_NAME", { value: String(raw) });
  const name = raw.trim();
  if (name === defaultPolicy.name) return defaultPolicy;
  try {
    return getPolicy(name);
  } catch (e) {
    if (e instanceof PolicyError) return { error: "value", message: e.message };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the inputs

function shown(raw: unknown): string {
  return typeof raw === "string" ? raw.trim() : String(raw);
}

/** A required number: blank → na; dash → na (deliberately not applicable); anything else not a number → value. */
function amount(raw: Raw, arg: Arg): Decimal | PerfError {
  if (typeof raw === "number")
    return Number.isFinite(raw) ? new Decimal(String(raw)) : fail("value", "PERF_NOT_FINITE", {}, { arg });
  if (isBlank(raw)) return fail("na", "PERF_BLANK", {}, { arg });
  if (typeof raw === "boolean") return fail("value", "PERF_NOT_NUMBER", { text: shown(raw) }, { arg });
  const p = readValue(raw);
  if (p.kind === "number") return p.value;
  if (p.kind === "dash") return fail("na", "PERF_DASH", { text: p.text }, { arg });
  return fail("value", "PERF_NOT_NUMBER", { text: shown(raw) }, { arg });
}

/** An amount that cannot be negative (budgets, spending, assets, scores, weights). */
function nonNegative(raw: Raw, arg: Arg): Decimal | PerfError {
  const d = amount(raw, arg);
  if (isPerfError(d) || !d.isNegative()) return d;
  return fail("value", "PERF_NEGATIVE", { value: formatDecimal(d) }, { arg });
}

/** `part` may not be more than `whole` (assets in use and the total, carry-over and the budget). */
function notOver(part: Decimal, partArg: Arg, whole: Decimal, wholeArg: Arg): PerfError | null {
  if (part.lte(whole)) return null;
  return fail(
    "value",
    "PERF_OVER",
    { value: formatDecimal(part), limit: formatDecimal(whole) },
    { arg: partArg, limitArg: wholeArg },
  );
}

function num(d: Decimal): number {
  return Number(d.toString());
}

const KIND_ALIASES: Record<string, IndicatorKind> = {
  auto: "auto",
  higher: "higher",
  lower: "lower",
  equal: "equal",
  cost: "cost",
  qualitative: "qualitative",
  自动: "auto",
  正向: "higher",
  正向指标: "higher",
  反向: "lower",
  反向指标: "lower",
  等于: "equal",
  成本: "cost",
  成本指标: "cost",
  定性: "qualitative",
  定性指标: "qualitative",
};

function kindOf(raw: Raw): IndicatorKind | PerfError {
  if (isBlank(raw)) return "auto";
  const k = KIND_ALIASES[normalizeText(String(raw)).toLowerCase()];
  return k ?? fail("value", "PERF_KIND_UNKNOWN", { text: shown(raw) });
}

/** numerator/denominator, both non-negative, the denominator not 0. */
function ratio(numerator: Raw, nArg: Arg, denominator: Raw, dArg: Arg): { n: Decimal; d: Decimal } | PerfError {
  const n = nonNegative(numerator, nArg);
  if (isPerfError(n)) return n;
  const d = nonNegative(denominator, dArg);
  if (isPerfError(d)) return d;
  if (d.isZero()) return fail("value", "PERF_ZERO", {}, { arg: dArg });
  return { n, d };
}

// ---------------------------------------------------------------------------------------------
// The functions

/** 执行率 = 全年执行数/全年预算数 (财预〔2020〕10号 自评表), exact (unrounded); over 1 when over-executed. */
export function execRate(budget: Raw, executed: Raw): number | PerfError {
  const r = ratio(executed, "executed", budget, "budget");
  if (isPerfError(r)) return r;
  return num(rules.execRate(r.d, r.n)!.exact);
}

/** 预算执行率得分 = 执行率 × 分值 (default the policy's budget weight), capped at the weight, rounded by the policy. */
export function execScore(budget: Raw, executed: Raw, weight?: Raw, policy?: Raw): number | PerfError {
  const r = ratio(executed, "executed", budget, "budget");
  if (isPerfError(r)) return r;
  const p = resolvePolicy(policy);
  if (isPerfError(p)) return p;
  const w = isBlank(weight) ? new Decimal(p.weights.budget) : nonNegative(weight, "weight");
  if (isPerfError(w)) return w;
  return num(rules.budgetScore(rules.execRate(r.d, r.n)!.exact, p, w).value);
}

type Scored = { result: rules.IndicatorScore; policy: Policy };

function scoreIndicator(target: Raw, actual: Raw, weight: Raw, kind: Raw, policy: Raw): Scored | PerfError {
  if (isBlank(target)) return fail("na", "PERF_BLANK", {}, { arg: "target" });
  if (isBlank(actual)) return fail("na", "PERF_BLANK", {}, { arg: "actual" });
  const w = nonNegative(weight, "weight");
  if (isPerfError(w)) return w;
  const k = kindOf(kind);
  if (isPerfError(k)) return k;
  const p = resolvePolicy(policy);
  if (isPerfError(p)) return p;
  const result = rules.indicatorScore(
    {
      target: readValue(target as string | number | boolean),
      actual: readValue(actual as string | number | boolean),
      weight: w,
      kind: k,
    },
    p,
  );
  return { result, policy: p };
}

/**
 * An indicator's score, rounded by the policy. A qualitative indicator (财预〔2020〕10号: scored by
 * the evaluator within the band of its achievement) answers its band as text in the pane's words,
 * "定性 12–15" (`lang` en: "qualitative 12–15"), the same text "Write formulas" puts in the review
 * column; EXPLAIN gives the band and the rule.
 */
export function score(
  target: Raw,
  actual: Raw,
  weight: Raw,
  kind?: Raw,
  policy?: Raw,
  lang: Lang = "zh",
): number | string | PerfError {
  const s = scoreIndicator(target, actual, weight, kind, policy);
  if (isPerfError(s)) return s;
  const r = s.result;
  switch (r.status) {
    case "scored":
      return num(r.value);
    case "qualitative":
      return t(lang, "QUALITATIVE_RANGE", { lo: formatDecimal(r.lo), hi: formatDecimal(r.hi) });
    case "unreadable":
      return {
        error: "value",
        message: `${t("zh", "PERF_CANNOT_SCORE", { reason: r.reason.zh })} / ${t("en", "PERF_CANNOT_SCORE", { reason: r.reason.en })}`,
      };
  }
}

function percent(x: number): string {
  return `${formatDecimal(new Decimal(x).times(100))}%`;
}

/**
 * How the score is reached ("8 × 164/5000 = 0.2624 → 0.26"), or why it cannot be, in `lang`. For a
 * qualitative indicator: its achievement and band, and the policy's bands with their source.
 */
export function explain(
  target: Raw,
  actual: Raw,
  weight: Raw,
  kind?: Raw,
  policy?: Raw,
  lang: Lang = "zh",
): string | PerfError {
  const s = scoreIndicator(target, actual, weight, kind, policy);
  if (isPerfError(s)) return s;
  const r = s.result;
  switch (r.status) {
    case "scored":
      return lang === "zh" ? r.explain : r.explainEn;
    case "qualitative": {
      const b = s.policy.qualitativeBands;
      const bands = {
        met: `${percent(b.met[0])}–${percent(b.met[1])}`,
        partial: `${percent(b.partial[0])}–${percent(b.partial[1])}`,
        unmet: `${percent(b.unmet[0])}–${percent(b.unmet[1])}`,
      };
      const head = lang === "zh" ? r.explain : r.explainEn;
      return `${head}${lang === "zh" ? "；" : "; "}${t(lang, "PERF_QUALITATIVE_RULE", bands)}`;
    }
    case "unreadable":
      return t(lang, "PERF_CANNOT_SCORE", { reason: r.reason[lang] });
  }
}

const PURE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function addAll(x: unknown, acc: Decimal[]): void {
  if (Array.isArray(x)) {
    for (const y of x) addAll(y, acc);
    return;
  }
  if (typeof x === "number") {
    if (Number.isFinite(x)) acc.push(new Decimal(String(x)));
  } else if (typeof x === "string") {
    const t = normalizeText(x);
    if (PURE_NUMBER.test(t)) acc.push(new Decimal(t));
  }
}

/** Exact sum of numbers and purely numeric texts; "—", other text, blanks and booleans are ignored. */
export function total(...ranges: unknown[][]): number {
  const acc: Decimal[] = [];
  addAll(ranges, acc);
  return num(rules.sumExact(acc));
}

/** The full marks of a policy: its weights together (100 under 财预〔2020〕10号). */
function fullMarks(p: Policy): Decimal {
  return new Decimal(fullMarksOf(p));
}

/** The grade of a total by the policy's bands (national: 优 ≥90, 良 ≥80, 中 ≥60, 差); a total outside 0–full marks is an error. */
export function grade(totalScore: Raw, policy?: Raw): string | PerfError {
  const v = amount(totalScore, "total");
  if (isPerfError(v)) return v;
  const p = resolvePolicy(policy);
  if (isPerfError(p)) return p;
  const full = fullMarks(p);
  if (v.isNegative() || v.gt(full))
    return fail("value", "PERF_TOTAL_RANGE", { value: formatDecimal(v), full: formatDecimal(full), policy: p.name });
  return rules.grade(v, p).grade;
}

/** The number inside a text ("≥90%" → 0.9, "21.84 万 元" → 21.84). PERF.NUMBER (function id VALUE). */
export function numberIn(text: Raw): number | PerfError {
  if (isBlank(text)) return fail("na", "PERF_BLANK", {}, { arg: "cell" });
  if (typeof text === "number")
    return Number.isFinite(text) ? text : fail("value", "PERF_NOT_FINITE", {}, { arg: "cell" });
  const p = readValue(typeof text === "boolean" ? text : (text ?? null));
  if (p.kind === "number") return num(p.value);
  if (p.kind === "dash") return fail("na", "PERF_DASH", { text: p.text }, { arg: "cell" });
  return fail("value", "PERF_NOT_NUMBER", { text: shown(text) }, { arg: "cell" });
}

/** 结转结余率 = 结转结余/调整后预算 (部门整体绩效), exact; the carry-over cannot be more than the budget. */
export function carryoverRate(carryover: Raw, budget: Raw): number | PerfError {
  const r = ratio(carryover, "carryover", budget, "adjustedBudget");
  if (isPerfError(r)) return r;
  return notOver(r.n, "carryover", r.d, "adjustedBudget") ?? num(rules.carryoverRate(r.n, r.d)!.exact);
}

/** 预决算差异率 = (实际支出 − 年初预算)/年初预算, exact; negative when under budget. */
export function budgetVariance(actual: Raw, initialBudget: Raw): number | PerfError {
  const r = ratio(actual, "spending", initialBudget, "initialBudget");
  if (isPerfError(r)) return r;
  return num(rules.budgetVariance(r.n, r.d)!.exact);
}

/** 固定资产利用率 = 实际在用固定资产/固定资产原值, exact; assets in use cannot be more than the total. */
export function assetUse(inUse: Raw, totalAssets: Raw): number | PerfError {
  const r = ratio(inUse, "inUse", totalAssets, "totalAssets");
  if (isPerfError(r)) return r;
  return notOver(r.n, "inUse", r.d, "totalAssets") ?? num(rules.assetUse(r.n, r.d)!.exact);
}
