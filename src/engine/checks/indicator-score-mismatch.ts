/**
 * INDICATOR_SCORE_MISMATCH: a quantitative indicator's stated 得分 that is not the policy's
 * score at its printed precision: met scores the full weight, missed scores 完成值/指标值 × 分值;
 * reverse and cost indicators as the policy says. A score above the weight is
 * SCORE_EXCEEDS_WEIGHT instead. Source: 财预〔2020〕10号 (定量指标评分).
 */
import { formatDecimal } from "../decimal";
import { agrees, expectedFigures } from "./compare";
import type { Check } from "./types";

export const indicatorScoreMismatch: Check = {
  meta: {
    code: "INDICATOR_SCORE_MISMATCH",
    severity: "warning",
    title: "CHECK_INDICATOR_SCORE_MISMATCH",
    source: "SOURCE_MOF_SCORING",
    fix: "FIX_INDICATOR_SCORE_MISMATCH",
    messages: ["INDICATOR_SCORE_MISMATCH"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const i of ev.indicators) {
      const r = i.rule;
      const st = i.stated;
      if (r?.status !== "scored" || !st || !i.weight || !i.ind.score || st.value.gt(i.weight)) continue;
      if (agrees(st, r.exact, ctx.policy)) continue;
      const { expected, atPrecision } = expectedFigures(st, r.exact, r.value, ctx.policy);
      const found = formatDecimal(st.value);
      ctx.report(
        i.ind.score,
        "INDICATOR_SCORE_MISMATCH",
        { found, expected, explain: { zh: r.explain, en: r.explainEn }, atPrecision },
        expected,
        found,
      );
    }
  },
};
