/**
 * Checking a workbook file into its perf-check entry, sheet by sheet, on two threads when the
 * workbook is large: the main thread and one worker (check-worker.ts) each claim the next sheet not
 * yet taken (a counter in shared memory), read it from the package and check it; the outcomes are
 * joined in sheet order, so the entry is the one a single thread gives (same forms in the same
 * order, same NO_FORM, same error for an unreadable sheet). Off unless PERF_CHECK_WORKERS=1 (it
 * has not been measured faster: see the constructor); then a small workbook or a machine with one
 * core still keeps everything on the main thread, and the worker starts with the first large
 * workbook, never for one-form files.
 */
import { existsSync, promises as fsp } from "fs";
import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import type { Policy } from "../engine/types";
import type { Lang } from "../i18n/strings";
import type { SheetMapping } from "../layout/mapping";
import { recordDigests } from "../pipeline/check-file";
import { checkGrids, digestSheets, JsonFile, SheetsDigest } from "../pipeline/check";
import { asReadErrors } from "../pipeline/workbook";
import { SheetReader } from "../xlsx/grids";
import { openPackage, readFileChecked, ReadLimits, WorkbookReadError } from "./read";

/** What checking needs, the same on both threads (plain data, cloned to the worker). */
export interface RunSettings {
  policy: Policy;
  mappings?: Map<string, SheetMapping>;
  lang: Lang;
  limits: ReadLimits;
}

/** An error as text that crosses threads: a WorkbookReadError's two languages, else the message. */
interface ErrorText {
  zh?: string;
  en?: string;
  message: string;
}

/** One sheet read and checked: its digest, or the stage that failed and why. */
export type SheetOutcome =
  { ok: true; digest: SheetsDigest } | { ok: false; stage: "read" | "check"; error: ErrorText };

/**
 * A workbook whose worksheets hold at least this many bytes of XML (uncompressed, as its zip
 * states) over two sheets or more is checked on two threads: about 90 forms, whose checking
 * costs several times the worker's start.
 */
export const PARALLEL_SHEET_BYTES = 512 * 1024;

/**
 * A workbook file of at least this size (compressed: ~85 KiB of a 300-form workbook's 278 KiB
 * hold 512 KiB of sheet XML) probably is one, so the worker starts before it is read.
 */
const LIKELY_LARGE_FILE = 80 * 1024;

/**
 * The worker's script: its bundle (webpack.cli.config.js), else the compiled module; none when
 * these sources run uncompiled (ts-jest), and then everything stays on the main thread.
 */
const WORKER = ["check-worker.bundle.js", "check-worker.js"]
  .map((f) => path.join(__dirname, f))
  .find((f) => existsSync(f));

function errorText(e: unknown): ErrorText {
  if (e instanceof WorkbookReadError) return { zh: e.zh, en: e.en, message: e.message };
  return { message: (e as Error)?.message ?? String(e) };
}

function errorOf(t: ErrorText): Error {
  return t.zh !== undefined && t.en !== undefined ? new WorkbookReadError(t.zh, t.en) : new Error(t.message);
}

function sheetOutcome(reader: SheetReader, i: number, settings: RunSettings): SheetOutcome {
  let grid;
  try {
    grid = asReadErrors(() => reader.grid(i));
  } catch (e) {
    return { ok: false, stage: "read", error: errorText(e) };
  }
  try {
    const sheets = checkGrids([grid], settings.policy, settings.mappings);
    return { ok: true, digest: digestSheets(sheets, settings.lang) };
  } catch (e) {
    return { ok: false, stage: "check", error: errorText(e) };
  }
}

/** Claim sheets from the shared counter (the next index not yet taken) until none is left; each one's outcome. */
export function claimSheets(
  reader: SheetReader,
  counter: Int32Array,
  settings: RunSettings,
): Map<number, SheetOutcome> {
  const out = new Map<number, SheetOutcome>();
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= reader.sheets.length) return out;
    out.set(i, sheetOutcome(reader, i, settings));
  }
}

/**
 * The sheets' outcomes (in sheet order) into the entry, as one thread reading every sheet and then
 * checking them reports it: the first sheet that could not be read, else the first whose check
 * failed, is thrown; otherwise the digests are recorded.
 */
