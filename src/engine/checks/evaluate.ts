/**
 * Evaluation: every figure a form's checks and reports need, computed once per form under a
 * policy (财预〔2020〕10号 rules in src/engine/rules.ts): the funds block's rate and score, each
 * indicator's rule score, and the three totals a reviewer compares — the total the form states,
 * the sum of the scores it states, and the review total (复核总分). Checks read this; none of them
 * recomputes it. Pure.
 */
import type { Bilingual } from "../../i18n/strings";
import { both } from "../../i18n/strings";
import { clamp, formatDecimal, toDecimal } from "../decimal";
import type { Field, FundsBlock, FundsRow, IndicatorRow, ProjectForm, ScoreTableForm, ScoreTableRow } from "../model";
import { budgetScore, execRate, indicatorScore, IndicatorScore, sumExact } from "../rules";
import type { ParsedValue, Policy, RuleResult } from "../types";
import { readSplitTarget } from "../value";
import { Decimal, isBlank, isDash, num, parsed, Stated, stated, StatedRate, statedRate, weightOf } from "./values";

const ZERO = new Decimal(0);

/** A stated 执行率 cell (the total row's, or a 其中 row's with its own amounts) and the rate its amounts give. */
export interface RateCell {
  fundsRow: FundsRow;
  field: Field;
  /** null when the row's amounts give no rate (blank or zero budget). */
  computed: RuleResult | null;
  /** null when the cell cannot be read as a rate. */
  stated: StatedRate | null;
}

export interface FundsEvaluation {
  block: FundsBlock;
  total: FundsRow;
  budget: Decimal | null;
  executed: Decimal | null;
  /**
   * The block's weight: stated on the form (a 分值 cell, else a label such as "预算执行情况(20分)" or
   * "得分(20分*执行率)"), else the policy's budget weight.
   */
  weight: Decimal;
  rate: RuleResult | null;
  /** 执行率 × weight, capped (null without a rate). */
  score: RuleResult | null;
  /** The budget score the form states. */
  stated: Stated | null;
  rates: RateCell[];
}

/** A review score and how it was reached. */
export interface Review {
  value: Decimal;
  explain: Bilingual;
}

export interface IndicatorEvaluation {
  ind: IndicatorRow;
  target: ParsedValue;
  actual: ParsedValue;
  /** null when the 分值 cell is missing or not a number. */
  weight: Decimal | null;
  stated: Stated | null;
  /** The rule's answer; undefined without a weight or an actual value. */
  rule?: IndicatorScore;
  review: Review;
}

export interface Totals {
  /** The 总分 the form states. */
  stated: Stated | null;
  /** The sum of the scores the form states (the budget score included). */
  computed: Decimal;
  /** The sum of the review scores (复核总分), capped where the policy caps the total by 执行率 band. */
  review: Decimal;
  /** The policy's cap that applies to this form's 执行率 (policy.totalCaps), if any: the lowest. */
  cap?: { max: Decimal; below: Decimal };
}

/** The lowest of the policy's caps whose band holds the rate (a rate below `below`). */
function capFor(rate: Decimal | undefined, policy: Policy): Totals["cap"] {
  if (!rate || !policy.totalCaps) return undefined;
  let cap: Totals["cap"];
  for (const c of policy.totalCaps) {
    if (!rate.lt(c.below)) continue;
    const max = new Decimal(c.max);
    if (!cap || max.lt(cap.max)) cap = { max, below: new Decimal(c.below) };
  }
  return cap;
}

export interface ProjectEvaluation {
  kind: "project";
  form: ProjectForm;
  funds?: FundsEvaluation;
  /** The budget block's review score (0 without a funds block). */
  fundsReview?: Review;
  indicators: IndicatorEvaluation[];
  /** Sum of the indicator weights that could be read. */
  indicatorWeights: Decimal;
  /** The funds block's weight, 0 without a funds block. */
  budgetWeight: Decimal;
  totals: Totals;
  /** The unit filled in at least one score (indicator, budget or total). */
  scored: boolean;
}

export interface ScoreTableNode {
  key: string;
  name: string;
  weight?: Field;
  rows: number[];
  parent?: string;
}

