/**
 * Builders that turn a fixture Grid into the variants real templates produce: columns in another
 * order, header synonyms, an inserted 序号/备注 column, a start offset, merges removed (labels
 * repeated or left blank), several forms stacked. Every builder works on a cell model (cells +
 * merge areas), never by moving merge boxes naively, and returns an AddressMap that says where
 * each original cell ended up, so a test can transform its explicit expectations the same way.
 *
 * Test-only; pure.
 */
import type { CellValue } from "../../src/engine/types";
import type { Field, FormModel, ProjectForm, RangeBox, ScoreTableForm } from "../../src/engine/model";
import { address, Grid, parseAddress, rangeAddress } from "../../src/layout/grid";

export interface CellData {
  value: CellValue;
  formula?: string;
  numFmt?: string;
}

const MAXC = 16384;
const key = (r: number, c: number) => r * MAXC + c;

/** One sheet as cells and merge areas (a merge's master holds the value, the rest are blank). */
export class CellModel {
  constructor(
    readonly sheet: string,
    readonly cells: Map<number, CellData> = new Map(),
    readonly merges: RangeBox[] = [],
  ) {}

  static fromGrid(grid: Grid): CellModel {
    const m = new CellModel(grid.sheet);
    for (let r = grid.top; r <= grid.bottom; r++) {
      for (let c = grid.left; c <= grid.right; c++) {
        const value = grid.raw(r, c);
        const formula = grid.formula(r, c);
        const numFmt = grid.numFmt(r, c);
        if (value === null && formula === undefined && numFmt === undefined) continue;
        m.cells.set(key(r, c), { value, formula, numFmt });
      }
    }
    m.merges.push(...grid.merges.map((b) => ({ ...b })));
    return m;
  }

  get(r: number, c: number): CellData | undefined {
    return this.cells.get(key(r, c));
  }

  set(r: number, c: number, d: CellData | CellValue): void {
    const data: CellData = d !== null && typeof d === "object" ? d : { value: d };
    this.cells.set(key(r, c), data);
  }

  /** Cell at an A1 address. */
  at(a: string): CellData | undefined {
    const p = parseAddress(a);
    return p ? this.get(p.row, p.col) : undefined;
  }

  entries(): { row: number; col: number; data: CellData }[] {
    return [...this.cells.entries()].map(([k, data]) => ({ row: Math.floor(k / MAXC), col: k % MAXC, data }));
  }

  clone(sheet = this.sheet): CellModel {
    const m = new CellModel(sheet);
    for (const [k, v] of this.cells) m.cells.set(k, { ...v });
    m.merges.push(...this.merges.map((b) => ({ ...b })));
    return m;
  }

  /** Bounding box of every cell and merge area (rows/cols 0-based). */
  bounds(): RangeBox {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const add = (b: RangeBox) => {
      top = Math.min(top, b.top);
      left = Math.min(left, b.left);
      bottom = Math.max(bottom, b.bottom);
      right = Math.max(right, b.right);
    };
    for (const e of this.entries()) add({ top: e.row, left: e.col, bottom: e.row, right: e.col });
    for (const b of this.merges) add(b);
    if (!Number.isFinite(top)) return { top: 0, left: 0, bottom: 0, right: 0 };
    return { top, left, bottom, right };
  }

  /**
   * The Grid an adapter would produce. `usedRange`: values[0][0] is the top-left used cell and the
   * grid carries top/left (as Office.js's used range does); otherwise the grid starts at A1 (as exceljs does).
   */
  toGrid(opts: { usedRange?: boolean } = {}): Grid {
    const b = this.bounds();
    const top = opts.usedRange ? b.top : 0;
    const left = opts.usedRange ? b.left : 0;
    const rows = b.bottom - top + 1;
    const cols = b.right - left + 1;
    const values: CellValue[][] = [];
    const formulas: (string | undefined)[][] = [];
    const numFmts: (string | undefined)[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push(new Array<CellValue>(cols).fill(null));
      formulas.push(new Array<string | undefined>(cols).fill(undefined));
      numFmts.push(new Array<string | undefined>(cols).fill(undefined));
    }
    for (const e of this.entries()) {
      values[e.row - top][e.col - left] = e.data.value;
      formulas[e.row - top][e.col - left] = e.data.formula;
      numFmts[e.row - top][e.col - left] = e.data.numFmt;
    }
    return new Grid({
      sheet: this.sheet,
      top,
      left,
      values,
      formulas,
      numFmts,
      merges: this.merges.map((m) => ({ ...m })),
    });
  }
}

