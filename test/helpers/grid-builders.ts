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
  opts: {
    sheet?: string;
    top?: number;
    left?: number;
    merges?: string[];
    numFmts?: Record<string, string>;
    hidden?: boolean;
  } = {},
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
  return new Grid({ sheet: opts.sheet ?? "Sheet1", top, left, values: rows, numFmts, merges, hidden: opts.hidden });
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

// ---------------------------------------------------------------------------------------------
// Templates generated from their parts (issue 11: the layouts in use): a header band of one to
// three rows, columns in any order, label variants, weights in a column or in the level-1
// labels, a split target (指标性质 | 指标值 | 度量单位), blank rows inside the table, the total row's
// label variants and places, traditional characters and invisible characters in the texts. Each
// template comes with what a right reading of it is, stated as data, not computed by detection.
// ---------------------------------------------------------------------------------------------

export type TemplateColumn = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason";

export interface TemplateSpec {
  /** Header band rows: 1 (one row), 2 (group labels over sub-labels, the rest merged down), 3 (a group row above that). */
  band: 1 | 2 | 3;
  /**
   * How a band of two or three rows is drawn: "merged" (group labels merged across their columns,
   * the other headers merged down the band; the default), "repeated" (no merges: a group label in
   * each of its columns, the other headers in the band's top row with blanks below), "blank" (no
   * merges: a group label in its first column only, the other headers in the top row).
   */
  bandMerges?: "merged" | "repeated" | "blank";
  /** Indicator columns left to right (weight left out when weights are in labels; target split when splitTarget). */
  order: TemplateColumn[];
  /** Header text per column kind. */
  headers: Record<TemplateColumn, string>;
  /** "column": a 分值 column; otherwise the level-1 labels state the weights in that form. */
  weights: "column" | "paren" | "bare" | "percent";
  /** The target as 指标性质 | 指标值 | 度量单位 (under 年度指标值 when the band has group rows). */
  splitTarget: boolean;
  /** A blank row after this many indicator rows (0: none); and one before the total. */
  blankAfter: number;
  blankBeforeTotal: boolean;
  /** The total row's label and whether it stands at the left edge or inside the row (`其他需要说明事项 | 无 | 总分`). */
  totalLabel: string;
  totalInside: boolean;
  /** Applied to every text of the template (traditional characters, an invisible character inside). */
  text: (s: string) => string;
  /** The name label ("项目名称", "项目名称:", "专项资金名称", …) and whether the name is in the label's own cell. */
  nameLabel: string;
  nameInCell: boolean;
}

/** The indicators every generated template carries (财预〔2020〕10号 weights 50/30/10 + budget 10). */
export const TEMPLATE_ROWS = [
  {
    l1: "产出指标",
    w1: "50",
    l2: "数量指标",
    l3: "培训人数",
    op: "≥",
    value: 100,
    unit: "人",
    actual: "120人",
    weight: 20,
    score: 20,
  },
  {
    l1: "产出指标",
    w1: "50",
    l2: "质量指标",
    l3: "培训合格率",
    op: "≥",
    value: 95,
    unit: "%",
    actual: "96%",
    weight: 15,
    score: 15,
  },
  {
    l1: "产出指标",
    w1: "50",
    l2: "时效指标",
    l3: "完成时间",
    op: "",
    value: "9月前",
    unit: "",
    actual: "7月",
    weight: 15,
    score: 15,
  },
  {
    l1: "效益指标",
    w1: "30",
    l2: "社会效益指标",
    l3: "受益人数",
    op: "≥",
    value: 500,
    unit: "人",
    actual: "450人",
    weight: 30,
    score: 27,
  },
  {
    l1: "满意度指标",
    w1: "10",
    l2: "服务对象满意度指标",
    l3: "服务对象满意度",
    op: "≥",
    value: 90,
    unit: "%",
    actual: "95%",
    weight: 10,
    score: 10,
  },
];
export const TEMPLATE_NAME = "某某专项资金";
export const TEMPLATE_TOTAL = { weight: 100, score: 96 };

export interface TemplateExpectation {
  /** 0-based rows of the indicator rows, in order. */
  rows: number[];
  totalRow: number;
  /** 0-based column of each indicator column kind (weight absent when weights are in labels). */
  cols: Partial<Record<TemplateColumn | "targetOp" | "unit", number>>;
  /** The header band's last row. */
  headerRow: number;
  nameCell: string;
}

