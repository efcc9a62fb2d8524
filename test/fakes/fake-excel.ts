/**
 * An in-memory fake of the subset of the Excel JavaScript API (Office.js) the add-in uses,
 * with Office.js's batching semantics:
 *
 * - proxies queue their loads and writes; nothing happens until `context.sync()`;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - `isNullObject` of an *OrNullObject proxy is known only after a sync;
 * - a sync runs its queue in order and stops at the first failing operation: what ran before
 *   stays applied (Office.js batches are not transactions), the loads of that batch are lost;
 * - every sync is counted (`syncCount()`).
 *
 * And the limits of real Excel:
 * - a request is built as Office.js builds it (fake-request.ts) and, on the web (the default
 *   platform), one over 5 MB is refused with RequestPayloadSizeLimitExceeded before anything in
 *   it runs; a response over 5 MB (its loaded values as JSON) with ResponsePayloadSizeLimitExceeded;
 * - Range.getMergedAreasOrNullObject fails on a range with more than 512 merged areas, and needs
 *   ExcelApi 1.13 (ExcelApi reference);
 * - past 5 million cells a range's values, formulas, numberFormat and text come back null
 *   (`state.largeRangeValues = "throw"`: refused instead);
 * - a string written with Range.values is converted as Excel converts it (numbers, percents,
 *   dates, TRUE/FALSE, and a leading = + - makes a formula) unless the cell's format is text ("@");
 * - RangeFill.pattern needs ExcelApi 1.9, notes ExcelApi 1.18.
 *
 * Failure injection (on `state`): `protect(sheet)`, `editMode`, `failAfterWrites(n)`,
 * `maxReadCellsPerSync`. Formulas are computed by an optional evaluator (formula-eval.ts), on
 * write and on Application.calculate.
 *
 * No node-only imports: it is bundled into the browser harness as well (window.Excel).
 */
import { PATH_TYPE, PathRef, RequestBuilder, type ObjectPath } from "./fake-request";
import { utf8Length } from "../../src/excel/request-size";

export type FakeValue = string | number | boolean | null;

export interface FakeCellInit {
  v?: FakeValue;
  /** "=…" */
  f?: string;
  /** Number format; absent = "General". */
  n?: string;
  /** "#RRGGBB"; absent or null = no fill. */
  fill?: string | null;
}

export interface FakeSheetInit {
  name: string;
  id?: string;
  /** A1 address → cell. */
  cells?: Record<string, FakeCellInit>;
  /** "A1:B2" */
  merges?: string[];
  /** A1 address → note text. */
  notes?: Record<string, string>;
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Sheet-level defined names (name → RefersTo): not in Office.js's view, kept for the ET fake (fake-et.ts). */
  names?: Record<string, string>;
}

export interface FakeWorkbookInit {
  sheets: FakeSheetInit[];
  /** Active sheet name (default: the first). */
  active?: string;
  /** workbook.settings (values as stored: JSON-compatible). */
  settings?: Record<string, unknown>;
  /** Highest ExcelApi requirement set supported, "1.18" by default. */
  apiVersion?: string;
  /** "web" (default): requests and responses over 5 MB are refused; "desktop": no such limit. */
  platform?: "web" | "desktop";
}

/** Excel on the web: request and response bodies over 5 MB are refused (Office add-ins resource limits). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Range.getMergedAreasOrNullObject fails on more merged areas than this (ExcelApi 1.13 reference). */
export const MERGED_AREAS_LIMIT = 512;
/** Past this many cells a range's cell data comes back null. */
export const LARGE_RANGE_CELLS = 5_000_000;

/** Computes a formula; `undefined` leaves the cell's cached value as it is. */
export type FormulaEvaluator = (
  formula: string,
  ref: { sheet: string; get(row: number, col: number): FakeValue },
) => FakeValue | undefined;

