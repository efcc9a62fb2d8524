/**
 * ET cells in blocks: a sheet read as a Grid, cells' states (content, number format, fill, note)
 * read and moved to other states, all with as few calls into WPS as the cells allow.
 *
 * Each call into WPS costs about as much as any other (10,000 single-cell writes take about 2 s,
 * as people who built WPS add-ins report), so:
 * - values and formulas of the used range come in one Value2 and one Formula read (2-D arrays);
 * - number formats, fills and merged cells, which ET gives for a whole range only when all its
 *   cells agree (NumberFormat, Interior.Pattern / Interior.Color and MergeCells are null
 *   otherwise, as in Excel's VBA), are read by halving a range until its cells agree;
 * - the cells to change are grouped in runs (consecutive rows of one column) and each run is
 *   written with one assignment of a 2-D array (Formula) or one of a value for the whole run
 *   (NumberFormat, Interior); notes are per cell (ET has no block call for comments).
 */
import type { RangeBox } from "../engine/model";
import { address } from "../engine/address";
import {
  ALL_ASPECTS,
  excelWouldConvert,
  normFormula,
  normValue,
  sameFill,
  sameValue,
  type Aspect,
  type CellState,
} from "../excel/cell-state";
import type { Transition } from "../excel/transitions";
import { Grid, parseAddress, parseRange, rangeAddress } from "../layout/grid";
import { block, fromBgr, toBgr, XL_NONE, XL_SHEET_VISIBLE, type EtRange, type EtScalar, type EtWorksheet } from "./et";

function rangeOf(ws: EtWorksheet, box: RangeBox): EtRange {
  return ws.Range(rangeAddress(box));
}

/** Halves of a box along its longer side (rows when equal). */
function halves(b: RangeBox): [RangeBox, RangeBox] {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  if (rows >= cols) {
    const mid = b.top + Math.floor(rows / 2) - 1;
    return [
      { ...b, bottom: mid },
      { ...b, top: mid + 1 },
    ];
  }
  const mid = b.left + Math.floor(cols / 2) - 1;
  return [
    { ...b, right: mid },
    { ...b, left: mid + 1 },
  ];
}

function single(b: RangeBox): boolean {
  return b.top === b.bottom && b.left === b.right;
}

/**
 * Visit the parts of `box` whose cells agree: `probe` gives the common value of a range's cells,
 * or null when they differ; a part that differs is halved until it agrees (a single cell always
 * does: its probe must not be null).
 */
function agreeing<T>(box: RangeBox, probe: (b: RangeBox) => T | null, each: (b: RangeBox, v: T) => void): void {
  const stack = [box];
  while (stack.length) {
    const b = stack.pop()!;
    const v = probe(b);
    if (v !== null) each(b, v);
    else if (single(b)) throw new Error(`ET gave no value for the single cell ${rangeAddress(b)}`);
    else stack.push(...halves(b));
  }
}

/** A formula as ET gives it: Formula starts with "=" and is not the cell's own text. */
function formulaOf(f: EtScalar, v: EtScalar): string | null {
  // Range.Formula gives a constant cell its constant: a text "=x" typed as text reads back the same
  // through Value2 and Formula, which a real formula (whose Value2 is its result) never does.
  const g = normFormula(f);
  return g !== null && !(typeof v === "string" && v === g) ? g : null;
}

/** The sheet's used range as a Grid: values, formulas, number formats, merged areas, visibility. */
export function readGrid(ws: EtWorksheet): Grid {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const box: RangeBox = { top, left, bottom: top + used.Rows.Count - 1, right: left + used.Columns.Count - 1 };
  const v2 = block(used.Value2);
  const f2 = block(used.Formula);
  const values = v2.map((row) => row.map(normValue));
  const formulas = v2.map((row, r) => row.map((v, c) => formulaOf(f2[r]?.[c], v)));
  // A number format only changes what a number means (a percent, printed decimals: engine/value.ts
  // readValue ignores it for text and blanks), so only the numbers' formats are read: run by run of
  // a column, each run halved until its cells agree.
  const numFmts: (string | null)[][] = values.map((row) => row.map(() => null));
  const numbers: string[] = [];
  values.forEach((row, r) => row.forEach((v, c) => typeof v === "number" && numbers.push(address(top + r, left + c))));
  for (const run of runs(numbers))
    agreeing(
      run.box,
      (b) => rangeOf(ws, b).NumberFormat,
      (b, n) => {
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) numFmts[r - top][c - left] = n;
      },
    );
  return new Grid({
    sheet: ws.Name,
    top,
    left,
    values,
    formulas,
    numFmts,
    merges: readMerges(ws, box),
    hidden: ws.Visible !== XL_SHEET_VISIBLE,
  });
}

