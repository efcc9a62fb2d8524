/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/test-for-null-using-isNullObject --
   Loads are queued here and read by closures the caller invokes after its one context.sync() (that is what
   keeps the number of syncs fixed); the rules cannot follow a read into a closure or through `s.sync()`.
   The fake Excel in test/fakes enforces load-before-read at run time instead (PropertyNotLoaded). */
/**
 * WorkbookPort over Office.js (Excel.run). The only module the task pane and the ribbon
 * commands reach Excel through.
 *
 * Batching: every call queues its reads in as few batches as it can and its writes likewise, so
 * the number of context.sync() calls does not depend on the rows or forms of the sheet:
 *
 *   analyzeActiveSheet  2 syncs  (settings, protection, the used range's box; then its cells and merged areas)
 *   previewWrites       2 syncs
 *   applyWrites         2 syncs  (target cells' state, then snapshot + writes)
 *   validateActiveSheet 4 syncs  (the sheet in 2, flagged cells' fill and note, then snapshot + flags)
 *   clearFlags, revert  3 syncs
 *
 * Excel's limits make more: every batch is sized by its request bytes (request-size.ts: Excel on
 * the web refuses a request over 5 MB), so a change or a read too large for one request goes out
 * in several; merged areas are read in tiles that cannot hold more than the 512 Excel returns, and
 * a sheet too large for one response is read in bands (read-grid.ts).
 *
 * Safety: protection is checked before anything is written; the first state of every cell
 * touched is saved (workbook.settings, see store.ts) in the batch before the changes, or the
 * first of their batches; a change that fails part-way is undone from the states read just before
 * it; a cancel (AbortSignal) is honoured up to the write batch, which is then not sent.
 */
import { getDefaultPolicy, setDefaultPolicy } from "../engine/perf";
import { flagsFor } from "../engine/plan";
import { getPolicy, PolicyError } from "../engine/policy";
import type { Lang } from "../i18n/strings";
import { t } from "../i18n/strings";
import { parseAddress, type Grid } from "../layout/grid";
import { MappingError, type MappingForm } from "../layout/mapping";
import {
  ALL_ASPECTS,
  queueReadStates,
  queueTransition,
  readStateBytes,
  type Aspect,
  type CellState,
} from "./cell-state";
import {
  excelErrorCode,
  isPayloadError,
  portError,
  PortError,
  reportProgress,
  toPortError,
  undoError,
  xt,
  type ExcelStringKey,
} from "./messages";
import type { ExcelHost, FormulaStyle, RunOptions, SheetAnalysis, WorkbookPort } from "./port";
import { queueUsedBox, readGrid, type GridIO } from "./read-grid";
import {
  BATCH_BASE_BYTES,
  jsonBytes,
  methodBytes,
  pathBytes,
  REQUEST_BUDGET_BYTES,
  setPropertyBytes,
} from "./request-size";
import { capsFrom, type Caps } from "./requirements";
import {
  analysisOf,
  clearTransitions,
  clone,
  flagCells,
  flagTransitions,
  keptOf,
  mappingAfterSave,
  mappingDoc,
  policyOf,
  recordFor,
  revertTransitions,
  writePreview,
  writesToApply,
  writeTransitions,
} from "./transitions";
import {
  matchRecords,
  queueLoadStore,
  restoreDiff,
  storeDiff,
  storeWrites,
  type SheetInfo,
  type SheetRecord,
  type Store,
} from "./store";

export { FLAG_FILL, NOTE_SEPARATOR } from "./transitions";

export type { ExcelHost } from "./port";

export interface OfficePortOptions {
  /** Default: the global `Excel` (read at each call, so it may be injected later). */
  excel?: ExcelHost;
  /** Default: Office.context.requirements.isSetSupported (everything supported when Office is absent). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Cell changes per write sync (default 20000): larger changes take more syncs. */
  maxCellsPerSync?: number;
  /** Cells per band when a sheet is too large for one response (default 50000). */
  maxReadCellsPerSync?: number;
  /** Request bytes a batch may reach by estimate before it is sent (default REQUEST_BUDGET_BYTES). */
  maxRequestBytes?: number;
}

interface ReadResult {
  ws: Excel.Worksheet;
  name: string;
  id: string;
  protected: boolean;
  sheets: SheetInfo[];
  store: Store;
  grid?: Grid;
  states?: Map<string, CellState>;
}

