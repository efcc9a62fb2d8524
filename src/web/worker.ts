/**
 * The web checker's worker: the same pipeline as perf-check (src/pipeline), with fflate as the
 * inflate codec, run off the page's thread so the page stays responsive. It answers one request
 * at a time, in the order asked (protocol.ts): a workbook's file in (read here while the one before
 * is checked), its entry in both languages out; annotated copies
 * (one, or a zip of several) of the workbooks it has checked; the reports of the run.
 *
 * Built as its own bundle and started by the page from a Blob URL (worker-client.ts): nothing is
 * fetched, so it runs from file:// as from any server.
 */
import { checksOf } from "../engine/checks";
import { getPolicy } from "../engine/policy";
import { annotatedCopy, annotatedName } from "../pipeline/annotate";
import { checkWorkbook, CheckedWorkbook, newEntry, recordChecked, recordUnreadable } from "../pipeline/check-file";
import { both } from "../i18n/strings";
import { DEFAULT_LIMITS, oneLine, readError, WorkbookReadError } from "../xlsx/package";
import { fflateCodec } from "../xlsx/fflate-codec";
import type { FromWorker, ToWorker } from "./protocol";
import { renderReport } from "./reports";
import { zipOfCopies } from "./zip-copies";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** Workbooks checked in this batch, by the page's id, with the policy they were checked under. */
const kept = new Map<number, { wb: CheckedWorkbook; policy: string }>();

/** A Uint8Array's bytes as a transferable ArrayBuffer (the view's own buffer when it spans it). */
function own(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

function sendBytes(req: number, name: string, mime: string, bytes: Uint8Array): void {
  const buffer = own(bytes);
  scope.postMessage({ type: "bytes", req, name, mime, bytes: buffer }, [buffer]);
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file's bytes, or the one-line reason they could not be read. */
type Read = { bytes: Uint8Array } | { error: WorkbookReadError };

function readSource(source: Blob): Promise<Read> {
  return source.arrayBuffer().then(
    (b) => ({ bytes: new Uint8Array(b) }),
    (e: unknown) => ({ error: readError("READ_IO", { detail: (e as Error)?.message ?? String(e) }) }),
  );
}

function handle(msg: ToWorker, read?: Read): void {
  switch (msg.type) {
    case "check": {
      const policy = getPolicy(msg.policy);
      // Checked once; the entry is written in both languages (the page switches without a re-check).
      const result = { zh: newEntry(msg.file), en: newEntry(msg.file) };
      try {
        if (!read || "error" in read) throw read?.error ?? new Error("not read");
        const wb = checkWorkbook(read.bytes, { codec: fflateCodec, limits: DEFAULT_LIMITS, policy });
        kept.set(msg.id, { wb, policy: msg.policy });
        recordChecked(result.zh, wb.sheets, "zh");
        recordChecked(result.en, wb.sheets, "en");
      } catch (e) {
        recordUnreadable(result.zh, e, "zh");
        recordUnreadable(result.en, e, "en");
      }
      scope.postMessage({ type: "checked", req: msg.req, id: msg.id, result });
      return;
    }
    case "annotate": {
      const copies = msg.items.map((item) => {
        // Kept since it was checked, or (a worker started anew) checked again from its bytes.
        const k = kept.get(item.id);
        const policy = getPolicy(item.policy);
        const wb =
          k && k.policy === item.policy
            ? k.wb
            : checkWorkbook(new Uint8Array(item.bytes), { codec: fflateCodec, limits: DEFAULT_LIMITS, policy });
        const base = item.file.split("/").pop() ?? item.file;
        return {
          file: item.file,
          name: annotatedName(base),
          bytes: annotatedCopy(wb.pkg, wb.sheets, policy, msg.lang),
        };
      });
      if (!msg.zip && copies.length === 1) {
        const mime = /\.xlsm$/i.test(copies[0].name) ? "application/vnd.ms-excel.sheet.macroEnabled.12" : XLSX_MIME;
        sendBytes(msg.req, copies[0].name, mime, copies[0].bytes);
      } else sendBytes(msg.req, "", "application/zip", zipOfCopies(copies));
      return;
    }
    case "render": {
      const r = renderReport(msg.kind, msg.files, msg.lang, getPolicy(msg.policy));
      sendBytes(msg.req, r.name, r.mime, r.bytes);
      return;
    }
    case "rules":
      scope.postMessage({
        type: "rules",
        req: msg.req,
        rules: checksOf(getPolicy(msg.policy)).map(({ meta }) => ({
          code: meta.code,
          severity: meta.severity,
          name: both(meta.title),
          fix: both(meta.fix),
          source: both(meta.source),
        })),
      });
      return;
    case "reset":
      kept.clear();
      scope.postMessage({ type: "done", req: msg.req });
      return;
  }
}

/** Requests are handled one at a time in the order they came; a file's read starts as it comes. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const msg = e.data;
  const read = msg.type === "check" ? readSource(msg.source) : undefined;
  queue = queue.then(async () => answer(msg, await read));
};

function answer(msg: ToWorker, read: Read | undefined): void {
  try {
    handle(msg, read);
  } catch (err) {
    const m =
      err instanceof WorkbookReadError
        ? { zh: err.zh, en: err.en }
        : both("CLI_FAILED", { detail: oneLine((err as Error)?.message ?? String(err)) });
    scope.postMessage({ type: "failed", req: msg.req, zh: m.zh, en: m.en });
  }
}
