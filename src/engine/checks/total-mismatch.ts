/**
 * TOTAL_MISMATCH: a stated 总分 that is not the sum of the scores the form states (the budget
 * score included) at its printed precision. Source: 财预〔2020〕10号 (总分由各项指标得分汇总形成).
 */
import { formatDecimal } from "../decimal";
import { agrees } from "./compare";
import type { Check } from "./types";

export const totalMismatch: Check = {
  meta: {
    code: "TOTAL_MISMATCH",
    severity: "error",
    title: "CHECK_TOTAL_MISMATCH",
    source: "SOURCE_MOF_TOTAL",
    fix: "FIX_TOTAL_MISMATCH",
    messages: ["TOTAL_MISMATCH"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const field = ev.form.total?.score;
    const st = ev.totals.stated;
    if (!field || !st || agrees(st, ev.totals.computed, ctx.policy)) return;
    const found = formatDecimal(st.value);
    const expected = formatDecimal(ev.totals.computed);
    ctx.report(field, "TOTAL_MISMATCH", { found, expected }, expected, found);
  },
};
