/**
 * SCORE_EXCEEDS_WEIGHT: a score above the weight it is scored out of — the budget-execution
 * score above the block's 分值, an indicator's 得分 above its 分值, a score-table leaf above its
 * weight. Source: 财预〔2020〕10号 (each indicator is scored within the weight it is given).
 */
import { formatDecimal } from "../decimal";
import type { Check, CheckContext } from "./types";
import type { Decimal, Stated } from "./values";
import type { Field } from "../model";

function over(ctx: CheckContext, field: Field | undefined, st: Stated | null, weight: Decimal | null): void {
  if (!field || !st || !weight || !st.value.gt(weight)) return;
  const found = formatDecimal(st.value);
  ctx.report(field, "SCORE_EXCEEDS_WEIGHT", { found, weight: formatDecimal(weight) }, formatDecimal(weight), found);
}

export const scoreExceedsWeight: Check = {
  meta: {
    code: "SCORE_EXCEEDS_WEIGHT",
    severity: "error",
    title: "CHECK_SCORE_EXCEEDS_WEIGHT",
    source: "SOURCE_MOF_SCORING",
    fix: "FIX_SCORE_EXCEEDS_WEIGHT",
    messages: ["SCORE_EXCEEDS_WEIGHT"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind === "project") {
      if (ev.funds) over(ctx, ev.funds.total.score, ev.funds.stated, ev.funds.weight);
      for (const i of ev.indicators) over(ctx, i.ind.score, i.stated, i.weight);
    } else {
      for (const r of ev.rows) over(ctx, r.row.score, r.stated, r.weight);
    }
  },
};
