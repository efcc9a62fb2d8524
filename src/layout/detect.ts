/**
 * Layout detection: Grid → FormModel[]. Finds every project self-evaluation form and every
 * hierarchical score table on a sheet, wherever they start, however their templates name or
 * order their columns. What cannot be placed is reported on the form, never guessed silently.
 * Pure.
 */
import type {
  Field,
  FieldName,
  FormModel,
  FundsBlock,
  FundsRow,
  IndicatorRow,
  LayoutIssue,
  Level1Group,
  ProjectForm,
  RangeBox,
  ScoreLevel,
  ScoreTableForm,
  ScoreTableRow,
  TotalRow,
} from "../engine/model";
import { address, Grid } from "./grid";
import { both } from "../i18n/strings";
import {
  FORM_TITLE,
  FUNDS_HEADERS,
  FUNDS_ORDER,
  FUNDS_PART_LABELS,
  FUNDS_TOTAL_LABELS,
  FundsColumn,
  GRADE_LABELS,
  headerKinds,
  headerMatch,
  HK_FUNDS,
  HK_LEVEL,
  HK_MEASURE,
  HK_SCORE,
  HK_SUBLEVEL,
  INDICATOR_HEADERS,
  IndicatorColumn,
  level1Category,
  level1Of,
  NAME_LABELS,
  norm,
  splitWeightLabel,
  TOTAL_LABELS,
} from "./headers";
import { MappingForm, Overrides, resolveOverrides, SheetMapping } from "./mapping";

/** Header rows with more columns than this are not scanned past it. */
const MAX_HEADER_COLS = 64;

interface ColumnPick<K extends string> {
  cols: Partial<Record<K, number>>;
  confidence: Partial<Record<K, number>>;
  issues: LayoutIssue[];
}

type HeaderKind = "indicator" | "score-table" | "funds";

interface HeaderRow {
  kind: HeaderKind;
  row: number;
}

function isNumberLike(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v !== "string") return false;
  return /^\s*[-+]?\d+(\.\d+)?\s*%?\s*$/.test(v);
}

/** Pick, for each column kind, the header cell on `row` that names it best. */
function pickColumns<K extends string>(
  grid: Grid,
  row: number,
  synonyms: Record<K, string[]>,
  fromCol: number,
  toCol: number,
): ColumnPick<K> {
  const out: ColumnPick<K> = { cols: {}, confidence: {}, issues: [] };
  const kinds = Object.keys(synonyms) as K[];
  const claimed = new Set<number>();
  // Strongest matches first, so "年度指标值" is target before "指标值" could be anything else.
  const cands: { kind: K; col: number; score: number }[] = [];
  for (let c = fromCol; c <= toCol; c++) {
    if (grid.mergeAt(row, c)) continue; // part of a merged header: its master names it
    const t = grid.text(row, c);
    if (!t) continue;
    for (const k of kinds) {
      const s = headerMatch(t, synonyms[k]);
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
      out.issues.push({
        field: String(k),
        kind: "ambiguous",
        cell: address(row, rival.col),
        message: both("LAYOUT_AMBIGUOUS", {
          a: grid.text(row, best.col),
          b: grid.text(row, rival.col),
          cellA: address(row, best.col),
          cellB: address(row, rival.col),
        }),
      });
    }
  }
  return out;
}

