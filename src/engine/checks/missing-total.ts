/**
 * MISSING_TOTAL: a form with no 总分 row, so its total cannot be checked or read.
 * Source: 财预〔2020〕10号 附件 项目支出绩效自评表 (a 总分 row closes the indicator table).
 * Not for a copy cut off inside its indicator rows (ProjectForm.truncated): the layout issue says so.
 */
import { address } from "../address";
import type { Check } from "./types";

export const missingTotal: Check = {
  meta: {
    code: "MISSING_TOTAL",
    severity: "warning",
    title: "CHECK_MISSING_TOTAL",
    source: "SOURCE_MOF_TABLE",
    fix: "FIX_MISSING_TOTAL",
    messages: ["MISSING_TOTAL"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    const form = ctx.form;
    if (form.total || (form.kind === "project" && form.truncated)) return;
    const lastRow =
      form.kind === "project" ? form.indicators[form.indicators.length - 1]?.row : form.rows[form.rows.length - 1]?.row;
    const col =
      form.kind === "project"
        ? (form.columns.score ?? form.range.left)
        : form.scoreColumn >= 0
          ? form.scoreColumn
          : form.range.left;
    const row = (lastRow ?? form.range.bottom) + 1;
    ctx.report({ row, col, cell: address(row, col) }, "MISSING_TOTAL");
  },
};