/**
 * Where the cells of the original went. `cell` maps any original cell; `row` maps row numbers of
 * rows that moved as a whole; `range` maps a form's bounding box; `levelCell` maps the cell a level
 * name was read from for indicator/score row `row` (after unmerging with copied labels, a name is
 * read on its own row instead of the merge master).
 */
export interface AddressMap {
  cell(r: number, c: number): [number, number];
  row(r: number): number;
  range(b: RangeBox): RangeBox;
  levelCell?(r0: number, c: number, row: number): [number, number];
}

export interface Variant {
  model: CellModel;
  map: AddressMap;
}

export const identityMap: AddressMap = {
  cell: (r, c) => [r, c],
  row: (r) => r,
  range: (b) => ({ ...b }),
};

/** Apply `second` after `first`. */
export function compose(first: AddressMap, second: AddressMap): AddressMap {
  return {
    cell: (r, c) => second.cell(...first.cell(r, c)),
    row: (r) => second.row(first.row(r)),
    range: (b) => second.range(first.range(b)),
    levelCell: (r0, c, row) => {
      const [r1, c1] = first.levelCell ? first.levelCell(r0, c, row) : first.cell(r0, c);
      const row1 = first.row(row);
      return second.levelCell ? second.levelCell(r1, c1, row1) : second.cell(r1, c1);
    },
  };
}

/** Map an A1 address string through an AddressMap. */
export function mapA1(map: AddressMap, a: string): string {
  const p = parseAddress(a);
  if (!p) throw new Error(`not an address: ${a}`);
  const [r, c] = map.cell(p.row, p.col);
  return address(r, c);
}

/**
 * Move every cell through a bijection `f` and rebuild the merge areas from the cell model: a merge
 * whose cells land on a rectangle of the same size stays one merged cell there (its value moves to
 * the new top-left, where Excel keeps a merge's value); any other merge is dropped (its value stays
 * on its master's image; the other cells were blank anyway) — what a person gets re-laying out a
 * template by hand. Returns the model and the cell map (merge masters go to their new top-left).
 */
export function remap(
  model: CellModel,
  f: (r: number, c: number) => [number, number],
): { model: CellModel; cell: (r: number, c: number) => [number, number] } {
  const out = new CellModel(model.sheet);
  const moved = new Map<number, [number, number]>();
  for (const m of model.merges) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const seen = new Set<number>();
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const [rr, cc] = f(r, c);
        seen.add(key(rr, cc));
        top = Math.min(top, rr);
        left = Math.min(left, cc);
        bottom = Math.max(bottom, rr);
        right = Math.max(right, cc);
      }
    }
    const area = (bottom - top + 1) * (right - left + 1);
    if (area !== seen.size) continue;
    out.merges.push({ top, left, bottom, right });
    moved.set(key(m.top, m.left), [top, left]);
  }
  const cell = (r: number, c: number): [number, number] => moved.get(key(r, c)) ?? f(r, c);
  for (const e of model.entries()) {
    const [r, c] = cell(e.row, e.col);
    out.cells.set(key(r, c), { ...e.data });
  }
  return { model: out, cell };
}

/** Shift the whole sheet by (dr, dc): a form that starts anywhere, not at A1. */
export function offset(model: CellModel, dr: number, dc: number): Variant {
  const f = (r: number, c: number): [number, number] => [r + dr, c + dc];
  return {
    model: remap(model, f).model,
    map: {
      cell: f,
      row: (r) => r + dr,
      range: (b) => ({ top: b.top + dr, bottom: b.bottom + dr, left: b.left + dc, right: b.right + dc }),
    },
  };
}

/**
 * Permute columns within rows [top, bottom] only (e.g. the indicator table from its header to its
 * total row; the funds and header blocks above keep their layout). `order` lists the source
 * columns in their new left-to-right order; they take the positions of the sorted source columns.
 */
