/**
 * The indicator body of a project form: the rows under its header band — level-1 groups (merged,
 * repeated or blank cells), one to three level columns under any names, weights from a 分值 column
 * or from labels ("产出指标(60分)", "产出指标 60分", "产出指标（权重60%）"), sections under a label
 * stating their weight ("年度绩效目标1(40分)"), header rows repeated inside the form, blank rows
 * inside the table, and the total row wherever it stands. Pure.
 */
import type {
  FieldName,
  IndicatorRow,
  IndicatorSection,
  LayoutIssue,
  Level1Group,
  ProjectForm,
  TotalRow,
} from "../engine/model";
import { both } from "../i18n/strings";
import { cellAddress, field, isNumberLike, rowIsBlank, scanRight } from "./cells";
import { address, Grid } from "./grid";
import { ColumnPick, HeaderBand, overrideColumns, pickColumns } from "./header-band";
import {
  INDICATOR_EXACT_HEADERS,
  INDICATOR_HEADERS,
  INDICATOR_PART_HEADERS,
  IndicatorColumn,
  IndicatorPartColumn,
  level1Category,
  level1Of,
  norm,
  SECTION_LABELS,
  splitWeightLabel,
} from "./headers";
import type { Overrides } from "./mapping";
import { totalLabelAt, readTotal } from "./total";

export type IndicatorColumns = ProjectForm["columns"];

/** Blank rows inside a table are skipped when a table row follows within this many rows. */
const MAX_BLANK_RUN = 3;
/** Rows looked at to find a score column that has no header. */
const SCORE_SAMPLE_ROWS = 40;

export interface IndicatorColumnPick {
  cols: IndicatorColumns;
  confidence: Partial<Record<FieldName, number>>;
  issues: LayoutIssue[];
}

/**
 * The indicator columns a header band names: the mappable ones (level1 … reason), then the parts
 * some templates split out (指标性质, 度量单位, 单项指标得分), then a score column with no header.
 */
export function indicatorColumns(
  grid: Grid,
  band: HeaderBand,
  limit: number,
  overrides?: Partial<Record<IndicatorColumn, number>>,
): IndicatorColumnPick {
  const left = grid.left;
  const right = scanRight(grid);
  const pick: ColumnPick<IndicatorColumn> = pickColumns(band, INDICATOR_HEADERS, left, right, INDICATOR_EXACT_HEADERS);
  if (overrides) overrideColumns(pick, overrides);
  const taken = new Set(Object.values(pick.cols) as number[]);
  const parts = pickColumns<IndicatorPartColumn>(
    band,
    INDICATOR_PART_HEADERS,
    left,
    right,
    INDICATOR_EXACT_HEADERS,
    taken,
  );
  const cols: IndicatorColumns = { ...pick.cols };
  const confidence: Partial<Record<FieldName, number>> = {};
  for (const [k, v] of Object.entries(pick.confidence)) confidence[`ind.${k}` as FieldName] = v as number;
  for (const [k, c] of Object.entries(parts.cols) as [IndicatorPartColumn, number][]) {
    cols[k] = c;
    confidence[`ind.${k}` as FieldName] = parts.confidence[k] ?? 1;
  }
  const issues = pick.issues.map((i) => ({ ...i, field: `ind.${i.field}` }));
  if (cols.score === undefined) {
    const c = unlabelledScoreColumn(grid, band, cols, limit);
    if (c !== undefined) {
      cols.score = c;
      confidence["ind.score"] = 0.5;
      issues.push({
        field: "ind.score",
        kind: "inferred",
        cell: cellAddress(band.bottom, c),
        message: both("LAYOUT_SCORE_NO_HEADER", { cell: cellAddress(band.bottom, c) }),
      });
    }
  }
  return { cols, confidence, issues };
}

/**
 * A column right next to the table with no header but numbers in its rows: the score column a
 * template left unlabelled. The column right of the weight column is preferred.
 */
function unlabelledScoreColumn(
  grid: Grid,
  band: HeaderBand,
  cols: IndicatorColumns,
  limit: number,
): number | undefined {
  const used = new Set(Object.values(cols) as number[]);
  if (used.size < 3) return undefined;
  const from = Math.min(...used);
  const to = Math.min(Math.max(...used) + 1, grid.right);
  const last = Math.min(limit - 1, band.bottom + SCORE_SAMPLE_ROWS);
  let best: { col: number; numbers: number } | undefined;
  for (let c = from; c <= to; c++) {
    if (used.has(c) || band.labels.has(c)) continue;
    let numbers = 0;
    for (let r = band.bottom + 1; r <= last; r++) if (isNumberLike(grid.raw(r, c))) numbers++;
    const prefer = cols.weight !== undefined && c === cols.weight + 1;
    if (numbers > 0 && (!best || numbers > best.numbers || (numbers === best.numbers && prefer)))
      best = { col: c, numbers };
  }
  return best?.col;
}