export interface FakeOptions {
  evaluate?: FormulaEvaluator;
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** "A1", "$A$1:B2", "Sheet!A1", "A:D", "3:5" → box (whole columns/rows clipped to the sheet size). */
function parseBox(address: string): Box | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = bare.replace(/\$/g, "").trim().split(":");
  if (parts.length > 2) return null;
  const one = (p: string): { row?: number; col?: number } | null => {
    const m = /^([A-Za-z]{1,3})?(\d{1,7})?$/.exec(p);
    if (!m || (!m[1] && !m[2])) return null;
    return { col: m[1] ? colIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  if (!a || !b) return null;
  const MAXR = 1048575;
  const MAXC = 16383;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = Math.max(a.row ?? MAXR, b.row ?? MAXR);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = Math.max(a.col ?? MAXC, b.col ?? MAXC);
  if (parts.length === 1 && (a.row === undefined || a.col === undefined)) return null;
  return { top, left, bottom, right };
}

function boxAddress(b: Box): string {
  const s = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? s : `${s}:${a1(b.bottom, b.right)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const KEY = (row: number, col: number) => row * 16384 + col;

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Model

interface Cell {
  v: FakeValue;
  f?: string;
  n?: string;
  fill?: string | null;
}

/** One sheet of a fake workbook (shared by fake-et.ts, which models the same workbook through ET). */
export class SheetModel {
  cells = new Map<number, Cell>();
  notes = new Map<number, string>();
  /** Sheet-level defined names: name → RefersTo (ET only). */
  names = new Map<string, string>();
  merges: Box[] = [];
  protected = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  constructor(
    public id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(KEY(row, col));
  }

  /** Mutable cell (created blank). */
  at(row: number, col: number): Cell {
    const k = KEY(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { v: null };
      this.cells.set(k, c);
      this.sorted = null;
    }
    return c;
  }

  tidy(row: number, col: number): void {
    const k = KEY(row, col);
    const c = this.cells.get(k);
    if (c && c.v === null && !c.f && !c.n && !c.fill) {
      this.cells.delete(k);
      this.sorted = null;
    }
  }

  /** The cells' keys in sheet order (rows, then columns); rebuilt after a cell is added or removed. */
  private sorted: number[] | null = null;
  private keysFrom(top: number, bottom: number): number[] {
    if (!this.sorted || this.sorted.length !== this.cells.size) this.sorted = [...this.cells.keys()].sort((a, b) => a - b);
    const keys = this.sorted;
    const first = (k: number) => {
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid] < k) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return keys.slice(first(KEY(top, 0)), first(KEY(bottom + 1, 0)));
  }

  /** The used box of the sheet, or of its part `within`. */
  used(valuesOnly: boolean, within?: Box): Box | null {
    let box: Box | null = null;
    for (const k of within ? this.keysFrom(within.top, within.bottom) : this.keysFrom(0, 1048575)) {
      const c = this.cells.get(k)!;
      const has = c.v !== null || !!c.f || (!valuesOnly && (!!c.n || !!c.fill));
      if (!has) continue;
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      if (within && (col < within.left || col > within.right)) continue;
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
      }
    }
    return box;
  }
}

let nextId = 1;
function newSheetId(): string {
  const n = nextId++;
  return `{00000000-0001-0000-${String(n).padStart(4, "0")}-000000000000}`;
}

function versionAtLeast(have: string, want: string): boolean {
  const [a1_, a2] = have.split(".").map(Number);
  const [b1, b2] = want.split(".").map(Number);
  return a1_ > b1 || (a1_ === b1 && (a2 || 0) >= (b2 || 0));
}

/** Days from Excel's day 0 (1899-12-30) to a date. */
function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * Excel's reading of a string written with Range.values into a cell of number format `numFmt`
 * (what typing it would give): a text-formatted cell ("@") keeps it; otherwise a leading "="
 * makes a formula, and so does a leading "+" or "-" that is not a number (Range.values
 * reference: "If the value starts with a plus, minus, or equal sign, Excel interprets this value
 * as a formula"); numbers (with thousands separators), percents, dates and TRUE/FALSE become
 * values of their kind, with the number format Excel gives them when the cell has none.
 */
export function coerce(v: unknown, numFmt: string | undefined): { v: FakeValue; f?: string; n?: string } {
  if (v === null || v === undefined || v === "") return { v: null };
  if (typeof v === "number" || typeof v === "boolean") return { v };
  const s = String(v);
  if (numFmt === "@") return { v: s };
  const general = !numFmt || numFmt === "General";
  const t = s.trim();
  if (/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/.test(t) && /\d/.test(t))
    return { v: Number(t.replace(/,/g, "")) };
  const pct = /^([-+]?(\d+(\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (pct) {
    const decimals = (pct[1].split(".")[1] ?? "").length;
    return { v: Number(pct[1]) / 100, ...(general ? { n: decimals ? `0.${"0".repeat(decimals)}%` : "0%" } : {}) };
  }
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  const md = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  const serial = ymd
    ? dateSerial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
    : md
      ? dateSerial(new Date().getUTCFullYear(), Number(md[1]), Number(md[2]))
      : null;
  if (serial !== null) return { v: serial, ...(general ? { n: ymd ? "yyyy/m/d" : "m月d日" } : {}) };
  if (s.startsWith("=") && s.length > 1) return { v: null, f: s };
  if (/^[-+]./.test(s)) return { v: null, f: `=${s}` };
  return { v: s };
}

export interface SyncRecord {
  reads: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

/** The whole workbook as the tests see it. */
export class FakeState {
  sheets: SheetModel[] = [];
  activeId = "";
  settings = new Map<string, string>();
  apiVersion: string;
  platform: "web" | "desktop";
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  /**
   * Every sync: the operations it ran (reads + writes), the bytes of its request (as Office.js
   * builds it) and of its response (the loaded values as JSON), and the error code if it failed.
   */
  syncLog: SyncRecord[] = [];
  /** While true every sync fails with InvalidOperationInCellEditMode. */
  editMode = false;
  /** Cells one sync may load (values / formulas / numberFormat each count); more → ResponsePayloadSizeLimitExceeded. */
  maxReadCellsPerSync = Infinity;
  /** Request bytes one sync may carry (5 MB on the web). */
  requestLimitBytes: number;
  /** Response bytes one sync may return (5 MB on the web). */
  responseLimitBytes: number;
  /** What loading the cell data of a range over `largeRangeCells` cells gives: null (default), or a refusal. */
  largeRangeValues: "null" | "throw" = "null";
  /** Cells past which a range's cell data is not given (5 million in Excel; lower it to test small). */
  largeRangeCells = LARGE_RANGE_CELLS;
  /** Application.calculate calls run, by calculation type. */
  calculations: string[] = [];
  taskpaneShown = 0;
  private failWrites: { after: number; code: string } | null = null;

  constructor(
    init: FakeWorkbookInit,
    readonly options: FakeOptions = {},
  ) {
    this.apiVersion = init.apiVersion ?? "1.18";
    this.platform = init.platform ?? "web";
    this.requestLimitBytes = this.platform === "web" ? WEB_PAYLOAD_LIMIT_BYTES : Infinity;
    this.responseLimitBytes = this.platform === "web" ? WEB_PAYLOAD_LIMIT_BYTES : Infinity;
    for (const s of init.sheets) this.addSheet(s);
    const active = init.active ? this.sheets.find((s) => s.name === init.active) : this.sheets[0];
    this.activeId = active ? active.id : "";
    for (const [k, v] of Object.entries(init.settings ?? {})) this.settings.set(k, JSON.stringify(v));
    for (const s of this.sheets) this.recalc(s);
  }

  addSheet(init: FakeSheetInit): SheetModel {
    const s = new SheetModel(init.id ?? newSheetId(), init.name);
    for (const [addr, c] of Object.entries(init.cells ?? {})) {
      const b = parseBox(addr);
      if (!b) throw new Error(`fake: bad address ${addr}`);
      s.cells.set(KEY(b.top, b.left), {
        v: c.v ?? null,
        ...(c.f ? { f: c.f } : {}),
        ...(c.n && c.n !== "General" ? { n: c.n } : {}),
        ...(c.fill ? { fill: c.fill.toUpperCase() } : {}),
      });
    }
    for (const m of init.merges ?? []) {
      const b = parseBox(m);
      if (b) s.merges.push(b);
    }
    for (const [addr, text] of Object.entries(init.notes ?? {})) {
      const b = parseBox(addr);
      if (b) s.notes.set(KEY(b.top, b.left), text);
    }
    s.protected = !!init.protected;
    s.visibility = init.visibility ?? "Visible";
    for (const [name, refersTo] of Object.entries(init.names ?? {})) s.names.set(name, refersTo);
    this.sheets.push(s);
    return s;
  }

  isSetSupported = (name: string, version: string): boolean => {
    if (name === "ExcelApi") return versionAtLeast(this.apiVersion, version);
    return true;
  };

  sheet(nameOrId: string): SheetModel {
    const s = this.find(nameOrId);
    if (!s) throw new Error(`fake: no sheet ${nameOrId}`);
    return s;
  }

  find(nameOrId: string): SheetModel | undefined {
    return (
      this.sheets.find((s) => s.id === nameOrId) ??
      this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase())
    );
  }

  get active(): SheetModel {
    return this.sheet(this.activeId);
  }

  activate(name: string): void {
    this.activeId = this.sheet(name).id;
  }

  protect(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  /** The (n+1)-th write operation from now fails (the n before it run, in whatever syncs); one-shot. */
  failAfterWrites(n: number, code = "GeneralException"): void {
    this.failWrites = { after: n, code };
  }

  /** Test access to one cell. */
  get(
    sheet: string,
    address: string,
  ): { v: FakeValue; f?: string; n: string; fill: string | null; note: string | null } {
    const s = this.sheet(sheet);
    const b = parseBox(address)!;
    const c = s.cell(b.top, b.left);
    return {
      v: c?.v ?? null,
      f: c?.f,
      n: c?.n ?? "General",
      fill: c?.fill ?? null,
      note: s.notes.get(KEY(b.top, b.left)) ?? null,
    };
  }

  /** Test mutation of one cell (as a user would type). */
  set(sheet: string, address: string, cell: FakeCellInit & { note?: string | null }): void {
    const s = this.sheet(sheet);
    const b = parseBox(address)!;
    const c = s.at(b.top, b.left);
    if ("v" in cell) c.v = cell.v ?? null;
    if ("f" in cell) {
      if (cell.f) c.f = cell.f;
      else delete c.f;
    }
    if ("n" in cell) {
      if (cell.n && cell.n !== "General") c.n = cell.n;
      else delete c.n;
    }
    if ("fill" in cell) {
      if (cell.fill) c.fill = cell.fill.toUpperCase();
      else delete c.fill;
    }
    if ("note" in cell) {
      if (cell.note === null || cell.note === undefined) s.notes.delete(KEY(b.top, b.left));
      else s.notes.set(KEY(b.top, b.left), cell.note);
    }
    s.tidy(b.top, b.left);
    this.recalc(s);
  }

  /** Everything a user can see of a sheet, for exact comparisons. */
  dump(sheet: string): {
    cells: Record<string, FakeCellInit>;
    notes: Record<string, string>;
    merges: string[];
    protected: boolean;
  } {
    const s = this.sheet(sheet);
    const cells: Record<string, FakeCellInit> = {};
    for (const k of [...s.cells.keys()].sort((x, y) => x - y)) {
      const c = s.cells.get(k)!;
      if (c.v === null && !c.f && !c.n && !c.fill) continue;
      cells[a1(Math.floor(k / 16384), k % 16384)] = {
        v: c.v,
        ...(c.f ? { f: c.f } : {}),
        ...(c.n ? { n: c.n } : {}),
        ...(c.fill ? { fill: c.fill } : {}),
      };
    }
    const notes: Record<string, string> = {};
    for (const k of [...s.notes.keys()].sort((x, y) => x - y))
      notes[a1(Math.floor(k / 16384), k % 16384)] = s.notes.get(k)!;
    return { cells, notes, merges: s.merges.map(boxAddress), protected: s.protected };
  }

  /** The workbook as saved: open it again with createFakeExcel(state.toInit()). */
  toInit(): FakeWorkbookInit {
    const settings: Record<string, unknown> = {};
    for (const [k, v] of this.settings) settings[k] = JSON.parse(v);
    return {
      apiVersion: this.apiVersion,
      platform: this.platform,
      active: this.active.name,
      settings,
      sheets: this.sheets.map((s) => {
        const d = this.dump(s.id);
        return {
          name: s.name,
          id: s.id,
          cells: d.cells,
          merges: d.merges,
          notes: d.notes,
          protected: s.protected,
          visibility: s.visibility,
          ...(s.names.size ? { names: Object.fromEntries(s.names) } : {}),
        };
      }),
    };
  }

  // --- used by the proxies -----------------------------------------------------------------

  /** @internal Called before every write operation: throws the injected failure when its turn comes. */
  beforeWrite(): void {
    const f = this.failWrites;
    if (!f) return;
    if (f.after <= 0) {
      this.failWrites = null;
      throw new FakeOfficeError(f.code, "Injected failure.");
    }
    f.after--;
  }

  /** Recompute the formulas of a sheet (when an evaluator is given). */
  recalc(s: SheetModel): void {
    const evaluate = this.options.evaluate;
    if (!evaluate) return;
    const done = new Map<number, FakeValue>();
    const busy = new Set<number>();
    const valueAt = (row: number, col: number): FakeValue => {
      const k = KEY(row, col);
      const c = s.cells.get(k);
      if (!c) return null;
      if (!c.f) return c.v;
      if (done.has(k)) return done.get(k)!;
      if (busy.has(k)) return "#REF!";
      busy.add(k);
      let v: FakeValue | undefined;
      try {
        v = evaluate(c.f, { sheet: s.name, get: valueAt });
      } catch {
        v = "#VALUE!";
      }
      busy.delete(k);
      const out = v === undefined ? c.v : v;
      c.v = out;
      done.set(k, out);
      return out;
    };
    for (const k of s.cells.keys()) valueAt(Math.floor(k / 16384), k % 16384);
  }

  /** @internal Write into cells (honours protection). */
  writeCheck(s: SheetModel, what: string): void {
    if (s.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet (${what}).`,
        what,
      );
  }

