/**
 * MISSING_ACTUAL: an indicator scored although its 实际完成值 is blank — a score with nothing to
 * check it against. Source: 财预〔2020〕10号 附件 项目支出绩效自评表 (实际完成值 is filled for
 * every indicator; scores follow from it).
 */
import { formatDecimal } from "../decimal";
import type { Check } from "./types";

export const missingActual: Check = {
  meta: {
    code: "MISSING_ACTUAL",
    severity: "error",
    title: "CHECK_MISSING_ACTUAL",
    source: "SOURCE_MOF_TABLE",
    fix: "FIX_MISSING_ACTUAL",
    messages: ["MISSING_ACTUAL"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const i of ev.indicators) {
      if (!i.weight || !i.stated || i.actual.kind !== "blank" || !i.ind.actual) continue;
      const found = formatDecimal(i.stated.value);
      ctx.report(i.ind.actual, "MISSING_ACTUAL", { found }, undefined, found);
    }
  },
};