/**
 * The merged areas meeting `box` (MergeCells: false for none, null for some; MergeArea of a cell).
 * Row by row (a form's rows are mostly without merges: one probe each), a row with merges halved
 * along its columns; a cell inside an area already found is not asked again.
 */
export function readMerges(ws: EtWorksheet, box: RangeBox): RangeBox[] {
  const found = new Map<string, RangeBox>();
  const byRow = new Map<number, RangeBox[]>();
  const known = (b: RangeBox) =>
    (byRow.get(b.top) ?? []).some((m) => b.bottom <= m.bottom && m.left <= b.left && b.right <= m.right);
  const stack: RangeBox[] = [];
  for (let r = box.bottom; r >= box.top; r--) stack.push({ ...box, top: r, bottom: r });
  while (stack.length) {
    const b = stack.pop()!;
    if (known(b)) continue;
    const range = rangeOf(ws, b);
    const merged = range.MergeCells;
    if (merged === false) continue;
    if (merged === true || single(b)) {
      const first = single(b) ? range : ws.Range(address(b.top, b.left));
      const area = first.MergeArea.Address(false, false);
      const m = parseRange(area);
      if (m && !found.has(area)) {
        found.set(area, m);
        for (let r = m.top; r <= m.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
      }
      // One merged area that is exactly this range: done. Otherwise (several areas) look closer.
      if (single(b) || area === rangeAddress(b)) continue;
    }
    stack.push(...halves(b));
  }
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Cells as runs: consecutive rows of one column, in sheet order. */
export function runs(cells: readonly string[]): { box: RangeBox; cells: string[] }[] {
  const parsed = cells
    .map((cell) => ({ cell, at: parseAddress(cell)! }))
    .sort((a, b) => a.at.col - b.at.col || a.at.row - b.at.row);
  const out: { box: RangeBox; cells: string[] }[] = [];
  for (const { cell, at } of parsed) {
    const last = out[out.length - 1];
    if (last && last.box.left === at.col && last.box.bottom + 1 === at.row) {
      last.box.bottom = at.row;
      last.cells.push(cell);
    } else out.push({ box: { top: at.row, bottom: at.row, left: at.col, right: at.col }, cells: [cell] });
  }
  return out;
}

/** A fill as ET gives it for a range: "#RRGGBB", "" for none, null when the cells differ. */
function fillOf(range: EtRange): string | null {
  const pattern = range.Interior.Pattern;
  if (pattern === XL_NONE) return "";
  if (pattern === null || pattern === undefined) return null;
  const color = range.Interior.Color;
  return color === null || color === undefined ? null : fromBgr(color);
}

/** The states of `cells` on `ws`, read run by run. */
export function readStates(ws: EtWorksheet, cells: readonly string[]): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const run of runs([...new Set(cells)])) {
    const range = rangeOf(ws, run.box);
    const v2 = block(range.Value2);
    const f2 = block(range.Formula);
    const n = new Map<string, string>();
    const fill = new Map<string, string | null>();
    const cellsIn = (b: RangeBox) => run.cells.slice(b.top - run.box.top, b.bottom - run.box.top + 1);
    agreeing(
      run.box,
      (b) => rangeOf(ws, b).NumberFormat,
      (b, fmt) => cellsIn(b).forEach((c) => n.set(c, fmt || "General")),
    );
    agreeing(
      run.box,
      (b) => fillOf(rangeOf(ws, b)),
      (b, f) => cellsIn(b).forEach((c) => fill.set(c, f === "" ? null : f)),
    );
    run.cells.forEach((cell, i) => {
      const v = v2[i]?.[0];
      const comment = ws.Range(cell).Comment;
      out.set(cell, {
        v: normValue(v),
        f: formulaOf(f2[i]?.[0], v),
        n: n.get(cell) ?? "General",
        fill: fill.get(cell) ?? null,
        note: comment ? comment.Text() : null,
      });
    });
  }
  return out;
}

