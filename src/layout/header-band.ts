/**
 * Header band: the one to three rows that name a table's columns. Group labels stand above
 * sub-labels (绩效指标 over 一级/二级/三级指标; 年度指标值 over 指标性质/指标值/度量单位), a header may
 * be merged down over the band (实际完成值, 分值, 得分 over both rows), and each column is named by
 * its lowest label, read in the context of the group above it. Columns are picked with a
 * confidence; what is ambiguous is reported. Pure.
 */
import type { LayoutIssue } from "../engine/model";
import { both } from "../i18n/strings";
import { cellAddress, isNumberLike, scanRight } from "./cells";
import { address, Grid } from "./grid";
import {
  FORM_TITLE,
  headerKinds,
  headerMatch,
  HK_FUNDS,
  HK_GROUP,
  HK_LEVEL,
  HK_MEASURE,
  HK_SCORE,
  HK_SUBLEVEL,
  HK_WEIGHT,
  INDICATOR_HEADERS,
  norm,
} from "./headers";

export type HeaderKind = "indicator" | "score-table" | "funds";

/** At most this many rows make one header band. */
const MAX_BAND_ROWS = 3;
/** Header texts are short. */
const MAX_HEADER_TEXT = 24;

/**
 * One detection run over a sheet: each row's header kind computed once (a row is asked about
 * again when forms are bounded and when a header repeats inside a form).
 */
export class SheetScan {
  private readonly kinds = new Map<number, HeaderKind | null>();
  constructor(readonly grid: Grid) {}

  classify(row: number): HeaderKind | undefined {
    const hit = this.kinds.get(row);
    if (hit !== undefined) return hit ?? undefined;
    const k = classifyRow(this.grid, row);
    this.kinds.set(row, k ?? null);
    return k;
  }
}

/**
 * Counts of the header vocabularies named on one row: its own cells, and headers merged down into
 * it from the rows above (a band's lower row sees 实际完成值 / 分值 / 得分 merged over both rows).
 * With `up` > 0, a blank cell also sees the nearest label in the `up` rows above it: a band drawn
 * without merges, its headers in the top row over blank cells (isHeaderOnly rows only).
 */
function rowCounts(grid: Grid, row: number, up = 0) {
  const right = scanRight(grid);
  const n = { levels: 0, measures: 0, score: 0, weight: 0, funds: 0, subLevels: 0 };
  for (let c = grid.left; c <= right; c++) {
    let v: unknown = null;
    for (let r = row; r >= row - up && (v === null || v === undefined || v === ""); r--) {
      // A header merged down into this row from the band's rows above names this row's column too.
      const m = grid.mergeAt(r, c);
      if (m && !(m.left === c && m.top < r && m.top >= r - (MAX_BAND_ROWS - 1))) break;
      v = m ? grid.raw(m.top, m.left) : grid.raw(r, c);
      if (typeof v === "string" && !v.trim()) v = null;
    }
    if (typeof v !== "string" || v.length > 40) continue;
    const t = v.trim();
    if (!t || t.length > MAX_HEADER_TEXT) continue;
    const k = headerKinds(t);
    if (k === 0) continue;
    if (k & HK_SUBLEVEL) n.subLevels++;
    if (k & HK_LEVEL) n.levels++;
    if (k & HK_MEASURE) n.measures++;
    if (k & HK_SCORE) n.score++;
    if (k & HK_WEIGHT) n.weight++;
    if (k & HK_FUNDS) n.funds++;
  }
  return n;
}

/**
 * The texts of a row's own cells (merge areas' covered cells skipped, blanks left out), trimmed;
 * undefined when one is not text (a number, a figure written as text, a date): not a header row.
 */
function rowTexts(grid: Grid, row: number): { col: number; text: string }[] | undefined {
  const right = scanRight(grid);
  const out: { col: number; text: string }[] = [];
  for (let c = grid.left; c <= right; c++) {
    if (grid.mergeAt(row, c)) continue;
    const v = grid.raw(row, c);
    if (v === null || v === undefined || (typeof v === "string" && !v.trim())) continue;
    if (typeof v !== "string" || isNumberLike(v)) return undefined;
    out.push({ col: c, text: v.trim() });
  }
  return out;
}

/** A row of nothing but header texts (group labels included) and blanks, with at least one label. */
function isHeaderOnly(grid: Grid, row: number): boolean {
  const texts = rowTexts(grid, row);
  return !!texts?.length && texts.every(({ text }) => text.length <= MAX_HEADER_TEXT && headerKinds(text) !== 0);
}