function weightLabel(name: string, w: string, how: TemplateSpec["weights"]): string {
  if (how === "paren") return `${name}(${w}分)`;
  if (how === "bare") return `${name} ${w}分`;
  if (how === "percent") return `${name}（权重${w}%）`;
  return name;
}

/** A whole project form (title, name, funds block, indicator table, total) laid out by `spec`. */
export function templateForm(spec: TemplateSpec): { model: CellModel; expect: TemplateExpectation } {
  const m = new CellModel("模板");
  const T = spec.text;
  const put = (r: number, c: number, v: CellValue) => m.set(r, c, typeof v === "string" ? T(v) : v);
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) m.merges.push({ top, left, bottom, right });
  };
  // Columns: the split target takes three.
  const layout: (TemplateColumn | "targetOp" | "unit")[] = [];
  for (const k of spec.order) {
    if (k === "weight" && spec.weights !== "column") continue;
    if (k === "target" && spec.splitTarget) layout.push("targetOp", "target", "unit");
    else layout.push(k);
  }
  const colOf = (k: string) => layout.indexOf(k as TemplateColumn);
  const width = Math.max(layout.length, 8);
  // Title and name.
  put(0, 0, "项目支出绩效自评表");
  merge(0, 0, 0, width - 1);
  if (spec.nameInCell) put(1, 0, `${spec.nameLabel}：${TEMPLATE_NAME}`);
  else {
    put(1, 0, spec.nameLabel);
    put(1, 1, TEMPLATE_NAME);
    merge(1, 1, 1, width - 1);
  }
  // Funds block.
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(2, 2 + i, h));
  put(2, 0, "项目资金（万元）");
  merge(2, 0, 4, 0);
  put(3, 1, "年度资金总额");
  [100, 100, 90, 10].forEach((v, i) => put(3, 2 + i, v));
  m.set(3, 6, { value: 0.9, numFmt: "0.00%" });
  put(3, 7, 9);
  put(4, 1, "其中：财政拨款");
  [100, 100, 90].forEach((v, i) => put(4, 2 + i, v));
  // Header band.
  const bandMerges = spec.bandMerges ?? "merged";
  const top = 5;
  const bottom = top + spec.band - 1;
  const levelCols = layout.map((k, c) => (k.startsWith("level") ? c : -1)).filter((c) => c >= 0);
  const splitCols = ["targetOp", "target", "unit"].map(colOf).filter((c) => c >= 0);
  const subHeader: Record<string, string> = { targetOp: "指标性质", target: "指标值", unit: "度量单位" };
  layout.forEach((k, c) => {
    const text = k in subHeader && spec.splitTarget ? subHeader[k] : spec.headers[k as TemplateColumn];
    const grouped = spec.band > 1 && (k.startsWith("level") || (spec.splitTarget && splitCols.includes(c)));
    if (grouped) put(bottom, c, text);
    else {
      put(top, c, text);
      if (bandMerges === "merged") merge(top, c, bottom, c);
    }
  });
  if (spec.band > 1) {
    // Group labels one row above the sub-labels, merged over each run of adjacent columns.
    const groupRow = bottom - 1;
    const runs = (cols: number[]) => {
      const out: [number, number][] = [];
      for (const c of [...cols].sort((a, b) => a - b)) {
        const last = out[out.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else out.push([c, c]);
      }
      return out;
    };
    const group = (label: string, a: number, b: number) => {
      put(groupRow, a, label);
      if (bandMerges === "merged") merge(groupRow, a, groupRow, b);
      else if (bandMerges === "repeated") for (let c = a + 1; c <= b; c++) put(groupRow, c, label);
    };
    for (const [a, b] of runs(levelCols)) group("绩效指标", a, b);
    if (spec.splitTarget) for (const [a, b] of runs(splitCols)) group("年度指标值", a, b);
    if (spec.band === 3) {
      // A group row over the whole table whose other cells are the headers merged down from it.
      for (const c of [...levelCols, ...(spec.splitTarget ? splitCols : [])]) {
        put(top, c, "绩效指标体系");
      }
    }
  }
  // Body.
  let r = bottom + 1;
  const rows: number[] = [];
  TEMPLATE_ROWS.forEach((d, i) => {
    if (spec.blankAfter > 0 && i === spec.blankAfter) r++;
    const first = i === 0 || TEMPLATE_ROWS[i - 1].l1 !== d.l1;
    const l1 = weightLabel(d.l1, d.w1, spec.weights);
    layout.forEach((k, c) => {
      const v: Record<string, CellValue> = {
        level1: first ? l1 : null,
        level2: d.l2,
        level3: d.l3,
        targetOp: d.op,
        target: spec.splitTarget ? d.value : `${d.op}${d.value}${d.unit}`,
        unit: d.unit,
        actual: d.actual,
        weight: d.weight,
        score: d.score,
        reason: d.score < d.weight ? "受益人数未达预期" : null,
      };
      const x = v[k];
      if (x !== null && x !== "") put(r, c, x);
    });
    rows.push(r);
    r++;
  });
  // Level-1 labels merged down their groups.
  const l1c = colOf("level1");
  if (l1c >= 0) {
    let start = 0;
    for (let i = 1; i <= TEMPLATE_ROWS.length; i++) {
      if (i === TEMPLATE_ROWS.length || TEMPLATE_ROWS[i].l1 !== TEMPLATE_ROWS[start].l1) {
        const a = rows[start];
        const b = rows[i - 1];
        if (b > a && b - a === i - 1 - start) merge(a, l1c, b, l1c);
        else
          for (let j = start + 1; j < i; j++)
            put(rows[j], l1c, weightLabel(TEMPLATE_ROWS[j].l1, TEMPLATE_ROWS[j].w1, spec.weights));
        start = i;
      }
    }
  }
  if (spec.blankBeforeTotal) r++;
  const totalRow = r;
  const wc = colOf("weight");
  const sc = colOf("score");
  const valueCols = [wc, sc].filter((c) => c >= 0);
  const firstValue = Math.min(...valueCols);
  let labelCol = 0;
  if (spec.totalInside && firstValue >= 3) {
    put(totalRow, 0, "其他需要说明事项");
    put(totalRow, 1, "无");
    labelCol = firstValue - 1;
    if (labelCol > 2) merge(totalRow, 1, totalRow, labelCol - 1);
  } else if (firstValue > 0) {
    merge(totalRow, 0, totalRow, firstValue - 1);
  }
  if (firstValue > 0 || spec.totalInside) put(totalRow, labelCol, spec.totalLabel);
  if (wc >= 0) put(totalRow, wc, TEMPLATE_TOTAL.weight);
  put(totalRow, sc, TEMPLATE_TOTAL.score);
  const cols: TemplateExpectation["cols"] = {};
  layout.forEach((k, c) => (cols[k] = c));
  return {
    model: m,
    expect: { rows, totalRow, cols, headerRow: bottom, nameCell: spec.nameInCell ? "A2" : "B2" },
  };
}

