/**
 * EXECRATE_MISMATCH: a stated 执行率 that is not 全年执行数/全年预算数 at the precision it is
 * printed with — on the total row and on each 其中 row that carries its own amounts.
 * Source: 财预〔2020〕10号 附件 项目支出绩效自评表 (执行率 = 全年执行数/全年预算数).
 */
import { agreesAtPrecision, roundTo } from "../decimal";
import type { Check } from "./types";
import { pct } from "./values";

export const execRateMismatch: Check = {
  meta: {
    code: "EXECRATE_MISMATCH",
    severity: "error",
    title: "CHECK_EXECRATE_MISMATCH",
    source: "SOURCE_MOF_TABLE",
    fix: "FIX_EXECRATE_MISMATCH",
    messages: ["EXECRATE_MISMATCH"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project" || !ev.funds) return;
    const mode = ctx.policy.rounding.mode;
    for (const cell of ev.funds.rates) {
      const s = cell.stated;
      const r = cell.computed;
      if (!s || !r) continue;
      if (agreesAtPrecision(s.fraction.times(100), r.exact.times(100), s.decimals, mode)) continue;
      const expected = pct(roundTo(r.exact.times(100), s.decimals, mode).div(100), s.decimals);
      const found = pct(s.fraction, s.decimals);
      ctx.report(
        cell.field,
        "EXECRATE_MISMATCH",
        { found, expected, explain: { zh: r.explain, en: r.explainEn } },
        expected,
        found,
      );
    }
  },
};
