/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load --
   Loads are queued here and read by closures the caller invokes after its one context.sync() (that is what
   keeps the number of syncs fixed); the rules cannot follow a read into a closure or through `io.sync()`.
   The fake Excel in test/fakes enforces load-before-read at run time instead (PropertyNotLoaded). */
/**
 * Office.js worksheet → Grid (values, formulas, number formats, merged areas), the Office.js
 * counterpart of src/cli/xlsx-reader.ts.
 *
 * The caller reads the used range's box (queueUsedBox) with the rest of its first batch; then the
 * cells and the merged areas come in one more sync, whatever the number of rows or forms. Real
 * Excel's limits shape that second batch:
 *
 * - Range.getMergedAreasOrNullObject fails when the range holds more than 512 merged areas
 *   (ExcelApi 1.13 reference), so the merged areas are asked for in tiles too small to hold more
 *   (mergeTiles). Only a used range so large that those tiles would be over MAX_MERGE_QUERIES gets
 *   coarser bands, split again whenever a batch of them fails.
 * - A response over 5 MB (Excel on the web) is refused with ResponsePayloadSizeLimitExceeded, and
 *   past 5 million cells Range.values comes back null instead of failing. Either way the cells are
 *   read again in row bands (each band only its used part), a band halved until it passes.
 */
import type { RangeBox } from "../engine/model";
import type { CellValue } from "../engine/types";
import { Grid } from "../layout/grid";
import { normValue } from "./cell-state";
import { pathBytes, queryBytes } from "./request-size";

/** Merged areas Range.getMergedAreasOrNullObject returns at most (ExcelApi 1.13 reference). */
export const MERGED_AREAS_LIMIT = 512;
/** Merged-area queries one request carries at most (about 0.5 KB of request each). */
export const MAX_MERGE_QUERIES = 1024;
/** Past this many cells Range.values comes back null: such a range is read in bands from the start. */
export const LARGE_RANGE_CELLS = 5_000_000;

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

function rowsOf(b: RangeBox): number {
  return b.bottom - b.top + 1;
}

function colsOf(b: RangeBox): number {
  return b.right - b.left + 1;
}

/** What the caller of readGrid lends it: syncs (with its cancel check) and its reading of errors. */
export interface GridIO {
  sync(): Promise<void>;
  /** A request or response over Excel's size limits. */
  isPayload(e: unknown): boolean;
  /** An error no smaller request can get past (edit mode, access denied, the sheet gone, cancel). */
  isFatal(e: unknown): boolean;
  /** A clear error for a band of one row that is still too large. */
  tooLarge(cause: unknown): Error;
}

/** Queue the load of the used range's box (values only); call the result after the sync. */
export function queueUsedBox(ws: Excel.Worksheet): () => RangeBox | null {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  return () =>
    used.isNullObject
      ? null
      : {
          top: used.rowIndex,
          left: used.columnIndex,
          bottom: used.rowIndex + used.rowCount - 1,
          right: used.columnIndex + used.columnCount - 1,
        };
}

/**
 * Tiles covering `box` for merged-area queries. Safe tiles cannot hold more than 512 merged
 * areas: an area meeting a tile of R rows × W columns has a cell in it, one wholly inside has two,
 * and the areas reaching over its edge are no more than its 2R + 2W edge cells, so at most
 * (R·W + 2R + 2W) / 2 areas meet it; the tiles keep that at 512 or less. Full-width bands when the
 * range is narrow enough to leave them 8 rows or more, else 30 × 30 tiles. Coarser (and not safe)
 * only when safe tiles would be more than `maxQueries`.
 */
export function mergeTiles(box: RangeBox, maxQueries = MAX_MERGE_QUERIES): { tiles: RangeBox[]; safe: boolean } {
  const budget = 2 * MERGED_AREAS_LIMIT;
  const rowsFor = (w: number) => Math.floor((budget - 2 * w) / (w + 2));
  const cols = colsOf(box);
  const width = rowsFor(cols) >= 8 ? cols : 30;
  const height = rowsFor(width);
  const across = Math.ceil(cols / width);
  const down = Math.ceil(rowsOf(box) / height);
  if (across * down <= maxQueries) return { tiles: grid(box, height, width), safe: true };
  return { tiles: grid(box, Math.ceil(rowsOf(box) / maxQueries), cols), safe: false };
}

