/**
 * A typed fake of WPS 表格's JavaScript object model (ET), the subset src/wps/et.ts declares and
 * the add-in uses, over the same workbook model as the fake Excel (fake-excel.ts: FakeState), so
 * that one contract suite (test/contract/) looks at both through the same `state` (dump, get, set,
 * protect, toInit, failAfterWrites).
 *
 * Its classes implement the interfaces of src/wps/et.ts (names and signatures from Kingsoft's
 * et-jsapi-declare 2.5.0) with the semantics of Excel's VBA object model, which ET mirrors, and it
 * refuses what ET refuses:
 * - every call is synchronous and counted (`calls()`: reads and writes), so a test can hold the
 *   add-in to block reads and writes;
 * - Range.Value2 / Formula are a scalar for one cell and a 2-D array for several (a blank cell
 *   reads undefined); a 2-D array written must have the range's shape (Excel would fill the rest
 *   with #N/A: the fake refuses instead); a string written is taken as typed (a number, a date, a
 *   percent, a formula) unless the cell's format is text ("@");
 * - Range.Formula of a constant cell gives the constant as text ("" when blank);
 * - Range.NumberFormat, MergeCells, Interior.Pattern and Interior.Color are null when the cells
 *   of the range differ; a cell without fill has Pattern xlNone (-4142) and Color 16777215;
 *   Interior.Color is a BGR long;
 * - Range.Address is a method (RowAbsolute, ColumnAbsolute default true); MergeArea needs one
 *   cell (or cells of one merged area); Comment needs one cell and is null without a comment;
 *   AddComment fails on a cell that has one; Select fails unless the sheet is active;
 * - a write to a protected sheet fails (every cell is locked, as in a new workbook);
 * - Worksheets.Add activates the new sheet; a hidden sheet cannot be activated; hiding the active
 *   sheet activates the next visible one; the last visible sheet cannot be hidden or deleted;
 *   Worksheet.Delete fails while Application.DisplayAlerts is true (it would ask the user);
 * - Worksheets.Item and Names.Item take a 1-based index or a name and fail when there is none;
 * - custom worksheet functions (Application.AddCustomFunction) exist only from WPS 12.1.0.20540.
 *
 * Failure injection as in the fake Excel: `state.protect(sheet)`, `state.failAfterWrites(n)`.
 * No node-only imports.
 */
import { address as a1, colName } from "../../src/engine/address";
import type { RangeBox } from "../../src/engine/model";
import { parseRange } from "../../src/layout/grid";
import {
  XL_NONE,
  XL_PATTERN_SOLID,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
  type EtBlock,
  type EtComment,
  type EtInterior,
  type EtName,
  type EtNames,
  type EtPluginStorage,
  type EtRange,
  type EtScalar,
  type EtSheets,
  type EtTaskPane,
  type EtWorkbook,
  type EtWorksheet,
  type WpsApplication,
} from "../../src/wps/et";
import {
  coerce,
  FakeState,
  type FakeOptions,
  type FakeValue,
  type FakeWorkbookInit,
  type SheetModel,
} from "./fake-excel";

/** The first WPS build that runs add-in worksheet functions. */
export const CUSTOM_FUNCTIONS_BUILD = "12.1.0.20540";

export class EtError extends Error {
  constructor(
    readonly number: number,
    message: string,
  ) {
    super(message);
    this.name = "EtError";
  }
}

const KEY = (row: number, col: number) => row * 16384 + col;
const WHITE = 16777215;

function toBgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

