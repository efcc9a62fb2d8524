/**
 * One workbook through the whole pipeline, as both doors run it: bytes → package and Grids
 * (workbook.ts) → detection and checks (check.ts: checkGrids) → the file's entry in perf-check's
 * JSON (its forms, or NO_FORM, or why it could not be read); the run's JSON document is src/report's. Pure:
 * perf-check reads the bytes from disk and prints the document, the web checker's worker gets them
 * from the page and offers the document as a download, so the page's JSON equals
 * `perf-check --json` on the same files but for the names each door gives them (`file`).
 */
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import type { SheetMapping } from "../layout/mapping";
import { oneLine, WorkbookReadError, XlsxPackage } from "../xlsx/package";
import type { ReadLimits } from "../xlsx/package";
import type { Codec } from "../xlsx/zip";
import { checkGrids, CheckedSheet, digestSheets, JsonFile, noFormOf, SheetsDigest } from "./check";
import { readWorkbook } from "./workbook";

/** A workbook read and checked: its package (for the annotated copy) and its checked sheets. */
export interface CheckedWorkbook {
  pkg: XlsxPackage;
  sheets: CheckedSheet[];
}

export interface CheckOptions {
  /** Inflate: Node's zlib in perf-check, fflate in the browser. */
  codec: Codec;
  limits: ReadLimits;
  policy: Policy;
  /** Column mappings by sheet name (perf-check --mapping). */
  mappings?: Map<string, SheetMapping>;
}

/** Read and check one workbook from its bytes. Throws WorkbookReadError when it cannot be read. */
export function checkWorkbook(bytes: Uint8Array, opts: CheckOptions): CheckedWorkbook {
  const { grids, pkg } = readWorkbook(bytes, opts.codec, opts.limits);
  return { pkg, sheets: checkGrids(grids, opts.policy, opts.mappings) };
}

/** A file's entry before it is read: status "checked", nothing found yet. */
export function newEntry(file: string): JsonFile {
  return { file, status: "checked", findings: [], forms: [] };
}

/** Record a checked workbook in its entry: its forms, and NO_FORM when it has none; messages in `lang`. */
export function recordChecked(entry: JsonFile, sheets: readonly CheckedSheet[], lang: Lang): void {
  recordDigests(entry, [digestSheets(sheets, lang)], lang);
}

/** Record a workbook checked in runs of its sheets (their digests in sheet order), as recordChecked. */
export function recordDigests(entry: JsonFile, digests: readonly SheetsDigest[], lang: Lang): void {
  entry.forms = digests.flatMap((d) => d.forms);
  const noForm = noFormOf(digests, lang);
  if (noForm) entry.findings.push(noForm);
}

/**
 * Record that a file could not be read or checked: status "unreadable", the reason on one line
 * (a WorkbookReadError's own text, else CLI_FAILED with the error's message), nothing else.
 */
export function recordUnreadable(entry: JsonFile, e: unknown, lang: Lang): void {
  entry.status = "unreadable";
  entry.converted = undefined;
  entry.forms = [];
  entry.findings = [];
  if (e instanceof WorkbookReadError) entry.error = lang === "zh" ? e.zh : e.en;
  else entry.error = oneLine(t(lang, "CLI_FAILED", { detail: (e as Error).message }));
}
