/**
 * LOW_EXECUTION_NO_REASON: 执行率 below the policy's threshold (explainRateBelow, 90% in the
 * built-in policies) while no 偏差原因 on the form speaks of the funds (执行, 预算, 资金, 支付, 拨付,
 * 结转, 结余, 经费, 采购, 支出). Source: 四川 项目支出绩效自评表 (a rate under 90% is to be explained,
 * as issue 13 reports of the 四川 forms); 财预〔2020〕10号 (deviations from the targets are explained).
 */
import { formatDecimal } from "../decimal";
import type { Check } from "./types";
import { saysSomething } from "./indicator-kinds";
import { Decimal, pct, textOf, parsed } from "./values";

/** Words by which a 偏差原因 speaks of the budget's execution. */
const FUNDS_WORDS = /执行|预算|资金|支付|拨付|结转|结余|经费|采购|支出/;

export const lowExecution: Check = {
  meta: {
    code: "LOW_EXECUTION_NO_REASON",
    severity: "warning",
    title: "CHECK_LOW_EXECUTION_NO_REASON",
    source: "SOURCE_SICHUAN_LOW_EXECUTION",
    fix: "FIX_LOW_EXECUTION_NO_REASON",
    messages: ["LOW_EXECUTION_NO_REASON"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const threshold = ctx.policy.explainRateBelow;
    if (ev.kind !== "project" || threshold === undefined || !ev.funds?.rate) return;
    const limit = new Decimal(threshold);
    const rate = ev.funds.rate.exact;
    if (!rate.lt(limit)) return;
    const explained = ev.indicators.some(
      (i) => saysSomething(i.ind.reason) && FUNDS_WORDS.test(textOf(parsed(i.ind.reason)) ?? ""),
    );
    if (explained) return;
    const t = ev.funds.total;
    const at = t.rate ?? t.executed ?? t.budget;
    if (!at) return;
    const found = pct(rate, 2);
    ctx.report(
      at,
      "LOW_EXECUTION_NO_REASON",
      { rate: found, threshold: `${formatDecimal(limit.times(100))}%` },
      undefined,
      found,
    );
  },
};
