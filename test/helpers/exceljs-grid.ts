/**
 * exceljs worksheet → Grid: the second reader, for tests. perf-check reads sheets with its own
 * reader (src/cli/xlsx-reader.ts); test/cli/xlsx-reader.test.ts holds the two to the same Grid,
 * and tests that start from an exceljs workbook they built read it through this one.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/types";
import type { RangeBox } from "../../src/engine/model";
import { Grid, parseRange } from "../../src/layout/grid";

/** Flatten an exceljs cell value (rich text, formula result, hyperlink, error, date) to a CellValue. */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result as ExcelJS.CellValue | undefined;
      return r === undefined ? null : plainValue(r);
    }
    if ("text" in o && typeof o.text === "string") return o.text;
    if ("hyperlink" in o && typeof o.hyperlink === "string") return o.hyperlink;
  }
  return String(v);
}

/** Read one worksheet into a Grid (merged non-master cells are blank, as in Excel). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const numFmts: (string | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vr: CellValue[] = [];
    const fr: (string | undefined)[] = [];
    const nr: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const isSlave = cell.isMerged && cell.master && cell.master.address !== cell.address;
      vr[c - 1] = isSlave ? null : plainValue(cell.value);
      const f = cell.formula;
      if (!isSlave && typeof f === "string" && f) fr[c - 1] = `=${f}`;
      if (cell.numFmt) nr[c - 1] = cell.numFmt;
    });
    values[r - 1] = vr;
    formulas[r - 1] = fr;
    numFmts[r - 1] = nr;
  });
  for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
  const merges: RangeBox[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    const box = parseRange(m);
    if (box) merges.push(box);
  }
  return new Grid({
    sheet: ws.name,
    top: 0,
    left: 0,
    values,
    formulas,
    numFmts,
    merges,
    hidden: ws.state !== "visible",
  });
}