export interface ScoreRowEvaluation {
  row: ScoreTableRow;
  /** The leaf level's weight. */
  weight: Decimal | null;
  stated: Stated | null;
  review: Review;
}

export interface ScoreTableEvaluation {
  kind: "score-table";
  form: ScoreTableForm;
  rows: ScoreRowEvaluation[];
  /** Nodes per level (0 = 一级), keyed by their name cell, in order of appearance. */
  levels: Map<string, ScoreTableNode>[];
  totals: Totals;
  scored: boolean;
}

export type Evaluation = ProjectEvaluation | ScoreTableEvaluation;

/** The budget block's weight as the form states it (a 分值 cell, else a label), else the policy's. */
function blockWeight(block: FundsBlock, policy: Policy): Decimal {
  const stated = block.statedWeight ? toDecimal(block.statedWeight.value) : null;
  return weightOf(block.total?.weight) ?? stated ?? new Decimal(policy.weights.budget);
}

function evaluateFunds(block: FundsBlock | undefined, policy: Policy): FundsEvaluation | undefined {
  const t = block?.total;
  if (!block || !t) return undefined;
  const budget = num(t.budget);
  const executed = num(t.executed);
  const weight = blockWeight(block, policy);
  const rate = execRate(budget, executed, policy);
  const score = rate ? budgetScore(rate.exact, policy, weight) : null;
  const rates: RateCell[] = [];
  for (const row of [t, ...block.parts]) {
    if (!row.rate || isBlank(row.rate) || isDash(row.rate)) continue;
    const computed = row === t ? rate : execRate(num(row.budget), num(row.executed), policy);
    rates.push({
      fundsRow: row,
      field: row.rate,
      computed,
      stated: statedRate(row.rate, computed?.exact ?? null, policy),
    });
  }
  return { block, total: t, budget, executed, weight, rate, score, stated: stated(t.score), rates };
}

/** A stated score kept as the review score, capped at the weight when there is one. */
function keepStated(st: Stated | null, weight: Decimal | null, why: Bilingual): Review {
  if (!st) return { value: ZERO, explain: why };
  const value = weight && st.value.gt(weight) ? weight : st.value;
  return { value, explain: why };
}

function reviewIndicator(
  weight: Decimal | null,
  st: Stated | null,
  actual: ParsedValue,
  rule: IndicatorScore | undefined,
): Review {
  const found = st ? formatDecimal(st.value) : "";
  if (!weight) return keepStated(st, null, both("REVIEW_NO_WEIGHT", { found }));
  if (actual.kind === "blank") return { value: ZERO, explain: both("REVIEW_NO_ACTUAL") };
  if (!rule) return keepStated(st, weight, both("REVIEW_KEPT", { found }));
  switch (rule.status) {
    case "scored":
      return { value: rule.value, explain: { zh: rule.explain, en: rule.explainEn } };
    case "qualitative": {
      const lo = formatDecimal(rule.lo);
      const hi = formatDecimal(rule.hi);
      if (!st) return { value: rule.lo, explain: both("REVIEW_BAND_NO_SCORE", { lo, hi }) };
      const value = clamp(st.value, rule.lo, rule.hi);
      return {
        value,
        explain: value.eq(st.value)
          ? both("REVIEW_BAND_KEPT", { found, lo, hi })
          : both("REVIEW_BAND_CLAMPED", { found, lo, hi, value: formatDecimal(value) }),
      };
    }
    case "unreadable":
      return keepStated(st, weight, both("REVIEW_UNREADABLE", { found, reason: rule.reason }));
  }
}

function evaluateIndicator(ind: IndicatorRow, policy: Policy): IndicatorEvaluation {
  // A target split over 指标性质 | 指标值 | 度量单位 is read as the one text it stands for ("≥100%").
  const target =
    ind.targetOp || ind.unit
      ? readSplitTarget(ind.target?.value, ind.target?.numFmt, ind.targetOp?.value, ind.unit?.value)
      : parsed(ind.target);
  const actual = parsed(ind.actual);
  const weight = weightOf(ind.weight);
  const st = stated(ind.score);
  const rule =
    weight && actual.kind !== "blank"
      ? indicatorScore({ target, actual, weight, level2: ind.level2 }, policy)
      : undefined;
  return { ind, target, actual, weight, stated: st, rule, review: reviewIndicator(weight, st, actual, rule) };
}