  /** @internal */
  coerce = coerce;
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

type Action = {
  kind: "read" | "write";
  /** Returns the cells a read loaded (payload accounting). */ run: () => number | void;
  commit?: () => void;
};

function propList(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => propList(a));
  if (typeof arg === "object") {
    const o = arg as { select?: string };
    if (typeof o.select === "string") return propList(o.select);
    return Object.keys(arg as object).filter((k) => (arg as Record<string, unknown>)[k]);
  }
  return [];
}

export class FakeRequestContext {
  private _workbook?: FakeWorkbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Action[] = [];
  private nullables: FakeObject[] = [];
  /** The request Office.js would send at the next sync. */
  readonly request = new RequestBuilder();
  private responseBytes = 0;

  constructor(readonly state: FakeState) {}

  /** The root object, made at first use (as in Office.js, where that is the request's first object path). */
  get workbook(): FakeWorkbook {
    return (this._workbook ??= new FakeWorkbook(this));
  }

  /** @internal */
  enqueue(a: Action): void {
    this.queue.push(a);
  }

  /** @internal */
  registerNullable(o: FakeObject): void {
    this.nullables.push(o);
  }

  /** @internal What a load returns adds to the response. */
  respond(value: unknown): void {
    this.responseBytes += byteLength(JSON.stringify(value ?? null) ?? "null") + RESULT_OVERHEAD_BYTES;
  }

  get pending(): boolean {
    return this.queue.length > 0 || this.nullables.length > 0 || this.request.pending;
  }

