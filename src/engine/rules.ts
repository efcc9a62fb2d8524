/**
 * The scoring rules of 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号), each taking a Policy.
 * Every number is a Decimal; each rule answers a RuleResult (value rounded by the policy,
 * the exact figure, a short explanation) or null when it cannot be computed.
 */
import { Decimal, clamp, formatDecimal, roundTo, toDecimal, type DecimalLike } from "./decimal";
import { national } from "./policy";
import type { Achievement, GradeBand, IndicatorKind, ParsedValue, Policy, RuleResult } from "./types";
import {
  classifyAchievement,
  compactText,
  meetsDeadline,
  numberOf,
  readCompletion,
  readDeadline,
  unitsCompatible,
} from "./value";
import { both, type Bilingual, type Params, type StringKey } from "../i18n/strings";

/** An amount as a rule accepts it: Decimal, JS number, numeric text; blank is null/undefined/"". */
export type Amount = DecimalLike | null | undefined;

const ZERO = new Decimal(0);

/** The amount as a Decimal, or null when blank or not a number. */
export function amountOf(x: Amount): Decimal | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "number") return Number.isFinite(x) ? toDecimal(x) : null;
  if (typeof x === "string") return numberOf(x);
  if (x instanceof Decimal) return x.isFinite() ? x : null;
  try {
    return toDecimal(x);
  } catch {
    return null;
  }
}

/**
 * `explain` computed on first read: the PERF functions and the checks need it rarely, and
 * formatting decimals costs more than the arithmetic. A prototype getter keeps objects fast.
 */
class Explained {
  private text?: Bilingual;
  constructor(private readonly make: () => Bilingual) {}
  /** zh-CN. */
  get explain(): string {
    return (this.text ??= this.make()).zh;
  }
  /** en-US. */
  get explainEn(): string {
    return (this.text ??= this.make()).en;
  }
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (k !== "make" && k !== "text") out[k] = v;
    out.explain = this.explain;
    out.explainEn = this.explainEn;
    return out;
  }
}

class RuleValue extends Explained implements RuleResult {
  constructor(
    readonly value: Decimal,
    readonly exact: Decimal,
    make: () => Bilingual,
  ) {
    super(make);
  }
}

class ScoredValue extends Explained {
  readonly status = "scored" as const;
  constructor(
    readonly value: Decimal,
    readonly exact: Decimal,
    readonly kind: ScoredKind,
    readonly met: boolean,
    make: () => Bilingual,
  ) {
    super(make);
  }
}

/** The same text in both languages (formulas: "8 × 164/5000 = 0.2624 → 0.26"). */
function same(text: string): Bilingual {
  return { zh: text, en: text };
}

/** Exact figure for explanations: at most rounding.decimals + 2 places, no trailing zeros. */
function showExact(d: Decimal, policy: Policy): string {
  return formatDecimal(roundTo(d, policy.rounding.decimals + 2, "half-up"));
}

function showPercent(rate: Decimal, decimals: number): string {
  return `${formatDecimal(rate.times(100), decimals)}%`;
}

function rounded(exact: Decimal, policy: Policy): Decimal {
  return roundTo(exact, policy.rounding.decimals, policy.rounding.mode);
}

/** "= exact → value", the arrow only when rounding changed the figure. */
function equalsPart(exact: Decimal, value: Decimal, policy: Policy): string {
  const shown = showExact(exact, policy);
  return new Decimal(shown).eq(value) && exact.eq(value)
    ? `= ${formatDecimal(value)}`
    : `= ${shown} → ${formatDecimal(value)}`;
}

function ratio(numerator: Amount, denominator: Amount): { n: Decimal; d: Decimal } | null {
  const d = amountOf(denominator);
  const n = amountOf(numerator);
  if (d === null || n === null || d.isZero()) return null;
  return { n, d };
}

/**
 * 执行率 = 全年执行数/全年预算数 (财预〔2020〕10号). null when the budget is 0, blank or missing
 * (or the executed amount is blank). value is the exact fraction, not rounded.
 */
export function execRate(budget: Amount, executed: Amount, policy: Policy = national): RuleResult | null {
  const r = ratio(executed, budget);
  if (!r) return null;
  const exact = r.n.div(r.d);
  return new RuleValue(exact, exact, () =>
    same(`${formatDecimal(r.n)}/${formatDecimal(r.d)} = ${showPercent(exact, policy.rounding.decimals)}`),
  );
}

