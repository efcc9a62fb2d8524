/**
 * QUALITATIVE_BAND: a qualitative indicator whose stated 得分 lies outside the band its
 * achievement allows: 达成 [80%,100%], 部分达成 [60%,80%), 未达成 [0,60%) of the weight (the
 * policy's qualitativeBands). Source: 财预〔2020〕10号 (定性指标评分).
 */
import { both } from "../../i18n/strings";
import { formatDecimal } from "../decimal";
import type { Check } from "./types";

export const qualitativeBand: Check = {
  meta: {
    code: "QUALITATIVE_BAND",
    severity: "warning",
    title: "CHECK_QUALITATIVE_BAND",
    source: "SOURCE_MOF_QUALITATIVE",
    fix: "FIX_QUALITATIVE_BAND",
    messages: ["QUALITATIVE_BAND"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const i of ev.indicators) {
      const r = i.rule;
      const st = i.stated;
      if (r?.status !== "qualitative" || !r.achievement || !st || !i.weight || !i.ind.score) continue;
      if (st.value.gt(i.weight) || (st.value.gte(r.lo) && st.value.lte(r.hi))) continue;
      const lo = formatDecimal(r.lo);
      const hi = formatDecimal(r.hi);
      const found = formatDecimal(st.value);
      ctx.report(
        i.ind.score,
        "QUALITATIVE_BAND",
        { achievement: both(`ACHIEVEMENT_${r.achievement}`), lo, hi, found },
        `${lo}–${hi}`,
        found,
      );
    }
  },
};