  async sync(): Promise<void> {
    const st = this.state;
    st.syncs++;
    const q = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    const requestBytes = this.request.take();
    this.responseBytes = 0;
    await Promise.resolve();
    const log: SyncRecord = { reads: 0, writes: 0, requestBytes, responseBytes: 0 };
    st.syncLog.push(log);
    if (st.editMode) {
      log.failed = "InvalidOperationInCellEditMode";
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    if (requestBytes > st.requestLimitBytes) {
      // Refused before anything in it runs.
      log.failed = "RequestPayloadSizeLimitExceeded";
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    const commits: (() => void)[] = [];
    let readCells = 0;
    const touched = new Set<SheetModel>();
    this.touched = touched;
    try {
      for (const a of q) {
        if (a.kind === "write") {
          st.beforeWrite();
          log.writes++;
        } else log.reads++;
        const cost = a.run();
        if (a.kind === "read") {
          readCells += cost || 0;
          if (readCells > st.maxReadCellsPerSync) {
            throw new FakeOfficeError(
              "ResponsePayloadSizeLimitExceeded",
              "The response payload size has exceeded the limit.",
            );
          }
        }
        if (a.commit) commits.push(a.commit);
      }
      log.responseBytes = this.responseBytes;
      if (this.responseBytes > st.responseLimitBytes)
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit (${this.responseBytes} bytes).`,
        );
    } catch (e) {
      log.failed = e instanceof FakeOfficeError ? e.code : String(e);
      for (const s of touched) st.recalc(s);
      throw e;
    }
    for (const s of touched) st.recalc(s);
    for (const c of commits) c();
    for (const o of nullables) o._resolveNull();
  }

  private touched: Set<SheetModel> | null = null;

  /** @internal A sheet whose cells changed in this sync (formulas are recomputed). */
  touch(s: SheetModel): void {
    this.touched?.add(s);
  }
}

/** UTF-8 length: Node's own where there is one (the fake runs in the browser too). */
function byteLength(s: string): number {
  const B = (globalThis as { Buffer?: { byteLength(s: string, enc: string): number } }).Buffer;
  return B ? B.byteLength(s, "utf8") : utf8Length(s);
}

/** Bytes the response spends on each action result besides its value ({"ActionId":…,"Value":…}). */
const RESULT_OVERHEAD_BYTES = 32;

/** How a proxy's object path is made (see fake-request.ts). */
type PathSpec =
  | { kind: "global" }
  | { kind: "property"; parent: Pathed; name: string }
  | { kind: "method"; parent: Pathed; name: string; args?: unknown[] }
  | { kind: "indexer"; parent: Pathed; args: unknown[] }
  /** An item of a loaded collection: made while the response is read, no request of its own. */
  | { kind: "item"; parent: Pathed; args: unknown[] };

interface Pathed {
  readonly context: FakeRequestContext;
  readonly _path: ObjectPath;
}

function makePath(context: FakeRequestContext, spec: PathSpec): ObjectPath {
  const r = context.request;
  switch (spec.kind) {
    case "global":
      return r.create(PATH_TYPE.global, "", null);
    case "property":
      return r.create(PATH_TYPE.property, spec.name, spec.parent._path);
    case "method":
      return r.create(PATH_TYPE.method, spec.name, spec.parent._path, spec.args ?? []);
    case "indexer":
      return r.create(PATH_TYPE.indexer, "", spec.parent._path, spec.args);
    case "item":
      return r.create(PATH_TYPE.indexer, "", spec.parent._path, spec.args, true);
  }
}

/** A proxy as a method argument (its object path id goes in the request). */
function ref(o: Pathed): PathRef {
  return new PathRef(o._path);
}

/** Base of every proxy: loaded properties, null-object state. */
export abstract class FakeObject implements Pathed {
  protected _loaded = new Map<string, unknown>();
  private _null: boolean | undefined;
  private _nullable: boolean;
  /** @internal Its object path in the requests (fake-request.ts). */
  readonly _path: ObjectPath;

  constructor(
    readonly context: FakeRequestContext,
    nullable: boolean,
    path: PathSpec,
  ) {
    this._nullable = nullable;
    this._path = makePath(context, path);
    if (nullable) context.registerNullable(this);
  }

  /** The model object, or null for a null object; throws ItemNotFound for a missing non-nullable. */
  protected abstract resolveTarget(): unknown;
  private _resolved: { v: unknown } | undefined;

  /** @internal */
  target<T>(): T | null {
    if (!this._resolved) this._resolved = { v: this.resolveTarget() };
    return this._resolved.v as T | null;
  }

  /** @internal */
  must<T>(what: string): T {
    const t = this.target<T>();
    if (t === null) throw new FakeOfficeError("InvalidObjectPath", `fake: ${what} on a null object`);
    return t;
  }

  /** @internal */
  _resolveNull(): void {
    if (this._nullable) this._null = this.target() === null;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._null === undefined) throw notLoaded("isNullObject");
    return this._null;
  }

  /** The properties this proxy can load, and how. */
  protected abstract props(): Record<string, (t: never) => unknown>;
  /** Cells a property load costs (payload accounting). */
  protected loadCost(prop: string, target: unknown): number {
    void prop;
    void target;
    return 0;
  }

  load(arg?: unknown): this {
    const all = this.props();
    let names = propList(arg);
    if (names.length === 0) names = Object.keys(all);
    for (const n of names) {
      if (n.includes("/"))
        throw new Error(
          `fake: nested load path "${n}" is not supported on ${this.constructor.name}; load the sub-object`,
        );
      if (!(n in all)) throw new Error(`fake: ${this.constructor.name} has no property "${n}"`);
    }
    this.context.request.query(this._path, names);
    let staged: Map<string, unknown> | null = null;
    this.context.enqueue({
      kind: "read",
      run: () => {
        this._resolveNull();
        const t = this.target<never>();
        staged = new Map();
        if (t === null) {
          this.context.respond(null);
          return 0;
        }
        let cost = 0;
        for (const n of names) {
          cost += this.loadCost(n, t);
          staged.set(n, all[n](t));
        }
        this.context.respond(Object.fromEntries(staged));
        return cost;
      },
      commit: () => {
        if (staged) for (const [k, v] of staged) this._loaded.set(k, v);
      },
    });
    return this;
  }

  protected get<T>(prop: string): T {
    if (this._null === true) throw new FakeOfficeError("InvalidObjectPath", `fake: reading ${prop} of a null object`);
    if (!this._loaded.has(prop)) throw notLoaded(prop);
    return this._loaded.get(prop) as T;
  }

  /** Queue a property write (a SetProperty action). */
  protected setProperty(name: string, value: unknown, fn: () => void): void {
    this.context.request.setProperty(this._path, name, value);
    this.context.enqueue({ kind: "write", run: fn });
  }

  /** Queue a method call with no result object (a Method action). */
  protected callMethod(name: string, args: unknown[], fn: () => void): void {
    this.context.request.method(this._path, name, args);
    this.context.enqueue({ kind: "write", run: fn });
  }

  /** @internal Queue the effect of a method whose result is an object (its path is the request). */
  _effect(fn: () => void): void {
    this.context.enqueue({ kind: "write", run: fn });
  }

  /** Queue the load of a collection's items: "items/name,items/id" → the items' properties. */
  protected loadItems<T>(
    arg: unknown,
    defaults: string[],
    make: (names: string[]) => T[],
    set: (items: T[]) => void,
  ): this {
    const names = propList(arg)
      .map((n) => n.replace(/^items\//, ""))
      .filter((n) => n !== "items");
    const select = names.length ? names : defaults;
    this.context.request.query(this._path, select);
    let staged: T[] = [];
    this.context.enqueue({
      kind: "read",
      run: () => {
        staged = make(select);
        this.context.respond(staged.map((x) => (x as unknown as FakeObject).toJSON()));
      },
      commit: () => set(staged),
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

// ---------------------------------------------------------------------------------------------

export class FakeWorkbook extends FakeObject {
  private _worksheets?: FakeWorksheetCollection;
  private _settings?: FakeSettingCollection;
  private _notes?: FakeNoteCollection;
  private _application?: FakeApplication;
  constructor(context: FakeRequestContext) {
    super(context, false, { kind: "global" });
  }
  protected resolveTarget(): unknown {
    return this.context.state;
  }
  protected props() {
    return {};
  }
  // Sub-objects are made when first used, as Office.js makes them (each is an object path).
  get worksheets(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(this.context, this));
  }
  get settings(): FakeSettingCollection {
    return (this._settings ??= new FakeSettingCollection(this.context, this));
  }
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, null, this));
  }
  get application(): FakeApplication {
    return (this._application ??= new FakeApplication(this.context, this));
  }
  getActiveCell(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const st = this.context.state;
        const sel = st.selection;
        const s = sel ? st.sheet(sel.sheet) : st.active;
        const b = sel ? parseBox(sel.address)! : { top: 0, left: 0, bottom: 0, right: 0 };
        return { sheet: s, box: { top: b.top, left: b.left, bottom: b.top, right: b.left } };
      },
      false,
      { kind: "method", parent: this, name: "GetActiveCell" },
    );
  }
}

/** Excel.Application: calculate(). */
export class FakeApplication extends FakeObject {
  constructor(context: FakeRequestContext, parent: FakeWorkbook) {
    super(context, false, { kind: "property", parent, name: "Application" });
  }
  protected resolveTarget(): unknown {
    return this.context.state;
  }
  protected props() {
    return {};
  }
  /** Recalculate (ExcelApi 1.1): "Full" and "FullRebuild" recompute every formula of every sheet. */
  calculate(calculationType: string): void {
    this.callMethod("Calculate", [calculationType], () => {
      const st = this.context.state;
      st.calculations.push(calculationType);
      if (calculationType === "Full" || calculationType === "FullRebuild") for (const sh of st.sheets) st.recalc(sh);
    });
  }
}

export class FakeWorksheetCollection extends FakeObject {
  private _items: FakeWorksheet[] | undefined;
  constructor(context: FakeRequestContext, parent: FakeWorkbook) {
    super(context, false, { kind: "property", parent, name: "Worksheets" });
  }
  protected resolveTarget(): unknown {
    return this.context.state.sheets;
  }
  protected props() {
    return {};
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override load(arg?: unknown): this {
    return this.loadItems(
      arg,
      ["name", "id", "visibility", "position"],
      (names) =>
        this.context.state.sheets.map((s) => {
          const ws = new FakeWorksheet(this.context, () => s, false, { kind: "item", parent: this, args: [s.id] });
          ws._fill(names);
          return ws;
        }),
      (items) => (this._items = items),
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.active, false, {
      kind: "method",
      parent: this,
      name: "GetActiveWorksheet",
    });
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.context.state.find(key);
        if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet "${key}").`);
        return s;
      },
      false,
      { kind: "indexer", parent: this, args: [key] },
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.find(key) ?? null, true, {
      kind: "method",
      parent: this,
      name: "GetItemOrNullObject",
      args: [key],
    });
  }
  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    const st = this.context.state;
    const ws = new FakeWorksheet(
      this.context,
      () => {
        if (!created) throw new FakeOfficeError("InvalidOperation", "fake: worksheet not created yet");
        return created;
      },
      false,
      { kind: "method", parent: this, name: "Add", args: [name] },
    );
    this._effect(() => {
      const n = name ?? `Sheet${st.sheets.length + 1}`;
      if (st.find(n)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${n}" already exists.`);
      created = st.addSheet({ name: n });
    });
    return ws;
  }
  getCount(): { value: number } {
    return countResult(this, () => this.context.state.sheets.length);
  }
}

