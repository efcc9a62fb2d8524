/**
 * What the add-in keeps in a workbook opened in WPS: the same keys and values as in Excel
 * (src/excel/store.ts: perf.policy, perf.mapping, perf.rec.<sheet id>.<i>), and sheet ids.
 *
 * - The settings live on a very hidden sheet, PERF_STORE (Worksheet.Visible = xlSheetVeryHidden:
 *   saved with the file, not shown, not listed by the user interface), one setting a row: key in
 *   column A, value in column B, both written as text ("@"). Excel's workbook.settings do not exist
 *   in ET, and a custom document property holds at most 255 characters (Excel's VBA reference), so
 *   a record would take hundreds of them. A cell holds at most 32,767 characters (Excel's
 *   specifications and limits), so records are cut in chunks of CELL_CHUNK_CHARS. The sheet is
 *   deleted when the last setting goes (with Application.DisplayAlerts off: Worksheet.Delete asks
 *   the user otherwise), so a reverted workbook is as it was.
 * - ET has no worksheet id (Office.js has Worksheet.id). A sheet the add-in keeps a record for
 *   carries its own: a hidden sheet-level name, PERF_SHEET_ID, whose RefersTo is the id as a text
 *   constant. A sheet-level name moves with the sheet when it is renamed and is saved in the file,
 *   so a record follows its sheet through renames as in Excel. A copied sheet copies the name; the
 *   second sheet with an id is treated as having none (it gets a new one when the add-in writes).
 *   The id is made without crypto.randomUUID, which older embedded Chromium lacks.
 */
import { parseStore, type Store } from "../excel/store";
import { XL_SHEET_VERY_HIDDEN, type EtWorkbook, type EtWorksheet, type WpsApplication } from "./et";

export const STORE_SHEET = "PERF_STORE";
export const SHEET_ID_NAME = "PERF_SHEET_ID";
/** Characters of a setting's value a cell holds (under ET's 32,767 a cell). */
export const CELL_CHUNK_CHARS = 32_000;

/** The workbook's sheets in order, but the store sheet. */
export function userSheets(wb: EtWorkbook): EtWorksheet[] {
  const out: EtWorksheet[] = [];
  const n = wb.Worksheets.Count;
  for (let i = 1; i <= n; i++) {
    const ws = wb.Worksheets.Item(i);
    if (ws.Name !== STORE_SHEET) out.push(ws);
  }
  return out;
}

export function storeSheet(wb: EtWorkbook): EtWorksheet | undefined {
  const n = wb.Worksheets.Count;
  for (let i = 1; i <= n; i++) {
    const ws = wb.Worksheets.Item(i);
    if (ws.Name === STORE_SHEET) return ws;
  }
  return undefined;
}

/** The settings as stored (key → value), in sheet order. */
export function readSettings(wb: EtWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  const ws = storeSheet(wb);
  if (!ws) return out;
  const used = ws.UsedRange;
  const rows = used.Row - 1 + used.Rows.Count;
  const v = ws.Range(`A1:B${rows}`).Value2;
  for (const row of Array.isArray(v) ? v : [[v]]) {
    const key = row[0];
    if (typeof key === "string" && key) out.set(key, row[1] === null || row[1] === undefined ? "" : String(row[1]));
  }
  return out;
}

export function readStore(wb: EtWorkbook): Store {
  return parseStore(readSettings(wb));
}

/**
 * Apply a settings diff (src/excel/store.ts storeDiff: null deletes) to what `before` holds: the
 * whole table is written again as one block, the rows it no longer needs cleared.
 */
export function writeSettings(
  app: WpsApplication,
  wb: EtWorkbook,
  before: Map<string, unknown>,
  diff: Map<string, unknown | null>,
): void {
  if (!diff.size) return;
  const next = new Map<string, string>();
  for (const [k, v] of before) next.set(k, String(v));
  for (const [k, v] of diff) {
    if (v === null) next.delete(k);
    else next.set(k, String(v));
  }
  let ws = storeSheet(wb);
  if (next.size === 0) {
    if (ws) deleteSheet(app, ws);
    return;
  }
  if (!ws) ws = addStoreSheet(app, wb);
  const used = ws.UsedRange;
  const oldRows = used.Row - 1 + used.Rows.Count;
  const rows = [...next].map(([k, v]) => [k, v]);
  const range = ws.Range(`A1:B${rows.length}`);
  range.NumberFormat = "@";
  range.Value2 = rows;
  if (oldRows > rows.length) ws.Range(`A${rows.length + 1}:B${oldRows}`).Clear();
}

function deleteSheet(app: WpsApplication, ws: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

/** Add the store sheet, very hidden, after the last sheet; the active sheet stays active. */
function addStoreSheet(app: WpsApplication, wb: EtWorkbook): EtWorksheet {
  const active = app.ActiveSheet;
  const ws = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
  ws.Name = STORE_SHEET;
  // Worksheets.Add activates the new sheet: give the user theirs back before hiding it.
  active?.Activate();
  ws.Visible = XL_SHEET_VERY_HIDDEN;
  return ws;
}

/** The id a sheet carries (PERF_SHEET_ID), or undefined. */
export function sheetIdOf(ws: EtWorksheet): string | undefined {
  const names = ws.Names;
  for (let i = 1; i <= names.Count; i++) {
    const n = names.Item(i);
    if (n.Name === SHEET_ID_NAME || n.Name.endsWith(`!${SHEET_ID_NAME}`)) {
      const m = /^="(.*)"$/.exec(String(n.RefersTo));
      return m ? m[1].replace(/""/g, '"') : undefined;
    }
  }
  return undefined;
}

/** Give a sheet the id `id` (replacing the one it had). */
export function setSheetId(ws: EtWorksheet, id: string): void {
  ws.Names.Add(SHEET_ID_NAME, `="${id}"`, false);
}

/** Take a sheet's id away. */
export function removeSheetId(ws: EtWorksheet): void {
  const names = ws.Names;
  for (let i = names.Count; i >= 1; i--) {
    const n = names.Item(i);
    if (n.Name === SHEET_ID_NAME || n.Name.endsWith(`!${SHEET_ID_NAME}`)) n.Delete();
  }
}

/** A new sheet id: random, without crypto.randomUUID (absent from older embedded Chromium). */
export function newSheetId(): string {
  const bytes = new Uint8Array(12);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `wps-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** A sheet of the workbook with its id (undefined: none yet, or another sheet has it too). */
export interface EtSheetEntry {
  ws: EtWorksheet;
  name: string;
  id: string | undefined;
}

/** The user's sheets with their ids; a repeated id (a copied sheet) counts for the first sheet only. */
export function sheetEntries(wb: EtWorkbook): EtSheetEntry[] {
  const seen = new Set<string>();
  return userSheets(wb).map((ws) => {
    let id = sheetIdOf(ws);
    if (id !== undefined && seen.has(id)) id = undefined;
    if (id !== undefined) seen.add(id);
    return { ws, name: ws.Name, id };
  });
}
