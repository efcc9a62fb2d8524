/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/test-for-null-using-isNullObject --
   Loads are queued here and read by closures the caller invokes after its one context.sync() (that is what
   keeps the number of syncs fixed); the rules cannot follow a read into a closure or through `s.ctx.sync()`.
   The fake Excel in test/fakes enforces load-before-read at run time instead (PropertyNotLoaded). */
/**
 * WorkbookPort over Office.js (Excel.run). The only module the task pane and the ribbon
 * commands reach Excel through.
 *
 * Batching: every call queues its reads in one batch and its writes in one batch, so the
 * number of context.sync() calls does not depend on the rows or forms of the sheet:
 *
 *   analyzeActiveSheet  1 sync   (used range + merged areas + settings + protection)
 *   previewWrites       1 sync
 *   applyWrites         2 syncs  (target cells' state, then snapshot + writes)
 *   validateActiveSheet 3 syncs  (sheet, flagged cells' fill and note, then snapshot + flags)
 *   clearFlags, revert  3 syncs
 *
 * Only a sheet too large for one request is read in bands, and a change of more than
 * `maxCellsPerSync` cells is written in several syncs.
 *
 * Safety: protection is checked before anything is written; the first state of every cell
 * touched is saved (workbook.settings, see store.ts) in the same batch, before the changes;
 * a batch that fails part-way is undone from the states read just before it; a cancel
 * (AbortSignal) is honoured up to the write batch, which is then not sent.
 */
import { setDefaultPolicy } from "../engine/perf";
import { buildPlan, flagsFor } from "../engine/plan";
import { getPolicy, national, PolicyError } from "../engine/policy";
import type { Policy } from "../engine/types";
import type { Lang } from "../i18n/strings";
import { t } from "../i18n/strings";
import { analyzeGrid, headerTexts } from "../layout/analyze";
import { parseAddress, type Grid } from "../layout/grid";
import { MappingError, parseMappingDoc, toMappingDoc, type MappingForm, type SheetMapping } from "../layout/mapping";
import {
  ALL_ASPECTS,
  queueReadStates,
  queueTransition,
  sameFill,
  sameValue,
  normFormula,
  textHash,
  type Aspect,
  type Caps,
  type CellState,
} from "./cell-state";
import { isPayloadError, portError, PortError, toPortError, xt, type ExcelStringKey } from "./messages";
import type { FormulaStyle, RunOptions, SheetAnalysis, WorkbookPort, WritePreview } from "./port";
import { gridFromBands, queueGridRead, queueGridShape, readBands } from "./read-grid";
import {
  emptyRecord,
  queueLoadStore,
  queueStoreWrites,
  restoreDiff,
  storeDiff,
  type SheetRecord,
  type Store,
} from "./store";

/** Fill colours of a flag by severity. */
export const FLAG_FILL = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;
/** Between a note that was there before and the findings we append to it. */
export const NOTE_SEPARATOR = "\n\n";

/** Excel.run, or a fake with the same contract. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficePortOptions {
  /** Default: the global `Excel` (read at each call, so it may be injected later). */
  excel?: ExcelHost;
  /** Default: Office.context.requirements.isSetSupported (everything supported when Office is absent). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Cell changes per write sync (default 20000): larger changes take more syncs. */
  maxCellsPerSync?: number;
  /** Cells per read sync when a sheet is too large for one request (default 50000). */
  maxReadCellsPerSync?: number;
}