/** A ClientResult<number> of a GetCount method action. */
function countResult(owner: FakeObject, count: () => number): { value: number } {
  const out = {
    _v: undefined as number | undefined,
    get value(): number {
      if (this._v === undefined) throw notLoaded("value");
      return this._v;
    },
  };
  owner.context.request.method(owner._path, "GetCount", []);
  owner.context.enqueue({
    kind: "read",
    run: () => owner.context.respond(0),
    commit: () => (out._v = count()),
  });
  return out;
}

export class FakeWorksheet extends FakeObject {
  private _protection?: FakeWorksheetProtection;
  private _notes?: FakeNoteCollection;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => SheetModel | null,
    nullable: boolean,
    path: PathSpec,
  ) {
    super(context, nullable, path);
  }
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this));
  }
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, this, this));
  }
  protected resolveTarget(): unknown {
    return this.resolver();
  }
  protected props() {
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      visibility: (s: SheetModel) => s.visibility,
      position: (s: SheetModel) => this.context.state.sheets.indexOf(s),
    } as Record<string, (t: never) => unknown>;
  }
  /** @internal Items of a loaded collection: fill now. */
  _fill(names: string[]): void {
    const s = this.target<SheetModel>()!;
    const all = this.props() as Record<string, (t: SheetModel) => unknown>;
    for (const n of names) if (n in all) this._loaded.set(n, all[n](s));
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.setProperty("Name", v, () => {
      this.must<SheetModel>("set name").name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.setProperty("Visibility", v, () => {
      this.must<SheetModel>("set visibility").visibility = v;
    });
  }
  get position(): number {
    return this.get("position");
  }
  /** @internal */
  sheetModel(): SheetModel {
    return this.must<SheetModel>("worksheet");
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheetModel();
        if (address === undefined || address === "")
          return { sheet: s, box: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
        const b = parseBox(address);
        if (!b)
          throw new FakeOfficeError(
            "InvalidArgument",
            `The argument is invalid or missing or has an incorrect format (address "${address}").`,
          );
        return { sheet: s, box: b };
      },
      false,
      { kind: "method", parent: this, name: "GetRange", args: [address] },
    );
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        if (rowCount < 1 || colCount < 1) throw new FakeOfficeError("InvalidArgument", "fake: empty range");
        return {
          sheet: this.sheetModel(),
          box: { top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 },
        };
      },
      false,
      { kind: "method", parent: this, name: "GetRangeByIndexes", args: [row, col, rowCount, colCount] },
    );
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(
      this.context,
      () => ({ sheet: this.sheetModel(), box: { top: row, left: col, bottom: row, right: col } }),
      false,
      { kind: "method", parent: this, name: "GetCell", args: [row, col] },
    );
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheetModel();
        return { sheet: s, box: s.used(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
      },
      false,
      { kind: "method", parent: this, name: "GetUsedRange", args: [valuesOnly] },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheetModel();
        const b = s.used(!!valuesOnly);
        return b ? { sheet: s, box: b } : null;
      },
      true,
      { kind: "method", parent: this, name: "GetUsedRangeOrNullObject", args: [valuesOnly] },
    );
  }
  activate(): void {
    this.callMethod("Activate", [], () => {
      this.context.state.activeId = this.sheetModel().id;
    });
  }
  delete(): void {
    this.callMethod("Delete", [], () => {
      const st = this.context.state;
      const s = this.sheetModel();
      if (st.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "fake: cannot delete the only sheet");
      st.sheets.splice(st.sheets.indexOf(s), 1);
      if (st.activeId === s.id) st.activeId = st.sheets[0].id;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(context, false, { kind: "property", parent: ws, name: "Protection" });
  }
  protected resolveTarget(): unknown {
    return this.ws.sheetModel();
  }
  protected props() {
    return { protected: (s: SheetModel) => s.protected } as Record<string, (t: never) => unknown>;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  protect(): void {
    this.callMethod("Protect", [], () => {
      this.ws.sheetModel().protected = true;
    });
  }
  unprotect(): void {
    this.callMethod("Unprotect", [], () => {
      this.ws.sheetModel().protected = false;
    });
  }
}

interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

function matrix<T>(b: Box, fn: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: T[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

function cellCount(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

export class FakeRange extends FakeObject {
  private _format?: FakeRangeFormat;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => RangeTarget | null,
    nullable: boolean,
    path: PathSpec,
  ) {
    super(context, nullable, path);
  }
  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this));
  }
  protected resolveTarget(): unknown {
    return this.resolver();
  }
  /** @internal */
  rt(what: string): RangeTarget {
    return this.must<RangeTarget>(what);
  }
  protected props() {
    // Past 5 million cells Excel gives no cell data: null (or, with largeRangeValues "throw", a refusal).
    const cells =
      <T>(fn: (t: RangeTarget) => T) =>
      (t: RangeTarget): T | null => {
        if (cellCount(t.box) <= this.context.state.largeRangeCells) return fn(t);
        if (this.context.state.largeRangeValues === "null") return null;
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "fake: range too large to load cell data");
      };
    return {
      address: (t: RangeTarget) => `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`,
      rowIndex: (t: RangeTarget) => t.box.top,
      columnIndex: (t: RangeTarget) => t.box.left,
      rowCount: (t: RangeTarget) => t.box.bottom - t.box.top + 1,
      columnCount: (t: RangeTarget) => t.box.right - t.box.left + 1,
      values: cells((t) => matrix(t.box, (r, c) => t.sheet.cell(r, c)?.v ?? "")),
      formulas: cells((t) =>
        matrix(t.box, (r, c) => {
          const cell = t.sheet.cell(r, c);
          return cell?.f ?? cell?.v ?? "";
        }),
      ),
      numberFormat: cells((t) => matrix(t.box, (r, c) => t.sheet.cell(r, c)?.n ?? "General")),
      text: cells((t) => matrix(t.box, (r, c) => String(t.sheet.cell(r, c)?.v ?? ""))),
    } as Record<string, (t: never) => unknown>;
  }
  protected override loadCost(prop: string, t: unknown): number {
    return ["values", "formulas", "numberFormat", "text"].includes(prop) ? cellCount((t as RangeTarget).box) : 0;
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): FakeValue[][] {
    return this.get("values");
  }
  set values(v: unknown) {
    this.setCells("values", v, (cell, x) => {
      const c = coerce(x, cell.n);
      cell.v = c.v;
      if (c.f) cell.f = c.f;
      else delete cell.f;
      if (c.n) cell.n = c.n;
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown) {
    this.setCells("formulas", v, (cell, x) => {
      const c = coerce(x, cell.n);
      if (c.f) {
        cell.f = c.f;
        // Computed by the evaluator on sync; without one the old cached value stays.
      } else {
        cell.v = c.v;
        delete cell.f;
        if (c.n) cell.n = c.n;
      }
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.setCells("numberFormat", v, (cell, x) => {
      const s = x === null || x === undefined ? "" : String(x);
      if (s && s !== "General") cell.n = s;
      else delete cell.n;
    });
  }
  get text(): string[][] {
    return this.get("text");
  }

  private setCells(
    what: "values" | "formulas" | "numberFormat",
    v: unknown,
    apply: (cell: Cell, x: unknown) => void,
  ): void {
    this._loaded.delete(what);
    const name = what === "numberFormat" ? "NumberFormat" : what === "values" ? "Values" : "Formulas";
    this.setProperty(name, v, () => {
      const t = this.rt(`set ${what}`);
      this.context.state.writeCheck(t.sheet, what);
      const rows = t.box.bottom - t.box.top + 1;
      const cols = t.box.right - t.box.left + 1;
      const scalar = !Array.isArray(v);
      if (!scalar) {
        const m = v as unknown[][];
        if (m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
          );
        }
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const x = scalar ? v : (v as unknown[][])[r][c];
          apply(t.sheet.at(t.box.top + r, t.box.left + c), x);
          t.sheet.tidy(t.box.top + r, t.box.left + c);
        }
      }
      this.context.touch(t.sheet);
    });
  }

  clear(applyTo?: string): void {
    this.callMethod("Clear", [applyTo], () => {
      const t = this.rt("clear");
      this.context.state.writeCheck(t.sheet, "clear");
      for (const [k, c] of [...t.sheet.cells]) {
        const row = Math.floor(k / 16384);
        const col = k % 16384;
        if (row < t.box.top || row > t.box.bottom || col < t.box.left || col > t.box.right) continue;
        if (!applyTo || applyTo === "All" || applyTo === "Contents") {
          c.v = null;
          delete c.f;
        }
        if (!applyTo || applyTo === "All" || applyTo === "Formats") {
          delete c.n;
          delete c.fill;
        }
        t.sheet.tidy(row, col);
      }
      this.context.touch(t.sheet);
    });
  }

  select(): void {
    this.callMethod("Select", [], () => {
      const t = this.rt("select");
      const st = this.context.state;
      st.activeId = t.sheet.id;
      st.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
    });
  }

  /** @internal Items of a loaded collection: fill now. */
  _fillNow(names: string[]): void {
    const t = this.target<RangeTarget>()!;
    const all = this.props() as Record<string, (t: RangeTarget) => unknown>;
    for (const n of names) if (n in all) this._loaded.set(n, all[n](t));
  }

  /**
   * The merged areas this range touches (ExcelApi 1.13). Like Excel, it fails when they are more
   * than 512 ("if the merged areas count in this range is more than 512, then this method will
   * fail to return the result").
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.context.state.isSetSupported("ExcelApi", "1.13"))
      throw new FakeOfficeError("ApiNotFound", "fake: Range.getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.rt("getMergedAreasOrNullObject");
        const hits = t.sheet.merges.filter((m) => intersects(m, t.box));
        if (hits.length > MERGED_AREAS_LIMIT)
          throw new FakeOfficeError(
            "GeneralException",
            `fake: ${hits.length} merged areas in ${boxAddress(t.box)}, more than Excel returns (${MERGED_AREAS_LIMIT})`,
            "Range.getMergedAreasOrNullObject",
          );
        return hits.length ? { sheet: t.sheet, boxes: hits } : null;
      },
      { kind: "method", parent: this, name: "GetMergedAreasOrNullObject" },
    );
  }

  /** The used part of this range (ExcelApi 1.4), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.rt("getUsedRangeOrNullObject");
        const b = t.sheet.used(!!valuesOnly, t.box);
        return b ? { sheet: t.sheet, box: b } : null;
      },
      true,
      { kind: "method", parent: this, name: "GetUsedRangeOrNullObject", args: [valuesOnly] },
    );
  }
}

export class FakeRangeFormat extends FakeObject {
  private _fill?: FakeRangeFill;
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context, false, { kind: "property", parent: range, name: "Format" });
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, this.range, this));
  }
  protected resolveTarget(): unknown {
    return this.range.rt("format");
  }
  protected props() {
    return {};
  }
}

export class FakeRangeFill extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    parent: FakeRangeFormat,
  ) {
    super(context, false, { kind: "property", parent, name: "Fill" });
  }
  protected resolveTarget(): unknown {
    return this.range.rt("format.fill");
  }
  private uniform(t: RangeTarget): string | null | undefined {
    let first: string | null | undefined;
    let seen = false;
    for (let r = t.box.top; r <= t.box.bottom; r++) {
      for (let c = t.box.left; c <= t.box.right; c++) {
        const f = t.sheet.cell(r, c)?.fill ?? null;
        if (!seen) {
          first = f;
          seen = true;
        } else if (f !== first) return undefined;
      }
    }
    return first;
  }
  protected props() {
    return {
      // Office.js reports no fill as white and tells them apart by `pattern` (ExcelApi 1.9).
      color: (t: RangeTarget) => {
        const u = this.uniform(t);
        return u === undefined ? null : (u ?? "#FFFFFF");
      },
      pattern: (t: RangeTarget) => {
        if (!this.context.state.isSetSupported("ExcelApi", "1.9"))
          throw new FakeOfficeError("ApiNotFound", "fake: RangeFill.pattern needs ExcelApi 1.9");
        const u = this.uniform(t);
        return u === undefined ? null : u === null ? "None" : "Solid";
      },
    } as Record<string, (t: never) => unknown>;
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this._loaded.delete("color");
    this.setProperty("Color", v, () => {
      const t = this.range.rt("fill.color");
      this.context.state.writeCheck(t.sheet, "fill");
      for (let r = t.box.top; r <= t.box.bottom; r++)
        for (let c = t.box.left; c <= t.box.right; c++) t.sheet.at(r, c).fill = String(v).toUpperCase();
    });
  }
  get pattern(): string {
    return this.get("pattern");
  }
  clear(): void {
    this.callMethod("Clear", [], () => {
      const t = this.range.rt("fill.clear");
      this.context.state.writeCheck(t.sheet, "fill");
      for (let r = t.box.top; r <= t.box.bottom; r++) {
        for (let c = t.box.left; c <= t.box.right; c++) {
          const cell = t.sheet.cell(r, c);
          if (cell) {
            delete cell.fill;
            t.sheet.tidy(r, c);
          }
        }
      }
    });
  }
}

interface AreasTarget {
  sheet: SheetModel;
  boxes: Box[];
}

export class FakeRangeAreas extends FakeObject {
  private _areas?: FakeRangeCollection;
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => AreasTarget | null,
    path: PathSpec,
  ) {
    super(context, true, path);
  }
  get areas(): FakeRangeCollection {
    return (this._areas ??= new FakeRangeCollection(this.context, this));
  }
  protected resolveTarget(): unknown {
    return this.resolver();
  }
  protected props() {
    return {
      address: (t: AreasTarget) => t.boxes.map((b) => `${quoteSheet(t.sheet.name)}!${boxAddress(b)}`).join(", "),
      areaCount: (t: AreasTarget) => t.boxes.length,
    } as Record<string, (t: never) => unknown>;
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

export class FakeRangeCollection extends FakeObject {
  private _items: FakeRange[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly owner: FakeRangeAreas,
  ) {
    super(context, false, { kind: "property", parent: owner, name: "Areas" });
  }
  protected resolveTarget(): unknown {
    return this.owner.target();
  }
  protected props() {
    return {};
  }
  get items(): FakeRange[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override load(arg?: unknown): this {
    return this.loadItems(
      arg,
      ["address"],
      (names) => {
        const t = this.owner.target<AreasTarget>();
        return (t?.boxes ?? []).map((b, i) => {
          const r = new FakeRange(this.context, () => ({ sheet: t!.sheet, box: b }), false, {
            kind: "item",
            parent: this,
            args: [i],
          });
          r._fillNow(names);
          return r;
        });
      },
      (items) => (this._items = items),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

export class FakeSettingCollection extends FakeObject {
  private _items: FakeSetting[] | undefined;
  constructor(context: FakeRequestContext, parent: FakeWorkbook) {
    super(context, false, { kind: "property", parent, name: "Settings" });
  }
  protected resolveTarget(): unknown {
    return this.context.state.settings;
  }
  protected props() {
    return {};
  }
  get items(): FakeSetting[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override load(arg?: unknown): this {
    return this.loadItems(
      arg,
      ["key", "value"],
      (names) =>
        [...this.context.state.settings.keys()].map((k) => {
          const s = new FakeSetting(this.context, k, false, { kind: "item", parent: this, args: [k] });
          s._fill(names);
          return s;
        }),
      (items) => (this._items = items),
    );
  }
  add(key: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value ?? null);
    const setting = new FakeSetting(this.context, key, false, {
      kind: "method",
      parent: this,
      name: "Add",
      args: [key, value],
    });
    setting._effect(() => {
      this.context.state.settings.set(key, json);
    });
    return setting;
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, false, { kind: "indexer", parent: this, args: [key] });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true, {
      kind: "method",
      parent: this,
      name: "GetItemOrNullObject",
      args: [key],
    });
  }
}

export class FakeSetting extends FakeObject {
  constructor(
    context: FakeRequestContext,
    readonly _key: string,
    private readonly nullable: boolean,
    path: PathSpec,
  ) {
    super(context, nullable, path);
  }
  protected resolveTarget(): unknown {
    if (this.context.state.settings.has(this._key)) return this._key;
    if (this.nullable) return null;
    throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (setting "${this._key}").`);
  }
  protected props() {
    return {
      key: (k: string) => k,
      value: (k: string) => JSON.parse(this.context.state.settings.get(k)!),
    } as Record<string, (t: never) => unknown>;
  }
  /** @internal */
  _fill(names: string[]): void {
    const all = this.props() as Record<string, (k: string) => unknown>;
    for (const n of names) if (n in all) this._loaded.set(n, all[n](this._key));
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    const json = JSON.stringify(v ?? null);
    this.setProperty("Value", v, () => {
      const st = this.context.state;
      if (!st.settings.has(this._key)) throw new FakeOfficeError("ItemNotFound", `fake: no setting ${this._key}`);
      st.settings.set(this._key, json);
    });
  }
  delete(): void {
    this.callMethod("Delete", [], () => {
      const st = this.context.state;
      if (!st.settings.has(this._key))
        throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (setting "${this._key}").`);
      st.settings.delete(this._key);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18)

interface NoteTarget {
  sheet: SheetModel;
  key: number;
}

export class FakeNoteCollection extends FakeObject {
  private _items: FakeNote[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet | null,
    parent: FakeWorksheet | FakeWorkbook,
  ) {
    super(context, false, { kind: "property", parent, name: "Notes" });
  }
  protected resolveTarget(): unknown {
    return this.ws ? this.ws.sheetModel() : this.context.state;
  }
  protected props() {
    return {};
  }
  private requireApi(): void {
    if (!this.context.state.isSetSupported("ExcelApi", "1.18"))
      throw new FakeOfficeError("ApiNotFound", "fake: notes need ExcelApi 1.18");
  }
  /** Address (with an optional sheet for workbook.notes) → target. */
  private locate(address: string | FakeRange): NoteTarget {
    if (typeof address !== "string") {
      const t = address.rt("note location");
      if (t.box.top !== t.box.bottom || t.box.left !== t.box.right)
        throw new FakeOfficeError("InvalidCellAddress", "fake: a note goes on one cell");
      return { sheet: t.sheet, key: KEY(t.box.top, t.box.left) };
    }
    const b = parseBox(address);
    if (!b || b.top !== b.bottom || b.left !== b.right)
      throw new FakeOfficeError("InvalidCellAddress", `fake: "${address}" is not one cell`);
    let sheet: SheetModel;
    if (this.ws) sheet = this.ws.sheetModel();
    else {
      const bang = address.lastIndexOf("!");
      if (bang < 0)
        throw new FakeOfficeError("InvalidCellAddress", `fake: workbook.notes needs "Sheet!A1", got "${address}"`);
      const name = address
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      const s = this.context.state.find(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", `fake: no sheet ${name}`);
      sheet = s;
    }
    return { sheet, key: KEY(b.top, b.left) };
  }
  get items(): FakeNote[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override load(arg?: unknown): this {
    return this.loadItems(
      arg,
      ["content"],
      (names) => {
        this.requireApi();
        const sheets = this.ws ? [this.ws.sheetModel()] : this.context.state.sheets;
        return sheets.flatMap((s) =>
          [...s.notes.keys()]
            .sort((a, b) => a - b)
            .map((key, i) => {
              const n = new FakeNote(this.context, () => ({ sheet: s, key }), false, {
                kind: "item",
                parent: this,
                args: [i],
              });
              n._fill(names);
              return n;
            }),
        );
      },
      (items) => (this._items = items),
    );
  }
  add(cellAddress: string | FakeRange, content: unknown): FakeNote {
    let where: NoteTarget | null = null;
    const note = new FakeNote(this.context, () => where, false, {
      kind: "method",
      parent: this,
      name: "Add",
      args: [typeof cellAddress === "string" ? cellAddress : ref(cellAddress), content],
    });
    note._effect(() => {
      this.requireApi();
      where = this.locate(cellAddress);
      this.context.state.writeCheck(where.sheet, "note");
      if (where.sheet.notes.has(where.key))
        throw new FakeOfficeError("InvalidArgument", "fake: the cell already has a note");
      where.sheet.notes.set(where.key, String(content ?? ""));
    });
    return note;
  }
  getItem(key: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        this.requireApi();
        const t = this.locate(key);
        if (!t.sheet.notes.has(t.key))
          throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (note at ${key}).`);
        return t;
      },
      false,
      { kind: "indexer", parent: this, args: [key] },
    );
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        this.requireApi();
        const t = this.locate(key);
        return t.sheet.notes.has(t.key) ? t : null;
      },
      true,
      { kind: "method", parent: this, name: "GetItemOrNullObject", args: [key] },
    );
  }
  getCount(): { value: number } {
    return countResult(this, () => {
      const sheets = this.ws ? [this.ws.sheetModel()] : this.context.state.sheets;
      return sheets.reduce((n, s) => n + s.notes.size, 0);
    });
  }
}

