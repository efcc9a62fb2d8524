/**
 * OVER_EXECUTION: 全年执行数 above 全年预算数 — spending beyond the budget, which the unit must
 * explain. Source: 财预〔2020〕10号 (预算执行情况; 执行率 over 100% is capped in the score).
 */
import { formatDecimal } from "../decimal";
import type { Check } from "./types";

export const overExecution: Check = {
  meta: {
    code: "OVER_EXECUTION",
    severity: "warning",
    title: "CHECK_OVER_EXECUTION",
    source: "SOURCE_MOF_TABLE",
    fix: "FIX_OVER_EXECUTION",
    messages: ["OVER_EXECUTION"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const funds = ev.kind === "project" ? ev.funds : undefined;
    if (!funds?.budget || !funds.executed || !funds.total.executed || !funds.executed.gt(funds.budget)) return;
    const expected = formatDecimal(funds.budget);
    const found = formatDecimal(funds.executed);
    ctx.report(funds.total.executed, "OVER_EXECUTION", { found, expected }, expected, found);
  },
};
