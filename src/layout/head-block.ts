/**
 * The head block of a form: the rows above its tables (title, 项目名称, 主管部门, 实施单位, …). Where
 * a form starts, its name under the label variants (项目名称: / 专项名称 / 专项资金名称 / 部门 for a
 * 部门整体 form), and a self-score stated there or beside the title (自评得分 98). Pure.
 */
import type { Field } from "../engine/model";
import { cellAddress, field, findLabel, rowIsBlank, valueRightOf } from "./cells";
import type { Grid } from "./grid";
import type { SheetScan } from "./header-band";
import {
  FORM_TITLE,
  HEAD_BLOCK_LABELS,
  labelOf,
  NAME_LABELS,
  SELF_SCORE_LABELS,
  splitLabelValue,
  TOTAL_LABELS,
} from "./headers";

/**
 * Walk upward from `row` over contiguous non-blank rows, not past `floor`: a form's title and
 * header block. A title row ends the walk (it is the top); a total row ends it (it is the
 * previous form's end), so forms stacked without blank rows between stay apart. A blank row or
 * two inside the header block (between 项目名称 and the funds table) is still the form's.
 */
export function formTop(scan: SheetScan, row: number, floor: number, isDataRow?: (r: number) => boolean): number {
  const grid = scan.grid;
  let top = row;
  const labelTo = Math.min(grid.right, grid.left + 8);
  for (let r = row - 1; r >= floor; r--) {
    if (rowIsBlank(grid, r, grid.left, grid.right)) {
      let above = r - 1;
      while (above >= floor && above >= r - 2 && rowIsBlank(grid, above, grid.left, grid.right)) above--;
      if (above < floor || above < r - 2 || findLabel(grid, above, grid.left, labelTo, HEAD_BLOCK_LABELS) === undefined)
        break;
      r = above + 1;
      continue;
    }
    if (findLabel(grid, r, grid.left, labelTo, TOTAL_LABELS) !== undefined) break;
    const k = scan.classify(r);
    if (k === "indicator" || k === "score-table") break;
    if (isDataRow?.(r)) break;
    top = r;
    if (findLabel(grid, r, grid.left, labelTo, FORM_TITLE) !== undefined) break;
  }
  return top;
}

/** A label found in the head block: where, and the value (right of it, or after a colon in the same cell). */
interface LabelHit {
  row: number;
  col: number;
  /** The value in the label's own cell ("项目名称：某项目"), when written there. */
  inCell?: string;
}

/** The first cell in rows [from, to) whose label (or "label: value") matches `re`. */
function findHeadLabel(grid: Grid, from: number, to: number, right: number, re: RegExp): LabelHit | undefined {
  for (let r = from; r < to; r++) {
    for (let c = grid.left; c <= right; c++) {
      const v = grid.raw(r, c);
      if (typeof v !== "string" || v.length > 80 || grid.mergeAt(r, c)) continue;
      const lv = splitLabelValue(v);
      if (lv) {
        if (re.test(labelOf(lv.label))) return { row: r, col: c, inCell: lv.value };
      } else if (v.length <= 30 && re.test(labelOf(v))) return { row: r, col: c };
    }
  }
  return undefined;
}

/**
 * The form's name: the value right of (or after the colon of) the best name label in rows
 * [from, to) — 项目名称 before 专项名称 before 部门.
 */
export function findName(grid: Grid, from: number, to: number): Field | undefined {
  const right = grid.right;
  for (const re of NAME_LABELS) {
    const hit = findHeadLabel(grid, from, to, right, re);
    if (!hit) continue;
    if (hit.inCell !== undefined) return inCellField(grid, hit, hit.inCell);
    const c = valueRightOf(grid, hit.row, hit.col, right);
    if (c !== undefined) return field(grid, hit.row, c, 1);
  }
  return undefined;
}

/**
 * A self-score stated outside a total row: "自评得分 | 98" or "自评得分：98分" in rows [from, to)
 * (the head block, title included). Its value is the figure.
 */
export function findStatedScore(grid: Grid, from: number, to: number): Field | undefined {
  const right = grid.right;
  const hit = findHeadLabel(grid, from, to, right, SELF_SCORE_LABELS);
  if (!hit) return undefined;
  if (hit.inCell !== undefined) {
    const m = /^(\d+(?:\.\d+)?)分?$/.exec(hit.inCell);
    return m ? inCellField(grid, hit, m[1]) : undefined;
  }
  const c = valueRightOf(grid, hit.row, hit.col, right);
  if (c === undefined) return undefined;
  const v = grid.raw(hit.row, c);
  const f = field(grid, hit.row, c, 0.9);
  if (typeof v === "number") return f;
  const m = typeof v === "string" ? /^\s*(\d+(?:\.\d+)?)\s*分?\s*$/.exec(v) : null;
  return m && f ? { ...f, value: m[1] } : undefined;
}

/** A value written after the label in the label's own cell: the field is that cell, its value the part after the colon. */
function inCellField(grid: Grid, hit: LabelHit, value: string): Field {
  return { row: hit.row, col: hit.col, cell: cellAddress(hit.row, hit.col), value, confidence: 0.9 };
}
