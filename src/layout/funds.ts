/**
 * The funds block (项目资金): its header band, the 年度资金总额 row and its 其中 rows, the block's
 * weight when a label states it ("预算执行情况(万元)(20分)", "得分(20分*执行率)"), and amounts
 * written as label/value pairs on one row. Pure.
 */
import type { FieldName, FundsBlock, FundsRow, LayoutIssue } from "../engine/model";
import { both } from "../i18n/strings";
import { cellAddress, field, findLabel, isNumberLike, rowIsBlank, scanRight } from "./cells";
import { address, Grid } from "./grid";
import { ColumnPick, HeaderBand, overrideColumns, pickColumns } from "./header-band";
import {
  FUNDS_HEADERS,
  FUNDS_ORDER,
  FUNDS_PART_LABELS,
  FUNDS_TOTAL_LABELS,
  FundsColumn,
  headerMatch,
  norm,
  pointsIn,
  splitWeightLabel,
} from "./headers";
import type { Overrides } from "./mapping";

/**
 * Truncated funds headers ("全年", "执行"): the unmatched column whose name the text begins. A
 * cell too narrow for its header shows the start of the template's own name, so the canonical
 * names are tried first ("执行" is 执行率, not 执行数, even when it stands left of "全年"), then
 * the other synonyms, each in template order.
 */
function resolveTruncated(band: HeaderBand, pick: ColumnPick<FundsColumn>, from: number, to: number): void {
  const used = new Set(Object.values(pick.cols) as number[]);
  const truncated: { col: number; text: string }[] = [];
  for (let c = from; c <= to; c++) {
    const l = band.labels.get(c);
    if (used.has(c) || !l || l.leaf.col !== c) continue;
    const t = norm(l.leaf.text);
    if (t.length < 2 || t.length > 6) continue;
    truncated.push({ col: c, text: t });
  }
  const passes: ((k: FundsColumn, t: string) => boolean)[] = [
    (k, t) => FUNDS_HEADERS[k][0].startsWith(t),
    (k, t) => FUNDS_HEADERS[k].some((s) => s.startsWith(t)),
  ];
  for (const matches of passes) {
    for (const { col: c, text: t } of truncated) {
      if (used.has(c)) continue;
      const k = FUNDS_ORDER.find((kk) => pick.cols[kk] === undefined && matches(kk, t));
      if (k !== undefined) {
        pick.cols[k] = c;
        pick.confidence[k] = 0.6;
        used.add(c);
        pick.issues.push({
          field: `funds.${k}`,
          kind: "inferred",
          cell: address(band.bottom, c),
          message: both("LAYOUT_TRUNCATED", { text: t, header: FUNDS_HEADERS[k][0] }),
        });
      }
    }
  }
}

export interface FundsParse {
  block: FundsBlock;
  issues: LayoutIssue[];
  confidence: Partial<Record<FieldName, number>>;
}

/**
 * The funds block under a header band, down to (not including) `endRow`. A block with 年初预算数
 * but no 全年预算数 column uses 年初预算数 as the budget (reported inferred).
 */
export function parseFunds(grid: Grid, band: HeaderBand, endRow: number, overrides?: Overrides): FundsParse {
  const left = grid.left;
  const right = scanRight(grid);
  const headerRow = band.bottom;
  const pick = pickColumns(band, FUNDS_HEADERS, left, right);
  resolveTruncated(band, pick, left, right);
  if (overrides) overrideColumns(pick, overrides.funds);
  const cols = pick.cols;
  const issues = [...pick.issues];
  if (cols.budget === undefined && cols.initial !== undefined) {
    cols.budget = cols.initial;
    pick.confidence.budget = 0.8;
    issues.push({
      field: "funds.budget",
      kind: "inferred",
      cell: cellAddress(headerRow, cols.initial),
      message: both("LAYOUT_BUDGET_FROM_INITIAL", { header: band.labels.get(cols.initial)?.leaf.text ?? "" }),
    });
  }
  const confidence: Partial<Record<FieldName, number>> = {};
  for (const [k, v] of Object.entries(pick.confidence)) confidence[`funds.${k}` as FieldName] = v as number;
  for (const k of ["budget", "executed"] as const) {
    if (cols[k] === undefined) {
      issues.push({
        field: `funds.${k}`,
        kind: "missing",
        message: both("LAYOUT_FUNDS_COLUMN", { header: FUNDS_HEADERS[k][0] }),
      });
    }
  }
  const amountCols = Object.values(cols) as number[];
  const firstAmount = amountCols.length ? Math.min(...amountCols) : left + 1;
  const labelCol = Math.max(left, firstAmount - 1);
  const block: FundsBlock = { headerRow, columns: cols, parts: [] };
  if (band.top < band.bottom) block.headerTop = band.top;
  const statedWeight = blockWeight(grid, band, endRow, labelCol, cols.score);
  if (statedWeight) block.statedWeight = statedWeight;
  for (let r = headerRow + 1; r < endRow; r++) {
    // A tall label merged over the header row ("项目资金（万元）") is not a row label.
    const m = grid.mergeAt(r, labelCol) ?? grid.masterMerge(r, labelCol);
    const label = m && m.top <= headerRow ? "" : norm(grid.text(r, labelCol));
    if (
      /预期目标|总体目标|实际完成情况/.test(label) ||
      findLabel(grid, r, left, right, /^(预期目标|年度总体目标)/) !== undefined
    )
      break;
    const hasAmount = ["initial", "budget", "executed"].some((k) => {
      const c = cols[k as FundsColumn];
      return c !== undefined && !grid.isBlank(r, c);
    });
    if (!label && !hasAmount) {
      if (rowIsBlank(grid, r, left, right)) break;
      continue;
    }
    const isPart = FUNDS_PART_LABELS.test(label) || (block.total !== undefined && !FUNDS_TOTAL_LABELS.test(label));
    const fr: FundsRow = {
      row: r,
      label,
      part: isPart,
      initial: field(grid, r, cols.initial, confidence["funds.initial"] ?? 1),
      budget: field(grid, r, cols.budget, confidence["funds.budget"] ?? 1),
      executed: field(grid, r, cols.executed, confidence["funds.executed"] ?? 1),
      weight: field(grid, r, cols.weight, confidence["funds.weight"] ?? 1),
      rate: field(grid, r, cols.rate, confidence["funds.rate"] ?? 1),
      score: field(grid, r, cols.score, confidence["funds.score"] ?? 1),
    };
    if (!isPart && block.total === undefined) block.total = fr;
    else block.parts.push(fr);
  }
  if (!block.total) {
    issues.push({ field: "funds.total", kind: "missing", message: both("LAYOUT_FUNDS_TOTAL") });
  }
  return { block, issues, confidence };
}

