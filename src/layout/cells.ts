/**
 * Reading cells for layout detection: fields with their addresses, labels matched by pattern,
 * blank rows, a form's bounding box. Every part of detection reads the sheet through these.
 * Pure.
 */
import type { Field, RangeBox } from "../engine/model";
import { address, Grid } from "./grid";
import { labelOf } from "./headers";

/** Header rows with more columns than this are not scanned past it. */
export const MAX_HEADER_COLS = 64;

/** A label cell is at most this long; longer texts are prose, not labels. */
const MAX_LABEL_LENGTH = 60;

export function isNumberLike(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v !== "string") return false;
  return /^\s*[-+]?\d+(\.\d+)?\s*%?\s*$/.test(v);
}

/** The right edge a form's header and label scans stop at. */
export function scanRight(grid: Grid): number {
  return Math.min(grid.right, grid.left + MAX_HEADER_COLS);
}

export function rowIsBlank(grid: Grid, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (!grid.isBlank(row, c) && !grid.mergeAt(row, c)) return false;
  return true;
}

/** address(), with the column letters of the first columns computed once. */
const COL_NAMES: string[] = [];
export function cellAddress(row: number, col: number): string {
  if (col < 0 || col >= 256) return address(row, col);
  let name = COL_NAMES[col];
  if (name === undefined) {
    name = address(0, col).slice(0, -1);
    COL_NAMES[col] = name;
  }
  return name + (row + 1);
}

/** The field at (row, col) as stored there (a merged non-master cell is blank). */
export function field(grid: Grid, row: number, col: number | undefined, confidence: number): Field | undefined {
  if (col === undefined) return undefined;
  return {
    row,
    col,
    cell: cellAddress(row, col),
    value: grid.raw(row, col),
    formula: grid.formula(row, col),
    numFmt: grid.numFmt(row, col),
    confidence,
  };
}

/**
 * A label cell in columns [from, to] of a row whose text, without a trailing colon or a stated
 * weight ("总分：", "总分（100分）"), matches `re`. Returns the label's column (a merge's left edge).
 */
export function findLabel(grid: Grid, row: number, from: number, to: number, re: RegExp): number | undefined {
  for (let c = from; c <= to; c++) {
    const v = grid.value(row, c);
    if (typeof v !== "string" || v.length > MAX_LABEL_LENGTH) continue;
    const m = grid.mergeAt(row, c);
    if (m && m.top !== row) continue;
    if (re.test(labelOf(v))) return m ? m.left : c;
  }
  return undefined;
}

/** The first non-blank cell right of a label (its merge included), not past `to`. */
export function valueRightOf(grid: Grid, row: number, labelCol: number, to: number): number | undefined {
  const m = grid.mergeAt(row, labelCol) ?? grid.masterMerge(row, labelCol);
  for (let c = (m ? m.right : labelCol) + 1; c <= to; c++) {
    if (grid.mergeAt(row, c)) continue;
    if (!grid.isBlank(row, c)) return c;
  }
  return undefined;
}

/** Blank columns (over all of a form's rows) that end it: a value further right is not the form's. */
const FORM_COLUMN_GAP = 3;

/** Rows [top, bottom] bounding box of what is on them (merge areas included). */
export function boundingBox(grid: Grid, top: number, bottom: number): RangeBox {
  let left = Infinity;
  let right = -Infinity;
  // Column by column, until FORM_COLUMN_GAP blank columns: a stray value at XFD1 does not
  // stretch the form (or the work) to column 16384.
  for (let c = grid.left; c <= grid.right && (right < 0 || c <= right + FORM_COLUMN_GAP); c++) {
    for (let r = top; r <= bottom; r++) {
      if (grid.isBlank(r, c)) continue;
      if (c < left) left = c;
      if (c > right) right = c;
      break;
    }
  }
  for (let r = top; r <= bottom; r++) {
    for (const m of grid.mergesStartingAt(r)) {
      if (grid.isBlank(m.top, m.left) || m.left > right + FORM_COLUMN_GAP) continue;
      // A merge may reach past the grid's edge: the form ends at the edge.
      if (m.left < left) left = Math.max(m.left, grid.left);
      if (m.right > right) right = Math.min(m.right, grid.right);
    }
  }
  if (!Number.isFinite(left)) return { top, bottom, left: grid.left, right: grid.left };
  return { top, bottom, left, right };
}
