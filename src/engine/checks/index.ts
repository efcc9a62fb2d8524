/**
 * Checking a form: evaluate its figures once under a policy (evaluate.ts), run the checks of the
 * policy's rule packs (packs.ts, one module per finding code), and gather the findings, pointed at
 * their cells and explained in zh-CN and en-US. Pure.
 */
import { both, type Params, type StringKey } from "../../i18n/strings";
import { formatDecimal } from "../decimal";
import type { FormModel } from "../model";
import { grade } from "../rules";
import type { Policy } from "../types";
import { evaluate, type Evaluation, type IndicatorEvaluation } from "./evaluate";
import { checksOf, PACKS, packsOf } from "./packs";
import type { At, Finding, FindingCode, FormResult, FundsResult, IndicatorResult, Severity } from "./types";
import { show, textOf } from "./values";

export * from "./types";
export { evaluate } from "./evaluate";
export type { Evaluation } from "./evaluate";
export { PACKS, packsOf, checksOf, core, review } from "./packs";
export type { RulePack } from "./packs";

/** Severity of every finding code of the built-in packs. */
export const SEVERITY: Readonly<Record<FindingCode, Severity>> = Object.freeze(
  Object.fromEntries(
    Object.values(PACKS).flatMap((p) => p.checks.map((c) => [c.meta.code, c.meta.severity])),
  ) as Record<FindingCode, Severity>,
);

function indicatorResult(i: IndicatorEvaluation): IndicatorResult {
  const { ind, rule } = i;
  const result: IndicatorResult = {
    row: ind.row,
    cell: ind.score?.cell,
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: textOf(i.target),
    actual: textOf(i.actual),
    weight: show(i.weight),
    stated: i.stated ? formatDecimal(i.stated.value) : undefined,
    review: formatDecimal(i.review.value),
    reviewExplain: i.review.explain,
    status: "no-weight",
  };
  if (!i.weight || !rule) return result;
  result.status = rule.status;
  if (rule.status === "scored") {
    result.computed = formatDecimal(rule.value);
    result.exact = rule.exact.toString();
    result.kind = rule.kind;
    result.explain = { zh: rule.explain, en: rule.explainEn };
  } else if (rule.status === "qualitative") {
    result.kind = "qualitative";
    result.range = [formatDecimal(rule.lo), formatDecimal(rule.hi)];
    result.explain = { zh: rule.explain, en: rule.explainEn };
  } else {
    result.explain = rule.reason;
  }
  return result;
}

function resultOf(ev: Evaluation, findings: Finding[], policy: Policy): FormResult {
  const { totals, scored } = ev;
  let funds: FundsResult | undefined;
  let indicators: IndicatorResult[];
  if (ev.kind === "project") {
    const f = ev.funds;
    if (f) {
      funds = {
        budget: show(f.budget),
        executed: show(f.executed),
        weight: show(f.weight),
        rate: f.rate?.exact.toString(),
        score: f.score ? formatDecimal(f.score.value) : undefined,
        statedRate: f.rates[0]?.fundsRow === f.total ? f.rates[0].stated?.fraction.toString() : undefined,
        statedScore: f.stated ? formatDecimal(f.stated.value) : undefined,
        explainRate: f.rate ? { zh: f.rate.explain, en: f.rate.explainEn } : undefined,
        explainScore: f.score ? { zh: f.score.explain, en: f.score.explainEn } : undefined,
      };
    }
    indicators = ev.indicators.map(indicatorResult);
  } else {
    indicators = ev.rows.map((r) => ({
      row: r.row.row,
      cell: r.row.score?.cell,
      level1: r.row.levels[0]?.name ?? "",
      level2: r.row.levels[1]?.name ?? "",
      level3: r.row.levels
        .slice(2)
        .map((l) => l.name)
        .join(" / "),
      weight: show(r.weight),
      stated: r.stated ? formatDecimal(r.stated.value) : undefined,
      review: formatDecimal(r.review.value),
      reviewExplain: r.review.explain,
      status: "qualitative",
    }));
  }
  const statedGrade = ev.form.total?.grade?.value;
  const selfTotal = totals.stated?.value ?? (scored ? totals.computed : undefined);
  const self = selfTotal
    ? {
        total: formatDecimal(selfTotal),
        grade: grade(selfTotal, policy).grade,
        from: totals.stated ? ("stated" as const) : ("sum" as const),
      }
    : undefined;
  return {
    form: ev.form,
    funds,
    scored,
    total: {
      stated: totals.stated ? formatDecimal(totals.stated.value) : undefined,
      computed: scored ? formatDecimal(totals.computed) : undefined,
      review: formatDecimal(totals.review),
    },
    grade: {
      stated:
        statedGrade === null || statedGrade === undefined || String(statedGrade).trim() === ""
          ? undefined
          : String(statedGrade).trim(),
      computed: scored ? grade(totals.computed, policy).grade : undefined,
      review: grade(totals.review, policy).grade,
    },
    ...(self ? { self, deviation: formatDecimal(selfTotal!.minus(totals.review)) } : {}),
    indicators,
    findings,
    policy: policy.name,
    packs: packsOf(policy).map((p) => p.name),
  };
}

/**
 * Check one form under a policy: its figures, and every finding of the policy's packs in sheet
 * order (none on an empty form of a hidden sheet, an unused template).
 */
export function checkForm(form: FormModel, policy: Policy): FormResult {
  const evaluation = evaluate(form, policy);
  const findings: Finding[] = [];
  // An unused template on a hidden sheet (nothing filled in) has nothing to check.
  for (const check of form.hiddenTemplate ? [] : checksOf(policy)) {
    if (!check.meta.forms.includes(form.kind)) continue;
    const { code, severity } = check.meta;
    check.run({
      form,
      evaluation,
      policy,
      report(at: At, key: StringKey, params: Params = {}, expected?: string, found?: string) {
        findings.push({
          code,
          severity,
          sheet: form.sheet,
          cell: at.cell,
          row: at.row,
          col: at.col,
          message: both(key, params),
          expected,
          found,
        });
      },
    });
  }
  // Sheet order, top to bottom, left to right; on one cell, the packs' order (sort is stable).
  findings.sort((a, b) => a.row - b.row || a.col - b.col);
  return resultOf(evaluation, findings, policy);
}