/**
 * The block's weight stated in a label: the block's own label left of its rows ("预算执行情况(万元)
 * (20分)"), else the score header ("得分(20分*执行率)").
 */
function blockWeight(
  grid: Grid,
  band: HeaderBand,
  endRow: number,
  labelCol: number,
  scoreCol: number | undefined,
): FundsBlock["statedWeight"] {
  for (let r = band.top; r < endRow; r++) {
    for (let c = grid.left; c < labelCol; c++) {
      const m = grid.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const v = grid.raw(r, c);
      if (typeof v !== "string" || v.length > 40) continue;
      const w = splitWeightLabel(v).weight;
      if (w !== undefined) return { value: w, cell: cellAddress(r, c) };
    }
  }
  if (scoreCol !== undefined) {
    const l = band.labels.get(scoreCol);
    const w = l ? pointsIn(l.leaf.text) : undefined;
    if (l && w !== undefined) return { value: w, cell: cellAddress(l.leaf.row, l.leaf.col) };
  }
  return undefined;
}

/**
 * Amounts written as label/value pairs on one row ("预算数 | 100 | 执行数 | 80 | 执行率 | 80% |
 * 得分 | 8"): at least 预算数 and 执行数, each label followed by its value. The row is the block's
 * total row; the columns are the value cells'.
 */
export function fundsFromPairs(grid: Grid, row: number): FundsParse | undefined {
  const right = scanRight(grid);
  const cols: Partial<Record<FundsColumn, number>> = {};
  for (let c = grid.left; c < right; c++) {
    if (grid.mergeAt(row, c)) continue;
    const v = grid.raw(row, c);
    if (typeof v !== "string" || v.length > 24) continue;
    const k = FUNDS_ORDER.find((kk) => cols[kk] === undefined && headerMatch(v.trim(), FUNDS_HEADERS[kk]) > 0);
    if (k === undefined) continue;
    const m = grid.masterMerge(row, c);
    const vc = (m ? m.right : c) + 1;
    if (vc > grid.right || !(isNumberLike(grid.raw(row, vc)) || typeof grid.raw(row, vc) === "string")) continue;
    if (grid.isBlank(row, vc) && k !== "score") continue;
    cols[k] = vc;
  }
  if (cols.budget === undefined && cols.initial !== undefined) cols.budget = cols.initial;
  if (cols.budget === undefined || cols.executed === undefined) return undefined;
  const confidence: Partial<Record<FieldName, number>> = {};
  for (const k of Object.keys(cols)) confidence[`funds.${k}` as FieldName] = 0.8;
  const total: FundsRow = {
    row,
    label: "",
    part: false,
    initial: field(grid, row, cols.initial, 0.8),
    budget: field(grid, row, cols.budget, 0.8),
    executed: field(grid, row, cols.executed, 0.8),
    weight: field(grid, row, cols.weight, 0.8),
    rate: field(grid, row, cols.rate, 0.8),
    score: field(grid, row, cols.score, 0.8),
  };
  return { block: { headerRow: row, columns: cols, parts: [], total, layout: "pairs" }, issues: [], confidence };
}

/** Whether a row holds funds label/value pairs (预算数 and 执行数 labels each followed by a number). */
export function isPairsRow(grid: Grid, row: number): boolean {
  const right = Math.min(scanRight(grid), grid.right - 1);
  let budget = false;
  let executed = false;
  for (let c = grid.left; c <= right; c++) {
    const v = grid.raw(row, c);
    if (typeof v !== "string" || v.length > 24 || grid.mergeAt(row, c)) continue;
    const t = v.trim();
    const next = grid.raw(row, c + 1);
    if (!isNumberLike(next)) continue;
    if (headerMatch(t, FUNDS_HEADERS.budget) > 0 || headerMatch(t, FUNDS_HEADERS.initial) > 0) budget = true;
    else if (headerMatch(t, FUNDS_HEADERS.executed) > 0) executed = true;
  }
  return budget && executed;
}