function fromBgr(bgr: number): string {
  const hex = [bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff].map((x) => x.toString(16).padStart(2, "0"));
  return `#${hex.join("")}`.toUpperCase();
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export interface EtCalls {
  reads: number;
  writes: number;
}

export interface FakeEtOptions extends FakeOptions {
  /** The WPS build ("12.1.0.20540" by default: with custom functions). */
  build?: string;
}

/** The fake's own state beside the workbook: calls, alerts, the add-in root's parts. */
class EtRuntime {
  calls: EtCalls = { reads: 0, writes: 0 };
  displayAlerts = true;
  storage = new Map<string, string | number | boolean>();
  panes: FakeEtTaskPane[] = [];
  customFunctions = new Map<string, (...args: never[]) => unknown>();
  constructor(
    readonly state: FakeState,
    readonly build: string,
  ) {}

  read(): void {
    this.calls.reads++;
  }

  /** A write: counted, refused on a protected sheet, failing when an injected failure's turn comes. */
  write(sheet: SheetModel | null, what: string): void {
    this.calls.writes++;
    if (sheet?.protected)
      throw new EtError(1004, `您试图更改的单元格或图表受保护，因而是只读的 (${what} on "${sheet.name}")`);
    this.state.beforeWrite();
  }
}

class FakeEtInterior implements EtInterior {
  constructor(private readonly r: FakeEtRange) {}

  get Pattern(): number {
    const fills = this.r.fills();
    if (fills.every((f) => !f)) return XL_NONE;
    return fills.every((f) => !!f) ? XL_PATTERN_SOLID : (null as unknown as number);
  }
  set Pattern(p: number) {
    this.r.rt.write(this.r.sheet, "Interior.Pattern");
    this.r.each((row, col) => {
      const c = this.r.sheet.at(row, col);
      if (p === XL_NONE) delete c.fill;
      else c.fill = c.fill ?? "#FFFFFF";
      this.r.sheet.tidy(row, col);
    });
  }

  get Color(): number {
    const fills = this.r.fills();
    const first = fills[0];
    if (!fills.every((f) => f === first)) return null as unknown as number;
    return first ? toBgr(first) : WHITE;
  }
  set Color(bgr: number) {
    this.r.rt.write(this.r.sheet, "Interior.Color");
    const hex = fromBgr(bgr);
    this.r.each((row, col) => (this.r.sheet.at(row, col).fill = hex));
  }
}

class FakeEtComment implements EtComment {
  constructor(
    private readonly rt: EtRuntime,
    private readonly sheet: SheetModel,
    private readonly key: number,
  ) {}

  Text(text?: string, start?: number, overwrite?: boolean): string {
    const cur = this.sheet.notes.get(this.key) ?? "";
    if (text === undefined) {
      this.rt.read();
      return cur;
    }
    this.rt.write(this.sheet, "Comment.Text");
    // Text(text) replaces the whole text (VBA Comment.Text); Start inserts or overwrites from there.
    const next =
      start === undefined
        ? text
        : cur.slice(0, start - 1) + text + cur.slice(start - 1 + (overwrite ? text.length : 0));
    this.sheet.notes.set(this.key, next);
    return next;
  }

  Delete(): void {
    this.rt.write(this.sheet, "Comment.Delete");
    this.sheet.notes.delete(this.key);
  }
}

export class FakeEtRange implements EtRange {
  constructor(
    readonly rt: EtRuntime,
    readonly sheet: SheetModel,
    readonly box: RangeBox,
  ) {}

  private get rows(): number {
    return this.box.bottom - this.box.top + 1;
  }
  private get cols(): number {
    return this.box.right - this.box.left + 1;
  }
  private get isCell(): boolean {
    return this.rows === 1 && this.cols === 1;
  }

  each(fn: (row: number, col: number) => void): void {
    for (let r = this.box.top; r <= this.box.bottom; r++)
      for (let c = this.box.left; c <= this.box.right; c++) fn(r, c);
  }

  fills(): (string | null)[] {
    this.rt.read();
    const out: (string | null)[] = [];
    this.each((r, c) => out.push(this.sheet.cell(r, c)?.fill ?? null));
    return out;
  }

  private grid<T>(fn: (row: number, col: number) => T): T | T[][] {
    this.rt.read();
    const out: T[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: T[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) row.push(fn(r, c));
      out.push(row);
    }
    return this.isCell ? out[0][0] : out;
  }

  /** Write one item a cell: a scalar goes to every cell; an array must have the range's shape. */
  private put(what: string, v: EtBlock, fn: (row: number, col: number, x: EtScalar) => void): void {
    this.rt.write(this.sheet, what);
    if (Array.isArray(v)) {
      if (v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols))
        throw new EtError(1004, `${what}: a ${v.length}-row array written to ${this.rows}×${this.cols} cells`);
    }
    this.each((r, c) => {
      fn(r, c, Array.isArray(v) ? v[r - this.box.top][c - this.box.left] : v);
      this.sheet.tidy(r, c);
    });
    this.rt.state.recalc(this.sheet);
  }

  get Value2(): EtBlock {
    return this.grid((r, c) => {
      const v = this.sheet.cell(r, c)?.v;
      return v === null || v === undefined ? undefined : v;
    });
  }
  set Value2(v: EtBlock) {
    this.put("Value2", v, (r, c, x) => typed(this.sheet, r, c, x));
  }

  get Formula(): EtBlock {
    return this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell?.f) return cell.f;
      const v = cell?.v;
      if (v === null || v === undefined) return "";
      return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    });
  }
  set Formula(v: EtBlock) {
    this.put("Formula", v, (r, c, x) => typed(this.sheet, r, c, x));
  }

  get NumberFormat(): string | null {
    const fmts = this.grid((r, c) => this.sheet.cell(r, c)?.n ?? "General");
    if (!Array.isArray(fmts)) return fmts;
    const first = fmts[0][0];
    return fmts.every((row) => row.every((n) => n === first)) ? first : null;
  }
  set NumberFormat(n: string | null) {
    this.put("NumberFormat", n, (r, c) => {
      const cell = this.sheet.at(r, c);
      if (n && n !== "General") cell.n = n;
      else delete cell.n;
    });
  }

  private mergeAt(row: number, col: number): RangeBox | undefined {
    return mergesByRow(this.sheet)
      .get(row)
      ?.find((m) => m.left <= col && col <= m.right);
  }

  get MergeCells(): boolean | null {
    this.rt.read();
    let some = false;
    let all = true;
    this.each((r, c) => {
      if (this.mergeAt(r, c)) some = true;
      else all = false;
    });
    return all ? true : some ? null : false;
  }

  get MergeArea(): EtRange {
    this.rt.read();
    const m = this.mergeAt(this.box.top, this.box.left);
    if (!m) {
      if (!this.isCell) throw new EtError(1004, "MergeArea: not one cell");
      return this;
    }
    const inside = this.box.bottom <= m.bottom && this.box.right <= m.right;
    if (!inside) throw new EtError(1004, "MergeArea: the cells are not in one merged area");
    return new FakeEtRange(this.rt, this.sheet, { ...m });
  }

  get Interior(): EtInterior {
    return new FakeEtInterior(this);
  }

  get Comment(): EtComment | null {
    this.rt.read();
    if (!this.isCell) throw new EtError(1004, "Comment: not one cell");
    const key = KEY(this.box.top, this.box.left);
    return this.sheet.notes.has(key) ? new FakeEtComment(this.rt, this.sheet, key) : null;
  }

  AddComment(text?: string): EtComment {
    if (!this.isCell) throw new EtError(1004, "AddComment: not one cell");
    const key = KEY(this.box.top, this.box.left);
    if (this.sheet.notes.has(key)) {
      this.rt.calls.writes++;
      throw new EtError(1004, "AddComment: the cell already has a comment");
    }
    this.rt.write(this.sheet, "AddComment");
    this.sheet.notes.set(key, text ?? "");
    return new FakeEtComment(this.rt, this.sheet, key);
  }

  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    this.rt.read();
    const one = (row: number, col: number) =>
      `${ColumnAbsolute ? "$" : ""}${colName(col)}${RowAbsolute ? "$" : ""}${row + 1}`;
    const s = one(this.box.top, this.box.left);
    return this.isCell ? s : `${s}:${one(this.box.bottom, this.box.right)}`;
  }

  get Row(): number {
    this.rt.read();
    return this.box.top + 1;
  }
  get Column(): number {
    this.rt.read();
    return this.box.left + 1;
  }
  get Rows(): { Count: number } {
    this.rt.read();
    return { Count: this.rows };
  }
  get Columns(): { Count: number } {
    this.rt.read();
    return { Count: this.cols };
  }

  Select(): boolean {
    this.rt.read();
    if (this.rt.state.active !== this.sheet) throw new EtError(1004, "Select: the range's sheet is not active");
    this.rt.state.selection = { sheet: this.sheet.name, address: this.Address(false, false) };
    return true;
  }

  Clear(): boolean {
    this.rt.write(this.sheet, "Clear");
    this.each((r, c) => {
      const cell = this.sheet.at(r, c);
      cell.v = null;
      delete cell.f;
      delete cell.n;
      delete cell.fill;
      this.sheet.notes.delete(KEY(r, c));
      this.sheet.tidy(r, c);
    });
    return true;
  }
}

