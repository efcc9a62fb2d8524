/**
 * FUNDS_BREAKDOWN: the 其中 rows (当年财政拨款, 上年结转资金, 其他资金) do not add up to the
 * 年度资金总额, column by column, once the breakdown is filled in at all.
 * Source: 财预〔2020〕10号 附件 项目支出绩效自评表 (年度资金总额 = 其中各项之和).
 */
import { both, type StringKey } from "../../i18n/strings";
import { formatDecimal } from "../decimal";
import { sumExact } from "../rules";
import type { Check } from "./types";
import { Decimal, isBlank, isDash, num } from "./values";

const COLUMNS = ["initial", "budget", "executed"] as const;
const ZERO = new Decimal(0);

export const fundsBreakdown: Check = {
  meta: {
    code: "FUNDS_BREAKDOWN",
    severity: "error",
    title: "CHECK_FUNDS_BREAKDOWN",
    source: "SOURCE_MOF_TABLE",
    fix: "FIX_FUNDS_BREAKDOWN",
    messages: ["FUNDS_BREAKDOWN"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const funds = ev.kind === "project" ? ev.funds : undefined;
    if (!funds) return;
    const parts = funds.block.parts;
    const filled = parts.some((p) => COLUMNS.some((c) => !isBlank(p[c]) && !isDash(p[c])));
    if (!filled) return;
    for (const c of COLUMNS) {
      const totalField = funds.total[c];
      const total = num(totalField);
      if (!totalField || total === null) continue;
      const sum = sumExact(parts.map((p) => num(p[c]) ?? ZERO));
      if (sum.eq(total)) continue;
      const at = parts.find((p) => p[c])?.[c] ?? totalField;
      const expected = formatDecimal(sum);
      const found = formatDecimal(total);
      ctx.report(at, "FUNDS_BREAKDOWN", { expected, found, column: both(`COL_${c}` as StringKey) }, found, expected);
    }
  },
};