export class FakeNote extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => NoteTarget | null,
    nullable: boolean,
    path: PathSpec,
  ) {
    super(context, nullable, path);
  }
  protected resolveTarget(): unknown {
    return this.resolver();
  }
  protected props() {
    return {
      content: (t: NoteTarget) => t.sheet.notes.get(t.key) ?? "",
      authorName: () => "Fake",
    } as Record<string, (t: never) => unknown>;
  }
  /** @internal */
  _fill(names: string[]): void {
    const t = this.target<NoteTarget>()!;
    const all = this.props() as Record<string, (t: NoteTarget) => unknown>;
    for (const n of names) if (n in all) this._loaded.set(n, all[n](t));
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this._loaded.delete("content");
    this.setProperty("Content", v, () => {
      const t = this.must<NoteTarget>("set content");
      this.context.state.writeCheck(t.sheet, "note");
      if (!t.sheet.notes.has(t.key)) throw new FakeOfficeError("ItemNotFound", "fake: the note is gone");
      t.sheet.notes.set(t.key, String(v));
    });
  }
  delete(): void {
    this.callMethod("Delete", [], () => {
      const t = this.must<NoteTarget>("delete");
      this.context.state.writeCheck(t.sheet, "note");
      if (!t.sheet.notes.has(t.key)) throw new FakeOfficeError("ItemNotFound", "fake: the note is gone");
      t.sheet.notes.delete(t.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.must<NoteTarget>("getLocation");
        const row = Math.floor(t.key / 16384);
        const col = t.key % 16384;
        return { sheet: t.sheet, box: { top: row, left: col, bottom: row, right: col } };
      },
      false,
      { kind: "method", parent: this, name: "GetLocation" },
    );
  }
}