/** A sheet's merged areas by row (rebuilt when the list changes): the fake stays fast on 30,000 merges. */
const MERGE_INDEX = new WeakMap<SheetModel, { list: RangeBox[]; len: number; rows: Map<number, RangeBox[]> }>();
function mergesByRow(sheet: SheetModel): Map<number, RangeBox[]> {
  const hit = MERGE_INDEX.get(sheet);
  if (hit && hit.list === sheet.merges && hit.len === sheet.merges.length) return hit.rows;
  const rows = new Map<number, RangeBox[]>();
  for (const m of sheet.merges) for (let r = m.top; r <= m.bottom; r++) rows.set(r, [...(rows.get(r) ?? []), m]);
  MERGE_INDEX.set(sheet, { list: sheet.merges, len: sheet.merges.length, rows });
  return rows;
}

/** A value or formula put in a cell as typed (coerce: the cell's format "@" keeps text). */
function typed(sheet: SheetModel, row: number, col: number, x: EtScalar): void {
  const cell = sheet.at(row, col);
  const c = coerce(x === undefined ? null : x, cell.n);
  cell.v = c.v as FakeValue;
  if (c.f) cell.f = c.f;
  else delete cell.f;
  if (c.n) cell.n = c.n;
}

class FakeEtName implements EtName {
  constructor(
    private readonly rt: EtRuntime,
    private readonly sheet: SheetModel,
    private readonly key: string,
  ) {}