interface SheetInfo {
  name: string;
  id: string;
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

function policyOf(store: Store): Policy {
  try {
    return getPolicy(store.policy);
  } catch {
    return national;
  }
}

function mappingDoc(store: Store): Map<string, SheetMapping> {
  if (store.mapping === undefined) return new Map();
  try {
    return parseMappingDoc(store.mapping);
  } catch (e) {
    if (e instanceof MappingError) throw new PortError("MAPPING", { zh: e.zh, en: e.en }, { cause: e });
    throw e;
  }
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function normalizeNote(s: string): string {
  return s.replace(/\r\n?/g, "\n").trim();
}

function noteHash(s: string): string {
  return textHash(normalizeNote(s));
}

class Session {
  /** The sheet being worked on, for messages. */
  label = "";
  constructor(
    readonly ctx: Excel.RequestContext,
    readonly caps: Caps,
    readonly run: RunOptions,
    readonly limits: { write: number; read: number },
  ) {}

  get lang(): Lang {
    return this.run.lang;
  }

  abortCheck(): void {
    if (this.run.signal?.aborted) throw portError("CANCELLED", "ERR_CANCELLED");
  }

  progress(done: number, total: number, key: ExcelStringKey): void {
    try {
      this.run.progress?.(done, total, xt(this.lang, key));
    } catch {
      // A failing progress sink must not break the operation.
    }
  }

  /** Read a sheet (the active one unless named): name, id, protection, the sheet list, the settings, optionally the grid and cell states. */
  async read(opts: { sheet?: string; grid?: boolean; cells?: string[] }): Promise<ReadResult> {
    const { ctx, caps } = this;
    const wb = ctx.workbook;
    const queueBase = () => {
      const ws = opts.sheet ? wb.worksheets.getItem(opts.sheet) : wb.worksheets.getActiveWorksheet();
      ws.load(["name", "id"]);
      ws.protection.load("protected");
      const list = wb.worksheets;
      list.load("items/name,items/id");
      const store = queueLoadStore(wb);
      const states = opts.cells ? queueReadStates(ws, opts.cells, caps) : undefined;
      return { ws, list, store, states };
    };
    const finish = (b: ReturnType<typeof queueBase>, grid?: Grid): ReadResult => {
      this.label = b.ws.name;
      return {
        ws: b.ws,
        name: b.ws.name,
        id: b.ws.id,
        protected: b.ws.protection.protected,
        sheets: b.list.items.map((s) => ({ name: s.name, id: s.id })),
        store: b.store(),
        grid,
        states: b.states?.(),
      };
    };
    const base = queueBase();
    if (!opts.grid) {
      await ctx.sync();
      return finish(base);
    }
    const read = queueGridRead(base.ws, () => base.ws.name, caps);
    try {
      await ctx.sync();
      return finish(base, read.grid());
    } catch (e) {
      if (!isPayloadError(e)) throw e;
    }
    // Too large for one request: the shape first, then the cells in bands.
    const again = queueBase();
    const shape = queueGridShape(again.ws, caps);
    await ctx.sync();
    this.label = again.ws.name;
    const { box, merges } = shape();
    const block = box
      ? await readBands(ctx, again.ws, box, this.limits.read, isPayloadError, () => this.abortCheck())
      : null;
    return finish(again, gridFromBands(again.ws.name, box, block, merges));
  }

  /** Queue the states of cells spread over sheets (by worksheet proxy); call the result after the sync. */
  queueStates(groups: { ws: Excel.Worksheet; cells: string[] }[]): () => Map<Excel.Worksheet, Map<string, CellState>> {
    const pending = groups.map((g) => ({ ws: g.ws, read: queueReadStates(g.ws, g.cells, this.caps) }));
    return () => new Map(pending.map((p) => [p.ws, p.read()]));
  }

  /**
   * Read the current states of recorded cells on several sheets in one sync, refusing (before
   * anything is written) when one of those sheets is protected. Each group's `ws.protection`
   * must have been loaded. `names` maps sheet ids to names for the message.
   */
  async lockedStates(
    groups: { id: string; ws: Excel.Worksheet; cells: string[] }[],
    names: Map<string, string>,
  ): Promise<Map<Excel.Worksheet, Map<string, CellState>>> {
    this.progress(1, 3, "STEP_READ_CELLS");
    const states = this.queueStates(groups);
    if (groups.length) await this.ctx.sync();
    const cur = states();
    for (const g of groups)
      if (g.ws.protection.protected) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: names.get(g.id) ?? g.id });
    this.abortCheck();
    return cur;
  }

  private queueFindings(fw: FindingsWrite, rows: string[][] | null, existsNow: boolean, oldRowsNow: number): void {
    const wb = this.ctx.workbook;
    if (rows === null) {
      if (existsNow) wb.worksheets.getItem(fw.name).delete();
      return;
    }
    const ws = existsNow ? wb.worksheets.getItem(fw.name) : wb.worksheets.add(fw.name);
    if (existsNow && oldRowsNow > 0) ws.getRangeByIndexes(0, 0, oldRowsNow, 4).clear("Contents");
    if (rows.length) ws.getRangeByIndexes(0, 0, rows.length, 4).values = rows;
  }