/** 预算执行率得分 = 执行率 × 分值, capped at the weight, never below 0, rounded by the policy. */
export function budgetScore(
  rate: Decimal,
  policy: Policy = national,
  weight: DecimalLike = policy.weights.budget,
): RuleResult {
  const w = toDecimal(weight);
  const product = rate.times(w);
  const exact = clamp(product, ZERO, w.isNegative() ? ZERO : w);
  const value = rounded(exact, policy);
  return new RuleValue(value, exact, () => {
    const head = `${formatDecimal(w)} × ${showPercent(rate, policy.rounding.decimals)}`;
    if (product.gt(w))
      return both("EXPLAIN_BUDGET_CAPPED", { head, weight: formatDecimal(w), value: formatDecimal(value) });
    if (product.isNegative()) return same(`${head} < 0: 0`);
    return same(`${head} = ${formatDecimal(value)}`);
  });
}

export type ScoredKind = "higher" | "lower" | "equal" | "cost" | "deadline";

export interface IndicatorInput {
  target: ParsedValue;
  actual: ParsedValue;
  weight: Decimal;
  kind?: IndicatorKind;
  /** 二级指标 name: "成本指标" makes an "auto" indicator a cost indicator. */
  level2?: string;
}

export type IndicatorScore =
  | {
      status: "scored";
      value: Decimal;
      exact: Decimal;
      /** zh-CN; explainEn is en-US. */
      explain: string;
      explainEn: string;
      kind: ScoredKind;
      /** The target is achieved, i.e. the indicator scores its full weight. */
      met: boolean;
    }
  | {
      status: "qualitative";
      achievement?: Achievement;
      lo: Decimal;
      hi: Decimal;
      explain: string;
      explainEn: string;
    }
  | { status: "unreadable"; reason: { zh: string; en: string } };

type Unreadable = Extract<IndicatorScore, { status: "unreadable" }>;

/** The score range a qualitative achievement allows: 达成 [80%,100%], 部分达成 [60%,80%), 未达成 [0,60%) of the weight. */
export function qualitativeBand(
  achievement: Achievement | undefined,
  weight: DecimalLike,
  policy: Policy = national,
): { lo: Decimal; hi: Decimal } {
  const w = toDecimal(weight);
  const b = policy.qualitativeBands;
  const [lo, hi] =
    achievement === "met"
      ? b.met
      : achievement === "mostly"
        ? [b.partial[0], b.met[1]]
        : achievement === "partial"
          ? b.partial
          : achievement === "unmet"
            ? b.unmet
            : [0, 1];
  return { lo: w.times(toDecimal(lo)), hi: w.times(toDecimal(hi)) };
}

function unreadable(key: StringKey, params: Params = {}): Unreadable {
  return { status: "unreadable", reason: both(key, params) };
}

function sideProblem(p: ParsedValue, side: "target" | "actual"): Unreadable | null {
  switch (p.kind) {
    case "blank":
      return unreadable(side === "target" ? "RULE_TARGET_BLANK" : "RULE_ACTUAL_BLANK");
    case "dash":
      return unreadable(side === "target" ? "RULE_TARGET_DASH" : "RULE_ACTUAL_DASH", { text: p.text });
    case "error":
      return unreadable(side === "target" ? "RULE_TARGET_ERROR" : "RULE_ACTUAL_ERROR", { text: p.text });
    default:
      return null;
  }
}

function qualitative(input: IndicatorInput, policy: Policy): IndicatorScore {
  const { target, actual } = input;
  let achievement: Achievement | undefined = actual.kind === "text" ? actual.achievement : undefined;
  const tText = target.kind === "text" || target.kind === "number" ? target.text : "";
  const aText = actual.kind === "text" || actual.kind === "number" ? actual.text : "";
  if (tText && compactText(tText) === compactText(aText)) achievement = "met";
  const { lo, hi } = qualitativeBand(achievement, input.weight, policy);
  const params = { lo: formatDecimal(lo), hi: formatDecimal(hi) };
  const text = achievement
    ? both("EXPLAIN_QUALITATIVE", { ...params, achievement: both(`ACHIEVEMENT_${achievement}`) })
    : both("EXPLAIN_QUALITATIVE_UNCLEAR", params);
  return achievement
    ? { status: "qualitative", achievement, lo, hi, explain: text.zh, explainEn: text.en }
    : { status: "qualitative", lo, hi, explain: text.zh, explainEn: text.en };
}

