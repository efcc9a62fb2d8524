/**
 * WorkbookPort over WPS 表格's JavaScript object model (ET, see et.ts): the WPS counterpart of
 * src/excel/office-port.ts, with the same promises, taken from the same host-neutral decisions
 * (src/excel/transitions.ts) and the same stored keys (src/excel/store.ts):
 *
 * - flags are a fill and a note (an ET comment) on the finding's cell; Clear flags takes off
 *   exactly ours; Revert restores every cell the add-in wrote or flagged (value, formula, number
 *   format, fill, note) from the first state it saved, also after the workbook is saved and
 *   opened again (the records are in the workbook: workbook-store.ts);
 * - a protected sheet is refused before anything is written; typed numbers are replaced only when
 *   the preview's confirmation says so (the pane asks), text never (the plan never writes it);
 * - a change that fails part-way is undone from the states read just before it; the record saved
 *   first lets Revert finish the job if even that fails;
 * - the mapping and the policy are stored in the workbook.
 *
 * ET calls are synchronous, so an operation is one run of code: the cancel signal is honoured up
 * to the write, and progress is reported at the same steps as in Excel. Reads and writes go in
 * blocks (cells.ts).
 */
import { setDefaultPolicy, getDefaultPolicy } from "../engine/perf";
import { getPolicy, PolicyError } from "../engine/policy";
import type { Lang } from "../i18n/strings";
import { parseAddress, type Grid } from "../layout/grid";
import { MappingError } from "../layout/mapping";
import { portError, PortError, reportProgress, toPortError, undoError, type ExcelStringKey } from "../excel/messages";
import type { Caps } from "../excel/requirements";
import type { FormulaStyle, RunOptions, SheetAnalysis, WorkbookPort } from "../excel/port";
import { matchRecords, restoreDiff, storeDiff, type SheetInfo, type SheetRecord, type Store } from "../excel/store";
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
  type Transition,
} from "../excel/transitions";
import { applyMoves, readGrid, readStates } from "./cells";
import { POLICY_VERSION_KEY } from "./functions";
import { wpsApplication, type EtWorkbook, type EtWorksheet, type WpsApplication } from "./et";
import {
  CELL_CHUNK_CHARS,
  newSheetId,
  readStore,
  removeSheetId,
  setSheetId,
  sheetEntries,
  writeSettings,
  type EtSheetEntry,
} from "./workbook-store";

/** ET has comments, merged-cell reads and fill patterns: nothing of requirements.ts is missing. */
export const WPS_CAPS: Caps = { notes: true, merges: true, fillPattern: true };

export interface WpsPortOptions {
  /** Default: window.Application (or wps.EtApplication()), read at each call. */
  app?: () => WpsApplication | undefined;
}

/** A workbook as one operation sees it: its sheets with ids (new ones not yet written) and the store. */
interface Book {
  app: WpsApplication;
  wb: EtWorkbook;
  entries: (EtSheetEntry & { newId?: string })[];
  infos: SheetInfo[];
  store: Store;
}

/** The cells of one sheet to change. */
interface SheetChange {
  entry: EtSheetEntry & { newId?: string };
  moves: Transition[];
}

class Run {
  constructor(
    readonly opts: RunOptions,
    readonly book: Book,
  ) {}

  get lang(): Lang {
    return this.opts.lang;
  }

  abortCheck(): void {
    if (this.opts.signal?.aborted) throw portError("CANCELLED", "ERR_CANCELLED");
  }

  progress(done: number, total: number, key: ExcelStringKey): void {
    reportProgress(this.opts.progress, this.lang, done, total, key);
  }

  entryOf(id: string): Book["entries"][number] | undefined {
    return this.book.entries.find((e) => (e.id ?? e.newId) === id);
  }

