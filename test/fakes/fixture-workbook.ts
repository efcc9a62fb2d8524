/**
 * A fixture .xlsx as a FakeWorkbookInit (node only: exceljs + fs). Values, formulas, number
 * formats, solid fills, notes and merged areas are carried over; merged non-master cells are
 * blank, as Office.js reports them.
 */
import ExcelJS from "exceljs";
import { plainValue } from "../helpers/exceljs-grid";
import { a1, type FakeCellInit, type FakeSheetInit, type FakeWorkbookInit } from "./fake-excel";

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return undefined;
  const argb = f.fgColor?.argb;
  return typeof argb === "string" && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

function noteOf(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return undefined;
  if (typeof n === "string") return n;
  return (n.texts ?? []).map((t) => t.text).join("");
}

export function worksheetToFake(ws: ExcelJS.Worksheet): FakeSheetInit {
  const cells: Record<string, FakeCellInit> = {};
  const notes: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const slave = cell.isMerged && cell.master && cell.master.address !== cell.address;
      const out: FakeCellInit = {};
      const v = slave ? null : plainValue(cell.value);
      if (v !== null && v !== "") out.v = v;
      const f = cell.formula;
      if (!slave && typeof f === "string" && f) out.f = `=${f}`;
      if (cell.numFmt && cell.numFmt !== "General") out.n = cell.numFmt;
      const fill = fillOf(cell);
      if (fill) out.fill = fill;
      const note = noteOf(cell);
      if (note) notes[a1(r - 1, c - 1)] = note;
      if (Object.keys(out).length) cells[a1(r - 1, c - 1)] = out;
    });
  });
  const model = ws.model as unknown as { merges?: string[] };
  return {
    name: ws.name,
    cells,
    merges: [...(model.merges ?? [])],
    notes,
    visibility: ws.state === "visible" ? "Visible" : ws.state === "hidden" ? "Hidden" : "VeryHidden",
  };
}

/** Load a fixture workbook (e.g. samples/seed000-bj-kjw.xlsx) for createFakeExcel. */
export async function loadFixtureWorkbook(path: string): Promise<FakeWorkbookInit> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets = wb.worksheets.map(worksheetToFake);
  return { sheets, active: sheets[0]?.name };
}