/**
 * Insert a row before `at` over the whole sheet, as Excel does: rows at or below it move down; a
 * merge that spans the insertion point grows. `mergeDown`: every header cell of the row above
 * (`at - 1`) is merged down into the new row (a one-row header band made two rows tall).
 */
export function insertRow(model: CellModel, at: number, opts: { mergeDown?: boolean } = {}): Variant {
  const out = new CellModel(model.sheet);
  for (const e of model.entries()) out.cells.set(key(e.row >= at ? e.row + 1 : e.row, e.col), { ...e.data });
  for (const m of model.merges) {
    if (m.top >= at) out.merges.push({ ...m, top: m.top + 1, bottom: m.bottom + 1 });
    else if (m.bottom >= at) out.merges.push({ ...m, bottom: m.bottom + 1 });
    else out.merges.push({ ...m });
  }
  if (opts.mergeDown) {
    const above = at - 1;
    const b = model.bounds();
    for (let c = b.left; c <= b.right; c++) {
      const inMerge = out.merges.find((m) => m.top <= above && above <= m.bottom && m.left <= c && c <= m.right);
      if (inMerge) {
        if (inMerge.bottom === above) inMerge.bottom = at;
        continue;
      }
      if (out.get(above, c)) out.merges.push({ top: above, left: c, bottom: at, right: c });
    }
  }
  const row = (r: number) => (r >= at ? r + 1 : r);
  return {
    model: out,
    map: {
      cell: (r, c) => [row(r), c],
      row,
      range: (bx) => ({ ...bx, top: row(bx.top), bottom: bx.bottom >= at - 1 ? bx.bottom + 1 : bx.bottom }),
    },
  };
}