  /**
   * Apply a change: the settings (with the records saved first), the ids of sheets that get a
   * record for the first time, then the cells; undone from the states read before it on failure.
   */
  commit(changes: SheetChange[], diff: Map<string, unknown | null>, label: string): void {
    const live = changes.filter((c) => c.moves.length > 0);
    if (!live.length && !diff.size) return;
    this.abortCheck();
    this.progress(2, 3, "STEP_WRITE");
    const { app, wb, store } = this.book;
    const named: EtWorksheet[] = [];
    const unnamed: EtSheetEntry[] = [];
    // Settings written (a revert record saved) before the cells change; settings removed (records
    // dropped by Clear flags or Revert) only after: a failure in between leaves a record to undo by.
    const sets = new Map([...diff].filter(([, v]) => v !== null));
    const drops = new Map([...diff].filter(([, v]) => v === null));
    const between = new Map(store.raw);
    for (const [k, v] of sets) between.set(k, v);
    try {
      writeSettings(app, wb, store.raw, sets);
      for (const [key, value] of diff) {
        const e = this.recordSheet(key);
        if (e?.newId && value !== null && !named.includes(e.ws)) {
          setSheetId(e.ws, e.newId);
          named.push(e.ws);
        }
      }
      for (const c of live) applyMoves(c.entry.ws, c.moves);
      writeSettings(app, wb, between, drops);
      // A sheet left with no record loses its id: a reverted workbook is as it was.
      const after = new Map(store.raw);
      for (const [k, v] of diff) v === null ? after.delete(k) : after.set(k, v);
      for (const e of this.book.entries)
        if (e.id && ![...after.keys()].some((k) => k.startsWith(`perf.rec.${e.id}.`)) && this.hadRecord(e.id)) {
          removeSheetId(e.ws);
          unnamed.push(e);
        }
    } catch (e) {
      const cause = toPortError(e, label);
      this.progress(2, 3, "STEP_ROLLBACK");
      try {
        for (const c of changes) applyMoves(c.entry.ws, backMoves(c));
        writeSettings(app, wb, readStore(wb).raw, restoreDiff(store.raw, readStore(wb).raw));
        for (const ws of named) removeSheetId(ws);
        for (const u of unnamed) setSheetId(u.ws, u.id!);
      } catch {
        throw undoError("ROLLBACK_FAILED", cause, e);
      }
      throw undoError("ROLLED_BACK", cause, e);
    }
  }

  private recordSheet(key: string): Book["entries"][number] | undefined {
    const m = /^perf\.rec\.(.+)\.\d+$/.exec(key);
    return m ? this.entryOf(m[1]) : undefined;
  }

  private hadRecord(id: string): boolean {
    return [...this.book.store.raw.keys()].some((k) => k.startsWith(`perf.rec.${id}.`));
  }
}

/** The moves that put a change's cells back: from what they are now to what they were. */
function backMoves(c: SheetChange): Transition[] {
  const now = readStates(
    c.entry.ws,
    c.moves.map((m) => m.cell),
  );
  return c.moves.map((m) => ({ cell: m.cell, from: now.get(m.cell)!, to: m.from, aspects: m.aspects }));
}