export function permuteColumns(model: CellModel, top: number, bottom: number, order: number[]): Variant {
  const slots = [...order].sort((a, b) => a - b);
  const to = new Map<number, number>();
  order.forEach((src, i) => to.set(src, slots[i]));
  const f = (r: number, c: number): [number, number] =>
    r >= top && r <= bottom && to.has(c) ? [r, to.get(c) as number] : [r, c];
  const re = remap(model, f);
  return {
    model: re.model,
    map: { cell: re.cell, row: (r) => r, range: (b) => ({ ...b }) },
  };
}

/**
 * Insert a column before `at` over the whole sheet, as Excel does: cells at or right of it move
 * right; a merge that spans the insertion point grows. `fill` writes the new column's cells
 * (header text, 序号 numbers, 备注 texts). A form's range takes in the new column when it is
 * inserted inside it or right at one of its edges.
 */
export function insertColumn(model: CellModel, at: number, fill: Map<number, CellValue>): Variant {
  const out = new CellModel(model.sheet);
  for (const e of model.entries()) out.cells.set(key(e.row, e.col >= at ? e.col + 1 : e.col), { ...e.data });
  for (const m of model.merges) {
    if (m.left >= at) out.merges.push({ ...m, left: m.left + 1, right: m.right + 1 });
    else if (m.right >= at) out.merges.push({ ...m, right: m.right + 1 });
    else out.merges.push({ ...m });
  }
  for (const [r, v] of fill) out.set(r, at, v);
  const col = (c: number) => (c >= at ? c + 1 : c);
  return {
    model: out,
    map: {
      cell: (r, c) => [r, col(c)],
      row: (r) => r,
      range: (b) =>
        b.left <= at && at <= b.right + 1
          ? { ...b, left: Math.min(col(b.left), at), right: Math.max(col(b.right), at) }
          : { ...b, left: col(b.left), right: col(b.right) },
    },
  };
}

/**
 * Remove merge areas (those `which` selects): "copy" writes the master's value and number format
 * into every cell of the area (the same labels repeated unmerged); "blank" leaves the other cells
 * blank (blank cells that continue the group above).
 */
export function unmerge(
  model: CellModel,
  mode: "copy" | "blank",
  which: (m: RangeBox) => boolean = () => true,
): Variant {
  const out = model.clone();
  const removed = out.merges.filter(which);
  out.merges.splice(0, out.merges.length, ...out.merges.filter((m) => !which(m)));
  if (mode === "copy") {
    for (const m of removed) {
      const master = model.get(m.top, m.left);
      if (!master) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          out.set(r, c, { value: master.value, numFmt: master.numFmt });
        }
      }
    }
  }
  const inRemoved = (r: number, c: number) =>
    removed.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
  return {
    model: out,
    map: {
      cell: (r, c) => [r, c],
      row: (r) => r,
      range: (b) => ({ ...b }),
      levelCell:
        mode === "copy"
          ? (r0, c, row) => {
              const m = inRemoved(r0, c);
              return m && m.top === r0 && m.left === c && row >= m.top && row <= m.bottom ? [row, c] : [r0, c];
            }
          : undefined,
    },
  };
}

/** Replace header texts on one row (e.g. 年度指标值 → 指标值). Throws if a header is not there. */
export function renameHeaders(model: CellModel, row: number, renames: Record<string, string>): Variant {
  const out = model.clone();
  for (const [from, to] of Object.entries(renames)) {
    const hit = out.entries().find((e) => e.row === row && e.data.value === from);
    if (!hit) throw new Error(`no header "${from}" on row ${row + 1}`);
    out.set(hit.row, hit.col, { ...hit.data, value: to });
  }
  return { model: out, map: identityMap };
}

/** Rows [top, bottom] of a sheet as a model of their own, moved up to row 0 (one form of a stacked sheet). */
export function cropRows(model: CellModel, top: number, bottom: number): Variant {
  const out = new CellModel(model.sheet);
  for (const e of model.entries())
    if (e.row >= top && e.row <= bottom) out.cells.set(key(e.row - top, e.col), { ...e.data });
  for (const m of model.merges)
    if (m.top >= top && m.bottom <= bottom) out.merges.push({ ...m, top: m.top - top, bottom: m.bottom - top });
  return {
    model: out,
    map: {
      cell: (r, c) => [r - top, c],
      row: (r) => r - top,
      range: (b) => ({ ...b, top: b.top - top, bottom: b.bottom - top }),
    },
  };
}

