/**
 * The batch: the files handed over, checked one at a time in the worker (progress per file; a
 * cancel sends no further file and ends a slow one), each file's entry in both languages, and the
 * downloads rendered by the worker. One worker serves the page's life (started with the page, so
 * no load happens after it), unless a cancel or a crash has to end it.
 * Files are sent ahead (up to AHEAD files, AHEAD_BYTES of them, in the worker's queue, which reads
 * them while it checks the one before), so the worker never waits for the page or the disk. The progress reaches React at most every FLUSH_MS while a batch
 * runs and the table of rows every ROWS_MS, so 300 files do not mean 300 re-renders of the table
 * (each of which would take the page's thread from the worker on a busy machine).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { both, t } from "../../i18n/strings";
import type { Bilingual, Lang } from "../../i18n/strings";
import type { JsonFile } from "../../pipeline/check";
import { DEFAULT_LIMITS } from "../../xlsx/package";
import { batchOf, type Input, type Picked } from "../files";
import type { CheckedFile, FromWorker, ReportKind, RuleText } from "../protocol";
import { CheckerWorker, WorkerFailed } from "../worker-client";

export type Status = "queued" | "checking" | "checked" | "unreadable" | "skipped" | "cancelled";

export interface Row {
  id: number;
  input: Input;
  status: Status;
  /** The entry in both languages, once checked (or why it was not). */
  result?: CheckedFile;
}

export type Phase = "idle" | "running" | "cancelling" | "done" | "cancelled";

export interface Progress {
  done: number;
  total: number;
  current?: string;
}

const FLUSH_MS = 150;
const ROWS_MS = 1500;
/** Files sent to the worker ahead of the one it answers next: at most this many … */
const AHEAD = 32;
/** … and this many bytes of them (one file is always sent, however large). */
const AHEAD_BYTES = 64 * 1024 * 1024;
/** How long a cancel waits for the file being read before it ends the worker. */
const CANCEL_GRACE_MS = 2000;

/** The entry of a file that could not be read (not sent to the worker, or the worker failed): its reason, no forms. */
function reasonEntry(path: string, reason: Bilingual): CheckedFile {
  const entry = (lang: Lang): JsonFile => ({
    file: path,
    status: "unreadable",
    error: reason[lang],
    findings: [],
    forms: [],
  });
  return { zh: entry("zh"), en: entry("en") };
}

/** The entry of a file not read on purpose (skipped in a folder, or not reached before a cancel). */
function skippedEntry(path: string, reason: Bilingual, lang: Lang): JsonFile {
  return { file: path, status: "skipped", skipped: reason[lang], findings: [], forms: [] };
}

/**
 * A file's entry in `lang`, as the JSON lists it (perf-check's statuses: checked, unreadable,
 * skipped); undefined while it waits for the worker.
 */
export function entryOf(row: Row, lang: Lang): JsonFile | undefined {
  if (row.input.action === "skip")
    return skippedEntry(row.input.path, row.input.reason ?? both("WEB_STATUS_SKIPPED"), lang);
  if (row.status === "cancelled") return skippedEntry(row.input.path, both("WEB_CANCELLED_FILE"), lang);
  return row.result?.[lang];
}