/**
 * The header a row is, if any: an indicator header names level columns and a target or actual
 * (two level columns, or one beside a weight or score: "指标名称 | 目标值 | 权重 | 实际完成值 |
 * 自评分"); a score table's names 一级/二级/三级指标 and 得分 but no target; a funds header two of
 * 年初预算数 / 全年预算数 / 执行率 and no level column. A band drawn without merges is named by
 * its rows together: the lowest of up to three header-only rows, its blanks read from above
 * (云南 公开14表 with its merges removed: 实际完成值 / 分值 / 得分 only on the upper row).
 */
function classifyRow(grid: Grid, row: number): HeaderKind | undefined {
  const kind = kindOf(rowCounts(grid, row));
  if (kind || !isHeaderOnly(grid, row)) return kind;
  for (let up = 1; up < MAX_BAND_ROWS && row - up >= grid.top && isHeaderOnly(grid, row - up); up++) {
    const k = kindOf(rowCounts(grid, row, up));
    if (k) return k;
  }
  return undefined;
}

function kindOf(n: ReturnType<typeof rowCounts>): HeaderKind | undefined {
  if (n.measures >= 1 && (n.levels >= 2 || (n.levels >= 1 && n.score + n.weight >= 1))) return "indicator";
  if (n.subLevels >= 2 && n.score >= 1 && n.measures === 0) return "score-table";
  if (n.funds >= 2 && n.levels === 0) return "funds";
  return undefined;
}

/** One column's labels down a band: group labels first, the column's own (lowest) label last. */
export interface ColumnLabels {
  /** The lowest label: its text and the cell it is written in (a merge's master). */
  leaf: { text: string; row: number; col: number };
  groups: string[];
}

export interface HeaderBand {
  top: number;
  /** The band's last row: columns are named here (merged headers show their master's text). */
  bottom: number;
  labels: Map<number, ColumnLabels>;
}

/** A row above the anchor that holds group labels or headers merged down into the band. */
function isGroupRow(grid: Grid, row: number, anchor: number): boolean {
  const texts = rowTexts(grid, row);
  if (!texts) return false;
  let useful = 0;
  for (const { col: c, text: t } of texts) {
    const m = grid.masterMerge(row, c);
    const down = m !== undefined && m.bottom >= anchor;
    if (down) {
      useful++;
      continue;
    }
    if (t.length > MAX_HEADER_TEXT || FORM_TITLE.test(norm(t))) return false;
    const k = headerKinds(t);
    if (k === 0) return false;
    if (k & HK_GROUP || (m !== undefined && m.right > m.left)) useful++;
  }
  return useful > 0;
}

/**
 * A row below the band that belongs to it: sub-labels under a group label (指标性质 / 指标值 /
 * 度量单位 under 年度指标值), or nothing but headers merged down into it.
 */
function isSubRow(grid: Grid, row: number, top: number): boolean {
  const right = scanRight(grid);
  let continued = 0;
  let labels = 0;
  let underGroup = false;
  for (let c = grid.left; c <= right; c++) {
    const m = grid.mergeAt(row, c);
    if (m) {
      if (m.top >= top && m.top < row) continued++;
      continue;
    }
    const v = grid.raw(row, c);
    if (v === null || v === undefined || (typeof v === "string" && !v.trim())) continue;
    if (typeof v !== "string" || isNumberLike(v)) return false;
    const t = v.trim();
    if (t.length > MAX_HEADER_TEXT || headerKinds(t) === 0) return false;
    labels++;
    const above = grid.mergeAt(row - 1, c) ?? grid.masterMerge(row - 1, c);
    // A sub-label stands under a group label that spans columns.
    if (above && above.right > above.left && above.top >= top) underGroup = true;
  }
  if (labels === 0) return continued > 0;
  return underGroup;
}

/** The header band around an anchor header row: group rows above, sub-label rows below, at most three rows. */
export function headerBand(grid: Grid, anchor: number, floor: number, stop?: (row: number) => boolean): HeaderBand {
  let top = anchor;
  let bottom = anchor;
  while (bottom - top + 1 < MAX_BAND_ROWS && bottom + 1 <= grid.bottom && !stop?.(bottom + 1)) {
    if (!isSubRow(grid, bottom + 1, top)) break;
    bottom++;
  }
  while (bottom - top + 1 < MAX_BAND_ROWS && top - 1 >= Math.max(floor, grid.top)) {
    if (stop?.(top - 1) || !isGroupRow(grid, top - 1, anchor)) break;
    top--;
  }
  return { top, bottom, labels: bandLabels(grid, top, bottom) };
}

