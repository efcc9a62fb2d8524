/**
 * Grid: one sheet's cells as both Office.js and exceljs can give them — values, formulas,
 * number formats and merged areas. Coordinates are 0-based sheet rows/columns.
 * Pure: no Office, no DOM, no fs.
 */
import type { CellValue } from "../engine/types";
import type { RangeBox } from "../engine/model";
import { address, colName } from "../engine/address";

export interface GridInit {
  sheet: string;
  /** Sheet position of values[0][0] (the used range's top-left). */
  top?: number;
  left?: number;
  values: CellValue[][];
  formulas?: (string | null | undefined)[][];
  numFmts?: (string | null | undefined)[][];
  merges?: RangeBox[];
  /** The sheet is hidden (or very hidden) in its workbook. */
  hidden?: boolean;
}

export { address, colName };

export function rangeAddress(box: RangeBox): string {
  const a = address(box.top, box.left);
  const b = address(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** "H14" → {row: 13, col: 7}; "$H$14" and "Sheet!H14" are accepted. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  return row >= 0 ? { row, col: col - 1 } : null;
}

/** "A1:C3" → box; a single cell is a 1×1 box. */
export function parseRange(a: string): RangeBox | null {
  const bare = a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a;
  const [p, q] = bare.split(":");
  const s = parseAddress(p);
  const e = q === undefined ? s : parseAddress(q);
  if (!s || !e) return null;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export class Grid {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: RangeBox[];
  /** The sheet is hidden in its workbook: an empty form on it is an unused template. */
  readonly hidden: boolean;
  /** Sheet rows that hold any cell, ascending: every other row is blank. */
  readonly contentRows: readonly number[];
  private readonly values: CellValue[][];
  private readonly formulas?: (string | null | undefined)[][];
  private readonly numFmts?: (string | null | undefined)[][];
  /** Key row*MAXC+col of a merged non-master cell → its merge area. */
  private readonly mergeOf = new Map<number, RangeBox>();
  private readonly mergesByTop = new Map<number, RangeBox[]>();

  constructor(init: GridInit) {
    this.sheet = init.sheet;
    this.top = init.top ?? 0;
    this.left = init.left ?? 0;
    this.hidden = init.hidden === true;
    this.values = init.values;
    this.formulas = init.formulas;
    this.numFmts = init.numFmts;
    this.rowCount = init.values.length;
    let cols = 0;
    const rows: number[] = [];
    // for..in visits only the rows that exist (ascending): one stray value at row 1048576 costs
    // one row here, not a million.
    for (const k in init.values) {
      const r = init.values[k];
      if (!r || r.length === 0) continue;
      if (r.length > cols) cols = r.length;
      rows.push(Number(k) + this.top);
    }
    this.colCount = cols;
    this.contentRows = rows;
    // A merge whose master cell lies outside the grid has no value here to show: its cells in the
    // grid are plain blank cells (and no address off the grid is ever named as a "master").
    this.merges = (init.merges ?? []).filter(
      (m) => m.bottom >= m.top && m.right >= m.left && m.top >= 0 && m.left >= 0 && this.inside(m.top, m.left),
    );
    for (const m of this.merges) {
      const list = this.mergesByTop.get(m.top);
      if (list) list.push(m);
      else this.mergesByTop.set(m.top, [m]);
      // Only record cells that lie in the grid; huge bogus merges cost nothing beyond it.
      const r0 = Math.max(m.top, this.top);
      const r1 = Math.min(m.bottom, this.bottom);
      const c0 = Math.max(m.left, this.left);
      const c1 = Math.min(m.right, this.right);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (r === m.top && c === m.left) continue;
          this.mergeOf.set(this.key(r, c), m);
        }
      }
    }
  }

  get bottom(): number {
    return this.top + this.rowCount - 1;
  }

  get right(): number {
    return this.left + Math.max(this.colCount, 1) - 1;
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The value stored in this very cell (a merged non-master cell is blank). */
  raw(row: number, col: number): CellValue {
    const r = this.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The value shown at this cell: a merged cell shows its master's value. */
  value(row: number, col: number): CellValue {
    const m = this.mergeOf.get(this.key(row, col));
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** The merge area a cell belongs to, when it is a non-master part of one. */
  mergeAt(row: number, col: number): RangeBox | undefined {
    return this.mergeOf.get(this.key(row, col));
  }

  /** The merge area whose master is this cell, if any. */
  masterMerge(row: number, col: number): RangeBox | undefined {
    const right = this.mergeOf.get(this.key(row, col + 1));
    if (right && right.top === row && right.left === col) return right;
    const below = this.mergeOf.get(this.key(row + 1, col));
    if (below && below.top === row && below.left === col) return below;
    return undefined;
  }

  /** Merge areas whose top row is `row`. */
  mergesStartingAt(row: number): readonly RangeBox[] {
    return this.mergesByTop.get(row) ?? [];
  }

  formula(row: number, col: number): string | undefined {
    const r = this.formulas?.[row - this.top];
    const f = r?.[col - this.left];
    return typeof f === "string" && f.startsWith("=") ? f : undefined;
  }

  numFmt(row: number, col: number): string | undefined {
    const r = this.numFmts?.[row - this.top];
    const f = r?.[col - this.left];
    return typeof f === "string" && f !== "" && f !== "General" ? f : undefined;
  }

  /** Shown text of a cell, trimmed ("" for blank). */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null || v === undefined) return "";
    return String(v).trim();
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  }

  inside(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }
}