export function createWpsPort(options: WpsPortOptions = {}): WorkbookPort {
  function book(): Book {
    const app = (options.app ?? wpsApplication)();
    const wb = app?.ActiveWorkbook;
    if (!app || !wb)
      throw portError("EXCEL", "ERR_EXCEL", { code: "NoWorkbook", detail: "no workbook is open in WPS" });
    const entries: Book["entries"] = sheetEntries(wb);
    for (const e of entries) if (e.id === undefined) e.newId = newSheetId();
    return {
      app,
      wb,
      entries,
      infos: entries.map((e) => ({ name: e.name, id: (e.id ?? e.newId)! })),
      store: readStore(wb),
    };
  }

  /** Run an operation; every failure comes out as a PortError. */
  function run<T>(opts: RunOptions, label: string, fn: (r: Run) => T): Promise<T> {
    try {
      if (opts.signal?.aborted) throw portError("CANCELLED", "ERR_CANCELLED");
      return Promise.resolve(fn(new Run(opts, book())));
    } catch (e) {
      if (e instanceof PortError) return Promise.reject(e);
      if (e instanceof PolicyError)
        return Promise.reject(new PortError("POLICY", { zh: e.zh, en: e.en }, { cause: e }));
      if (e instanceof MappingError)
        return Promise.reject(new PortError("MAPPING", { zh: e.zh, en: e.en }, { cause: e }));
      return Promise.reject(toPortError(e, label || "?"));
    }
  }

  function active(r: Run): Book["entries"][number] {
    const ws = r.book.app.ActiveSheet;
    const e = ws && r.book.entries.find((x) => x.ws.Name === ws.Name);
    if (!e) throw portError("EXCEL", "ERR_EXCEL", { code: "NoSheet", detail: "no worksheet is active" });
    return e;
  }

  function analyzeIn(r: Run): { entry: Book["entries"][number]; grid: Grid; analysis: SheetAnalysis } {
    r.progress(0, 3, "STEP_READ");
    const entry = active(r);
    const grid = readGrid(entry.ws);
    r.abortCheck();
    r.progress(1, 3, "STEP_ANALYZE");
    return { entry, grid, analysis: analysisOf(grid, entry.name, r.book.store) };
  }

  function idOf(e: Book["entries"][number]): string {
    return (e.id ?? e.newId)!;
  }

  function refuseProtected(e: EtSheetEntry, data?: unknown): void {
    if (e.ws.ProtectContents) throw portError("PROTECTED", "ERR_PROTECTED", { sheet: e.name }, { data });
  }

  /** The matched records of sheets with something in `what`, their sheets checked for protection. */
  function groupsOf(r: Run, what: "flags" | "snap") {
    const { matched, moved, unmatched } = matchRecords(r.book.store, r.book.infos);
    const groups: { entry: Book["entries"][number]; rec: SheetRecord }[] = [];
    for (const [id, rec] of matched) {
      if (!Object.keys(rec[what]).length) continue;
      const entry = r.entryOf(id)!;
      groups.push({ entry, rec: clone(rec) });
    }
    for (const g of groups) refuseProtected(g.entry);
    return { matched, moved, unmatched, groups };
  }

  const port: WorkbookPort = {
    capabilities() {
      return WPS_CAPS;
    },

    analyzeActiveSheet(opts) {
      return run(opts, "", (r) => {
        const { analysis } = analyzeIn(r);
        r.progress(3, 3, "STEP_DONE");
        return analysis;
      });
    },

    validateActiveSheet(opts) {
      return run(opts, "", (r) => {
        const { entry, analysis } = analyzeIn(r);
        const { rec, save } = recordFor({
          store: r.book.store,
          sheets: r.book.infos,
          id: idOf(entry),
          name: entry.name,
        });
        const cells = flagCells(rec, analysis.findings, r.lang);
        if (cells.length === 0) {
          r.progress(3, 3, "STEP_DONE");
          return analysis;
        }
        refuseProtected(entry, analysis);
        r.progress(1, 3, "STEP_READ_CELLS");
        const cur = readStates(entry.ws, cells);
        r.abortCheck();
        const moves = flagTransitions(rec, cur, analysis.findings, r.lang, true);
        const diff = storeDiff(r.book.store.raw, { records: save(rec) }, CELL_CHUNK_CHARS);
        r.commit([{ entry, moves }], diff, entry.name);
        r.progress(3, 3, "STEP_DONE");
        return analysis;
      });
    },

    previewWrites(style: FormulaStyle, opts) {
      return run(opts, "", (r) => {
        const { entry, grid, analysis } = analyzeIn(r);
        const preview = writePreview(entry.name, grid, analysis, style, r.lang, r.book.store);
        r.progress(3, 3, "STEP_DONE");
        return preview;
      });
    },

    applyWrites(preview, confirmed, opts) {
      const writes = writesToApply(preview, confirmed);
      // Nothing to write: no call into WPS at all.
      if (writes.length === 0) return Promise.resolve({ written: 0 });
      return run(opts, preview.sheet, (r) => {
        r.progress(0, 3, "STEP_READ_CELLS");
        const entry = r.book.entries.find((e) => e.name === preview.sheet);
        if (!entry) throw portError("SHEET_NOT_FOUND", "ERR_SHEET_NOT_FOUND", { sheet: preview.sheet });
        refuseProtected(entry);
        const states = readStates(
          entry.ws,
          writes.map((w) => w.cell),
        );
        const { rec, save } = recordFor({
          store: r.book.store,
          sheets: r.book.infos,
          id: idOf(entry),
          name: entry.name,
        });
        const moves = writeTransitions(writes, rec, states);
        r.progress(1, 3, "STEP_READ_CELLS");
        r.abortCheck();
        const diff = storeDiff(r.book.store.raw, { records: save(rec) }, CELL_CHUNK_CHARS);
        r.commit([{ entry, moves }], diff, entry.name);
        r.progress(3, 3, "STEP_DONE");
        return { written: writes.length };
      });
    },

    clearFlags(opts) {
      return run(opts, "", (r) => {
        r.progress(0, 3, "STEP_READ");
        const { matched, moved, unmatched, groups } = groupsOf(r, "flags");
        const kept = keptOf(unmatched, "flags");
        const recs = new Map<string, SheetRecord | null>();
        for (const [oldId, newId] of moved) {
          recs.set(oldId, null);
          recs.set(newId, matched.get(newId)!);
        }
        if (!groups.length && !moved.size) return { cleared: 0, kept };
        r.progress(1, 3, "STEP_READ_CELLS");
        const changes: SheetChange[] = [];
        let cleared = 0;
        for (const g of groups) {
          const cur = readStates(g.entry.ws, Object.keys(g.rec.flags));
          const moves = clearTransitions(g.rec, cur);
          cleared += moves.length;
          g.rec.name = g.entry.name;
          recs.set(idOf(g.entry), g.rec);
          changes.push({ entry: g.entry, moves });
        }
        r.abortCheck();
        r.commit(changes, storeDiff(r.book.store.raw, { records: recs }, CELL_CHUNK_CHARS), "");
        r.progress(3, 3, "STEP_DONE");
        return { cleared, kept };
      });
    },

    revert(opts) {
      return run(opts, "", (r) => {
        r.progress(0, 3, "STEP_READ");
        const { matched, moved, unmatched, groups } = groupsOf(r, "snap");
        // Records of no sheet stay in the workbook: reported, never deleted here.
        const kept = keptOf(unmatched, "snap");
        const recs = new Map<string, SheetRecord | null>();
        for (const oldId of moved.keys()) recs.set(oldId, null);
        for (const id of matched.keys()) recs.set(id, null);
        if (!recs.size) return { restored: 0, kept };
        r.progress(1, 3, "STEP_READ_CELLS");
        const changes: SheetChange[] = groups.map((g) => ({
          entry: g.entry,
          moves: revertTransitions(g.rec, readStates(g.entry.ws, Object.keys(g.rec.snap))),
        }));
        r.abortCheck();
        r.commit(changes, storeDiff(r.book.store.raw, { records: recs }, CELL_CHUNK_CHARS), "");
        r.progress(3, 3, "STEP_DONE");
        return { restored: changes.reduce((n, c) => n + c.moves.length, 0), kept };
      });
    },

    canRevert() {
      return run({ lang: "zh" }, "", (r) =>
        [...r.book.store.records.values()].some((rec) => Object.keys(rec.snap).length > 0),
      );
    },

    selectCell(sheet, cell) {
      return run({ lang: "zh" }, sheet, (r) => {
        if (!parseAddress(cell)) throw portError("BAD_CELL", "ERR_BAD_CELL", { cell });
        const entry = r.book.entries.find((e) => e.name === sheet);
        if (!entry) throw portError("SHEET_NOT_FOUND", "ERR_SHEET_NOT_FOUND", { sheet });
        entry.ws.Activate();
        entry.ws.Range(cell).Select();
      });
    },

    loadMapping(sheet) {
      return run({ lang: "zh" }, sheet, (r) => mappingDoc(r.book.store).get(sheet)?.forms);
    },

    saveMapping(sheet, forms) {
      return run({ lang: "zh" }, sheet, (r) => {
        const diff = storeDiff(r.book.store.raw, { mapping: mappingAfterSave(r.book.store, sheet, forms) });
        writeSettings(r.book.app, r.book.wb, r.book.store.raw, diff);
      });
    },

    getPolicy() {
      return run({ lang: "zh" }, "", (r) => policyOf(r.book.store).name);
    },

    setPolicy(name) {
      return run({ lang: "zh" }, "", (r) => {
        const policy = getPolicy(name); // PolicyError for an unknown name
        const diff = storeDiff(r.book.store.raw, { policy: policy.name });
        writeSettings(r.book.app, r.book.wb, r.book.store.raw, diff);
        const before = getDefaultPolicy().name;
        setDefaultPolicy(policy.name);
        // The functions run in the add-in's main page, not this one: tell them to read the policy again.
        const storage = r.book.app.PluginStorage;
        if (storage) storage.setItem(POLICY_VERSION_KEY, (Number(storage.getItem(POLICY_VERSION_KEY)) || 0) + 1);
        if (before === policy.name && !diff.size) return;
        // The PERF functions are not volatile: only a full recalculation (VBA Application.CalculateFull)
        // runs every PERF cell, and everything depending on one, again under the new policy.
        r.book.app.CalculateFull();
      });
    },
  };
  return port;
}