// ---------------------------------------------------------------------------------------------

export interface FakeExcel {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: unknown, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  /** Non-standard: the state behind this fake. */
  readonly __fake: FakeState;
}

export interface FakeOffice {
  context: {
    displayLanguage: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
  actions: {
    associate(name: string, fn: (...args: unknown[]) => unknown): void;
    handlers: Map<string, (...args: unknown[]) => unknown>;
  };
  onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

export interface FakeExcelHandle {
  /** Inject as window.Excel (or pass to createOfficePort({ excel })). */
  Excel: FakeExcel;
  /** Inject as window.Office: requirement sets, showAsTaskpane, actions.associate. */
  Office: FakeOffice;
  state: FakeState;
  syncCount(): number;
  resetSyncCount(): void;
}

export function createFakeExcel(workbook: FakeWorkbookInit, options: FakeOptions = {}): FakeExcelHandle {
  const state = new FakeState(workbook, options);
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (context: FakeRequestContext) => Promise<T>;
    const ctx = new FakeRequestContext(state);
    const result = await batch(ctx);
    // Like Excel.run: what is still queued is sent when the batch function returns.
    if (ctx.pending) await ctx.sync();
    return result;
  }
  const Excel = { run, __fake: state } as FakeExcel;
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const info = { host: "Excel", platform: "PC" };
  const Office: FakeOffice = {
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: (name: string, version = "1.1") => state.isSetSupported(name, version) },
    },
    addin: {
      showAsTaskpane: async () => {
        state.taskpaneShown++;
      },
      hide: async () => undefined,
    },
    actions: {
      associate: (name, fn) => {
        handlers.set(name, fn);
      },
      handlers,
    },
    onReady: async (cb) => {
      cb?.(info);
      return info;
    },
  };
  return {
    Excel,
    Office,
    state,
    syncCount: () => state.syncs,
    resetSyncCount: () => {
      state.syncs = 0;
      state.syncLog = [];
    },
  };
}