  get Name(): string {
    this.rt.read();
    const s = this.sheet.name;
    const quoted = /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
    return `${quoted}!${this.key}`;
  }
  set Name(_v: string) {
    throw new EtError(1004, "the fake does not rename names");
  }
  get RefersTo(): string {
    this.rt.read();
    return this.sheet.names.get(this.key) ?? "";
  }
  set RefersTo(v: string) {
    this.rt.write(null, "Name.RefersTo");
    this.sheet.names.set(this.key, v);
  }
  get Visible(): boolean {
    return false;
  }
  set Visible(_v: boolean) {
    this.rt.write(null, "Name.Visible");
  }
  Delete(): void {
    this.rt.write(null, "Name.Delete");
    this.sheet.names.delete(this.key);
  }
}

class FakeEtNames implements EtNames {
  constructor(
    private readonly rt: EtRuntime,
    private readonly sheet: SheetModel,
  ) {}

  get Count(): number {
    this.rt.read();
    return this.sheet.names.size;
  }

  Item(index: number | string): EtName {
    this.rt.read();
    const keys = [...this.sheet.names.keys()];
    const key = typeof index === "number" ? keys[index - 1] : keys.find((k) => k.toLowerCase() === index.toLowerCase());
    if (key === undefined) throw new EtError(1004, `Names.Item(${index}): no such name`);
    return new FakeEtName(this.rt, this.sheet, key);
  }

  Add(name: string, refersTo: string): EtName {
    // A name that exists is given the new reference (VBA Names.Add).
    this.rt.write(null, "Names.Add");
    if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw new EtError(1004, `Names.Add: "${name}" is not a valid name`);
    this.sheet.names.set(name, refersTo);
    return new FakeEtName(this.rt, this.sheet, name);
  }
}

const VISIBILITY = { Visible: XL_SHEET_VISIBLE, Hidden: XL_SHEET_HIDDEN, VeryHidden: XL_SHEET_VERY_HIDDEN } as const;

