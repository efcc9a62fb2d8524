/**
 * BUDGET_SCORE_MISMATCH: a stated 预算执行率得分 that is not 执行率 × the block's 分值 (capped at
 * the weight) at its printed precision. A score above the weight is SCORE_EXCEEDS_WEIGHT instead.
 * Source: 财预〔2020〕10号 附件 项目支出绩效自评表 (得分 = 执行率 × 分值).
 */
import { formatDecimal } from "../decimal";
import { agrees, expectedFigures } from "./compare";
import type { Check } from "./types";

export const budgetScoreMismatch: Check = {
  meta: {
    code: "BUDGET_SCORE_MISMATCH",
    severity: "warning",
    title: "CHECK_BUDGET_SCORE_MISMATCH",
    source: "SOURCE_MOF_TABLE",
    fix: "FIX_BUDGET_SCORE_MISMATCH",
    messages: ["BUDGET_SCORE_MISMATCH"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const funds = ev.kind === "project" ? ev.funds : undefined;
    const st = funds?.stated;
    const score = funds?.score;
    const field = funds?.total.score;
    if (!funds || !st || !score || !field || st.value.gt(funds.weight)) return;
    if (agrees(st, score.exact, ctx.policy)) return;
    const { expected, atPrecision } = expectedFigures(st, score.exact, score.value, ctx.policy);
    const found = formatDecimal(st.value);
    ctx.report(
      field,
      "BUDGET_SCORE_MISMATCH",
      { found, expected, explain: { zh: score.explain, en: score.explainEn }, atPrecision },
      expected,
      found,
    );
  },
};