function grid(box: RangeBox, height: number, width: number): RangeBox[] {
  const out: RangeBox[] = [];
  for (let top = box.top; top <= box.bottom; top += height)
    for (let left = box.left; left <= box.right; left += width)
      out.push({
        top,
        left,
        bottom: Math.min(box.bottom, top + height - 1),
        right: Math.min(box.right, left + width - 1),
      });
  return out;
}

/** Request bytes of one merged-area query (MAX_MERGE_QUERIES of them: about 0.5 MB). */
export const MERGE_QUERY_BYTES =
  pathBytes("GetRangeByIndexes", [1048575, 16383, 1048576, 16384]) +
  pathBytes("GetMergedAreasOrNullObject", []) +
  queryBytes(["address"]);

function queueMerges(ws: Excel.Worksheet, tiles: RangeBox[]): () => RangeBox[] {
  const pending = tiles.map((t) => {
    const areas = ws.getRangeByIndexes(t.top, t.left, rowsOf(t), colsOf(t)).getMergedAreasOrNullObject();
    areas.load("address");
    return areas;
  });
  return () => {
    // An area reaching over a tile's edge is reported by each tile it meets.
    const seen = new Map<string, RangeBox>();
    for (const a of pending) {
      if (a.isNullObject) continue;
      for (const b of parseAreas(a.address)) seen.set(`${b.top}:${b.left}:${b.bottom}:${b.right}`, b);
    }
    return [...seen.values()];
  };
}

/** Split a tile in two (rows first, then columns); null for a single cell. */
function halve(t: RangeBox): RangeBox[] | null {
  if (rowsOf(t) > 1) {
    const mid = t.top + Math.floor(rowsOf(t) / 2) - 1;
    return [
      { ...t, bottom: mid },
      { ...t, top: mid + 1 },
    ];
  }
  if (colsOf(t) > 1) {
    const mid = t.left + Math.floor(colsOf(t) / 2) - 1;
    return [
      { ...t, right: mid },
      { ...t, left: mid + 1 },
    ];
  }
  return null;
}

/**
 * The merged areas of `tiles`, MAX_MERGE_QUERIES a sync. A batch that fails (not safe tiles only)
 * is asked again in halves.
 */
async function readMerges(io: GridIO, ws: Excel.Worksheet, tiles: RangeBox[], safe: boolean): Promise<RangeBox[]> {
  const out = new Map<string, RangeBox>();
  const todo = [tiles];
  while (todo.length) {
    const all = todo.shift()!;
    const batch = all.slice(0, MAX_MERGE_QUERIES);
    if (all.length > batch.length) todo.unshift(all.slice(batch.length));
    const read = queueMerges(ws, batch);
    try {
      await io.sync();
    } catch (e) {
      if (safe || io.isFatal(e)) throw e;
      const split = batch.map(halve);
      if (split.some((s) => s === null)) throw e;
      todo.unshift(split.flat() as RangeBox[]);
      continue;
    }
    for (const b of read()) out.set(`${b.top}:${b.left}:${b.bottom}:${b.right}`, b);
  }
  return [...out.values()];
}

interface Block {
  /** Rows from the box's top (holes for empty rows), cells from the box's left. */
  values: CellValue[][];
  formulas: (string | null)[][];
  numFmts: (string | null)[][];
}

const CELL_PROPS = ["values", "formulas", "numberFormat"];

/** A loaded range's cells into `out` at its place in `box`; false when Excel gave no cell data (too large). */
function place(
  out: Block,
  box: RangeBox,
  at: { row: number; col: number },
  values: unknown[][] | null,
  formulas: unknown[][] | null,
  numberFormat: unknown[][] | null,
): boolean {
  if (!values || !formulas || !numberFormat) return false;
  const dr = at.row - box.top;
  const dc = at.col - box.left;
  values.forEach((row, i) => {
    const v: CellValue[] = (out.values[dr + i] ??= []);
    const f: (string | null)[] = (out.formulas[dr + i] ??= []);
    const n: (string | null)[] = (out.numFmts[dr + i] ??= []);
    row.forEach((x, j) => {
      v[dc + j] = normValue(x);
      const fx = formulas[i]?.[j];
      f[dc + j] = typeof fx === "string" && fx.startsWith("=") ? fx : null;
      const nx = numberFormat[i]?.[j];
      n[dc + j] = typeof nx === "string" && nx !== "General" ? nx : null;
    });
  });
  return true;
}