/** Where the body may run: rows before `limit`; `extend` lets a repeated header row continue the form. */
export interface BodyBounds {
  limit: number;
  /** Rows that start something else (a header of any kind, a form title): a table ends there. */
  stops: Set<number>;
  /**
   * Called at `limit`: when the header there repeats this form's header (nothing that starts a new
   * form stands between), its row, and `limit` moves on to the next form; otherwise undefined.
   */
  extend(lastRow: number): number | undefined;
  /** The header band at a repeated header row. */
  bandAt(row: number, floor: number): HeaderBand;
}

export interface IndicatorBody {
  indicators: IndicatorRow[];
  groups: Level1Group[];
  sections: IndicatorSection[];
  total?: TotalRow;
  lastRow: number;
  bands: [number, number][];
  issues: LayoutIssue[];
}

interface LevelRead {
  text: string;
  cell?: string;
}

/**
 * The rows under `band` with the columns `pick` names, until the total row, the form's limit or a
 * row that belongs to nothing (a blank run not followed by table rows).
 */
export function parseIndicatorBody(
  grid: Grid,
  band: HeaderBand,
  pick: IndicatorColumnPick,
  bounds: BodyBounds,
  overrides?: Overrides,
): IndicatorBody {
  const issues: LayoutIssue[] = [];
  const left = grid.left;
  const right = scanRight(grid);
  const indicators: IndicatorRow[] = [];
  const groups: Level1Group[] = [];
  const bands: [number, number][] = [[band.top, band.bottom]];
  let cols = pick.cols;
  let confidence = pick.confidence;
  let total: TotalRow | undefined;
  let lastRow = band.bottom;
  let prev: { l1: string; l1Cell?: string; l2: string; l2Cell?: string } = { l1: "", l2: "" };
  let group: Level1Group | undefined;
  const span = () => {
    const tableCols = (Object.values(cols) as number[]).filter((c) => c !== undefined);
    return { from: Math.min(left, ...tableCols), to: Math.max(...tableCols, left) };
  };
  let table = span();
  // The total's label stands left of its figures: up to the 分值/得分 columns, wherever in the row.
  const labelsTo = () =>
    Math.max(cols.weight ?? -1, cols.score ?? -1) >= left ? Math.max(cols.weight ?? -1, cols.score ?? -1) : right;
  let totalTo = labelsTo();
  const conf = (k: string) => confidence[`ind.${k}` as FieldName] ?? 1;
  /** A row that continues the table after blank rows: a number where weights or scores stand, or the total. */
  const tableRow = (r: number) =>
    totalLabelAt(grid, r, left, totalTo) !== undefined ||
    [cols.weight, cols.score].some((c) => c !== undefined && isNumberLike(grid.raw(r, c)));

  const repeated = new Set<number>();
  for (let r = band.bottom + 1; ; r++) {
    if (r >= bounds.limit) {
      const again = bounds.extend(lastRow);
      if (again === undefined) break;
      repeated.add(again);
    }
    const totalCol = totalLabelAt(grid, r, left, totalTo);
    if (totalCol !== undefined) {
      total = readTotal(grid, r, totalCol, cols, right, { weight: conf("weight"), score: conf("score") });
      lastRow = r;
      break;
    }
    if (rowIsBlank(grid, r, table.from, table.to)) {
      let next = r + 1;
      while (next < bounds.limit && next <= r + MAX_BLANK_RUN && rowIsBlank(grid, next, table.from, table.to)) next++;
      if (next < bounds.limit && next <= r + MAX_BLANK_RUN && !bounds.stops.has(next) && tableRow(next)) {
        r = next - 1;
        continue;
      }
      break;
    }
    if (bounds.stops.has(r)) {
      // A header row repeated inside the form (a second block of indicators under its own header).
      if (repeated.has(r)) {
        const next = bounds.bandAt(r, lastRow + 1);
        const p = indicatorColumns(grid, next, bounds.limit, overrides?.ind);
        cols = p.cols;
        confidence = p.confidence;
        table = span();
        totalTo = labelsTo();
        bands.push([next.top, next.bottom]);
        r = next.bottom;
        lastRow = Math.max(lastRow, next.bottom);
        continue;
      }
      break;
    }
    const l3 = cols.level3 !== undefined ? grid.text(r, cols.level3) : "";
    const weightV = cols.weight !== undefined ? grid.raw(r, cols.weight) : null;
    const scoreV = cols.weight === undefined && cols.score !== undefined ? grid.raw(r, cols.score) : null;
    const targetBlank = cols.target === undefined || grid.isBlank(r, cols.target);
    if (!l3 && !isNumberLike(weightV) && !isNumberLike(scoreV) && targetBlank) continue;

    // Level names: a merged cell shows its master; a blank unmerged cell continues the group above,
    // unless its 二级指标 clearly belongs to another level-1 category.
    const read = (c: number | undefined): LevelRead => {
      if (c === undefined) return { text: "" };
      const m = grid.mergeAt(r, c);
      if (m) return { text: grid.text(m.top, m.left), cell: address(m.top, m.left) };
      const t = grid.text(r, c);
      return { text: t, cell: t ? address(r, c) : undefined };
    };
    const c1 = read(cols.level1);
    const c2 = read(cols.level2);
    const c3 = read(cols.level3);
    let l2 = c2.text || prev.l2;
    let l2Cell = c2.text ? c2.cell : prev.l2Cell;
    let l1Raw = c1.text;
    let l1Cell = c1.cell;
    let inferred = false;
    if (!l1Raw) {
      const byL2 = c2.text ? level1Of(c2.text) : undefined;
      const prevCat = level1Category(splitWeightLabel(prev.l1).name);
      if (byL2 && prev.l1 && level1Category(byL2) !== prevCat) {
        l1Raw = byL2;
        l1Cell = undefined;
        inferred = true;
      } else if (!prev.l1 && byL2 && cols.level1 !== undefined) {
        l1Raw = byL2;
        inferred = true;
      } else {
        l1Raw = prev.l1;
        l1Cell = prev.l1Cell;
      }
    }
    if (c2.text === "" && l1Raw !== prev.l1 && !inferred) {
      // A new level-1 group with a blank 二级指标 starts with no level 2.
      l2 = "";
      l2Cell = undefined;
    }
    const split = splitWeightLabel(l1Raw);
    // Same name as the open group (merged, repeated unmerged, or continued blank) stays in it.
    if (!group || split.name !== group.name) {
      group = {
        name: split.name,
        statedWeight: split.weight,
        labelCell: inferred ? undefined : l1Cell,
        rows: [],
        inferred: inferred || undefined,
      };
      groups.push(group);
    } else if (!group.statedWeight && split.weight) {
      group.statedWeight = split.weight;
    }
    if (inferred) {
      issues.push({
        field: "ind.level1",
        kind: "inferred",
        cell: address(r, cols.level1 ?? left),
        message: both("LAYOUT_INFERRED_L1", { level2: c2.text, level1: split.name }),
      });
    }
    group.rows.push(r);
    const row: IndicatorRow = {
      row: r,
      level1: split.name,
      level2: norm(l2),
      level3: c3.text,
      level1Cell: l1Cell,
      level2Cell: l2Cell,
      level3Cell: c3.cell,
      target: field(grid, r, cols.target, conf("target")),
      actual: field(grid, r, cols.actual, conf("actual")),
      weight: field(grid, r, cols.weight, conf("weight")),
      score: field(grid, r, cols.score, conf("score")),
      reason: field(grid, r, cols.reason, conf("reason")),
    };
    if (cols.targetOp !== undefined) row.targetOp = field(grid, r, cols.targetOp, conf("targetOp"));
    if (cols.unit !== undefined) row.unit = field(grid, r, cols.unit, conf("unit"));
    if (cols.rawScore !== undefined) row.rawScore = field(grid, r, cols.rawScore, conf("rawScore"));
    indicators.push(row);
    prev = { l1: l1Raw, l1Cell, l2, l2Cell };
    lastRow = r;
  }
  const firstLevel = Math.min(
    ...[pick.cols.level1, pick.cols.level2, pick.cols.level3].filter((c): c is number => c !== undefined),
    right + 1,
  );
  const sections = findSections(grid, band.top, lastRow, left, firstLevel, indicators);
  return { indicators, groups, sections, total, lastRow, bands, issues };
}

