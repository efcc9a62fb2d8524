/**
 * The review column's formulas (复核执行率, 复核得分, 复核总分, 复核等级) as native Excel formulas
 * that compute, from the form's own cells, exactly the review figures the engine reports
 * (src/engine/checks/evaluate.ts under 财预〔2020〕10号 rules and the policy): each indicator's
 * review score, the budget block's score recomputed with its own weight, the review total as the
 * SUM of the review column (never of the stated scores), and its grade. Pure.
 *
 * An operand is the cell itself wherever the cell holds the very number the engine used; where
 * only the checker's parser reads a number out of text ("≥600人" → 600, "53.861万元" → 53.861),
 * the engine's value is written as a literal, and the formula's note says so (a literal does not
 * follow later edits of that cell).
 *
 * Shapes: every formula starts with "="; amounts, weights and scores are in the form's units;
 * rates are fractions. Errors: none (a figure the engine has no value for gets no formula).
 */
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import type { FundsEvaluation, IndicatorEvaluation, Review } from "./checks/evaluate";
import type { Stated } from "./checks/values";
import { Decimal, formatDecimal, roundTo, toDecimal } from "./decimal";
import type { Field } from "./model";
import { qualitativeBand } from "./rules";
import type { ParsedValue, Policy } from "./types";

/** A formula operand, and the note to give when it is a literal read from text. */
interface Operand {
  expr: string;
  note?: string;
}

/** A formula and the notes its literal operands need. */
export interface ReviewFormula {
  formula: string;
  notes: string[];
}

function literal(d: Decimal): string {
  const s = formatDecimal(d);
  return s.startsWith("-") ? `(${s})` : s;
}

function textOf(f: Field): string {
  return typeof f.value === "string" ? f.value : String(f.value);
}

/**
 * A cell's number in a formula: the reference when the cell is a number equal to `value`, else
 * `value` as a literal, with a note naming the cell and its text (`fromText`: the parser read
 * the number out of text such as "≥600人", so the cell is never referenced). `divideBy100`: the
 * rule read the figure as a percent (95 for 95%), so the formula divides it too.
 */
function numberOperand(
  f: Field | undefined,
  value: Decimal,
  lang: Lang,
  divideBy100 = false,
  fromText = false,
): Operand {
  const used = divideBy100 ? value.div(100) : value;
  if (!fromText && f && typeof f.value === "number" && Number.isFinite(f.value) && toDecimal(f.value).eq(value))
    return { expr: divideBy100 ? `(${f.cell}/100)` : f.cell };
  const expr = literal(used);
  if (!f) return { expr };
  return { expr, note: t(lang, "REVIEW_LITERAL", { cell: f.cell, text: textOf(f), value: formatDecimal(used) }) };
}

/** A stated score as the engine reads it: the cell as displayed (ROUND to its shown decimals when it holds more). */
function statedOperand(f: Field | undefined, st: Stated, lang: Lang): Operand {
  if (f && typeof f.value === "number" && Number.isFinite(f.value)) {
    if (toDecimal(f.value).eq(st.value)) return { expr: f.cell };
    const shown = roundTo(toDecimal(Number(f.value.toPrecision(15))), st.decimals, "half-up");
    if (shown.eq(st.value)) return { expr: `ROUND(${f.cell},${st.decimals})` };
  }
  return numberOperand(f, st.value, lang);
}

function roundFn(policy: Policy, expr: string): string {
  const fn = policy.rounding.mode === "truncate" ? "ROUNDDOWN" : "ROUND";
  return `${fn}(${expr},${policy.rounding.decimals})`;
}

function done(formula: string, ...ops: (Operand | undefined)[]): ReviewFormula {
  const notes: string[] = [];
  for (const o of ops) if (o?.note && !notes.includes(o.note)) notes.push(o.note);
  return { formula, notes };
}

/** A stated score kept (capped at the weight when there is one), or 0 without one. */
function keepStated(f: Field | undefined, st: Stated | null, weight: Operand | undefined, lang: Lang): ReviewFormula {
  if (!st) return { formula: "=0", notes: [] };
  const s = statedOperand(f, st, lang);
  return weight ? done(`=MIN(${s.expr},${weight.expr})`, s, weight) : done(`=N(${s.expr})`, s);
}

/** The rule's ratio (0..1 before the cap) for a scored quantitative indicator, with its operands. */
function ruleRatio(
  kind: string | undefined,
  target: ParsedValue,
  actual: ParsedValue,
  ind: IndicatorEvaluation["ind"],
  policy: Policy,
  lang: Lang,
): { ratio: string; ops: Operand[] } | undefined {
  if (target.kind !== "number" || actual.kind !== "number") return undefined;
  // As rules.ts normalises the two sides: a bare 95 against "≥90%" is 95%, and the other way round.
  const aTo = target.percent && !actual.percent && actual.value.gt(1);
  const tTo = !target.percent && actual.percent && target.value.gt(1);
  const A = numberOperand(ind.actual, actual.value, lang, aTo, actual.op !== "none" || actual.approx);
  const T = numberOperand(ind.target, target.value, lang, tTo, target.op !== "none" || target.approx);
  const a = A.expr;
  const tt = T.expr;
  const lower =
    policy.reverse === "inverse" ? `IF(${a}<=${tt},1,${tt}/${a})` : `IF(${a}<=${tt},1,MAX(0,1-(${a}-${tt})/${tt}))`;
  const higher = `IF(${a}>=${tt},1,IF(${tt}>0,${a}/${tt},0))`;
  let ratio: string;
  switch (kind) {
    case "higher":
      ratio = higher;
      break;
    case "lower":
      ratio = `IF(${tt}>0,${lower},IF(${a}<=${tt},1,0))`;
      break;
    case "equal":
      ratio = `IF(${a}=${tt},1,IF(${a}<${tt},${higher},IF(${tt}>0,${lower},0)))`;
      break;
    case "cost":
      ratio =
        policy.cost === "spend-ratio"
          ? `IF(${a}>=${tt},1,IF(${tt}>0,${a}/${tt},0))`
          : `IF(${tt}>0,${lower},IF(${a}<=${tt},1,0))`;
      break;
    default:
      return undefined;
  }
  return { ratio, ops: [A, T] };
}

