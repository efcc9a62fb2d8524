/**
 * TOTAL_MISMATCH: a stated 总分 that is not the sum of the scores the form states (the budget
 * score included) at its printed precision — on the total row, and a self-score stated outside it
 * (自评得分 98 in the head block or beside the title). Source: 财预〔2020〕10号 (总分由各项指标得分汇总形成).
 */
import { formatDecimal } from "../decimal";
import type { Field } from "../model";
import { agrees } from "./compare";
import type { Check, CheckContext } from "./types";
import { stated, type Stated } from "./values";

function mismatch(ctx: CheckContext, field: Field | undefined, st: Stated | null): void {
  const ev = ctx.evaluation;
  if (!field || !st || agrees(st, ev.totals.computed, ctx.policy)) return;
  const found = formatDecimal(st.value);
  const expected = formatDecimal(ev.totals.computed);
  ctx.report(field, "TOTAL_MISMATCH", { found, expected }, expected, found);
}

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
    mismatch(ctx, ev.form.total?.score, ev.totals.stated);
    if (ev.kind === "project" && ev.form.statedScore) mismatch(ctx, ev.form.statedScore, stated(ev.form.statedScore));
  },
};