/** Columns the user mapped win over detection; a detected column they reassigned is released. */
function overrideColumns<K extends string>(pick: ColumnPick<K>, set: Partial<Record<K, number>>): void {
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

/** Header kinds of each row, per grid, while detectForms runs (formTop asks again for rows already classified). */
let rowKinds: { grid: Grid; kinds: Map<number, HeaderKind | null> } | undefined;

function classifyRow(grid: Grid, row: number): HeaderKind | undefined {
  if (rowKinds && rowKinds.grid === grid) {
    const hit = rowKinds.kinds.get(row);
    if (hit !== undefined) return hit ?? undefined;
    const k = classifyRowUncached(grid, row);
    rowKinds.kinds.set(row, k ?? null);
    return k;
  }
  return classifyRowUncached(grid, row);
}

function classifyRowUncached(grid: Grid, row: number): HeaderKind | undefined {
  const left = grid.left;
  const right = Math.min(grid.right, grid.left + MAX_HEADER_COLS);
  let levels = 0;
  let measures = 0;
  let score = 0;
  let funds = 0;
  let subLevels = 0;
  for (let c = left; c <= right; c++) {
    const v = grid.raw(row, c);
    if (typeof v !== "string" || v.length > 40) continue;
    if (grid.mergeAt(row, c)) continue;
    const t = v.trim();
    if (!t || t.length > 24) continue;
    const k = headerKinds(t);
    if (k === 0) continue;
    if (k & HK_SUBLEVEL) subLevels++;
    if (k & HK_LEVEL) levels++;
    if (k & HK_MEASURE) measures++;
    if (k & HK_SCORE) score++;
    if (k & HK_FUNDS) funds++;
  }
  if (levels >= 2 && measures >= 1) return "indicator";
  if (subLevels >= 2 && score >= 1 && measures === 0) return "score-table";
  if (funds >= 2 && levels === 0) return "funds";
  return undefined;
}

function rowIsBlank(grid: Grid, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (!grid.isBlank(row, c) && !grid.mergeAt(row, c)) return false;
  return true;
}

/** address(), with the column letters of the first columns computed once. */
const COL_NAMES: string[] = [];
function cellAddress(row: number, col: number): string {
  if (col < 0 || col >= 256) return address(row, col);
  let name = COL_NAMES[col];
  if (name === undefined) {
    name = address(0, col).slice(0, -1);
    COL_NAMES[col] = name;
  }
  return name + (row + 1);
}

function field(grid: Grid, row: number, col: number | undefined, confidence: number): Field | undefined {
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

/** A label cell in columns [from, to] of a row, matching `re`. */
function findLabel(grid: Grid, row: number, from: number, to: number, re: RegExp): number | undefined {
  for (let c = from; c <= to; c++) {
    const v = grid.value(row, c);
    if (typeof v !== "string" || v.length > 60) continue;
    const m = grid.mergeAt(row, c);
    if (m && m.top !== row) continue;
    if (re.test(norm(v.trim()))) return m ? m.left : c;
  }
  return undefined;
}

/** Rows [top, bottom] bounding box of what is on them (merge areas included). */
/** Blank columns (over all of a form's rows) that end it: a value further right is not the form's. */
const FORM_COLUMN_GAP = 3;

function boundingBox(grid: Grid, top: number, bottom: number): RangeBox {
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

/**
 * Truncated funds headers ("全年", "执行"): the unmatched column whose name the text begins. A
 * cell too narrow for its header shows the start of the template's own name, so the canonical
 * names are tried first ("执行" is 执行率, not 执行数, even when it stands left of "全年"), then
 * the other synonyms, each in template order.
 */
function resolveTruncatedFunds(grid: Grid, row: number, pick: ColumnPick<FundsColumn>, from: number, to: number): void {
  const used = new Set(Object.values(pick.cols) as number[]);
  const truncated: { col: number; text: string }[] = [];
  for (let c = from; c <= to; c++) {
    if (used.has(c) || grid.mergeAt(row, c)) continue;
    const t = norm(grid.text(row, c));
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
          cell: address(row, c),
          message: both("LAYOUT_TRUNCATED", { text: t, header: FUNDS_HEADERS[k][0] }),
        });
      }
    }
  }
}