/**
 * An indicator row's 复核得分 (evaluate.ts reviewIndicator): the rule's score for a quantitative
 * indicator; the stated score clamped into its band for a qualitative one (the band's low end
 * without a stated score); the stated score capped at the weight where the rules cannot score;
 * 0 without an actual value. Undefined when no formula reproduces the engine's figure.
 */
export function indicatorReviewFormula(ev: IndicatorEvaluation, policy: Policy, lang: Lang): ReviewFormula | undefined {
  const { ind, weight, stated, rule, actual } = ev;
  const W = weight ? numberOperand(ind.weight, weight, lang) : undefined;
  if (!weight) return keepStated(ind.score, stated, undefined, lang);
  if (actual.kind === "blank")
    return ind.actual ? { formula: `=IF(TRIM(${ind.actual.cell})="",0,"")`, notes: [] } : { formula: "=0", notes: [] };
  if (!rule) return keepStated(ind.score, stated, W, lang);
  switch (rule.status) {
    case "scored": {
      const r = ruleRatio(rule.kind, ev.target, ev.actual, ind, policy, lang);
      if (!r) return undefined;
      return done(`=${roundFn(policy, `MAX(0,MIN(1,${r.ratio}))*${W!.expr}`)}`, ...r.ops, W);
    }
    case "qualitative": {
      const unit = qualitativeBand(rule.achievement, 1, policy);
      const lo = unit.lo.eq(0) ? "0" : `${W!.expr}*${literal(unit.lo)}`;
      const hi = unit.hi.eq(1) ? W!.expr : `${W!.expr}*${literal(unit.hi)}`;
      // No stated score: the band's low end.
      if (!stated) return done(`=MAX(0,${lo})`, W);
      const s = statedOperand(ind.score, stated, lang);
      return done(`=MIN(${hi},MAX(${lo},${s.expr}))`, s, W);
    }
    case "unreadable":
      return keepStated(ind.score, stated, W, lang);
  }
}

/** The 执行率 the engine computes (全年执行数/全年预算数), guarded against a budget edited to 0. */
export function rateFormula(fe: FundsEvaluation, lang: Lang): ReviewFormula | undefined {
  if (!fe.rate || !fe.budget || !fe.executed) return undefined;
  const B = numberOperand(fe.total.budget, fe.budget, lang);
  const E = numberOperand(fe.total.executed, fe.executed, lang);
  return done(`=IF(N(${B.expr})=0,"",${E.expr}/${B.expr})`, B, E);
}

/**
 * The budget block's 复核得分: 执行率 × the block's own weight, capped at it, rounded by the
 * policy; without a rate, the stated score capped at the weight.
 */
export function budgetReviewFormula(fe: FundsEvaluation, policy: Policy, lang: Lang): ReviewFormula {
  const W = numberOperand(fe.total.weight, fe.weight, lang);
  if (fe.rate && fe.budget && fe.executed) {
    const B = numberOperand(fe.total.budget, fe.budget, lang);
    const E = numberOperand(fe.total.executed, fe.executed, lang);
    return done(`=IF(N(${B.expr})=0,"",${roundFn(policy, `MIN(1,MAX(0,${E.expr}/${B.expr}))*${W.expr}`)})`, B, E, W);
  }
  return keepStated(fe.total.score, fe.stated, W, lang);
}

/** A score-table row's 复核得分: the stated score, capped at the leaf's weight. */
export function scoreRowReviewFormula(
  score: Field | undefined,
  st: Stated | null,
  weightField: Field | undefined,
  weight: Decimal | null,
  lang: Lang,
): ReviewFormula {
  return keepStated(score, st, weight ? numberOperand(weightField, weight, lang) : undefined, lang);
}

/** 复核等级 of the review total in `cell` by the policy's bands (highest first); float noise rounded off. */
export function gradeFormula(cell: string, policy: Policy): string {
  const bands = policy.grades;
  let expr = `"${bands[bands.length - 1].grade}"`;
  for (let i = bands.length - 2; i >= 0; i--) {
    expr = `IF(ROUND(${cell},9)>=${literal(toDecimal(bands[i].min))},"${bands[i].grade}",${expr})`;
  }
  return `=${expr}`;
}

/**
 * A review score no formula reproduces (a rule the formulas do not cover): the engine's value,
 * with a note saying how it was reached.
 */
export function reviewValueFormula(r: Review, lang: Lang): ReviewFormula {
  return { formula: `=${literal(r.value)}`, notes: [t(lang, "REVIEW_VALUE_ONLY", { explain: r.explain[lang] })] };
}
