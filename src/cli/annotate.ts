/**
 * Annotated copies: a Plan applied to an exceljs workbook. Computed rates, scores and totals go
 * into review columns as native Excel formulas (with their values cached, so the copy works for
 * someone without the add-in); every finding is flagged on its cell with a fill and a note. The
 * form's own cells are never changed; the original file is never written.
 */
import path from "path";
import type ExcelJS from "exceljs";
import type { Severity } from "../engine/checks";
import { buildPlan, CellReader, Plan } from "../engine/plan";
import type { Policy } from "../engine/types";
import type { Lang } from "../i18n/strings";
import type { CheckedSheet } from "./check";

export const FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

export function planForSheet(s: CheckedSheet, policy: Policy, lang: Lang): Plan {
  const reader: CellReader = { raw: (r, c) => s.grid.raw(r, c), formula: (r, c) => s.grid.formula(r, c) };
  return buildPlan(s.grid.sheet, reader, s.result.results, {
    target: "review-column",
    formulas: "native",
    lang,
    policy,
  });
}

/**
 * Give a cell a style object of its own before changing it. exceljs hands every cell loaded with
 * the same style id (in every sheet of the workbook) one shared style object, and `cell.fill =`,
 * `cell.numFmt =`, `cell.font =` mutate that object: without this, flagging one cell fills every
 * cell that shared its style — whole forms turned red or yellow, input cells' formats changed.
 */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
}

export function applyPlanToWorksheet(ws: ExcelJS.Worksheet, plan: Plan): void {
  for (const w of plan.writes) {
    const cell = ws.getCell(w.row + 1, w.col + 1);
    ownStyle(cell);
    if (w.formula) {
      const result = w.result;
      cell.value = { formula: w.formula.slice(1), result } as ExcelJS.CellFormulaValue;
      if (w.numFmt) cell.numFmt = w.numFmt;
    } else if (w.text !== undefined) {
      // A plain string: exceljs stores it as text, never as a formula, whatever it starts with.
      cell.value = { richText: [{ text: w.text }] };
      cell.font = { bold: true, color: { argb: "FF1F4E79" } };
    }
  }
  for (const f of plan.flags) {
    const cell = ws.getCell(f.row + 1, f.col + 1);
    ownStyle(cell);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[f.severity] } };
    cell.note = { texts: [{ text: f.note }] } as ExcelJS.Comment;
  }
}

/**
 * Where an annotated copy of `file` goes: inside `dir` always. `rel` is the file's path relative
 * to the folder it was found in; "..", absolute parts and odd characters are dropped.
 */
export function annotatedPath(dir: string, rel: string, taken: Set<string>): string {
  const root = path.resolve(dir);
  const parts = rel
    .split(/[\\/]+/)
    .filter((p) => p && p !== "." && p !== "..")
    // Control characters and the characters Windows forbids in names become "_".
    // eslint-disable-next-line no-control-regex
    .map((p) => p.replace(/[\u0000-\u001f<>:"|?*]/g, "_"));
  const base = parts.pop() ?? "workbook.xlsx";
  const stem = base.replace(/\.xlsx$/i, "") || "workbook";
  let candidate = path.resolve(root, ...parts, `${stem}.checked.xlsx`);
  for (let i = 2; taken.has(candidate); i++) candidate = path.resolve(root, ...parts, `${stem}.checked-${i}.xlsx`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) {
    candidate = path.resolve(root, `${stem.replace(/[\\/]/g, "_")}.checked.xlsx`);
  }
  taken.add(candidate);
  return candidate;
}
