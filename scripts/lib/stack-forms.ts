/**
 * Builds large workbooks out of the fixture forms, for the benchmark: forms copied cell by cell
 * (values, number formats, merges) and stacked with a blank row between.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/types";
import type { RangeBox } from "../../src/engine/model";
import { parseRange } from "../../src/layout/grid";
import { plainValue } from "../../src/cli/xlsx-grid";

export interface FormTemplate {
  rows: { value: CellValue; numFmt?: string }[][];
  merges: RangeBox[];
  height: number;
}

/** Every single-form project sheet of a workbook as a template. */
export async function templatesFrom(files: string[]): Promise<FormTemplate[]> {
  const out: FormTemplate[] = [];
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.eachSheet((ws) => {
      const first = ws.getCell(1, 1).value;
      if (typeof first !== "string" || !first.includes("自评表")) return;
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseRange(m)).filter((m): m is RangeBox => !!m);
      if (merges.some((m) => m.top > 40)) return; // stacked sheets are not single templates
      const rows: FormTemplate["rows"] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const cells: FormTemplate["rows"][number] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const slave = cell.isMerged && cell.master.address !== cell.address;
          cells[c - 1] = { value: slave ? null : plainValue(cell.value), numFmt: cell.numFmt };
        });
        rows[r - 1] = cells;
      });
      out.push({ rows, merges, height: rows.length });
    });
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