export class FakeEtWorksheet implements EtWorksheet {
  constructor(
    private readonly rt: EtRuntime,
    readonly sheet: SheetModel,
  ) {}

  get Name(): string {
    this.rt.read();
    return this.sheet.name;
  }
  set Name(v: string) {
    this.rt.write(null, "Worksheet.Name");
    if (!v || v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new EtError(1004, `"${v}" is not a valid sheet name`);
    if (this.rt.state.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === v.toLowerCase()))
      throw new EtError(1004, `a sheet named "${v}" exists`);
    this.sheet.name = v;
  }

  get Visible(): number {
    this.rt.read();
    return VISIBILITY[this.sheet.visibility];
  }
  set Visible(v: number) {
    this.rt.write(null, "Worksheet.Visible");
    const st = this.rt.state;
    const visible = st.sheets.filter((s) => s.visibility === "Visible");
    const to = v === XL_SHEET_VERY_HIDDEN ? "VeryHidden" : v === XL_SHEET_HIDDEN ? "Hidden" : "Visible";
    if (to !== "Visible" && visible.length === 1 && visible[0] === this.sheet)
      throw new EtError(1004, "the last visible sheet cannot be hidden");
    this.sheet.visibility = to;
    if (to !== "Visible" && st.active === this.sheet) {
      const i = st.sheets.indexOf(this.sheet);
      const next = [...st.sheets.slice(i + 1), ...st.sheets.slice(0, i)].find((s) => s.visibility === "Visible")!;
      st.activeId = next.id;
    }
  }

  get ProtectContents(): boolean {
    this.rt.read();
    return this.sheet.protected;
  }

  get UsedRange(): EtRange {
    this.rt.read();
    const b = this.sheet.used(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new FakeEtRange(this.rt, this.sheet, b);
  }

  Range(cell: string): EtRange {
    this.rt.read();
    const b = parseRange(cell);
    if (!b) throw new EtError(1004, `Range("${cell}"): not an address`);
    return new FakeEtRange(this.rt, this.sheet, b);
  }

  get Names(): EtNames {
    return new FakeEtNames(this.rt, this.sheet);
  }

  Activate(): void {
    this.rt.read();
    if (this.sheet.visibility !== "Visible") throw new EtError(1004, "Activate: the sheet is hidden");
    this.rt.state.activeId = this.sheet.id;
  }

  Delete(): void {
    this.rt.write(null, "Worksheet.Delete");
    const st = this.rt.state;
    if (this.rt.displayAlerts) throw new EtError(1004, "Delete would ask the user (DisplayAlerts is on)");
    if (this.sheet.visibility === "Visible" && st.sheets.filter((s) => s.visibility === "Visible").length === 1)
      throw new EtError(1004, "the last visible sheet cannot be deleted");
    st.sheets = st.sheets.filter((s) => s !== this.sheet);
    if (st.activeId === this.sheet.id) st.activeId = st.sheets.find((s) => s.visibility === "Visible")!.id;
  }
}

class FakeEtSheets implements EtSheets {
  constructor(private readonly rt: EtRuntime) {}

  get Count(): number {
    this.rt.read();
    return this.rt.state.sheets.length;
  }

