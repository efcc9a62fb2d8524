/**
 * The review column's formulas (复核执行率, 复核得分, 复核总分, 复核等级) as native Excel formulas
 * that compute, from the form's own cells, exactly the review figures the engine reports
 * (src/engine/checks/evaluate.ts under 财预〔2020〕10号 rules and the policy): each indicator's
 * review score, the budget block's score recomputed with its own weight, the review total as the
 * SUM of the review column (never of the stated scores), and its grade. Pure.
 *
 * An operand is the cell itself wherever a formula reads from it the very number the engine used
 * (a number cell, or text VALUE() reads such as "100%"; 95 in a "%" unit column divided by 100); where
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
 * Text a formula reads as a number with VALUE(), the same in Excel, WPS and LibreOffice: digits with
 * an optional decimal point and sign, optionally a trailing % ("100%", "98.5%", "735"). Nothing else
 * (no spaces, units, operators, thousands separators or full-width digits).
 */
const VALUE_TEXT = /^(-?\d+(?:\.\d+)?)(%?)$/;

/** How a formula reads a cell as a number, and the number it gets; undefined where it cannot. */
function readable(f: Field): { expr: string; number: Decimal } | undefined {
  if (typeof f.value === "number")
    return Number.isFinite(f.value) ? { expr: f.cell, number: toDecimal(f.value) } : undefined;
  const m = typeof f.value === "string" ? VALUE_TEXT.exec(f.value) : null;
  if (!m) return undefined;
  const n = toDecimal(m[1]);
  return { expr: `VALUE(${f.cell})`, number: m[2] ? n.div(100) : n };
}

/**
 * A cell's number in a formula: the cell itself whenever a formula reads it as the engine's
 * `value` (a number cell, or text VALUE() reads such as "100%"), else `value` as a literal, with a
 * note naming the cell and its text (text such as "≥600人" or "53.861万元", which only the
 * checker's parser reads). An operator from a 指标性质 column ("≧") or a unit from a unit column
 * ("人次") does not make a number cell text. `divideBy100`: the rule read the figure as a percent (95
 * for 95%), so the formula divides it too; `percent`: the engine's value is a fraction read as a
 * percent, so a cell holding it ×100 (95 in a column whose unit is "%") is divided by 100.
 */
function numberOperand(
  f: Field | undefined,
  value: Decimal,
  lang: Lang,
  divideBy100 = false,
  percent = false,
): Operand {
  const used = divideBy100 ? value.div(100) : value;
  const read = f && readable(f);
  if (read) {
    if (read.number.eq(used)) return { expr: read.expr };
    if ((divideBy100 || percent) && read.number.eq(used.times(100))) return { expr: `(${read.expr}/100)` };
  }
  const expr = literal(used);
  if (!f) return { expr };
  return { expr, note: t(lang, "REVIEW_LITERAL", { cell: f.cell, text: textOf(f), value: formatDecimal(used) }) };
}

/** A stated score as the engine reads it: the cell as displayed (ROUND to its shown decimals when it holds more). */
function statedOperand(f: Field | undefined, st: Stated, lang: Lang): Operand {
  if (f && typeof f.value === "number" && Number.isFinite(f.value)) {
    if (toDecimal(f.value).eq(st.value)) return { expr: f.cell };
    // At 15 significant digits, as a spreadsheet shows it (a number near 1.8e308 rounds up to Infinity there).
    const p15 = Number(f.value.toPrecision(15));
    const shown = Number.isFinite(p15) ? roundTo(toDecimal(p15), st.decimals, "half-up") : undefined;
    if (shown?.eq(st.value)) return { expr: `ROUND(${f.cell},${st.decimals})` };
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
  const A = numberOperand(ind.actual, actual.value, lang, aTo, actual.percent);
  const T = numberOperand(ind.target, target.value, lang, tTo, target.percent);
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