function showSide(v: Decimal, percent: boolean): string {
  return percent ? `${formatDecimal(v.times(100))}%` : formatDecimal(v);
}

/**
 * Scores one indicator row (财预〔2020〕10号): a quantitative indicator met scores full, missed scores
 * 完成值/指标值 × 分值; a reverse (≤) indicator over its target follows policy.reverse; cost indicators
 * follow policy.cost; a qualitative one gets the score range of its achievement.
 */
export function indicatorScore(input: IndicatorInput, policy: Policy = national): IndicatorScore {
  const { target, actual } = input;
  let w: Decimal;
  try {
    w = toDecimal(input.weight);
  } catch {
    return unreadable("RULE_WEIGHT_NOT_NUMBER");
  }
  if (w.isNegative()) return unreadable("RULE_WEIGHT_NEGATIVE");

  const problem = sideProblem(target, "target") ?? sideProblem(actual, "actual");
  if (problem) return problem;

  const requested = input.kind ?? "auto";
  if (requested === "qualitative") return qualitative({ ...input, weight: w }, policy);
  if (requested === "auto") {
    const timely = deadlineScore(target, actual, w, policy);
    if (timely) return timely;
  }
  if (target.kind !== "number" || actual.kind !== "number") {
    if (requested === "auto") return qualitative({ ...input, weight: w }, policy);
    const onTarget = target.kind !== "number";
    const text = onTarget ? (target.kind === "text" ? target.text : "") : actual.kind === "text" ? actual.text : "";
    return unreadable(onTarget ? "RULE_TARGET_NOT_NUMBER" : "RULE_ACTUAL_NOT_NUMBER", { text, kind: requested });
  }

  if (!unitsCompatible(target.unit, actual.unit)) {
    return unreadable("RULE_UNITS_DIFFER", { target: target.unit, actual: actual.unit });
  }

  let t = target.value;
  let a = actual.value;
  let tPercent = target.percent;
  let aPercent = actual.percent;
  let note: StringKey | undefined;
  if (target.percent && !actual.percent && a.gt(1)) {
    a = a.div(100);
    aPercent = true;
    note = "EXPLAIN_ACTUAL_AS_PERCENT";
  } else if (!target.percent && actual.percent && t.gt(1)) {
    t = t.div(100);
    tPercent = true;
    note = "EXPLAIN_TARGET_AS_PERCENT";
  }
  /** The formula text, with the percent-reading note in each language. */
  const withNote = (text: string | Bilingual): Bilingual => {
    const b = typeof text === "string" ? same(text) : text;
    if (!note) return b;
    const n = both(note);
    return { zh: b.zh + n.zh, en: b.en + n.en };
  };

  let kind: ScoredKind;
  if (requested !== "auto") kind = requested;
  else if (input.level2 && input.level2.includes("成本")) kind = "cost";
  else if (target.op === "<=" || target.op === "<") kind = "lower";
  else if (target.op === "=") kind = "equal";
  else kind = "higher";

  const W = () => formatDecimal(w);
  const aS = () => showSide(a, aPercent || tPercent);
  const tS = () => showSide(t, tPercent || aPercent);
  const full = (rel: string): IndicatorScore => {
    const value = rounded(w, policy);
    return new ScoredValue(value, w, kind, true, () => withNote(both("EXPLAIN_FULL", { rel, weight: W() })));
  };
  const partial = (exact: Decimal, formula: () => string): IndicatorScore => {
    const e = clamp(exact, ZERO, w);
    const value = rounded(e, policy);
    return new ScoredValue(value, e, kind, false, () => withNote(`${formula()} ${equalsPart(e, value, policy)}`));
  };
  const higher = (): IndicatorScore => {
    if (a.gte(t)) return full("≥");
    if (t.lte(0)) return partial(ZERO, () => `${W()} × 0`);
    return partial(w.times(a).div(t), () => `${W()} × ${aS()}/${tS()}`);
  };
  const lower = (): IndicatorScore => {
    if (a.lte(t)) return full("≤");
    if (t.lte(0)) return partial(ZERO, () => `${W()} × 0`);
    if (policy.reverse === "inverse") return partial(w.times(t).div(a), () => `${W()} × ${tS()}/${aS()}`);
    const loss = a.minus(t).div(t);
    return partial(
      w.times(Decimal.max(ZERO, new Decimal(1).minus(loss))),
      () => `${W()} × (1 − (${aS()}−${tS()})/${tS()})`,
    );
  };

  switch (kind) {
    case "higher":
      return higher();
    case "lower":
      return lower();
    case "equal":
      if (a.eq(t)) return full("=");
      return a.lt(t) ? higher() : lower();
    case "cost":
      if (policy.cost === "as-reverse") return lower();
      if (a.gte(t)) return full("≥");
      if (t.lte(0)) return partial(ZERO, () => `${W()} × 0`);
      return partial(w.times(a).div(t), () => `${W()} × ${aS()}/${tS()}`);
  }
}

