/**
 * Pure implementations behind the PERF.* Excel custom functions. Inputs are raw cell values
 * as Excel passes them; results are JS numbers or strings (crossing back from Decimal only
 * here, via Number(decimal.toString())), or a PerfError the custom-function wrapper throws.
 */
import { Decimal } from "./decimal";
import { getPolicy, national, PolicyError } from "./policy";
import * as rules from "./rules";
import type { IndicatorKind, Policy } from "./types";
import { normalizeText, readValue } from "./value";

export type Raw = number | string | boolean | null | undefined;

/** "na": a required input is blank. "value": an input cannot be read, or the policy is unknown. */
export interface PerfError {
  error: "value" | "na";
  /** Bilingual: "中文 / English". */
  message: string;
}

export function isPerfError(x: unknown): x is PerfError {
  return typeof x === "object" && x !== null && "error" in x && "message" in x;
}

function err(error: PerfError["error"], zh: string, en: string): PerfError {
  return { error, message: `${zh} / ${en}` };
}

/**
 * The workbook's default policy lives on globalThis: in the shared runtime the task pane, the
 * ribbon commands and the custom functions are separate bundles, each with its own copy of this
 * module, and the pane's choice must reach the functions.
 */
const POLICY_SLOT = "__perfDefaultPolicy";

function slot(): { policy: Policy } {
  const g = globalThis as unknown as Record<string, { policy: Policy } | undefined>;
  return (g[POLICY_SLOT] ??= { policy: national });
}

/** The workbook's policy (set by the task pane). An explicit policy argument still wins. */
export function setDefaultPolicy(policy: string | Policy | null | undefined): Policy {
  const p = typeof policy === "object" && policy !== null ? policy : getPolicy(policy ?? undefined);
  slot().policy = p;
  return p;
}

export function getDefaultPolicy(): Policy {
  return slot().policy;
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && normalizeText(raw) === "");
}

function resolvePolicy(raw: Raw): Policy | PerfError {
  const defaultPolicy = slot().policy;
  if (isBlank(raw)) return defaultPolicy;
  if (typeof raw !== "string")
    return err("value", `评分规则应为名称文本，而不是 ${String(raw)}`, `policy must be a name, not ${String(raw)}`);
  const name = raw.trim();
  if (name === defaultPolicy.name) return defaultPolicy;
  try {
    return getPolicy(name);
  } catch (e) {
    if (e instanceof PolicyError) return { error: "value", message: e.message };
    throw e;
  }
}

function shown(raw: unknown): string {
  return typeof raw === "string" ? raw.trim() : String(raw);
}

/** A required number: blank → na; dash → na (deliberately not applicable); anything else not a number → value. */
function amount(raw: Raw, zh: string, en: string): Decimal | PerfError {
  if (typeof raw === "number" && Number.isFinite(raw)) return new Decimal(String(raw));
  if (isBlank(raw)) return err("na", `${zh}为空`, `${en} is blank`);
  if (typeof raw === "boolean")
    return err("value", `${zh}“${shown(raw)}”不是数字`, `${en} "${shown(raw)}" is not a number`);
  const p = readValue(raw);
  if (p.kind === "number") return p.value;
  if (p.kind === "dash") return err("na", `${zh}为“${p.text}”（不适用）`, `${en} is "${p.text}" (not applicable)`);
  return err("value", `${zh}“${shown(raw)}”不是数字`, `${en} "${shown(raw)}" is not a number`);
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
  if (k) return k;
  return err(
    "value",
    `未知的指标类型“${shown(raw)}”，可用：auto、higher、lower、equal、cost、qualitative`,
    `unknown indicator kind "${shown(raw)}"; use auto, higher, lower, equal, cost or qualitative`,
  );
}

function rate(
  numerator: Raw,
  denominator: Raw,
  names: [string, string, string, string],
  policy: Raw,
  rule: (n: Decimal, d: Decimal, p: Policy) => { exact: Decimal } | null,
): number | PerfError {
  const n = amount(numerator, names[0], names[1]);
  if (isPerfError(n)) return n;
  const d = amount(denominator, names[2], names[3]);
  if (isPerfError(d)) return d;
  const p = resolvePolicy(policy);
  if (isPerfError(p)) return p;
  const r = rule(n, d, p);
  if (!r) return err("value", `${names[2]}为 0，无法计算`, `${names[3]} is 0; cannot divide`);
  return num(r.exact);
}

/** 执行率 = 全年执行数/全年预算数, unrounded. */
export function execRate(budget: Raw, executed: Raw, policy?: Raw): number | PerfError {
  return rate(executed, budget, ["全年执行数", "executed", "全年预算数", "budget"], policy, (n, d, p) =>
    rules.execRate(d, n, p),
  );
}