interface Change {
  ws: Excel.Worksheet;
  sheet: string;
  cell: string;
  from: CellState;
  to: CellState;
  aspects: readonly Aspect[];
}

/** The notes fallback: the findings sheet's rows after the change (null: delete the sheet). */
interface FindingsWrite {
  name: string;
  existed: boolean;
  oldRows: string[][];
  rows: string[][] | null;
}

interface CommitPlan {
  changes: Change[];
  store: Store;
  diff: Map<string, unknown | null>;
  findings?: FindingsWrite;
  label: string;
}

/** Columns of the findings sheet: sheet, cell, severity, message. */
const FINDINGS_COLS = 4;
const FINDINGS_RANGE = "A:D";
/** Request bytes of findings-sheet rows written in one operation. */
const FINDINGS_CHUNK_BYTES = 256_000;

// One operation at a time per runtime: the ribbon command and the pane share the stored state.
// On globalThis: the pane and the commands are separate webpack entries with their own copy of this module.
const QUEUE_KEY = "__perfAddinPortQueue__";
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const prev = (g[QUEUE_KEY] as Promise<unknown> | undefined) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  g[QUEUE_KEY] = next.catch(() => undefined);
  return next;
}

function globalOf(name: string): unknown {
  return (globalThis as Record<string, unknown>)[name];
}

function defaultIsSetSupported(name: string, version: string): boolean {
  const office = globalOf("Office") as
    { context?: { requirements?: { isSetSupported?: (n: string, v: string) => boolean } } } | undefined;
  try {
    const f = office?.context?.requirements?.isSetSupported;
    return typeof f === "function" ? f.call(office!.context!.requirements, name, version) : true;
  } catch {
    return true;
  }
}

/** Errors a smaller request cannot get past. */
const FATAL_CODES = new Set(["InvalidOperationInCellEditMode", "AccessDenied", "ItemNotFound"]);

class Session {
  /** The sheet being worked on, for messages. */
  label = "";
  /** Request bytes queued since the last sync (estimate, request-size.ts). */
  private queued = BATCH_BASE_BYTES;
  private cellChanges = 0;
  constructor(
    readonly ctx: Excel.RequestContext,
    readonly caps: Caps,
    readonly run: RunOptions,
    readonly limits: { write: number; read: number; bytes: number },
  ) {}

  get lang(): Lang {
    return this.run.lang;
  }

  abortCheck(): void {
    if (this.run.signal?.aborted) throw portError("CANCELLED", "ERR_CANCELLED");
  }

  progress(done: number, total: number, key: ExcelStringKey): void {
    reportProgress(this.run.progress, this.lang, done, total, key);
  }

  /** Send what is queued. */
  async sync(): Promise<void> {
    this.queued = BATCH_BASE_BYTES;
    this.cellChanges = 0;
    await this.ctx.sync();
  }

  /**
   * Count what was just queued (its estimated request bytes; a cell change or not) and send the
   * batch once it has reached the request budget or the cell-change cap.
   */
  async spent(bytes: number, cellChange = false): Promise<void> {
    this.queued += bytes;
    if (cellChange) this.cellChanges++;
    if (this.queued >= this.limits.bytes || this.cellChanges >= this.limits.write) await this.sync();
  }

  private gridIO(): GridIO {
    return {
      sync: async () => {
        this.abortCheck();
        await this.sync();
      },
      isPayload: isPayloadError,
      isFatal: (e) => e instanceof PortError || FATAL_CODES.has(excelErrorCode(e) ?? ""),
      tooLarge: (cause) => portError("TOO_LARGE", "ERR_TOO_LARGE", { sheet: this.label }, { cause }),
    };
  }