/**
 * Several sheets' forms on one sheet, top to bottom, `gap` blank rows between (0: none).
 * Each part's map says where that part's cells went.
 */
export function stack(parts: CellModel[], gap: number, sheet = "stacked"): { model: CellModel; maps: AddressMap[] } {
  const out = new CellModel(sheet);
  const maps: AddressMap[] = [];
  let at = 0;
  for (const p of parts) {
    const b = p.bounds();
    const dr = at - b.top;
    for (const e of p.entries()) out.cells.set(key(e.row + dr, e.col), { ...e.data });
    for (const m of p.merges) out.merges.push({ ...m, top: m.top + dr, bottom: m.bottom + dr });
    maps.push({
      cell: (r, c) => [r + dr, c],
      row: (r) => r + dr,
      range: (bb) => ({ ...bb, top: bb.top + dr, bottom: bb.bottom + dr }),
    });
    at = b.bottom + dr + 1 + gap;
  }
  return { model: out, maps };
}

/** A tiny grid from rows of values (row 0 = sheet row `top`), for hand-built cases. */
export function gridOf(
  rows: CellValue[][],
  opts: { sheet?: string; top?: number; left?: number; merges?: string[]; numFmts?: Record<string, string> } = {},
): Grid {
  const top = opts.top ?? 0;
  const left = opts.left ?? 0;
  const merges: RangeBox[] = (opts.merges ?? []).map((a) => {
    const [p, q] = a.split(":").map((x) => parseAddress(x));
    if (!p || !q) throw new Error(`bad merge ${a}`);
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
  const numFmts: (string | undefined)[][] = rows.map((r) => r.map(() => undefined));
  for (const [a, f] of Object.entries(opts.numFmts ?? {})) {
    const p = parseAddress(a);
    if (!p) throw new Error(`bad address ${a}`);
    numFmts[p.row - top][p.col - left] = f;
  }
  return new Grid({ sheet: opts.sheet ?? "Sheet1", top, left, values: rows, numFmts, merges });
}

// ---------------------------------------------------------------------------------------------
// Views: a detected form written the way the tests state their expectations — explicit A1
// addresses (with the value where it matters), 1-based row numbers — and the same view moved
// through an AddressMap.
// ---------------------------------------------------------------------------------------------

/** [row, label, "total"|"part", initial, budget, executed, weight, rate, score] */
export type FundsRowView = [number, string, "total" | "part", ...string[]];
/** [row, level1@cell, level2@cell, level3@cell, target, actual, weight=v, score=v, reason] */
export type IndicatorRowView = [number, string, string, string, string, string, string, string, string];
/** [name, statedWeight | "", labelCell | "", rows] */
export type GroupView = [string, string, string, number[]];

export interface ProjectView {
  kind: "project";
  range: string;
  /** value@cell */
  name: string;
  /** Header cell of each funds column, by kind. */
  fundsColumns?: Record<string, string>;
  funds?: FundsRowView[];
  /** Header cell of each indicator column, by kind. */
  columns: Record<string, string>;
  /** value@cell of "绩效指标 (90)". */
  indicatorsStatedWeight?: string;
  rows: IndicatorRowView[];
  groups: GroupView[];
  /** [row, labelCell, weight=v, score=v] */
  total?: [number, string, string, string];
  /** "kind field@cell" */
  issues: string[];
}

/** [row, per level: name@cell and weight=v …, score=v] */
export type ScoreRowView = [number, ...string[]];

export interface ScoreTableView {
  kind: "score-table";
  range: string;
  name: string;
  /** Per level: [name header cell, weight header cell]. */
  levelColumns: [string, string][];
  score: string;
  rows: ScoreRowView[];
  /** [row, labelCell, [level weights], score] */
  total?: [number, string, string[], string];
  issues: string[];
}

export type FormView = ProjectView | ScoreTableView;

/** "G14=8", "G7=0.3709 [0.00%]", or just "E9" for a blank cell. */
export function fieldView(f: Field | undefined, withValue = true): string {
  if (!f) return "-";
  if (!withValue || f.value === null) return f.cell;
  return `${f.cell}=${typeof f.value === "string" ? JSON.stringify(f.value) : String(f.value)}${f.numFmt ? ` [${f.numFmt}]` : ""}`;
}

const at = (name: string, cell: string | undefined) => `${name}@${cell ?? "-"}`;

export function projectView(f: ProjectForm): ProjectView {
  const hr = f.indicatorHeaderRow ?? f.range.top;
  const cols: Record<string, string> = {};
  for (const [k, c] of Object.entries(f.columns)) if (c !== undefined) cols[k] = address(hr, c);
  const v: ProjectView = {
    kind: "project",
    range: rangeAddress(f.range),
    name: f.name ? at(String(f.name.value), f.name.cell) : "-",
    columns: cols,
    rows: f.indicators.map((i) => [
      i.row + 1,
      at(i.level1, i.level1Cell),
      at(i.level2, i.level2Cell),
      at(i.level3, i.level3Cell),
      fieldView(i.target, false),
      fieldView(i.actual, false),
      fieldView(i.weight),
      fieldView(i.score),
      fieldView(i.reason, false),
    ]),
    groups: f.groups.map((g) => [
      g.name + (g.inferred ? " (inferred)" : ""),
      g.statedWeight ?? "",
      g.labelCell ?? "",
      g.rows.map((r) => r + 1),
    ]),
    issues: f.issues.map((i) => `${i.kind} ${i.field}@${i.cell ?? "-"}`).sort(),
  };
  if (f.funds) {
    const fb = f.funds;
    v.fundsColumns = {};
    for (const [k, c] of Object.entries(fb.columns)) if (c !== undefined) v.fundsColumns[k] = address(fb.headerRow, c);
    v.funds = [fb.total, ...fb.parts]
      .filter((r) => r !== undefined)
      .map(
        (r) =>
          [
            r.row + 1,
            r.label,
            r.part ? "part" : "total",
            ...[r.initial, r.budget, r.executed, r.weight, r.rate, r.score].map((x) => fieldView(x)),
          ] as FundsRowView,
      );
  }
  if (f.indicatorsStatedWeight)
    v.indicatorsStatedWeight = at(f.indicatorsStatedWeight.value, f.indicatorsStatedWeight.cell);
  if (f.total) v.total = [f.total.row + 1, f.total.labelCell, fieldView(f.total.weight), fieldView(f.total.score)];
  return v;
}

export function scoreTableView(f: ScoreTableForm): ScoreTableView {
  // Level columns are named by their header cells on the row above the first data row.
  const sub = (f.rows[0]?.row ?? f.range.top + 1) - 1;
  const v: ScoreTableView = {
    kind: "score-table",
    range: rangeAddress(f.range),
    name: f.name ? at(String(f.name.value), f.name.cell) : "-",
    levelColumns: f.levelColumns.map((lc) => [
      address(sub, lc.name),
      lc.weight === undefined ? "-" : address(sub, lc.weight),
    ]),
    score: f.scoreColumn >= 0 ? colLetters(f.scoreColumn) : "-",
    rows: f.rows.map(
      (r) =>
        [
          r.row + 1,
          ...r.levels.flatMap((l) => [at(l.name, l.nameCell), fieldView(l.weight)]),
          fieldView(r.score),
        ] as ScoreRowView,
    ),
    issues: f.issues.map((i) => `${i.kind} ${i.field}@${i.cell ?? "-"}`).sort(),
  };
  if (f.total)
    v.total = [
      f.total.row + 1,
      f.total.labelCell,
      f.total.levelWeights.map((w) => fieldView(w)),
      fieldView(f.total.score),
    ];
  return v;
}

export function formView(f: FormModel): FormView {
  return f.kind === "project" ? projectView(f) : scoreTableView(f);
}

function colLetters(c: number): string {
  return address(0, c).replace(/\d+$/, "");
}

// ---- moving a view through an AddressMap ----

/** "name@B14" / "G14=8 [0%]" / "E9" / "-": move the address part. */
function mapPart(map: AddressMap, s: string, row?: number): string {
  if (s === "-") return s;
  const atIdx = s.lastIndexOf("@");
  if (atIdx >= 0) {
    const cell = s.slice(atIdx + 1);
    return cell === "-" ? s : `${s.slice(0, atIdx)}@${mapLevel(map, cell, row)}`;
  }
  const m = /^([A-Z]{1,3}\d+)(.*)$/s.exec(s);
  if (!m) throw new Error(`no address in "${s}"`);
  return (row === undefined ? mapA1(map, m[1]) : mapLevel(map, m[1], row)) + m[2];
}

function mapLevel(map: AddressMap, cell: string, row: number | undefined): string {
  const p = parseAddress(cell);
  if (!p) throw new Error(`not an address: ${cell}`);
  if (row === undefined || !map.levelCell) return mapA1(map, cell);
  const [r, c] = map.levelCell(p.row, p.col, row - 1);
  return address(r, c);
}

function mapColumnLetters(map: AddressMap, letters: string, row: number): string {
  if (letters === "-") return letters;
  return colLetters(map.cell(row, (parseAddress(`${letters}1`) as { col: number }).col)[1]);
}

function mapRangeA1(map: AddressMap, a: string): string {
  const [p, q] = a.split(":");
  const s = parseAddress(p);
  const e = parseAddress(q ?? p);
  if (!s || !e) throw new Error(`bad range ${a}`);
  return rangeAddress(map.range({ top: s.row, left: s.col, bottom: e.row, right: e.col }));
}

function mapIssue(map: AddressMap, s: string): string {
  const i = s.lastIndexOf("@");
  const cell = s.slice(i + 1);
  return cell === "-" ? s : `${s.slice(0, i)}@${mapA1(map, cell)}`;
}

const mapRecord = (map: AddressMap, r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, mapA1(map, v)]));

