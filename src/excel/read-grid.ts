/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load --
   Loads are queued here and read by closures the caller invokes after its one context.sync() (that is what
   keeps the number of syncs fixed); the rules cannot follow a read into a closure or through `s.ctx.sync()`.
   The fake Excel in test/fakes enforces load-before-read at run time instead (PropertyNotLoaded). */
/**
 * Office.js worksheet → Grid (values, formulas, number formats, merged areas), the Office.js
 * counterpart of src/cli/xlsx-grid.ts.
 *
 * The whole used range is loaded in one batch with the merged areas, so reading takes one
 * context.sync() whatever the number of rows or forms. Only a sheet too large for one request
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded) is read again in row
 * bands, one sync each.
 */
import type { RangeBox } from "../engine/model";
import { Grid } from "../layout/grid";
import type { CellValue } from "../engine/types";
import { normValue, type Caps } from "./cell-state";

/** Parse "Sheet1!A1:B2, 'x,y'!C3" (RangeAreas.address) into boxes. */
export function parseAreas(address: string): RangeBox[] {
  const out: RangeBox[] = [];
  const re = /(?:^|!|,\s*)\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*(?=,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address))) {
    const c0 = colIndex(m[1]);
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    out.push({ top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) });
  }
  return out;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export interface GridRead {
  /** After the sync. Throws what the sync threw for the used range. */
  grid(): Grid;
}

interface Block {
  values: CellValue[][];
  formulas: (string | null)[][];
  numFmts: (string | null)[][];
}

function toBlock(values: unknown[][], formulas: unknown[][], numberFormat: unknown[][]): Block {
  return {
    values: values.map((row) => row.map(normValue)),
    formulas: formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
    numFmts: numberFormat.map((row) => row.map((n) => (typeof n === "string" && n !== "General" ? n : null))),
  };
}

function queueMerges(ws: Excel.Worksheet, caps: Caps): () => RangeBox[] {
  if (!caps.merges) return () => [];
  const areas = ws.getRange().getMergedAreasOrNullObject();
  areas.load("address");
  return () => (areas.isNullObject ? [] : parseAreas(areas.address));
}

/** Queue one-batch loads of the used range and the merged areas. */
export function queueGridRead(ws: Excel.Worksheet, sheetName: () => string, caps: Caps): GridRead {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["values", "formulas", "numberFormat", "rowIndex", "columnIndex"]);
  ws.load("visibility");
  const merges = queueMerges(ws, caps);
  return {
    grid() {
      const m = merges();
      const hidden = ws.visibility !== "Visible";
      if (used.isNullObject) return new Grid({ sheet: sheetName(), top: 0, left: 0, values: [], merges: m, hidden });
      const b = toBlock(used.values, used.formulas, used.numberFormat);
      return new Grid({
        sheet: sheetName(),
        top: used.rowIndex,
        left: used.columnIndex,
        values: b.values,
        formulas: b.formulas,
        numFmts: b.numFmts,
        merges: m,
        hidden,
      });
    },
  };
}

/** Queue the shape of the used range and the merged areas (no cell data). */
export function queueGridShape(ws: Excel.Worksheet, caps: Caps): () => { box: RangeBox | null; merges: RangeBox[] } {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const merges = queueMerges(ws, caps);
  return () => ({
    box: used.isNullObject
      ? null
      : {
          top: used.rowIndex,
          left: used.columnIndex,
          bottom: used.rowIndex + used.rowCount - 1,
          right: used.columnIndex + used.columnCount - 1,
        },
    merges: merges(),
  });
}

/**
 * Read a used range too large for one request in row bands of at most `maxCells` cells, one
 * sync a band; a band that is still too large is halved. `isPayload` tells a size error.
 */
export async function readBands(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  box: RangeBox,
  maxCells: number,
  isPayload: (e: unknown) => boolean,
  beforeSync: () => void,
): Promise<Block> {
  const cols = box.right - box.left + 1;
  let rows = Math.max(1, Math.floor(maxCells / cols));
  const out: Block = { values: [], formulas: [], numFmts: [] };
  let r = box.top;
  while (r <= box.bottom) {
    const n = Math.min(rows, box.bottom - r + 1);
    const range = ws.getRangeByIndexes(r, box.left, n, cols);
    range.load(["values", "formulas", "numberFormat"]);
    beforeSync();
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayload(e) && n > 1) {
        rows = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    const b = toBlock(range.values, range.formulas, range.numberFormat);
    out.values.push(...b.values);
    out.formulas.push(...b.formulas);
    out.numFmts.push(...b.numFmts);
    r += n;
  }
  return out;
}

export function gridFromBands(sheet: string, box: RangeBox | null, block: Block | null, merges: RangeBox[]): Grid {
  if (!box || !block) return new Grid({ sheet, top: 0, left: 0, values: [], merges });
  return new Grid({
    sheet,
    top: box.top,
    left: box.left,
    values: block.values,
    formulas: block.formulas,
    numFmts: block.numFmts,
    merges,
  });
}