function bandLabels(grid: Grid, top: number, bottom: number): Map<number, ColumnLabels> {
  const out = new Map<number, ColumnLabels>();
  const right = scanRight(grid);
  for (let c = grid.left; c <= right; c++) {
    const texts: { text: string; row: number; col: number }[] = [];
    let lastKey = -1;
    for (let r = top; r <= bottom; r++) {
      const m = grid.mergeAt(r, c);
      const mr = m ? m.top : r;
      const mc = m ? m.left : c;
      const key = mr * 16384 + mc;
      if (key === lastKey) continue;
      lastKey = key;
      const v = grid.raw(mr, mc);
      if (v === null || v === undefined) continue;
      const t = String(v).trim();
      if (t) texts.push({ text: t, row: mr, col: mc });
    }
    if (texts.length === 0) continue;
    const leaf = texts[texts.length - 1];
    out.set(c, { leaf, groups: texts.slice(0, -1).map((x) => x.text) });
  }
  return out;
}

export interface ColumnPick<K extends string> {
  cols: Partial<Record<K, number>>;
  confidence: Partial<Record<K, number>>;
  issues: LayoutIssue[];
}

/** Sub-labels that mean a value, its unit or its sign only in the context of the group above. */
const GENERIC_SUB = /^(值|数值|单位|符号|运算符|指标值)$/;

/**
 * For each column kind, the band column that names it best. A column is named by its own label;
 * a generic sub-label (值, 单位) under a group (实际完成值) takes the group's kind; a column whose
 * label is a merge's non-master part belongs to the master's column.
 */
export function pickColumns<K extends string>(
  band: HeaderBand,
  synonyms: Record<K, string[]>,
  fromCol: number,
  toCol: number,
  exact: Partial<Record<K, string[]>> = {},
  taken: Set<number> = new Set(),
): ColumnPick<K> {
  const out: ColumnPick<K> = { cols: {}, confidence: {}, issues: [] };
  const kinds = Object.keys(synonyms) as K[];
  const claimed = new Set<number>(taken);
  const cands: { kind: K; col: number; score: number }[] = [];
  for (let c = fromCol; c <= toCol; c++) {
    const l = band.labels.get(c);
    if (!l || l.leaf.col !== c || claimed.has(c)) continue;
    const leafNorm = norm(l.leaf.text);
    const groupOfActual =
      GENERIC_SUB.test(leafNorm) && l.groups.some((g) => headerMatch(g, INDICATOR_HEADERS.actual) > 0);
    for (const k of kinds) {
      let s = headerMatch(l.leaf.text, synonyms[k], exact[k]);
      if (groupOfActual) s = (k as string) === "actual" ? 1 : 0;
      if (s > 0) cands.push({ kind: k, col: c, score: s });
    }
  }
  cands.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const k of kinds) {
    const mine = cands.filter((x) => x.kind === k && !claimed.has(x.col));
    if (mine.length === 0) continue;
    const best = mine[0];
    out.cols[k] = best.col;
    out.confidence[k] = best.score;
    claimed.add(best.col);
    const rival = mine.find((x) => x !== best && x.score === best.score);
    if (rival) {
      const row = band.bottom;
      out.issues.push({
        field: String(k),
        kind: "ambiguous",
        cell: address(row, rival.col),
        message: both("LAYOUT_AMBIGUOUS", {
          a: labelText(band, best.col),
          b: labelText(band, rival.col),
          cellA: address(row, best.col),
          cellB: address(row, rival.col),
        }),
      });
    }
  }
  return out;
}

function labelText(band: HeaderBand, col: number): string {
  return band.labels.get(col)?.leaf.text ?? "";
}

/** Columns the user mapped win over detection; a detected column they reassigned is released. */
export function overrideColumns<K extends string>(pick: ColumnPick<K>, set: Partial<Record<K, number>>): void {
  for (const [k, col] of Object.entries(set) as [K, number][]) {
    for (const other of Object.keys(pick.cols) as K[]) {
      if (other !== k && pick.cols[other] === col) {
        delete pick.cols[other];
        delete pick.confidence[other];
      }
    }
    pick.cols[k] = col;
    pick.confidence[k] = 1;
    pick.issues = pick.issues.filter((i) => i.field !== k && i.field !== `funds.${k}`);
  }
}

/** The band's label cell of a column, for messages. */
export function bandCell(band: HeaderBand, col: number): string {
  const l = band.labels.get(col);
  return l ? cellAddress(l.leaf.row, l.leaf.col) : cellAddress(band.bottom, col);
}