  /**
   * Read a sheet (the active one unless named): name, id, protection, the sheet list, the
   * settings; optionally its grid (one more sync at least) or the states of some of its cells
   * (in the same batch while they fit).
   */
  async read(opts: { sheet?: string; grid?: boolean; cells?: string[] }): Promise<ReadResult> {
    const wb = this.ctx.workbook;
    const ws = opts.sheet ? wb.worksheets.getItem(opts.sheet) : wb.worksheets.getActiveWorksheet();
    ws.load(opts.grid ? ["name", "id", "visibility"] : ["name", "id"]);
    ws.protection.load("protected");
    const list = wb.worksheets;
    list.load("items/name,items/id");
    const store = queueLoadStore(wb);
    const box = opts.grid ? queueUsedBox(ws) : undefined;
    const states = opts.cells ? await this.readStates([{ ws, cells: opts.cells }]) : undefined;
    if (!states) await this.sync();
    this.label = ws.name;
    let grid: Grid | undefined;
    if (box) {
      this.abortCheck();
      const sheet = { name: ws.name, hidden: ws.visibility !== "Visible" };
      grid = await readGrid(this.gridIO(), ws, sheet, box(), this.caps, this.limits.read);
    }
    return {
      ws,
      name: ws.name,
      id: ws.id,
      protected: ws.protection.protected,
      sheets: list.items.map((s) => ({ name: s.name, id: s.id })),
      store: store(),
      grid,
      states: states?.get(ws),
    };
  }

  /**
   * The current states of cells spread over sheets (by worksheet proxy), read with whatever is
   * already queued, in as many syncs as their request bytes need (the last one always made).
   */
  async readStates(
    groups: { ws: Excel.Worksheet; cells: string[] }[],
  ): Promise<Map<Excel.Worksheet, Map<string, CellState>>> {
    const reads: { ws: Excel.Worksheet; read: () => Map<string, CellState> }[] = [];
    for (const g of groups) {
      let chunk: string[] = [];
      const flush = () => {
        if (chunk.length) reads.push({ ws: g.ws, read: queueReadStates(g.ws, chunk, this.caps) });
        chunk = [];
      };
      for (const cell of g.cells) {
        chunk.push(cell);
        this.queued += readStateBytes(cell, this.caps);
        if (this.queued >= this.limits.bytes) {
          flush();
          await this.sync();
        }
      }
      flush();
    }
    await this.sync();
    const out = new Map<Excel.Worksheet, Map<string, CellState>>();
    for (const r of reads) {
      const m = out.get(r.ws) ?? new Map<string, CellState>();
      for (const [k, v] of r.read()) m.set(k, v);
      out.set(r.ws, m);
    }
    return out;
  }

