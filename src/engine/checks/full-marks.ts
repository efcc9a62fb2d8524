/**
 * FULL_MARKS_NO_REASON: every indicator at full marks while the 偏差原因 column says nothing on
 * any row — a self-evaluation that looks unexamined rather than a fault in itself (severity info).
 * Only on forms with a 偏差原因 column (a form without one gives the unit nowhere to write).
 * Source: 财预〔2020〕10号 (自评 is to be objective; deviations from the targets are explained);
 * public 复核 practice — bureaus' published spot-check notices single out forms scored full
 * everywhere with nothing explained.
 */
import type { Check } from "./types";
import { saysSomething } from "./indicator-kinds";

export const fullMarks: Check = {
  meta: {
    code: "FULL_MARKS_NO_REASON",
    severity: "info",
    title: "CHECK_FULL_MARKS_NO_REASON",
    source: "SOURCE_REVIEW_FULL_MARKS",
    fix: "FIX_FULL_MARKS_NO_REASON",
    messages: ["FULL_MARKS_NO_REASON"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project" || ev.form.columns.reason === undefined) return;
    const weighted = ev.indicators.filter((i) => i.weight);
    if (weighted.length === 0) return;
    if (!weighted.every((i) => i.stated && i.weight && i.stated.value.gte(i.weight))) return;
    if (ev.indicators.some((i) => saysSomething(i.ind.reason))) return;
    const at = ev.form.total?.score ?? weighted[0].ind.score;
    if (!at) return;
    ctx.report(at, "FULL_MARKS_NO_REASON", { n: weighted.length });
  },
};