function emptyBlock(box: RangeBox): Block {
  const b: Block = { values: [], formulas: [], numFmts: [] };
  b.values.length = b.formulas.length = b.numFmts.length = rowsOf(box);
  return b;
}

/**
 * Read `box` in row bands of at most `maxCells` cells, one sync a band, each band only its used
 * part; a band refused as too large, or whose cells come back null, is halved.
 */
async function readBands(io: GridIO, ws: Excel.Worksheet, box: RangeBox, maxCells: number): Promise<Block> {
  const cols = colsOf(box);
  let rows = Math.max(1, Math.floor(maxCells / cols));
  const out = emptyBlock(box);
  let r = box.top;
  while (r <= box.bottom) {
    const n = Math.min(rows, box.bottom - r + 1);
    const used = ws.getRangeByIndexes(r, box.left, n, cols).getUsedRangeOrNullObject(true);
    used.load([...CELL_PROPS, "rowIndex", "columnIndex"]);
    try {
      await io.sync();
    } catch (e) {
      if (!io.isPayload(e)) throw e;
      if (n === 1) throw io.tooLarge(e);
      rows = Math.max(1, Math.floor(n / 2));
      continue;
    }
    if (
      !used.isNullObject &&
      !place(out, box, { row: used.rowIndex, col: used.columnIndex }, used.values, used.formulas, used.numberFormat)
    ) {
      if (n === 1) throw io.tooLarge(null);
      rows = Math.max(1, Math.floor(n / 2));
      continue;
    }
    r += n;
  }
  return out;
}

/** Request bytes of the second batch of readGrid for `box` (its cells and merged-area tiles). */
export function gridReadBytes(box: RangeBox | null, caps: { merges: boolean }): number {
  if (!box) return 0;
  const tiles = caps.merges ? mergeTiles(box).tiles.length : 0;
  return pathBytes("GetRangeByIndexes", [0, 0, 0, 0]) + queryBytes(CELL_PROPS) + tiles * MERGE_QUERY_BYTES;
}

/**
 * The Grid of `box` on `ws` (box from queueUsedBox; null: an empty sheet): the cells and the
 * merged areas in one sync when Excel allows, else as the limits above require. `hidden`: the
 * sheet is not visible (Worksheet.visibility), which detection reads (an empty form on a hidden
 * sheet is an unused template).
 */
export async function readGrid(
  io: GridIO,
  ws: Excel.Worksheet,
  sheet: { name: string; hidden: boolean },
  box: RangeBox | null,
  caps: { merges: boolean },
  maxBandCells: number,
): Promise<Grid> {
  const { name, hidden } = sheet;
  if (!box) return new Grid({ sheet: name, top: 0, left: 0, values: [], merges: [], hidden });
  const { tiles, safe } = caps.merges ? mergeTiles(box) : { tiles: [], safe: true };
  const whole =
    rowsOf(box) * colsOf(box) <= LARGE_RANGE_CELLS
      ? ws.getRangeByIndexes(box.top, box.left, rowsOf(box), colsOf(box))
      : null;
  whole?.load(CELL_PROPS);
  // Tiles beyond one request's share wait for readMerges.
  const first = tiles.slice(0, MAX_MERGE_QUERIES);
  const mergeRead = queueMerges(ws, first);
  let block: Block | null = null;
  let merges: RangeBox[] | null = null;
  try {
    await io.sync();
    const b = emptyBlock(box);
    if (whole && place(b, box, { row: box.top, col: box.left }, whole.values, whole.formulas, whole.numberFormat))
      block = b;
    if (first.length === tiles.length) merges = mergeRead();
  } catch (e) {
    // Too large an answer, or (tiles not safe) a merged-areas query Excel refused: each part again on its own.
    if (io.isFatal(e) || (safe && !io.isPayload(e))) throw e;
  }
  if (!merges) merges = await readMerges(io, ws, tiles, safe);
  if (!block) block = await readBands(io, ws, box, maxBandCells);
  return new Grid({
    sheet: name,
    top: box.top,
    left: box.left,
    values: block.values,
    formulas: block.formulas,
    numFmts: block.numFmts,
    merges,
    hidden,
  });
}