  /**
   * Read the current states of recorded cells on several sheets, refusing (before anything is
   * written) when one of those sheets is protected. Each group's `ws.protection` must have been
   * loaded.
   */
  async lockedStates(
    groups: { sheet: string; ws: Excel.Worksheet; cells: string[] }[],
  ): Promise<Map<Excel.Worksheet, Map<string, CellState>>> {
    this.progress(1, 3, "STEP_READ_CELLS");
    const cur = groups.length ? await this.readStates(groups) : new Map<Excel.Worksheet, Map<string, CellState>>();
    for (const g of groups)
      if (g.ws.protection.protected) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: g.sheet });
    this.abortCheck();
    return cur;
  }

  /**
   * The steps that write the findings sheet's rows (or delete it): as text, every cell formatted
   * "@" before its value, so Excel converts nothing (no dates, percents or formulas); rows in
   * chunks of request bytes.
   */
  private findingsSteps(
    fw: FindingsWrite,
    rows: string[][] | null,
    existsNow: boolean,
    oldRowsNow: number,
  ): (() => number)[] {
    const wb = this.ctx.workbook;
    if (rows === null) {
      return existsNow
        ? [
            () => {
              wb.worksheets.getItem(fw.name).delete();
              return pathBytes("", [fw.name]) + methodBytes("Delete");
            },
          ]
        : [];
    }
    let ws: Excel.Worksheet;
    const steps: (() => number)[] = [
      () => {
        ws = existsNow ? wb.worksheets.getItem(fw.name) : wb.worksheets.add(fw.name);
        let bytes = pathBytes("Add", [fw.name]);
        if (existsNow && oldRowsNow > 0) {
          // Its columns whole, formats too: rows a failed write left formatted go as well.
          ws.getRange(FINDINGS_RANGE).clear("All");
          bytes += pathBytes("GetRange", [FINDINGS_RANGE]) + methodBytes("Clear", ["All"]);
        }
        return bytes;
      },
    ];
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let size = 0;
      while (end < rows.length && (end === start || size < FINDINGS_CHUNK_BYTES)) size += jsonBytes(rows[end++]);
      const [from, chunk] = [start, rows.slice(start, end)];
      steps.push(() => {
        const range = ws.getRangeByIndexes(from, 0, chunk.length, FINDINGS_COLS);
        const text = chunk.map((row) => row.map(() => "@"));
        range.numberFormat = text;
        range.values = chunk;
        return (
          pathBytes("GetRangeByIndexes", [from, 0, chunk.length, FINDINGS_COLS]) +
          setPropertyBytes("NumberFormat", text) +
          setPropertyBytes("Values", chunk)
        );
      });
      start = end;
    }
    return steps;
  }

  /**
   * Apply a change set: settings (snapshot) first, then the findings sheet, then the cells, in as
   * few syncs as their request bytes allow; undone from `change.from` if any batch fails.
   */
  async commit(plan: CommitPlan): Promise<void> {
    const live = plan.changes.filter((c) => c.aspects.length > 0);
    if (live.length === 0 && plan.diff.size === 0 && !plan.findings) return;
    this.abortCheck();
    this.progress(2, 3, "STEP_WRITE");
    const wb = this.ctx.workbook;
    try {
      for (const step of storeWrites(wb, plan.diff, plan.store.raw)) await this.spent(step());
      if (plan.findings) {
        const f = plan.findings;
        for (const step of this.findingsSteps(f, f.rows, f.existed, f.oldRows.length)) await this.spent(step());
      }
      for (const c of live) await this.spent(queueTransition(c.ws, c.cell, c.from, c.to, c.aspects, this.caps), true);
      await this.sync();
    } catch (e) {
      const cause = toPortError(e, plan.label);
      this.progress(2, 3, "STEP_ROLLBACK");
      try {
        await this.rollback(plan);
      } catch (e2) {
        const second = toPortError(e2, plan.label);
        if (cause.code === "EDIT_MODE" && second.code === "EDIT_MODE") throw cause;
        throw undoError("ROLLBACK_FAILED", cause, e);
      }
      if (cause.code === "EDIT_MODE" || cause.code === "ACCESS_DENIED" || cause.code === "TOO_LARGE") throw cause;
      throw undoError("ROLLED_BACK", cause, e);
    }
  }

  /** Put every changed cell, the settings and the findings sheet back as they were before `plan`. */
  private async rollback(plan: CommitPlan): Promise<void> {
    const wb = this.ctx.workbook;
    const byWs = new Map<Excel.Worksheet, string[]>();
    for (const c of plan.changes) {
      if (!byWs.has(c.ws)) byWs.set(c.ws, []);
      byWs.get(c.ws)!.push(c.cell);
    }
    const store = queueLoadStore(wb);
    let fws: Excel.Worksheet | undefined;
    let fused: Excel.Range | undefined;
    if (plan.findings) {
      fws = wb.worksheets.getItemOrNullObject(plan.findings.name);
      fws.load("name");
    }
    const now = await this.readStates([...byWs].map(([ws, cells]) => ({ ws, cells })));
    if (fws && !fws.isNullObject) {
      fused = fws.getUsedRangeOrNullObject(false);
      fused.load("rowCount");
      await this.sync();
    }
    const current = store();
    if (plan.findings) {
      const existsNow = !!fws && !fws.isNullObject;
      const rowsNow = fused && !fused.isNullObject ? fused.rowCount : 0;
      const fw = plan.findings;
      const steps = fw.existed
        ? this.findingsSteps(fw, fw.oldRows, existsNow, rowsNow)
        : this.findingsSteps(fw, null, existsNow, 0);
      for (const step of steps) await this.spent(step());
    }
    for (const c of plan.changes) {
      const cur = now.get(c.ws)?.get(c.cell);
      if (cur) await this.spent(queueTransition(c.ws, c.cell, cur, c.from, ALL_ASPECTS, this.caps), true);
    }
    // The settings last: if the cells cannot be put back, the revert record saved first stays.
    for (const step of storeWrites(wb, restoreDiff(plan.store.raw, current.raw), current.raw)) await this.spent(step());
    await this.sync();
  }
}