  Item(index: number | string): EtWorksheet {
    this.rt.read();
    const st = this.rt.state;
    const s =
      typeof index === "number"
        ? st.sheets[index - 1]
        : st.sheets.find((x) => x.name.toLowerCase() === index.toLowerCase());
    if (!s) throw new EtError(9, `Worksheets.Item(${index}): subscript out of range`);
    return new FakeEtWorksheet(this.rt, s);
  }

  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet {
    this.rt.write(null, "Worksheets.Add");
    const st = this.rt.state;
    let n = st.sheets.length + 1;
    while (st.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const s = st.addSheet({ name: `Sheet${n}` });
    st.sheets.pop();
    const anchor = (before ?? after) as FakeEtWorksheet | undefined;
    const at = anchor ? st.sheets.indexOf(anchor.sheet) + (after ? 1 : 0) : st.sheets.indexOf(st.active);
    st.sheets.splice(at, 0, s);
    st.activeId = s.id;
    return new FakeEtWorksheet(this.rt, s);
  }
}

class FakeEtWorkbook implements EtWorkbook {
  constructor(private readonly rt: EtRuntime) {}
  get Name(): string {
    this.rt.read();
    return "工作簿1.xlsx";
  }
  get Worksheets(): EtSheets {
    return new FakeEtSheets(this.rt);
  }
}

class FakeEtTaskPane implements EtTaskPane {
  Visible = false;
  DockPosition = 2;
  constructor(
    readonly ID: number,
    readonly url: string,
  ) {}
}

class FakeEtApplication implements WpsApplication {
  readonly PluginStorage: EtPluginStorage;
  readonly ribbonUI = {
    invalidated: [] as string[],
    InvalidateControl: (id: string) => this.ribbonUI.invalidated.push(id),
    Invalidate: () => this.ribbonUI.invalidated.push("*"),
  };
  AddCustomFunction?: (namespace: string, name: string, fn: (...args: never[]) => unknown) => void;

  constructor(private readonly rt: EtRuntime) {
    const m = rt.storage;
    this.PluginStorage = {
      setItem: (k, v) => void m.set(k, v),
      getItem: (k) => m.get(k),
      removeItem: (k) => void m.delete(k),
    };
    if (versionAtLeast(rt.build, CUSTOM_FUNCTIONS_BUILD))
      this.AddCustomFunction = (namespace, name, fn) => void rt.customFunctions.set(`${namespace}.${name}`, fn);
  }

  get ActiveWorkbook(): EtWorkbook | null {
    this.rt.read();
    return this.rt.state.sheets.length ? new FakeEtWorkbook(this.rt) : null;
  }
  get ActiveSheet(): EtWorksheet | null {
    this.rt.read();
    return this.rt.state.sheets.length ? new FakeEtWorksheet(this.rt, this.rt.state.active) : null;
  }
  get DisplayAlerts(): boolean {
    return this.rt.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.rt.displayAlerts = v;
  }
  CalculateFull(): void {
    this.rt.calls.writes++;
    this.rt.state.calculations.push("Full");
    for (const s of this.rt.state.sheets) this.rt.state.recalc(s);
  }
  CreateTaskPane(url: string): EtTaskPane {
    const pane = new FakeEtTaskPane(this.rt.panes.length + 1, url);
    this.rt.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: number): EtTaskPane {
    const pane = this.rt.panes.find((p) => p.ID === id);
    if (!pane) throw new EtError(1004, `GetTaskPane(${id}): no such pane`);
    return pane;
  }
}

export interface FakeEtHandle {
  /** Inject as window.Application (or pass to createWpsPort({ app })). */
  Application: WpsApplication;
  state: FakeState;
  /** Calls into ET since the last reset. */
  calls(): EtCalls;
  resetCalls(): void;
  /** Task panes created (url, Visible). */
  panes(): { url: string; Visible: boolean }[];
  /** Functions registered with AddCustomFunction, by "NAMESPACE.NAME". */
  customFunctions: Map<string, (...args: never[]) => unknown>;
  /** PluginStorage's contents. */
  storage: Map<string, string | number | boolean>;
}

/** A fake WPS 表格 with `workbook` open (the same init as createFakeExcel). */
export function createFakeEt(workbook: FakeWorkbookInit, options: FakeEtOptions = {}): FakeEtHandle {
  const state = new FakeState(workbook, options);
  const rt = new EtRuntime(state, options.build ?? CUSTOM_FUNCTIONS_BUILD);
  const Application = new FakeEtApplication(rt);
  return {
    Application,
    state,
    calls: () => ({ ...rt.calls }),
    resetCalls: () => {
      rt.calls = { reads: 0, writes: 0 };
    },
    panes: () => rt.panes.map((p) => ({ url: p.url, Visible: p.Visible })),
    customFunctions: rt.customFunctions,
    storage: rt.storage,
  };
}

export { a1 };