function recordOutcomes(entry: JsonFile, outcomes: readonly SheetOutcome[], lang: Lang): void {
  const failed = outcomes.find((o) => !o.ok && o.stage === "read") ?? outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw errorOf(failed.error);
  recordDigests(
    entry,
    outcomes.map((o) => (o as { digest: SheetsDigest }).digest),
    lang,
  );
}

interface Pending {
  resolve: (outcomes: [number, SheetOutcome][]) => void;
  reject: (e: Error) => void;
}

/** The worker thread, started on first need. */
export class SheetPool {
  private worker?: Worker;
  private failed = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly enabled: boolean;
  private started?: Promise<boolean>;
  /** How many sheets the worker has checked so far. */
  workerSheets = 0;

  constructor(
    readonly settings: RunSettings,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    // Opt-in (PERF_CHECK_WORKERS=1) and only with a second core: measured on 2 cores at load ~1.7,
    // the 300-form workbook took 820 ms on two threads against 670 ms on one (the worker loads and
    // warms up its own copy of the checker), so one thread is the default until two are shown faster.
    this.enabled = WORKER !== undefined && env.PERF_CHECK_WORKERS === "1" && os.availableParallelism() > 1;
  }

  /**
   * Read and check the workbook file `source` into `entry` (its forms, NO_FORM); throws a
   * WorkbookReadError (or the checker's error) as the single-threaded reading does.
   */
  async checkFile(source: string, entry: JsonFile): Promise<void> {
    const { limits, lang } = this.settings;
    const bytes = await readFileChecked(source, limits);
    const pkg = openPackage(bytes, limits);
    const reader = asReadErrors(() => new SheetReader(pkg, limits.maxCells));
    const counter = new Int32Array(new SharedArrayBuffer(4));
    let sheetBytes = 0;
    for (const s of reader.sheets) sheetBytes += pkg.entry(s.part)?.size ?? 0;
    const theirs =
      reader.sheets.length > 1 && sheetBytes >= PARALLEL_SHEET_BYTES ? this.post(bytes, counter) : undefined;
    const mine = claimSheets(reader, counter, this.settings);
    let their = new Map<number, SheetOutcome>();
    if (theirs) their = new Map(await theirs.catch(() => []));
    // A sheet the worker claimed but never answered for (it failed) is checked here.
    const outcomes = reader.sheets.map((_, i) => mine.get(i) ?? their.get(i) ?? sheetOutcome(reader, i, this.settings));
    recordOutcomes(entry, outcomes, lang);
  }

  /** Hand the workbook to the worker, which claims sheets from `counter`; its outcomes. */
  private post(bytes: Uint8Array, counter: Int32Array): Promise<[number, SheetOutcome][]> | undefined {
    const worker = this.start();
    if (!worker) return undefined;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, bytes, counter: counter.buffer });
    });
  }

  private start(): Worker | undefined {
    if (!this.enabled || this.failed) return undefined;
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(WORKER!, { workerData: this.settings });
    } catch {
      // No thread to be had (resource limits): everything stays on the main thread.
      this.failed = true;
      return undefined;
    }
    let ready: (up: boolean) => void = () => undefined;
    this.started = new Promise((resolve) => (ready = resolve));
    worker.on("message", (m: { ready?: true; id: number; outcomes: [number, SheetOutcome][] }) => {
      if (m.ready) return ready(true);
      this.workerSheets += m.outcomes.length;
      this.pending.get(m.id)?.resolve(m.outcomes);
      this.pending.delete(m.id);
    });
    const fail = (e: Error) => {
      // The main thread checks whatever the worker left: nothing is lost, only the speed.
      this.failed = true;
      this.worker = undefined;
      ready(false);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", () => fail(new Error("worker exited")));
    this.worker = worker;
    return worker;
  }

  /**
   * Start the worker ahead (its start-up then overlaps the main thread's reading) when one of the
   * first files to check is likely large enough to be checked on two threads.
   */
  async prepare(files: readonly string[]): Promise<void> {
    if (!this.enabled) return;
    for (const f of files.slice(0, 8)) {
      const size = (await fsp.stat(f).catch(() => undefined))?.size ?? 0;
      if (size >= LIKELY_LARGE_FILE) {
        void this.warm();
        return;
      }
    }
  }

  /** Start the worker now (if this machine gets one); resolves to whether it is up and listening. */
  warm(): Promise<boolean> {
    this.start();
    return this.started ?? Promise.resolve(false);
  }

  /** Stop the worker, if it started. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.failed = true;
    if (w) await w.terminate();
  }
}