function textOfValue(p: ParsedValue): string {
  return p.kind === "text" || p.kind === "number" ? p.text : "";
}

/**
 * A 时效 indicator (财预〔2020〕10号: a deadline is met or missed): the target names a deadline ("9月前",
 * "12月底前", "2023年10月31日前", "按时完成") and the actual when it was done ("7月", "10月20日",
 * "已按时完成"). Met scores full; missed gets the 未达成 band of the weight; when the dates cannot be
 * told apart, the band the actual's words allow. Dates are compared, never a ratio of month
 * numbers. null when the target names no deadline.
 */
function deadlineScore(target: ParsedValue, actual: ParsedValue, w: Decimal, policy: Policy): IndicatorScore | null {
  const deadline = readDeadline(textOfValue(target));
  if (!deadline) return null;
  const aText = textOfValue(actual);
  const done = readCompletion(aText);
  const met = done ? meetsDeadline(deadline, done) : undefined;
  const achievement: Achievement | undefined =
    met === true ? "met" : met === false ? "unmet" : classifyAchievement(aText);
  const params = { target: deadline.text, actual: aText, weight: formatDecimal(w) };
  if (achievement === "met" && (met === true || done === undefined)) {
    return new ScoredValue(rounded(w, policy), w, "deadline", true, () => both("EXPLAIN_DEADLINE_MET", params));
  }
  const { lo, hi } = qualitativeBand(achievement, w, policy);
  const text = both(met === false ? "EXPLAIN_DEADLINE_MISSED" : "EXPLAIN_DEADLINE_UNCLEAR", {
    ...params,
    lo: formatDecimal(lo),
    hi: formatDecimal(hi),
  });
  return achievement
    ? { status: "qualitative", achievement, lo, hi, explain: text.zh, explainEn: text.en }
    : { status: "qualitative", lo, hi, explain: text.zh, explainEn: text.en };
}

/** Exact sum. */
export function sumExact(values: Decimal[]): Decimal {
  return values.reduce((s, v) => s.plus(v), new Decimal(0));
}

/** Grade band of a total: 优 ≥90, 良 ≥80, 中 ≥60, 差 below (policy.grades, highest first). */
export function grade(total: Decimal, policy: Policy = national): GradeBand {
  for (const band of policy.grades) {
    if (total.gte(toDecimal(band.min))) return band;
  }
  return policy.grades[policy.grades.length - 1];
}

function rateResult(n: Decimal, d: Decimal, formula: string, policy: Policy): RuleResult {
  const exact = n.div(d);
  const text = `${formula} = ${showPercent(exact, policy.rounding.decimals)}`;
  return { value: exact, exact, explain: text, explainEn: text };
}

/** 结转结余率 = 结转结余/调整后预算 (部门整体绩效). null on a zero or blank budget. */
export function carryoverRate(carryover: Amount, budget: Amount, policy: Policy = national): RuleResult | null {
  const r = ratio(carryover, budget);
  return r ? rateResult(r.n, r.d, `${formatDecimal(r.n)}/${formatDecimal(r.d)}`, policy) : null;
}

/** 预决算差异率 = (实际支出 − 年初预算)/年初预算; negative when under budget. null on a zero or blank budget. */
export function budgetVariance(actual: Amount, initialBudget: Amount, policy: Policy = national): RuleResult | null {
  const r = ratio(actual, initialBudget);
  if (!r) return null;
  return rateResult(
    r.n.minus(r.d),
    r.d,
    `(${formatDecimal(r.n)} − ${formatDecimal(r.d)})/${formatDecimal(r.d)}`,
    policy,
  );
}

/** 固定资产利用率 = 实际在用固定资产/固定资产原值. null on a zero or blank total. */
export function assetUse(inUse: Amount, total: Amount, policy: Policy = national): RuleResult | null {
  const r = ratio(inUse, total);
  return r ? rateResult(r.n, r.d, `${formatDecimal(r.n)}/${formatDecimal(r.d)}`, policy) : null;
}
