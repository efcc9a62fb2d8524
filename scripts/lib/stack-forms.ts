/**
 * Builds large workbooks out of the fixture forms, for the benchmark: forms copied cell by cell
 * (values, number formats, merges) and stacked with a blank row between.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/types";
import type { RangeBox } from "../../src/engine/model";
import { openWorkbook } from "../../src/cli/read";

export interface FormTemplate {
  rows: { value: CellValue; numFmt?: string }[][];
  merges: RangeBox[];
  height: number;
}

/** Every single-form project sheet of a workbook as a template (read as perf-check reads it). */
export async function templatesFrom(files: string[]): Promise<FormTemplate[]> {
  const out: FormTemplate[] = [];
  for (const file of files) {
    const { grids } = await openWorkbook(file);
    for (const g of grids) {
      const first = g.raw(0, 0);
      if (typeof first !== "string" || !first.includes("自评表")) continue;
      if (g.merges.some((m) => m.top > 40)) continue; // stacked sheets are not single templates
      const rows: FormTemplate["rows"] = [];
      for (let r = 0; r < g.rowCount; r++) {
        const cells: FormTemplate["rows"][number] = [];
        for (let c = 0; c < g.colCount; c++) {
          const value = g.raw(r, c);
          const numFmt = g.numFmt(r, c);
          if (value !== null || numFmt) cells[c] = { value, numFmt };
        }
        rows[r] = cells;
      }
      out.push({ rows, merges: [...g.merges], height: rows.length });
    }
  }
  return out;
}

/** A workbook of `sheets` sheets, each with `perSheet` forms cycling through the templates. */
export function stackedWorkbook(templates: FormTemplate[], sheets: number, perSheet: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  let k = 0;
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`表${s + 1}`);
    let top = 0;
    for (let f = 0; f < perSheet; f++) {
      const t = templates[k++ % templates.length];
      t.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (!cell || cell.value === null) return;
          const target = ws.getCell(top + r + 1, c + 1);
          target.value = cell.value as ExcelJS.CellValue;
          if (cell.numFmt) target.numFmt = cell.numFmt;
        });
      });
      for (const m of t.merges) ws.mergeCells(top + m.top + 1, m.left + 1, top + m.bottom + 1, m.right + 1);
      top += t.height + 2;
    }
  }
  return wb;
}
