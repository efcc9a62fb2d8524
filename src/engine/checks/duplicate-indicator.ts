/**
 * DUPLICATE_INDICATOR: the same 三级指标 name twice in one form (the same measure counted, and
 * scored, twice). Reported on the later row, naming the first. Source: public 复核 (review)
 * practice — finance bureaus' published 绩效自评 spot-check notices list indicators set twice
 * among the faults of target setting; 财预〔2021〕101号 asks for indicators that are few and to the
 * point (not repeated).
 */
import { address } from "../address";
import type { IndicatorRow, ProjectForm } from "../model";
import { compactText } from "../value";
import type { At, Check } from "./types";

/** The cell of a row's 三级指标 name. */
function nameCell(form: ProjectForm, ind: IndicatorRow): At | undefined {
  const col = form.columns.level3;
  if (col === undefined) return undefined;
  return { row: ind.row, col, cell: ind.level3Cell ?? address(ind.row, col) };
}

export const duplicateIndicator: Check = {
  meta: {
    code: "DUPLICATE_INDICATOR",
    severity: "warning",
    title: "CHECK_DUPLICATE_INDICATOR",
    source: "SOURCE_REVIEW_DUPLICATE",
    fix: "FIX_DUPLICATE_INDICATOR",
    messages: ["DUPLICATE_INDICATOR"],
    forms: ["project"],
  },
  run(ctx) {
    const form = ctx.form;
    if (form.kind !== "project") return;
    const first = new Map<string, IndicatorRow>();
    for (const ind of form.indicators) {
      const key = compactText(ind.level3);
      if (!key) continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, ind);
        continue;
      }
      const at = nameCell(form, ind);
      const firstAt = nameCell(form, earlier);
      if (!at || !firstAt) continue;
      ctx.report(at, "DUPLICATE_INDICATOR", { name: ind.level3, first: firstAt.cell }, firstAt.cell, ind.level3);
    }
  },
};