/** The view as it should read after the sheet went through `map`. */
export function mapView(v: FormView, map: AddressMap): FormView {
  if (v.kind === "project") {
    const out: ProjectView = {
      ...v,
      range: mapRangeA1(map, v.range),
      name: mapPart(map, v.name),
      columns: mapRecord(map, v.columns),
      rows: v.rows.map(
        ([row, l1, l2, l3, ...rest]) =>
          [
            map.row(row - 1) + 1,
            mapPart(map, l1, row),
            mapPart(map, l2, row),
            mapPart(map, l3, row),
            ...rest.map((x) => mapPart(map, x)),
          ] as IndicatorRowView,
      ),
      groups: v.groups.map(([n, w, cell, rows]) => [
        n,
        w,
        cell ? mapLevel(map, cell, rows[0]) : "",
        rows.map((r) => map.row(r - 1) + 1),
      ]),
      issues: v.issues.map((s) => mapIssue(map, s)).sort(),
    };
    if (v.fundsColumns) out.fundsColumns = mapRecord(map, v.fundsColumns);
    if (v.funds)
      out.funds = v.funds.map(
        ([row, label, kind, ...cells]) =>
          [map.row(row - 1) + 1, label, kind, ...cells.map((x) => mapPart(map, x))] as FundsRowView,
      );
    if (v.indicatorsStatedWeight) out.indicatorsStatedWeight = mapPart(map, v.indicatorsStatedWeight);
    if (v.total)
      out.total = [
        map.row(v.total[0] - 1) + 1,
        mapA1(map, v.total[1]),
        mapPart(map, v.total[2]),
        mapPart(map, v.total[3]),
      ];
    return out;
  }
  const out: ScoreTableView = {
    ...v,
    range: mapRangeA1(map, v.range),
    name: mapPart(map, v.name),
    levelColumns: v.levelColumns.map(([n, w]) => [mapA1(map, n), w === "-" ? w : mapA1(map, w)]),
    score: mapColumnLetters(map, v.score, v.rows.length ? v.rows[0][0] - 1 : 0),
    rows: v.rows.map(
      ([row, ...cells]) => [map.row(row - 1) + 1, ...cells.map((x) => mapPart(map, x, row))] as ScoreRowView,
    ),
    issues: v.issues.map((s) => mapIssue(map, s)).sort(),
  };
  if (v.total)
    out.total = [
      map.row(v.total[0] - 1) + 1,
      mapA1(map, v.total[1]),
      v.total[2].map((x) => mapPart(map, x)),
      mapPart(map, v.total[3]),
    ];
  return out;
}