function parseFunds(
  grid: Grid,
  headerRow: number,
  endRow: number,
  left: number,
  right: number,
  overrides?: Overrides,
): { block: FundsBlock; issues: LayoutIssue[]; confidence: Partial<Record<FieldName, number>> } {
  const pick = pickColumns(grid, headerRow, FUNDS_HEADERS, left, right);
  resolveTruncatedFunds(grid, headerRow, pick, left, right);
  if (overrides) overrideColumns(pick, overrides.funds);
  const cols = pick.cols;
  const issues = [...pick.issues];
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

interface ProjectBounds {
  /** Rows that start something else (a header of any kind, a form title): a table ends there. */
  stops: Set<number>;
  top: number;
  fundsRow?: number;
  headerRow: number;
  /** Last row this form may use (exclusive bound = next form's top). */
  limit: number;
}

function parseProject(grid: Grid, b: ProjectBounds, mapping?: MappingForm): ProjectForm {
  const issues: LayoutIssue[] = [];
  const confidence: Partial<Record<FieldName, number>> = {};
  const left = grid.left;
  const right = Math.min(grid.right, grid.left + MAX_HEADER_COLS);
  const overrides = mapping ? resolveOverrides(grid, mapping, b.headerRow, b.fundsRow) : undefined;
  const pick = pickColumns(grid, b.headerRow, INDICATOR_HEADERS, left, right);
  if (overrides) overrideColumns(pick, overrides.ind);
  issues.push(...pick.issues.map((i) => ({ ...i, field: `ind.${i.field}` })));
  const cols = pick.cols;
  for (const [k, v] of Object.entries(pick.confidence)) confidence[`ind.${k}` as FieldName] = v as number;

  let funds: FundsBlock | undefined;
  if (b.fundsRow !== undefined) {
    const f = parseFunds(grid, b.fundsRow, b.headerRow, left, right, overrides);
    funds = f.block;
    issues.push(...f.issues);
    Object.assign(confidence, f.confidence);
  }
  if (overrides) issues.push(...overrides.issues);

  for (const k of ["level3", "target", "actual", "weight", "score"] as IndicatorColumn[]) {
    if (cols[k] === undefined) {
      issues.push({
        field: `ind.${k}`,
        kind: "missing",
        message: both("LAYOUT_IND_COLUMN", { header: INDICATOR_HEADERS[k][0] }),
      });
    }
  }

  // Level columns left of level3 bound the label area where 总分 / 合计 may stand.
  const levelCols = [cols.level1, cols.level2, cols.level3].filter((c): c is number => c !== undefined);
  const labelTo = levelCols.length ? Math.max(...levelCols) : left + 3;
  const tableCols = (Object.values(cols) as number[]).filter((c) => c !== undefined);
  const tableFrom = Math.min(left, ...tableCols);
  const tableTo = Math.max(...tableCols, left);

  // "绩效指标 (90)": the vertical label left of the table may state the sum of weights.
  let indicatorsStatedWeight: ProjectForm["indicatorsStatedWeight"];
  for (let c = left; c < (cols.level1 ?? labelTo); c++) {
    const t = norm(grid.text(b.headerRow, c));
    const m = /^绩效指标\((\d+(?:\.\d+)?)\)$/.exec(t);
    if (m) {
      const mm = grid.mergeAt(b.headerRow, c);
      indicatorsStatedWeight = { value: m[2] ?? m[1], cell: mm ? address(mm.top, mm.left) : address(b.headerRow, c) };
    }
  }

  const indicators: IndicatorRow[] = [];
  const groups: Level1Group[] = [];
  let total: TotalRow | undefined;
  let lastRow = b.headerRow;
  let prev: { l1: string; l1Cell?: string; l2: string; l2Cell?: string } = { l1: "", l2: "" };
  let group: Level1Group | undefined;
  for (let r = b.headerRow + 1; r < b.limit; r++) {
    const totalCol = findLabel(grid, r, left, labelTo, TOTAL_LABELS);
    if (totalCol !== undefined) {
      total = {
        row: r,
        labelCell: address(r, totalCol),
        weight: field(grid, r, cols.weight, confidence["ind.weight"] ?? 1),
        score: field(grid, r, cols.score, confidence["ind.score"] ?? 1),
      };
      lastRow = r;
      break;
    }
    if (rowIsBlank(grid, r, tableFrom, tableTo)) break;
    if (b.stops.has(r)) break;
    const l3 = cols.level3 !== undefined ? grid.text(r, cols.level3) : "";
    const weightV = cols.weight !== undefined ? grid.raw(r, cols.weight) : null;
    const targetBlank = cols.target === undefined || grid.isBlank(r, cols.target);
    if (!l3 && !isNumberLike(weightV) && targetBlank) continue;

    // Level names: a merged cell shows its master; a blank unmerged cell continues the group above,
    // unless its 二级指标 clearly belongs to another level-1 category.
    const read = (c: number | undefined): { text: string; cell?: string; merged: boolean } => {
      if (c === undefined) return { text: "", merged: false };
      const m = grid.mergeAt(r, c);
      if (m) return { text: grid.text(m.top, m.left), cell: address(m.top, m.left), merged: true };
      const t = grid.text(r, c);
      return { text: t, cell: t ? address(r, c) : undefined, merged: false };
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
      } else if (!prev.l1 && byL2) {
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
    indicators.push({
      row: r,
      level1: split.name,
      level2: norm(l2),
      level3: c3.text,
      level1Cell: l1Cell,
      level2Cell: l2Cell,
      level3Cell: c3.cell,
      target: field(grid, r, cols.target, confidence["ind.target"] ?? 1),
      actual: field(grid, r, cols.actual, confidence["ind.actual"] ?? 1),
      weight: field(grid, r, cols.weight, confidence["ind.weight"] ?? 1),
      score: field(grid, r, cols.score, confidence["ind.score"] ?? 1),
      reason: field(grid, r, cols.reason, confidence["ind.reason"] ?? 1),
    });
    prev = { l1: l1Raw, l1Cell, l2, l2Cell };
    lastRow = r;
  }

  if (total) {
    const gradeRow = findGrade(grid, total.row, Math.min(b.limit - 1, total.row + 2), left, right);
    if (gradeRow) {
      total.grade = field(grid, gradeRow.row, gradeRow.col, 0.9);
      lastRow = Math.max(lastRow, gradeRow.row);
    }
  } else {
    issues.push({ field: "total.score", kind: "missing", message: both("LAYOUT_NO_TOTAL") });
  }
  if (indicators.length === 0) {
    issues.push({ field: "ind.level3", kind: "missing", message: both("LAYOUT_NO_ROWS") });
  }

  let name: Field | undefined;
  for (let r = b.top; r < (b.fundsRow ?? b.headerRow); r++) {
    const c = findLabel(grid, r, left, right, NAME_LABELS);
    if (c === undefined) continue;
    const m = grid.mergeAt(r, c) ?? grid.masterMerge(r, c);
    for (let cc = (m ? m.right : c) + 1; cc <= grid.right; cc++) {
      if (!grid.isBlank(r, cc) && !grid.mergeAt(r, cc)) {
        name = field(grid, r, cc, 1);
        break;
      }
    }
    break;
  }
  if (!name) issues.push({ field: "name", kind: "missing", message: both("LAYOUT_NO_NAME") });

  return {
    kind: "project",
    sheet: grid.sheet,
    range: boundingBox(grid, b.top, lastRow),
    name,
    funds,
    indicatorHeaderRow: b.headerRow,
    columns: cols,
    indicatorsStatedWeight,
    indicators,
    groups,
    total,
    issues,
    confidence,
  };
}

function findGrade(
  grid: Grid,
  from: number,
  to: number,
  left: number,
  right: number,
): { row: number; col: number } | undefined {
  for (let r = from; r <= to; r++) {
    const c = findLabel(grid, r, left, right, GRADE_LABELS);
    if (c === undefined) continue;
    const m = grid.mergeAt(r, c) ?? grid.masterMerge(r, c);
    const next = (m ? m.right : c) + 1;
    for (let cc = next; cc <= right; cc++) {
      if (grid.mergeAt(r, cc)) continue;
      if (!grid.isBlank(r, cc)) return { row: r, col: cc };
    }
    // The (blank) cell right of the label, when there is one on the sheet.
    return next <= right ? { row: r, col: next } : undefined;
  }
  return undefined;
}

function parseScoreTable(
  grid: Grid,
  headerRow: number,
  top: number,
  limit: number,
  stops: Set<number>,
): ScoreTableForm {
  const issues: LayoutIssue[] = [];
  const left = grid.left;
  const right = Math.min(grid.right, grid.left + MAX_HEADER_COLS);
  // Each level header spans its 名称/分值 columns: a merged cell, or the same label repeated
  // unmerged over the adjacent columns (templates whose merges were undone with labels filled in).
  const levelHeaders: { col: number; text: string; to: number; spanned: boolean }[] = [];
  let scoreColumn = -1;
  for (let c = left; c <= right; c++) {
    if (grid.mergeAt(headerRow, c)) continue;
    const t = norm(grid.text(headerRow, c));
    if (/^[一二三四]级指标$/.test(t)) {
      const last = levelHeaders[levelHeaders.length - 1];
      if (last && last.text === t && last.to === c - 1) {
        last.to = c;
        last.spanned = true;
        continue;
      }
      const span = grid.masterMerge(headerRow, c);
      levelHeaders.push({ col: c, text: t, to: span ? span.right : c, spanned: span !== undefined });
    } else if (headerMatch(t, INDICATOR_HEADERS.score) === 1 && scoreColumn < 0) scoreColumn = c;
  }
  const spanEnd = (h: { col: number; to: number; spanned: boolean }) => (h.spanned ? h.to : h.col + 1);
  const sub = headerRow + 1;
  const hasSub = levelHeaders.some((h) => {
    const to = spanEnd(h);
    for (let c = h.col; c <= to; c++) if (/^名称$/.test(norm(grid.text(sub, c)))) return true;
    return false;
  });
  const levelColumns = levelHeaders.map((h) => {
    const to = spanEnd(h);
    let nameCol = h.col;
    let weightCol: number | undefined;
    if (hasSub) {
      for (let c = h.col; c <= to; c++) {
        const t = norm(grid.text(sub, c));
        if (/^(名称|指标)$/.test(t)) nameCol = c;
        else if (/^(分值|权重)$/.test(t)) weightCol = c;
      }
    }
    return { name: nameCol, weight: weightCol };
  });
  if (scoreColumn < 0) {
    issues.push({ field: "score", kind: "missing", message: both("LAYOUT_NO_SCORE") });
  }
  const first = hasSub ? sub + 1 : headerRow + 1;
  const rows: ScoreTableRow[] = [];
  let total: ScoreTableForm["total"];
  let lastRow = first - 1;
  const prev: ScoreLevel[] = [];
  const firstCol = levelColumns.length ? levelColumns[0].name : left;
  for (let r = first; r < limit; r++) {
    const totalCol = findLabel(grid, r, left, Math.max(firstCol, left + 1), TOTAL_LABELS);
    if (totalCol !== undefined) {
      total = {
        row: r,
        labelCell: address(r, totalCol),
        score: scoreColumn >= 0 ? field(grid, r, scoreColumn, 1) : undefined,
        levelWeights: levelColumns.map((lc) => field(grid, r, lc.weight, 1)).filter((f): f is Field => f !== undefined),
      };
      total.weight = total.levelWeights[0];
      lastRow = r;
      break;
    }
    if (rowIsBlank(grid, r, left, right)) break;
    if (stops.has(r)) break;
    const levels: ScoreLevel[] = levelColumns.map((lc, i) => {
      const m = grid.mergeAt(r, lc.name);
      const ownText = m ? "" : grid.text(r, lc.name);
      const text = m ? grid.text(m.top, m.left) : ownText;
      let lvl: ScoreLevel;
      if (text) {
        const wm = lc.weight !== undefined ? grid.mergeAt(r, lc.weight) : undefined;
        lvl = {
          name: text,
          nameCell: m ? address(m.top, m.left) : address(r, lc.name),
          weight:
            lc.weight === undefined ? undefined : wm ? field(grid, wm.top, wm.left, 1) : field(grid, r, lc.weight, 1),
        };
      } else {
        lvl = prev[i] ?? { name: "" };
      }
      return lvl;
    });
    // A level whose name changed resets every deeper level's continuation.
    levels.forEach((l, i) => (prev[i] = l));
    rows.push({ row: r, levels, score: scoreColumn >= 0 ? field(grid, r, scoreColumn, 1) : undefined });
    lastRow = r;
  }
  if (!total) issues.push({ field: "total.score", kind: "missing", message: both("LAYOUT_NO_TOTAL") });
  let name: Field | undefined;
  if (top < headerRow) {
    for (let c = left; c <= right; c++) {
      if (!grid.isBlank(top, c) && !grid.mergeAt(top, c)) {
        name = field(grid, top, c, 0.8);
        break;
      }
    }
  }
  return {
    kind: "score-table",
    sheet: grid.sheet,
    range: boundingBox(grid, top, lastRow),
    name,
    depth: levelColumns.length,
    levelColumns,
    scoreColumn,
    rows,
    total,
    issues,
    confidence: { levels: hasSub ? 1 : 0.7, score: scoreColumn >= 0 ? 1 : 0 },
  };
}

/**
 * Walk upward from `row` over contiguous non-blank rows, not past `floor`: a form's title and
 * header block. A title row ends the walk (it is the top); a total row ends it (it is the
 * previous form's end), so forms stacked without blank rows between stay apart.
 */
/** Labels of a project form's header block: title, 项目名称, 主管部门, 实施单位, 项目负责人. */
const HEADER_BLOCK_LABELS = new RegExp(
  `${FORM_TITLE.source}|${NAME_LABELS.source}|^(项目)?主管部门(及代码)?$|^实施单位$|^项目负责人$`,
);

function formTop(grid: Grid, row: number, floor: number, isDataRow?: (r: number) => boolean): number {
  let top = row;
  const labelTo = Math.min(grid.right, grid.left + 8);
  for (let r = row - 1; r >= floor; r--) {
    if (rowIsBlank(grid, r, grid.left, grid.right)) {
      // A blank row or two inside the header block (between 项目名称 and the funds table) is
      // still this form's: walk on when a header-block label stands just above it.
      let above = r - 1;
      while (above >= floor && above >= r - 2 && rowIsBlank(grid, above, grid.left, grid.right)) above--;
      if (
        above < floor ||
        above < r - 2 ||
        findLabel(grid, above, grid.left, labelTo, HEADER_BLOCK_LABELS) === undefined
      )
        break;
      r = above + 1;
      continue;
    }
    if (findLabel(grid, r, grid.left, labelTo, TOTAL_LABELS) !== undefined) break;
    if (classifyRow(grid, r) === "indicator" || classifyRow(grid, r) === "score-table") break;
    if (isDataRow?.(r)) break;
    top = r;
    if (findLabel(grid, r, grid.left, labelTo, FORM_TITLE) !== undefined) break;
  }
  return top;
}

/**
 * Whether a row is a data row of the table under header `h`: a number (not a merged cell's
 * echo) in its 分值/得分 column — which no title, name or contact row of a next form has there.
 */
function dataRowTest(grid: Grid, h: HeaderRow): (r: number) => boolean {
  const left = grid.left;
  const right = Math.min(grid.right, grid.left + MAX_HEADER_COLS);
  const cols: number[] = [];
  if (h.kind === "indicator") {
    const p = pickColumns(grid, h.row, INDICATOR_HEADERS, left, right);
    for (const c of [p.cols.weight, p.cols.score]) if (c !== undefined) cols.push(c);
  } else {
    for (let c = left; c <= right; c++) {
      if (!grid.mergeAt(h.row, c) && headerMatch(grid.text(h.row, c), INDICATOR_HEADERS.score) === 1) cols.push(c);
      else if (!grid.mergeAt(h.row + 1, c) && /^(分值|权重)$/.test(norm(grid.text(h.row + 1, c)))) cols.push(c);
    }
  }
  return (r) => cols.some((c) => !grid.mergeAt(r, c) && isNumberLike(grid.raw(r, c)));
}

/**
 * Every form on the sheet, top to bottom. With a mapping, the mapping's forms are read with
 * the columns it names (and reported where it no longer fits the sheet).
 */
export function detectForms(grid: Grid, mapping?: SheetMapping): FormModel[] {
  const saved = rowKinds;
  rowKinds = { grid, kinds: new Map() };
  try {
    return detectFormsIn(grid, mapping);
  } finally {
    rowKinds = saved;
  }
}

function detectFormsIn(grid: Grid, mapping?: SheetMapping): FormModel[] {
  const headers: HeaderRow[] = [];
  const stops = new Set<number>();
  const titleTo = Math.min(grid.right, grid.left + MAX_HEADER_COLS);
  for (const r of grid.contentRows) {
    const k = classifyRow(grid, r);
    if (k) {
      headers.push({ kind: k, row: r });
      stops.add(r);
    } else if (findLabel(grid, r, grid.left, titleTo, FORM_TITLE) !== undefined) {
      stops.add(r);
    }
  }
  const forms: FormModel[] = [];
  let floor = grid.top;
  let pendingFunds: number | undefined;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    // A header-like row the form above already took in (a score table's 名称/分值 sub-header row) starts nothing.
    if (h.row < floor) continue;
    if (h.kind === "funds") {
      pendingFunds = h.row;
      continue;
    }
    const next = headers[i + 1];
    // The next form's funds header and title rows above it are not ours; our own data rows are
    // (a form without a 总分 row may be followed at once by the next form's title).
    const limit = next
      ? Math.max(h.row + 1, formTop(grid, next.row, h.row + 1, dataRowTest(grid, h)))
      : grid.bottom + 1;
    if (h.kind === "indicator") {
      const anchor = pendingFunds ?? h.row;
      const top = formTop(grid, anchor, floor);
      const mf = mapping?.forms.find((f) => f.headerRow === h.row || (f.top <= h.row && h.row <= f.bottom));
      const form = parseProject(grid, { stops, top, fundsRow: pendingFunds, headerRow: h.row, limit }, mf);
      forms.push(form);
      floor = form.range.bottom + 1;
    } else {
      const top = formTop(grid, h.row, floor);
      const form = parseScoreTable(grid, h.row, top, limit, stops);
      forms.push(form);
      floor = form.range.bottom + 1;
    }
    pendingFunds = undefined;
  }
  if (mapping) {
    for (const mf of mapping.forms) {
      const hit = forms.some((f) => f.range.top <= mf.headerRow && mf.headerRow <= f.range.bottom);
      if (!hit) {
        forms.push(staleForm(grid, mf));
      }
    }
  }
  return forms;
}

/** A mapped form whose header row no longer holds a header: reported, not applied. */
function staleForm(grid: Grid, mf: MappingForm): ProjectForm {
  return {
    kind: "project",
    sheet: grid.sheet,
    range: { top: mf.top, bottom: mf.bottom, left: mf.left, right: mf.right },
    columns: {},
    indicators: [],
    groups: [],
    issues: [
      {
        field: "mapping",
        kind: "stale-mapping",
        cell: address(mf.headerRow, mf.left),
        message: both("LAYOUT_STALE_FORM", { row: mf.headerRow + 1 }),
      },
    ],
    confidence: {},
  };
}