/**
 * Labels left of the level columns that state the weight of the indicator rows beside them
 * ("绩效指标 (90)", "年度绩效目标1(40分)"): a merged label covers the rows of its merge; an unmerged
 * one the rows from its own row to the next such label.
 */
function findSections(
  grid: Grid,
  top: number,
  bottom: number,
  left: number,
  firstLevel: number,
  indicators: IndicatorRow[],
): IndicatorSection[] {
  const found: { row: number; col: number; to: number; name: string; weight: string }[] = [];
  for (let c = left; c < firstLevel; c++) {
    let previous = "";
    for (let r = top; r <= bottom; r++) {
      if (grid.mergeAt(r, c)) continue;
      const v = grid.raw(r, c);
      // The same label repeated down the column (a merge undone with its label copied) is one section.
      if (v === previous && typeof v === "string") continue;
      previous = typeof v === "string" ? v : "";
      if (typeof v !== "string" || v.length > 40) continue;
      const s = splitWeightLabel(v);
      if (s.weight === undefined || !SECTION_LABELS.test(s.name)) continue;
      const m = grid.masterMerge(r, c);
      found.push({ row: r, col: c, to: m ? m.bottom : Number.POSITIVE_INFINITY, name: s.name, weight: s.weight });
    }
  }
  found.sort((a, b) => a.row - b.row);
  return found.map((f, i) => {
    const to = Math.min(f.to, i + 1 < found.length ? found[i + 1].row - 1 : Number.POSITIVE_INFINITY);
    return {
      name: f.name,
      statedWeight: f.weight,
      labelCell: cellAddress(f.row, f.col),
      rows: indicators.filter((x) => x.row >= f.row && x.row <= to).map((x) => x.row),
    };
  });
}