export function createOfficePort(options: OfficePortOptions = {}): WorkbookPort {
  const limits = {
    write: options.maxCellsPerSync ?? 20000,
    read: options.maxReadCellsPerSync ?? 50000,
    bytes: options.maxRequestBytes ?? REQUEST_BUDGET_BYTES,
  };

  function host(): ExcelHost {
    const e = options.excel ?? (globalOf("Excel") as ExcelHost | undefined);
    if (!e || typeof e.run !== "function") {
      throw portError("EXCEL", "ERR_EXCEL", { code: "NoExcel", detail: "Excel JavaScript API is not available" });
    }
    return e;
  }

  function caps(): Caps {
    return capsFrom(options.isSetSupported ?? defaultIsSetSupported);
  }

  /** Run a batch; every failure comes out as a PortError. */
  function run<T>(opts: RunOptions, label: string, fn: (s: Session) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      if (opts.signal?.aborted) throw portError("CANCELLED", "ERR_CANCELLED");
      let session: Session | undefined;
      try {
        return await host().run(async (ctx) => {
          session = new Session(ctx, caps(), opts, limits);
          session.label = label;
          return fn(session);
        });
      } catch (e) {
        if (e instanceof PortError) throw e;
        if (e instanceof PolicyError) throw new PortError("POLICY", { zh: e.zh, en: e.en }, { cause: e });
        if (e instanceof MappingError) throw new PortError("MAPPING", { zh: e.zh, en: e.en }, { cause: e });
        throw toPortError(e, session?.label || label || "?");
      }
    });
  }

  async function analyzeIn(s: Session): Promise<{ r: ReadResult; analysis: SheetAnalysis }> {
    s.progress(0, 3, "STEP_READ");
    const r = await s.read({ grid: true });
    s.abortCheck();
    s.progress(1, 3, "STEP_ANALYZE");
    return { r, analysis: analysisOf(r.grid!, r.name, r.store) };
  }

  function findingsName(store: Store, sheets: SheetInfo[], lang: Lang): { name: string; existed: boolean } {
    const names = new Set(sheets.map((x) => x.name));
    if (store.findings && names.has(store.findings.name)) return { name: store.findings.name, existed: true };
    const base = xt(lang, "FINDINGS_SHEET");
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base} (${i})`;
    return { name, existed: false };
  }

  const port: WorkbookPort = {
    capabilities() {
      return caps();
    },

    analyzeActiveSheet(opts) {
      return run(opts, "", async (s) => {
        const { analysis } = await analyzeIn(s);
        s.progress(3, 3, "STEP_DONE");
        return analysis;
      });
    },

    validateActiveSheet(opts) {
      return run(opts, "", async (s) => {
        const { r, analysis } = await analyzeIn(s);
        const lang = s.lang;
        const { rec, save } = recordFor(r);
        const newFlags = flagsFor(analysis.findings, lang).length;
        const cells = flagCells(rec, analysis.findings, lang);

        // Notes fallback: the findings sheet, rows of the other sheets kept.
        let findings: FindingsWrite | undefined;
        let oldFindings: (() => string[][]) | undefined;
        const fname = findingsName(r.store, r.sheets, lang);
        if (!s.caps.notes && (newFlags > 0 || fname.existed)) {
          if (fname.existed) {
            const used = s.ctx.workbook.worksheets.getItem(fname.name).getUsedRangeOrNullObject(true);
            used.load("values");
            oldFindings = () =>
              used.isNullObject
                ? []
                : used.values.map((row) => row.slice(0, FINDINGS_COLS).map((v) => String(v ?? "")));
          }
        }
        if (cells.length === 0 && !oldFindings && newFlags === 0) {
          s.progress(3, 3, "STEP_DONE");
          return analysis;
        }
        // Something to mark: a protected sheet is reported (with the findings), not half-flagged.
        if (r.protected) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: r.name }, { data: analysis });
        s.progress(1, 3, "STEP_READ_CELLS");
        const cur = (await s.readStates([{ ws: r.ws, cells }])).get(r.ws) ?? new Map<string, CellState>();
        s.abortCheck();

        const changes: Change[] = flagTransitions(rec, cur, analysis.findings, lang, s.caps.notes).map((c) => ({
          ...c,
          ws: r.ws,
          sheet: r.name,
        }));
        let findingsDiff: { name: string } | null | undefined;
        if (!s.caps.notes && (newFlags > 0 || fname.existed)) {
          const old = oldFindings ? oldFindings() : [];
          const head = [
            xt(lang, "FINDINGS_HEAD_SHEET"),
            xt(lang, "FINDINGS_HEAD_CELL"),
            xt(lang, "FINDINGS_HEAD_SEVERITY"),
            xt(lang, "FINDINGS_HEAD_MESSAGE"),
          ];
          const others = old.slice(1).filter((row) => row[0] !== r.name && row.some((v) => v !== ""));
          const mine = analysis.findings.map((f) => [
            f.sheet,
            f.cell,
            t(lang, `SEV_${f.severity}` as const),
            f.message[lang],
          ]);
          const body = [...others, ...mine];
          findings = {
            name: fname.name,
            existed: fname.existed,
            oldRows: old,
            rows: body.length ? [head, ...body] : null,
          };
          findingsDiff = body.length ? { name: fname.name } : null;
        }
        const diff = storeDiff(r.store.raw, { records: save(rec), findings: findingsDiff });
        await s.commit({ changes, store: r.store, diff, findings, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return findings?.rows && newFlags ? { ...analysis, findingsSheet: findings.name } : analysis;
      });
    },

    previewWrites(style: FormulaStyle, opts) {
      return run(opts, "", async (s) => {
        const { r, analysis } = await analyzeIn(s);
        const preview = writePreview(r.name, r.grid!, analysis, style, s.lang, r.store);
        s.progress(3, 3, "STEP_DONE");
        return preview;
      });
    },

    applyWrites(preview, confirmed, opts) {
      return run(opts, preview.sheet, async (s) => {
        const writes = writesToApply(preview, confirmed);
        if (writes.length === 0) return { written: 0 };
        s.progress(0, 3, "STEP_READ_CELLS");
        const r = await s.read({ sheet: preview.sheet, cells: writes.map((w) => w.cell) });
        if (r.protected) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: r.name });
        const { rec, save } = recordFor(r);
        const changes: Change[] = writeTransitions(writes, rec, r.states!).map((c) => ({
          ...c,
          ws: r.ws,
          sheet: r.name,
        }));
        s.progress(1, 3, "STEP_READ_CELLS");
        const diff = storeDiff(r.store.raw, { records: save(rec) });
        await s.commit({ changes, store: r.store, diff, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return { written: writes.length };
      });
    },

    clearFlags(opts) {
      return run(opts, "", async (s) => {
        s.progress(0, 3, "STEP_READ");
        const r = await s.read({});
        const { matched, moved, unmatched } = matchRecords(r.store, r.sheets);
        const names = new Map(r.sheets.map((x) => [x.id, x.name]));
        const recs = new Map<string, SheetRecord | null>();
        for (const [oldId, newId] of moved) {
          recs.set(oldId, null);
          recs.set(newId, matched.get(newId)!);
        }
        const groups: { id: string; sheet: string; ws: Excel.Worksheet; rec: SheetRecord; cells: string[] }[] = [];
        for (const [id, rec0] of matched) {
          const cells = Object.keys(rec0.flags);
          if (!cells.length) continue;
          const ws = s.ctx.workbook.worksheets.getItem(id);
          ws.protection.load("protected");
          groups.push({ id, sheet: names.get(id)!, ws, rec: clone(rec0), cells });
        }
        const kept = keptOf(unmatched, "flags");
        const findingsExists = !!r.store.findings && r.sheets.some((x) => x.name === r.store.findings!.name);
        if (!groups.length && !moved.size && !findingsExists && !r.store.findings) return { cleared: 0, kept };
        const cur = await s.lockedStates(groups);
        const changes: Change[] = [];
        let cleared = 0;
        for (const g of groups) {
          for (const c of clearTransitions(g.rec, cur.get(g.ws)!)) {
            changes.push({ ...c, ws: g.ws, sheet: g.sheet });
            cleared++;
          }
          g.rec.name = g.sheet;
          recs.set(g.id, g.rec);
        }
        const findings: FindingsWrite | undefined = findingsExists
          ? { name: r.store.findings!.name, existed: true, oldRows: [], rows: null }
          : undefined;
        const diff = storeDiff(r.store.raw, { records: recs, findings: r.store.findings ? null : undefined });
        await s.commit({ changes, store: r.store, diff, findings, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return { cleared, kept };
      });
    },

    revert(opts) {
      return run(opts, "", async (s) => {
        s.progress(0, 3, "STEP_READ");
        const r = await s.read({});
        const { matched, moved, unmatched } = matchRecords(r.store, r.sheets);
        const names = new Map(r.sheets.map((x) => [x.id, x.name]));
        const recs = new Map<string, SheetRecord | null>();
        for (const oldId of moved.keys()) recs.set(oldId, null);
        const groups: { id: string; sheet: string; ws: Excel.Worksheet; rec: SheetRecord; cells: string[] }[] = [];
        for (const [id, rec] of matched) {
          recs.set(id, null);
          const cells = Object.keys(rec.snap);
          if (!cells.length) continue;
          const ws = s.ctx.workbook.worksheets.getItem(id);
          ws.protection.load("protected");
          groups.push({ id, sheet: names.get(id)!, ws, rec, cells });
        }
        // Records of no sheet stay in the workbook: reported, never deleted here.
        const kept = keptOf(unmatched, "snap");
        const findingsExists = !!r.store.findings && r.sheets.some((x) => x.name === r.store.findings!.name);
        if (!recs.size && !r.store.findings) return { restored: 0, kept };
        const cur = await s.lockedStates(groups);
        const changes: Change[] = [];
        let restored = 0;
        for (const g of groups) {
          for (const c of revertTransitions(g.rec, cur.get(g.ws)!)) {
            changes.push({ ...c, ws: g.ws, sheet: g.sheet });
            restored++;
          }
        }
        const findings: FindingsWrite | undefined = findingsExists
          ? { name: r.store.findings!.name, existed: true, oldRows: [], rows: null }
          : undefined;
        const diff = storeDiff(r.store.raw, { records: recs, findings: r.store.findings ? null : undefined });
        await s.commit({ changes, store: r.store, diff, findings, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return { restored, kept };
      });
    },

    canRevert() {
      return run({ lang: "zh" }, "", async (s) => {
        const store = queueLoadStore(s.ctx.workbook);
        await s.sync();
        return [...store().records.values()].some((r) => Object.keys(r.snap).length > 0);
      });
    },

    selectCell(sheet, cell) {
      return run({ lang: "zh" }, sheet, async (s) => {
        if (!parseAddress(cell)) throw portError("BAD_CELL", "ERR_BAD_CELL", { cell });
        const ws = s.ctx.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("name");
        await s.sync();
        if (ws.isNullObject) throw portError("SHEET_NOT_FOUND", "ERR_SHEET_NOT_FOUND", { sheet });
        ws.activate();
        ws.getRange(cell).select();
        await s.sync();
      });
    },

    loadMapping(sheet) {
      return run({ lang: "zh" }, sheet, async (s) => {
        const store = queueLoadStore(s.ctx.workbook);
        await s.sync();
        return mappingDoc(store()).get(sheet)?.forms;
      });
    },

    saveMapping(sheet, forms: MappingForm[]) {
      return run({ lang: "zh" }, sheet, async (s) => {
        const load = queueLoadStore(s.ctx.workbook);
        await s.sync();
        const store = load();
        const diff = storeDiff(store.raw, { mapping: mappingAfterSave(store, sheet, forms) });
        if (!diff.size) return;
        for (const step of storeWrites(s.ctx.workbook, diff, store.raw)) await s.spent(step());
        await s.sync();
      });
    },

    getPolicy() {
      return run({ lang: "zh" }, "", async (s) => {
        const store = queueLoadStore(s.ctx.workbook);
        await s.sync();
        return policyOf(store()).name;
      });
    },

    setPolicy(name) {
      return run({ lang: "zh" }, "", async (s) => {
        const policy = getPolicy(name); // PolicyError for an unknown name
        const load = queueLoadStore(s.ctx.workbook);
        await s.sync();
        const store = load();
        const diff = storeDiff(store.raw, { policy: policy.name });
        if (diff.size) {
          for (const step of storeWrites(s.ctx.workbook, diff, store.raw)) await s.spent(step());
          await s.sync();
        }
        // The PERF custom functions run in this (shared) runtime: they follow the workbook's policy.
        const before = getDefaultPolicy().name;
        setDefaultPolicy(policy.name);
        if (before === policy.name && !diff.size) return;
        // Cells holding PERF functions keep the results of the old policy: the functions are not
        // volatile and none of their arguments changed, so an ordinary recalculation ("Recalculate")
        // skips them. Application.calculate("Full") marks every formula dirty and recalculates it
        // (ExcelApi 1.1), which reaches every PERF cell and everything that depends on one, on every
        // sheet, in either calculation mode. Re-entering the PERF formulas instead would rewrite the
        // user's cells (undo history, protected sheets) and still miss cells that depend on them
        // through other formulas. Its cost is that other open workbooks recalculate too, once, on an
        // explicit change of policy.
        s.ctx.workbook.application.calculate("Full");
        await s.sync();
      });
    },
  };
  return port;
}