function evaluateProject(form: ProjectForm, policy: Policy): ProjectEvaluation {
  const funds = evaluateFunds(form.funds, policy);
  const indicators = form.indicators.map((ind) => evaluateIndicator(ind, policy));
  // Without a 分值 column the level-1 labels state the weights ("产出指标(60分)"): those are the indicators' weights.
  const indicatorWeights =
    form.weightsFrom === "labels"
      ? sumExact(form.groups.flatMap((g) => (g.statedWeight ? [toDecimal(g.statedWeight)] : [])))
      : sumExact(indicators.flatMap((i) => (i.weight ? [i.weight] : [])));
  const budgetWeight = funds ? funds.weight : form.funds ? blockWeight(form.funds, policy) : ZERO;
  const statedScores = indicators.flatMap((i) => (i.stated ? [i.stated.value] : []));
  const computed = sumExact(funds?.stated ? [funds.stated.value, ...statedScores] : statedScores);
  let fundsReview: Review | undefined;
  if (funds) {
    fundsReview = funds.score
      ? { value: funds.score.value, explain: { zh: funds.score.explain, en: funds.score.explainEn } }
      : keepStated(
          funds.stated,
          funds.weight,
          both("REVIEW_NO_RATE", { found: funds.stated ? formatDecimal(funds.stated.value) : "" }),
        );
  }
  const sum = sumExact([...(fundsReview ? [fundsReview.value] : []), ...indicators.map((i) => i.review.value)]);
  const cap = capFor(funds?.rate?.exact, policy);
  const review = cap && sum.gt(cap.max) ? cap.max : sum;
  const totalStated = stated(form.total?.score);
  return {
    kind: "project",
    form,
    funds,
    fundsReview,
    indicators,
    indicatorWeights,
    budgetWeight,
    totals: { stated: totalStated, computed, review, ...(cap ? { cap } : {}) },
    scored: statedScores.length > 0 || !!funds?.stated || !!totalStated,
  };
}

function nodeKey(level: { name: string; nameCell?: string }, i: number): string {
  return level.nameCell ?? `${i}:${level.name}`;
}

function evaluateScoreTable(form: ScoreTableForm): ScoreTableEvaluation {
  const depth = form.depth;
  const levels: Map<string, ScoreTableNode>[] = Array.from({ length: depth }, () => new Map());
  const rows: ScoreRowEvaluation[] = [];
  for (const row of form.rows) {
    row.levels.forEach((l, i) => {
      const key = nodeKey(l, i);
      let node = levels[i].get(key);
      if (!node) {
        node = {
          key,
          name: l.name,
          weight: l.weight,
          rows: [],
          parent: i > 0 ? nodeKey(row.levels[i - 1], i - 1) : undefined,
        };
        levels[i].set(key, node);
      }
      node.rows.push(row.row);
    });
    const weight = weightOf(row.levels[depth - 1]?.weight);
    const st = stated(row.score);
    // A score table states no targets: the unit's judgement stands, within the leaf's weight.
    const review = keepStated(st, weight, both("REVIEW_SCORE_TABLE", { found: st ? formatDecimal(st.value) : "" }));
    rows.push({ row, weight, stated: st, review });
  }
  const statedScores = rows.flatMap((r) => (r.stated ? [r.stated.value] : []));
  const totalStated = stated(form.total?.score);
  return {
    kind: "score-table",
    form,
    rows,
    levels,
    totals: {
      stated: totalStated,
      computed: sumExact(statedScores),
      review: sumExact(rows.map((r) => r.review.value)),
    },
    scored: statedScores.length > 0 || !!totalStated,
  };
}

/** Every figure of a form under a policy. */
export function evaluate(form: ProjectForm | ScoreTableForm, policy: Policy): Evaluation {
  return form.kind === "project" ? evaluateProject(form, policy) : evaluateScoreTable(form);
}
