/**
 * The total row, wherever it stands: its label at the left edge or anywhere on the row
 * (`其他需要说明事项 | 无 | 总分 | 100 | 96 | 优`), in any of its variants (总分： 总分: 总分（100分）
 * 得分合计 综合得分 總分); its weight and score in the table's 分值 and 得分 columns or, when those
 * are blank there, the numbers right of the label; its grade after a 等级 label or as a grade word on
 * the row. Pure.
 */
import type { Field, Level1Group, TotalRow } from "../engine/model";
import { cellAddress, field, findLabel, isNumberLike, valueRightOf } from "./cells";
import type { Grid } from "./grid";
import { GRADE_LABELS, GRADE_WORDS, level1Category, norm, TOTAL_LABELS } from "./headers";

/** The total label's column on a row, searched across [from, to]. */
export function totalLabelAt(grid: Grid, row: number, from: number, to: number): number | undefined {
  return findLabel(grid, row, from, to, TOTAL_LABELS);
}

/**
 * The total row at `row` whose label stands in `labelCol`: weight and score from the table's
 * columns, else the numbers right of the label (one number: the score; two: weight, then score).
 */
export function readTotal(
  grid: Grid,
  row: number,
  labelCol: number,
  cols: { weight?: number; score?: number },
  right: number,
  confidence: { weight: number; score: number },
): TotalRow {
  const total: TotalRow = { row, labelCell: cellAddress(row, labelCol) };
  const own = (c: number | undefined) => c !== undefined && c > labelCol && isNumberLike(grid.raw(row, c));
  if (own(cols.weight) || own(cols.score)) {
    total.weight = field(grid, row, cols.weight, confidence.weight);
    total.score = field(grid, row, cols.score, confidence.score);
    return total;
  }
  const numbers: number[] = [];
  let c = labelCol;
  for (;;) {
    const next = valueRightOf(grid, row, c, right);
    if (next === undefined || !isNumberLike(grid.raw(row, next))) break;
    numbers.push(next);
    c = next;
  }
  if (numbers.length === 0) {
    total.weight = field(grid, row, cols.weight, confidence.weight);
    total.score = field(grid, row, cols.score, confidence.score);
  } else if (numbers.length === 1) {
    total.weight = field(grid, row, cols.weight, confidence.weight);
    total.score = field(grid, row, numbers[0], 0.8);
  } else {
    total.weight = field(grid, row, numbers[0], 0.8);
    total.score = field(grid, row, numbers[1], 0.8);
  }
  return total;
}

/**
 * The grade of a total: the cell after a 等级 label on the total row or the two rows below it, else
 * a grade word ("优") right of the total's score on its own row, inside the table (up to `tableRight`:
 * a review grade an annotated copy wrote right of the form is not the form's).
 */
export function findGrade(
  grid: Grid,
  total: TotalRow,
  to: number,
  left: number,
  right: number,
  tableRight: number,
): Field | undefined {
  for (let r = total.row; r <= to; r++) {
    const c = findLabel(grid, r, left, right, GRADE_LABELS);
    if (c === undefined) continue;
    const v = valueRightOf(grid, r, c, right);
    if (v !== undefined) return field(grid, r, v, 0.9);
    // The (blank) cell right of the label, when there is one on the sheet.
    const m = grid.mergeAt(r, c) ?? grid.masterMerge(r, c);
    const next = (m ? m.right : c) + 1;
    return next <= right ? field(grid, r, next, 0.9) : undefined;
  }
  const from = (total.score?.col ?? left) + 1;
  for (let c = from; c <= Math.min(right, tableRight); c++) {
    if (grid.mergeAt(total.row, c)) continue;
    const v = grid.raw(total.row, c);
    if (typeof v === "string" && GRADE_WORDS.test(norm(v))) return field(grid, total.row, c, 0.8);
  }
  return undefined;
}

/**
 * Whether a form with no total row is a copy cut off inside its indicator table (published
 * tables often stop at a page break) rather than a table that left its 总分 out. Both must hold:
 * - its last indicator row (`lastRow`, 0-based) is the sheet's last row with content; and
 * - its level-1 groups stop before the group that closes every complete table: at least one group
 *   is recognised (产出/效益/满意度) and none is 满意度指标. Source: 财预〔2020〕10号 附件
 *   项目支出绩效自评表, whose indicator table runs 产出指标, 效益指标, 满意度指标, then 总分.
 * A table that reaches its 满意度 rows and ends without 总分 is complete but for the total
 * (MISSING_TOTAL); one with no recognisable level-1 labels is never taken as cut off.
 */
export function isCutOff(grid: Grid, groups: readonly Pick<Level1Group, "name">[], lastRow: number): boolean {
  const lastContent = grid.contentRows[grid.contentRows.length - 1];
  if (lastContent === undefined || lastRow < lastContent) return false;
  const categories = groups.map((g) => level1Category(g.name));
  return categories.some((c) => c !== undefined) && !categories.includes("satisfaction");
}