export function useChecker() {
  const worker = useRef<CheckerWorker | null>(null);
  const live = useRef<Row[]>([]);
  const run = useRef(0);
  /** The batch a cancel was asked for (its run number), and the timer that ends a slow file. */
  const cancelled = useRef(0);
  const [rows, setRows] = useState<Row[]>([]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<Progress>({ done: 0, total: 0 });
  const [policy, setPolicy] = useState("national");
  const [rules, setRules] = useState<ReadonlyMap<string, RuleText>>(new Map());

  const getWorker = () => (worker.current ??= new CheckerWorker());
  // The worker starts with the page (its one blob: load), not with the first file.
  useEffect(() => {
    getWorker()
      .request({ type: "reset" })
      .then(() => document.documentElement.setAttribute("data-worker", "ready"))
      .catch(() => undefined);
    return () => worker.current?.stop();
  }, []);

  const check = useCallback(async (picked: readonly Picked[], policyName: string) => {
    const me = ++run.current;
    const w = getWorker();
    const inputs = batchOf(picked);
    const batch: Row[] = inputs.map((input, id) => ({
      id,
      input,
      status: input.action === "read" ? "queued" : input.action === "skip" ? "skipped" : "unreadable",
      result: input.action === "unreadable" && input.reason ? reasonEntry(input.path, input.reason) : undefined,
    }));
    live.current = batch;
    const toRead = batch.filter((r) => r.input.action === "read");
    setPolicy(policyName);
    setRows(batch);
    setPhase(toRead.length ? "running" : "done");
    setProgress({ done: 0, total: toRead.length });
    // A new batch: whatever the worker kept of the last one goes.
    await w.request({ type: "reset" }).catch(() => undefined);
    // The checks' names and fix hints, for the findings the page shows.
    w.request({ type: "rules", policy: policyName })
      .then((m) => {
        if (m.type === "rules" && run.current === me) setRules(new Map(m.rules.map((r) => [r.code, r])));
      })
      .catch(() => undefined);
    let last = 0;
    let lastRows = 0;
    const flush = (force: boolean, done: number, current?: string) => {
      const now = Date.now();
      if (!force && now - last < FLUSH_MS) return;
      last = now;
      if (force || now - lastRows >= ROWS_MS) {
        lastRows = now;
        setRows([...live.current]);
      }
      setProgress({ done, total: toRead.length, current });
    };
    // Sent ahead: each file's answer, by its place in toRead; `sent` files have been sent so far.
    const answers: Promise<CheckedFile>[] = [];
    let sent = 0;
    const send = (i: number) => {
      answers[i] = checkOne(w, toRead[i], policyName);
      answers[i].catch(() => undefined);
    };
    const sendAhead = (k: number) => {
      let bytes = 0;
      for (let i = k; i < sent; i++) bytes += toRead[i].input.file.size;
      while (
        sent < toRead.length &&
        cancelled.current !== me &&
        (sent === k || (sent < k + AHEAD && bytes < AHEAD_BYTES))
      ) {
        bytes += toRead[sent].input.file.size;
        send(sent++);
      }
    };
    let k = 0;
    for (; k < toRead.length; k++) {
      if (run.current !== me) return;
      sendAhead(k);
      // Cancelled: nothing after the files already sent.
      if (k >= sent) break;
      const row = toRead[k];
      row.status = "checking";
      flush(false, k, row.input.path);
      try {
        row.result = await answers[k];
        row.status = row.result.zh.status === "unreadable" ? "unreadable" : "checked";
      } catch (e) {
        if (run.current !== me) return;
        if (cancelled.current === me) {
          // Ended by the cancel while it was read.
          row.status = "cancelled";
          break;
        }
        // The worker died on this file (out of memory, say): it is listed with why; the files sent
        // after it went with that worker, so they are sent again, to a new one.
        row.result = reasonEntry(row.input.path, both("WEB_WORKER_FAILED", { detail: (e as Error).message }));
        row.status = "unreadable";
        for (let i = k + 1; i < sent; i++) send(i);
      }
    }
    if (run.current !== me) return;
    for (const r of toRead) if (r.status === "queued" || r.status === "checking") r.status = "cancelled";
    flush(true, k);
    setPhase(cancelled.current === me ? "cancelled" : "done");
  }, []);

  /**
   * Stop the batch: no file after the one being read is sent. That one finishes if it can within
   * CANCEL_GRACE_MS (its result is kept); past that the worker is ended and it is listed as not
   * checked too. Exports wait until the batch has stopped.
   */
  const cancel = useCallback(() => {
    const me = run.current;
    cancelled.current = me;
    setPhase("cancelling");
    setTimeout(() => {
      if (run.current === me && live.current.some((r) => r.status === "checking")) worker.current?.stop("cancelled");
    }, CANCEL_GRACE_MS);
  }, []);

  /** A download rendered by the worker: a report of the run, or annotated copies. */
  const render = useCallback(
    async (kind: ReportKind, lang: Lang): Promise<Download> => {
      const files = live.current.map((r) => entryOf(r, lang)).filter((e): e is JsonFile => e !== undefined);
      return asDownload(await getWorker().request({ type: "render", kind, files, lang, policy }));
    },
    [policy],
  );

  const annotate = useCallback(
    async (ids: number[], lang: Lang, zip: boolean): Promise<Download> => {
      const items = [];
      for (const id of ids) {
        const row = live.current[id];
        items.push({ id, file: row.input.path, policy, bytes: await row.input.file.arrayBuffer() });
      }
      const reply = await getWorker().request(
        { type: "annotate", items, lang, zip },
        items.map((i) => i.bytes),
      );
      const d = asDownload(reply);
      return zip || ids.length > 1 ? { ...d, name: `${t(lang, "WEB_COPIES_ZIP")}.zip` } : d;
    },
    [policy],
  );

  return { rows, phase, progress, policy, rules, check, cancel, render, annotate };
}

export interface Download {
  name: string;
  blob: Blob;
}

function asDownload(m: FromWorker): Download {
  if (m.type !== "bytes") throw new Error(`unexpected answer ${m.type}`);
  return { name: m.name, blob: new Blob([m.bytes], { type: m.mime }) };
}

async function checkOne(w: CheckerWorker, row: Row, policy: string): Promise<CheckedFile> {
  const { file, path } = row.input;
  if (file.size > DEFAULT_LIMITS.maxFileBytes)
    return reasonEntry(path, both("READ_TOO_BIG", { limit: DEFAULT_LIMITS.maxFileBytes }));
  try {
    const reply = await w.request({ type: "check", id: row.id, file: path, source: file, policy });
    if (reply.type !== "checked") throw new Error(`unexpected answer ${reply.type}`);
    return reply.result;
  } catch (e) {
    if (e instanceof WorkerFailed) return reasonEntry(path, { zh: e.zh, en: e.en });
    throw e;
  }
}