/** One cell's move from one state to another, in some aspects (transitions.ts). */
export type CellMove = Transition;

/** Write `values` (one a cell of the run, "=…" for formulas) into the runs of `cells`, one Formula assignment each. */
function writeRuns<T>(ws: EtWorksheet, cells: Map<string, T>, assign: (range: EtRange, items: T[]) => void): void {
  for (const run of runs([...cells.keys()]))
    assign(
      rangeOf(ws, run.box),
      run.cells.map((c) => cells.get(c)!),
    );
}

/** Group cells by a key and write each group's runs with one assignment of that key. */
function writeGroups(
  ws: EtWorksheet,
  byCell: Map<string, string>,
  assign: (range: EtRange, key: string) => void,
): void {
  const groups = new Map<string, string[]>();
  for (const [cell, key] of byCell) groups.set(key, [...(groups.get(key) ?? []), cell]);
  for (const [key, cells] of groups) for (const run of runs(cells)) assign(rangeOf(ws, run.box), key);
}

/**
 * Move cells from their states to others, in blocks. Content is written as typed (Formula), so text
 * ET would take for something else (excelWouldConvert: a number, date, percent or formula) goes in
 * under a moment's "@" number format, set back after; a number format changes before the content
 * it governs. Returns the number of cells changed.
 */
export function applyMoves(ws: EtWorksheet, moves: readonly CellMove[]): number {
  const fmtBefore = new Map<string, string>();
  const content = new Map<string, EtScalar>();
  const fmtAfter = new Map<string, string>();
  const fills = new Map<string, string>();
  const notes: CellMove[] = [];
  let changed = 0;
  for (const m of moves) {
    const { from, to, aspects } = m;
    const has = (a: Aspect) => aspects.includes(a);
    const format = has("format") ? to.n : from.n;
    let wrote = false;
    let formatDone = !has("format") || from.n === to.n;
    if (has("content")) {
      if (to.f !== null ? from.f !== to.f : from.f !== null || !sameValue(from.v, to.v)) {
        const v = to.f ?? to.v ?? "";
        const guard = to.f === null && typeof v === "string" && v !== "" && format !== "@" && excelWouldConvert(v);
        if (guard) {
          fmtBefore.set(m.cell, "@");
          fmtAfter.set(m.cell, format);
          formatDone = true;
        } else if (!formatDone) {
          fmtBefore.set(m.cell, format);
          formatDone = true;
        }
        content.set(m.cell, v);
        wrote = true;
      }
    }
    if (!formatDone) {
      fmtBefore.set(m.cell, format);
      wrote = true;
    }
    if (has("fill") && !sameFill(from.fill, to.fill)) {
      fills.set(m.cell, to.fill ?? "");
      wrote = true;
    }
    if (has("note") && from.note !== to.note) {
      notes.push(m);
      wrote = true;
    }
    if (wrote || fmtBefore.has(m.cell)) changed++;
  }
  writeGroups(ws, fmtBefore, (range, n) => (range.NumberFormat = n));
  writeRuns(ws, content, (range, items) => (range.Formula = items.map((x) => [x])));
  writeGroups(ws, fmtAfter, (range, n) => (range.NumberFormat = n));
  writeGroups(ws, fills, (range, f) => {
    if (f === "") range.Interior.Pattern = XL_NONE;
    else range.Interior.Color = toBgr(f);
  });
  for (const m of notes) {
    const range = ws.Range(m.cell);
    if (m.from.note === null) range.AddComment(m.to.note ?? "");
    else if (m.to.note === null) range.Comment?.Delete();
    else range.Comment?.Text(m.to.note);
  }
  return changed;
}

/** Moves that put `cells` back from their current states to `states`, in every aspect. */
export function movesBack(ws: EtWorksheet, states: Map<string, CellState>): CellMove[] {
  const now = readStates(ws, [...states.keys()]);
  return [...states].map(([cell, to]) => ({ cell, from: now.get(cell)!, to, aspects: ALL_ASPECTS }));
}
