/**
 * TOTAL_CAP: where the policy caps the total by 执行率 band (policy.totalCaps, a province's rule),
 * a self-evaluation total above the cap that its 执行率 allows. The review total is capped in
 * evaluate.ts; this reports the unit's own total. Source: the policy's (policy.source): no built-in
 * policy sets a cap; a province's policy file names its rule.
 */
import { formatDecimal } from "../decimal";
import type { Check } from "./types";
import { pct } from "./values";

export const totalCap: Check = {
  meta: {
    code: "TOTAL_CAP",
    severity: "warning",
    title: "CHECK_TOTAL_CAP",
    source: "SOURCE_POLICY_CAP",
    fix: "FIX_TOTAL_CAP",
    messages: ["TOTAL_CAP"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project" || !ev.totals.cap || !ev.funds?.rate) return;
    const { max, below } = ev.totals.cap;
    const self = ev.totals.stated?.value ?? (ev.scored ? ev.totals.computed : null);
    if (!self || !self.gt(max)) return;
    const at = ev.form.total?.score ?? ev.funds.total.rate ?? ev.funds.total.executed;
    if (!at) return;
    const found = formatDecimal(self);
    const expected = formatDecimal(max);
    ctx.report(
      at,
      "TOTAL_CAP",
      { found, expected, rate: pct(ev.funds.rate.exact, 2), below: pct(below, 0), policy: ctx.policy.name },
      expected,
      found,
    );
  },
};
