/**
 * MISSING_REASON: an indicator with no 偏差原因 although it lost points, or although its actual
 * exceeds a higher-is-better target by the policy's overshoot ratio (130% by default).
 * Source: 财预〔2020〕10号 (未完成绩效目标或偏离绩效目标较大的要分析并说明原因；完成值高于指标值较多的要分析原因).
 */
import { Decimal, formatDecimal } from "../decimal";
import type { Check } from "./types";
import { isBlank, textOf } from "./values";

export const missingReason: Check = {
  meta: {
    code: "MISSING_REASON",
    severity: "warning",
    title: "CHECK_MISSING_REASON",
    source: "SOURCE_MOF_REASON",
    fix: "FIX_MISSING_REASON",
    messages: ["MISSING_REASON_LOST", "MISSING_REASON_OVER"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const i of ev.indicators) {
      const { ind, stated: st, weight, target, actual, rule } = i;
      if (!weight || !st || !ind.score || !isBlank(ind.reason)) continue;
      const at = ind.reason ?? ind.score;
      const found = formatDecimal(st.value);
      if (st.value.lt(weight)) {
        ctx.report(at, "MISSING_REASON_LOST", { found, weight: formatDecimal(weight) }, undefined, found);
      } else if (
        target.kind === "number" &&
        actual.kind === "number" &&
        rule?.status === "scored" &&
        rule.kind === "higher" &&
        target.value.gt(0) &&
        target.percent === actual.percent &&
        actual.value.gte(target.value.times(ctx.policy.overshootRatio))
      ) {
        const ratio = new Decimal(ctx.policy.overshootRatio).minus(1).times(100).toString();
        ctx.report(at, "MISSING_REASON_OVER", { ratio }, undefined, textOf(actual));
      }
    }
  },
};