/** 预算执行率得分 = 执行率 × 分值 (default the policy's budget weight), capped, rounded by the policy. */
export function execScore(budget: Raw, executed: Raw, weight?: Raw, policy?: Raw): number | PerfError {
  const b = amount(budget, "全年预算数", "budget");
  if (isPerfError(b)) return b;
  const e = amount(executed, "全年执行数", "executed");
  if (isPerfError(e)) return e;
  const p = resolvePolicy(policy);
  if (isPerfError(p)) return p;
  const w = isBlank(weight) ? new Decimal(p.weights.budget) : amount(weight, "分值", "weight");
  if (isPerfError(w)) return w;
  if (w.isNegative()) return err("value", "分值为负数", "weight is negative");
  const r = rules.execRate(b, e, p);
  if (!r) return err("value", "全年预算数为 0，无法计算", "budget is 0; cannot divide");
  return num(rules.budgetScore(r.exact, p, w).value);
}

type Scored = { result: rules.IndicatorScore; policy: Policy };

function scoreIndicator(target: Raw, actual: Raw, weight: Raw, kind: Raw, policy: Raw): Scored | PerfError {
  if (isBlank(target)) return err("na", "指标值为空", "target is blank");
  if (isBlank(actual)) return err("na", "完成值为空", "actual is blank");
  const w = amount(weight, "分值", "weight");
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

/** An indicator's score, rounded by the policy. A qualitative indicator is a value error stating its allowed range. */
export function score(target: Raw, actual: Raw, weight: Raw, kind?: Raw, policy?: Raw): number | PerfError {
  const s = scoreIndicator(target, actual, weight, kind, policy);
  if (isPerfError(s)) return s;
  const r = s.result;
  switch (r.status) {
    case "scored":
      return num(r.value);
    case "qualitative":
      return { error: "value", message: `${r.explain} / ${r.explainEn}` };
    case "unreadable":
      return err("value", `无法评分：${r.reason.zh}`, `cannot score: ${r.reason.en}`);
  }
}

/** How the score is reached ("8 × 164/5000 = 0.2624 → 0.26"), or why it cannot be. */
export function explain(target: Raw, actual: Raw, weight: Raw, kind?: Raw, policy?: Raw): string | PerfError {
  const s = scoreIndicator(target, actual, weight, kind, policy);
  if (isPerfError(s)) return s;
  const r = s.result;
  switch (r.status) {
    case "scored":
      return r.explain;
    case "qualitative":
      return `${r.explain} / ${r.explainEn}`;
    case "unreadable":
      return `无法评分：${r.reason.zh} / cannot score: ${r.reason.en}`;
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

/** 优/良/中/差 of a total. */
export function grade(totalScore: Raw, policy?: Raw): string | PerfError {
  const t = amount(totalScore, "总分", "total");
  if (isPerfError(t)) return t;
  const p = resolvePolicy(policy);
  if (isPerfError(p)) return p;
  return rules.grade(t, p).grade;
}

/** The number inside a text ("≥90%" → 0.9, "21.84 万 元" → 21.84). */
export function value(text: Raw): number | PerfError {
  if (isBlank(text)) return err("na", "单元格为空", "cell is blank");
  if (typeof text === "number") return Number.isFinite(text) ? text : err("value", "不是有限数", "not a finite number");
  const p = readValue(typeof text === "boolean" ? text : (text ?? null));
  if (p.kind === "number") return num(p.value);
  if (p.kind === "dash") return err("na", `“${p.text}”表示不适用`, `"${p.text}" means not applicable`);
  return err("value", `“${shown(text)}”不是数字`, `"${shown(text)}" is not a number`);
}

/** 结转结余率 = 结转结余/调整后预算, unrounded. */
export function carryoverRate(carryover: Raw, budget: Raw, policy?: Raw): number | PerfError {
  return rate(carryover, budget, ["结转结余", "carryover", "调整后预算", "budget"], policy, (n, d, p) =>
    rules.carryoverRate(n, d, p),
  );
}

/** 预决算差异率 = (实际支出 − 年初预算)/年初预算, unrounded; negative when under budget. */
export function budgetVariance(actual: Raw, initialBudget: Raw, policy?: Raw): number | PerfError {
  return rate(actual, initialBudget, ["实际支出", "actual spending", "年初预算", "initial budget"], policy, (n, d, p) =>
    rules.budgetVariance(n, d, p),
  );
}

/** 固定资产利用率 = 实际在用/固定资产原值, unrounded. */
export function assetUse(inUse: Raw, totalAssets: Raw, policy?: Raw): number | PerfError {
  return rate(
    inUse,
    totalAssets,
    ["在用固定资产", "assets in use", "固定资产原值", "total fixed assets"],
    policy,
    (n, d, p) => rules.assetUse(n, d, p),
  );
}