  /**
   * Apply a change set: settings (snapshot) first, then the cells, in as few syncs as the size
   * allows; undone from `change.from` if any batch fails.
   */
  async commit(plan: CommitPlan): Promise<void> {
    const live = plan.changes.filter((c) => c.aspects.length > 0);
    if (live.length === 0 && plan.diff.size === 0 && !plan.findings) return;
    this.abortCheck();
    this.progress(2, 3, "STEP_WRITE");
    const wb = this.ctx.workbook;
    try {
      queueStoreWrites(wb, plan.diff, plan.store.raw);
      if (plan.findings)
        this.queueFindings(plan.findings, plan.findings.rows, plan.findings.existed, plan.findings.oldRows.length);
      let ops = 0;
      for (const c of live) {
        ops += queueTransition(c.ws, c.cell, c.from, c.to, c.aspects, this.caps);
        if (ops >= this.limits.write) {
          await this.ctx.sync();
          ops = 0;
        }
      }
      await this.ctx.sync();
    } catch (e) {
      const cause = toPortError(e, plan.label);
      this.progress(2, 3, "STEP_ROLLBACK");
      try {
        await this.rollback(plan);
      } catch (e2) {
        const second = toPortError(e2, plan.label);
        if (cause.code === "EDIT_MODE" && second.code === "EDIT_MODE") throw cause;
        throw new PortError(
          "ROLLBACK_FAILED",
          {
            zh: xt("zh", "ERR_ROLLBACK_FAILED", { detail: cause.zh }),
            en: xt("en", "ERR_ROLLBACK_FAILED", { detail: cause.en }),
          },
          { cause: e, excelCode: cause.excelCode },
        );
      }
      if (cause.code === "EDIT_MODE" || cause.code === "ACCESS_DENIED" || cause.code === "TOO_LARGE") throw cause;
      throw new PortError(
        "ROLLED_BACK",
        {
          zh: xt("zh", "ERR_ROLLED_BACK", { detail: cause.zh }),
          en: xt("en", "ERR_ROLLED_BACK", { detail: cause.en }),
        },
        { cause: e, excelCode: cause.excelCode },
      );
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
    const states = this.queueStates([...byWs].map(([ws, cells]) => ({ ws, cells })));
    const store = queueLoadStore(wb);
    let fws: Excel.Worksheet | undefined;
    let fused: Excel.Range | undefined;
    if (plan.findings) {
      fws = wb.worksheets.getItemOrNullObject(plan.findings.name);
      fws.load("name");
    }
    await this.ctx.sync();
    if (fws && !fws.isNullObject) {
      fused = fws.getUsedRangeOrNullObject(true);
      fused.load("rowCount");
      await this.ctx.sync();
    }
    const now = states();
    for (const c of plan.changes) {
      const cur = now.get(c.ws)?.get(c.cell);
      if (cur) queueTransition(c.ws, c.cell, cur, c.from, ALL_ASPECTS, this.caps);
    }
    const current = store();
    queueStoreWrites(wb, restoreDiff(plan.store.raw, current.raw), current.raw);
    if (plan.findings) {
      const existsNow = !!fws && !fws.isNullObject;
      const rowsNow = fused && !fused.isNullObject ? fused.rowCount : 0;
      const fw = plan.findings;
      if (fw.existed) this.queueFindings(fw, fw.oldRows, existsNow, rowsNow);
      else if (existsNow) wb.worksheets.getItem(fw.name).delete();
    }
    await this.ctx.sync();
  }
}

export function createOfficePort(options: OfficePortOptions = {}): WorkbookPort {
  const limits = { write: options.maxCellsPerSync ?? 20000, read: options.maxReadCellsPerSync ?? 50000 };

  function host(): ExcelHost {
    const e = options.excel ?? (globalOf("Excel") as ExcelHost | undefined);
    if (!e || typeof e.run !== "function") {
      throw portError("EXCEL", "ERR_EXCEL", { code: "NoExcel", detail: "Excel JavaScript API is not available" });
    }
    return e;
  }

  function caps(): Caps {
    const check = options.isSetSupported ?? defaultIsSetSupported;
    return {
      notes: check("ExcelApi", "1.18"),
      fillPattern: check("ExcelApi", "1.15"),
      merges: check("ExcelApi", "1.13"),
    };
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

  function analysisOf(r: ReadResult): SheetAnalysis {
    const policy = policyOf(r.store);
    const mapping = mappingDoc(r.store).get(r.name);
    const res = analyzeGrid(r.grid!, policy, mapping);
    return {
      sheet: res.sheet,
      results: res.results,
      findings: res.findings,
      counts: res.counts,
      headerTexts: headerTexts(r.grid!, res.results),
    };
  }

  async function analyzeIn(s: Session): Promise<{ r: ReadResult; analysis: SheetAnalysis }> {
    s.progress(0, 3, "STEP_READ");
    const r = await s.read({ grid: true });
    s.abortCheck();
    s.progress(1, 3, "STEP_ANALYZE");
    return { r, analysis: analysisOf(r) };
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
        const rec: SheetRecord = r.store.records.has(r.id)
          ? clone(r.store.records.get(r.id)!)
          : emptyRecord(r.id, r.name);
        rec.name = r.name;
        const newFlags = new Map(flagsFor(analysis.findings, lang).map((f) => [f.cell, f]));
        const cells = [...new Set([...Object.keys(rec.flags), ...newFlags.keys()])];

        // Notes fallback: the findings sheet, rows of the other sheets kept.
        let findings: FindingsWrite | undefined;
        let oldFindings: (() => string[][]) | undefined;
        const fname = findingsName(r.store, r.sheets, lang);
        if (!s.caps.notes && (newFlags.size > 0 || fname.existed)) {
          if (fname.existed) {
            const used = s.ctx.workbook.worksheets.getItem(fname.name).getUsedRangeOrNullObject(true);
            used.load("values");
            oldFindings = () =>
              used.isNullObject ? [] : used.values.map((row) => row.slice(0, 4).map((v) => String(v ?? "")));
          }
        }
        if (cells.length === 0 && !oldFindings && newFlags.size === 0) {
          s.progress(3, 3, "STEP_DONE");
          return analysis;
        }
        // Something to mark: a protected sheet is reported (with the findings), not half-flagged.
        if (r.protected) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: r.name }, { data: analysis });
        s.progress(1, 3, "STEP_READ_CELLS");
        const states = queueReadStates(r.ws, cells, s.caps);
        await s.ctx.sync();
        const cur = states();
        s.abortCheck();

        const changes: Change[] = [];
        for (const cell of cells) {
          const from = cur.get(cell)!;
          const base: CellState = { ...from };
          const old = rec.flags[cell];
          if (old) {
            if (sameFill(from.fill, old.fill)) base.fill = old.prevFill;
            if (old.noteHash !== undefined && from.note !== null && noteHash(from.note) === old.noteHash)
              base.note = old.prevNote;
            delete rec.flags[cell];
          }
          const to: CellState = { ...base };
          const nf = newFlags.get(cell);
          if (nf) {
            to.fill = FLAG_FILL[nf.severity];
            if (s.caps.notes) to.note = base.note ? `${base.note}${NOTE_SEPARATOR}${nf.note}` : nf.note;
            rec.flags[cell] = {
              fill: to.fill,
              ...(s.caps.notes ? { noteHash: noteHash(to.note!) } : {}),
              prevFill: base.fill,
              prevNote: base.note,
            };
            if (!(cell in rec.snap)) rec.snap[cell] = from;
          } else if (!rec.wrote.includes(cell)) {
            delete rec.snap[cell];
          }
          changes.push({ ws: r.ws, sheet: r.name, cell, from, to, aspects: ["fill", "note"] });
        }
        let findingsDiff: { name: string } | null | undefined;
        if (!s.caps.notes && (newFlags.size > 0 || fname.existed)) {
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
        const diff = storeDiff(r.store.raw, { records: new Map([[r.id, rec]]), findings: findingsDiff });
        await s.commit({ changes, store: r.store, diff, findings, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return analysis;
      });
    },

    previewWrites(style: FormulaStyle, opts) {
      return run(opts, "", async (s) => {
        const { r, analysis } = await analyzeIn(s);
        const plan = buildPlan(r.name, r.grid!, analysis.results, {
          target: "in-place",
          formulas: style,
          lang: s.lang,
          policy: policyOf(r.store),
        });
        s.progress(3, 3, "STEP_DONE");
        const preview: WritePreview = {
          sheet: r.name,
          plan,
          needsConfirm: plan.writes.filter((w) => w.confirm),
          skipped: plan.skipped,
        };
        return preview;
      });
    },

    applyWrites(preview, confirmed, opts) {
      return run(opts, preview.sheet, async (s) => {
        const writes = preview.plan.writes.filter((w) => confirmed || !w.confirm);
        if (writes.length === 0) return { written: 0 };
        s.progress(0, 3, "STEP_READ_CELLS");
        const r = await s.read({ sheet: preview.sheet, cells: writes.map((w) => w.cell) });
        if (r.protected) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: r.name });
        const rec: SheetRecord = r.store.records.has(r.id)
          ? clone(r.store.records.get(r.id)!)
          : emptyRecord(r.id, r.name);
        rec.name = r.name;
        const changes: Change[] = [];
        for (const w of writes) {
          const from = r.states!.get(w.cell)!;
          const prevF = w.previous.formula ?? null;
          const changed =
            prevF !== null ? normFormula(from.f) !== prevF : from.f !== null || !sameValue(from.v, w.previous.value);
          if (changed) throw portError("STALE_PREVIEW", "ERR_STALE_PREVIEW", { cell: w.cell });
          const to: CellState = {
            ...from,
            f: w.formula ?? null,
            v: w.formula ? from.v : (w.text ?? null),
            n: w.numFmt ?? from.n,
          };
          if (!(w.cell in rec.snap)) rec.snap[w.cell] = from;
          if (!rec.wrote.includes(w.cell)) rec.wrote.push(w.cell);
          changes.push({ ws: r.ws, sheet: r.name, cell: w.cell, from, to, aspects: ["content", "format"] });
        }
        s.progress(1, 3, "STEP_READ_CELLS");
        const diff = storeDiff(r.store.raw, { records: new Map([[r.id, rec]]) });
        await s.commit({ changes, store: r.store, diff, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return { written: writes.length };
      });
    },

    clearFlags(opts) {
      return run(opts, "", async (s) => {
        s.progress(0, 3, "STEP_READ");
        const r = await s.read({});
        const ids = new Map(r.sheets.map((x) => [x.id, x.name]));
        const recs = new Map<string, SheetRecord | null>();
        const groups: { id: string; ws: Excel.Worksheet; rec: SheetRecord; cells: string[] }[] = [];
        for (const [id, rec0] of r.store.records) {
          if (!ids.has(id)) {
            recs.set(id, null);
            continue;
          }
          const cells = Object.keys(rec0.flags);
          if (!cells.length) continue;
          const ws = s.ctx.workbook.worksheets.getItem(id);
          ws.protection.load("protected");
          groups.push({ id, ws, rec: clone(rec0), cells });
        }
        const findingsExists = !!r.store.findings && r.sheets.some((x) => x.name === r.store.findings!.name);
        if (!groups.length && !recs.size && !findingsExists && !r.store.findings) return { cleared: 0 };
        const cur = await s.lockedStates(groups, ids);
        const changes: Change[] = [];
        let cleared = 0;
        for (const g of groups) {
          const st = cur.get(g.ws)!;
          const sheet = ids.get(g.id)!;
          for (const cell of g.cells) {
            const from = st.get(cell)!;
            const flag = g.rec.flags[cell];
            const to: CellState = { ...from };
            if (sameFill(from.fill, flag.fill)) to.fill = flag.prevFill;
            if (flag.noteHash !== undefined && from.note !== null && noteHash(from.note) === flag.noteHash)
              to.note = flag.prevNote;
            changes.push({ ws: g.ws, sheet, cell, from, to, aspects: ["fill", "note"] });
            if (!g.rec.wrote.includes(cell)) delete g.rec.snap[cell];
            cleared++;
          }
          g.rec.flags = {};
          g.rec.name = sheet;
          recs.set(g.id, g.rec);
        }
        const findings: FindingsWrite | undefined = findingsExists
          ? { name: r.store.findings!.name, existed: true, oldRows: [], rows: null }
          : undefined;
        const diff = storeDiff(r.store.raw, { records: recs, findings: r.store.findings ? null : undefined });
        await s.commit({ changes, store: r.store, diff, findings, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return { cleared };
      });
    },

    revert(opts) {
      return run(opts, "", async (s) => {
        s.progress(0, 3, "STEP_READ");
        const r = await s.read({});
        const ids = new Map(r.sheets.map((x) => [x.id, x.name]));
        const recs = new Map<string, SheetRecord | null>();
        const groups: { id: string; ws: Excel.Worksheet; rec: SheetRecord; cells: string[] }[] = [];
        for (const [id, rec] of r.store.records) {
          recs.set(id, null);
          if (!ids.has(id)) continue;
          const cells = Object.keys(rec.snap);
          if (!cells.length) continue;
          const ws = s.ctx.workbook.worksheets.getItem(id);
          ws.protection.load("protected");
          groups.push({ id, ws, rec, cells });
        }
        const findingsExists = !!r.store.findings && r.sheets.some((x) => x.name === r.store.findings!.name);
        if (!recs.size && !r.store.findings) return { restored: 0 };
        const cur = await s.lockedStates(groups, ids);
        const changes: Change[] = [];
        let restored = 0;
        for (const g of groups) {
          const st = cur.get(g.ws)!;
          const sheet = ids.get(g.id)!;
          const wrote = new Set(g.rec.wrote);
          for (const cell of g.cells) {
            const from = st.get(cell)!;
            const saved = g.rec.snap[cell];
            const to: CellState = wrote.has(cell) ? { ...saved } : { ...from, fill: saved.fill, note: saved.note };
            changes.push({
              ws: g.ws,
              sheet,
              cell,
              from,
              to,
              aspects: wrote.has(cell) ? ALL_ASPECTS : ["fill", "note"],
            });
            restored++;
          }
        }
        const findings: FindingsWrite | undefined = findingsExists
          ? { name: r.store.findings!.name, existed: true, oldRows: [], rows: null }
          : undefined;
        const diff = storeDiff(r.store.raw, { records: recs, findings: r.store.findings ? null : undefined });
        await s.commit({ changes, store: r.store, diff, findings, label: r.name });
        s.progress(3, 3, "STEP_DONE");
        return { restored };
      });
    },

    canRevert() {
      return run({ lang: "zh" }, "", async (s) => {
        const store = queueLoadStore(s.ctx.workbook);
        await s.ctx.sync();
        return [...store().records.values()].some((r) => Object.keys(r.snap).length > 0);
      });
    },

    selectCell(sheet, cell) {
      return run({ lang: "zh" }, sheet, async (s) => {
        if (!parseAddress(cell)) throw portError("BAD_CELL", "ERR_BAD_CELL", { cell });
        const ws = s.ctx.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("name");
        await s.ctx.sync();
        if (ws.isNullObject) throw portError("SHEET_NOT_FOUND", "ERR_SHEET_NOT_FOUND", { sheet });
        ws.activate();
        ws.getRange(cell).select();
        await s.ctx.sync();
      });
    },

    loadMapping(sheet) {
      return run({ lang: "zh" }, sheet, async (s) => {
        const store = queueLoadStore(s.ctx.workbook);
        await s.ctx.sync();
        return mappingDoc(store()).get(sheet)?.forms;
      });
    },

    saveMapping(sheet, forms: MappingForm[]) {
      return run({ lang: "zh" }, sheet, async (s) => {
        const load = queueLoadStore(s.ctx.workbook);
        await s.ctx.sync();
        const store = load();
        let doc: Map<string, SheetMapping>;
        try {
          doc = mappingDoc(store);
        } catch {
          doc = new Map(); // a damaged document is replaced by the one being saved
        }
        if (forms.length) doc.set(sheet, { forms });
        else doc.delete(sheet);
        // Validate what is stored: it must read back.
        const json = toMappingDoc(doc);
        parseMappingDoc(clone(json));
        const diff = storeDiff(store.raw, { mapping: doc.size ? json : null });
        if (!diff.size) return;
        queueStoreWrites(s.ctx.workbook, diff, store.raw);
        await s.ctx.sync();
      });
    },

    getPolicy() {
      return run({ lang: "zh" }, "", async (s) => {
        const store = queueLoadStore(s.ctx.workbook);
        await s.ctx.sync();
        return policyOf(store()).name;
      });
    },

    setPolicy(name) {
      return run({ lang: "zh" }, "", async (s) => {
        const policy = getPolicy(name); // PolicyError for an unknown name
        const load = queueLoadStore(s.ctx.workbook);
        await s.ctx.sync();
        const store = load();
        const diff = storeDiff(store.raw, { policy: policy.name });
        if (diff.size) {
          queueStoreWrites(s.ctx.workbook, diff, store.raw);
          await s.ctx.sync();
        }
        // The PERF custom functions run in this (shared) runtime: they follow the workbook's policy.
        setDefaultPolicy(policy.name);
      });
    },
  };
  return port;
}

/** Read the stored policy and make the PERF functions use it (call once Office is ready). */
export async function syncDefaultPolicy(port: WorkbookPort): Promise<string> {
  const name = await port.getPolicy();
  setDefaultPolicy(name);
  return name;
}
