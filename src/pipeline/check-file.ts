/**
 * One workbook through the whole pipeline, as both doors run it: bytes → package and Grids
 * (workbook.ts) → detection and checks (checkGrids) → the file's entry in perf-check's JSON; and
 * the JSON document of a run. Pure: perf-check reads the bytes from disk and prints the document,
 * the web checker's worker gets them from the page and offers it as a download, so the page's
 * JSON equals `perf-check --json` on the same files (but for the paths each door names them by).
 */
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import type { SheetMapping } from "../layout/mapping";
import { checkGrids, CheckedSheet, jsonForm, JsonForm } from "../cli/check";
import { oneLine, WorkbookReadError, XlsxPackage } from "../xlsx/package";
import type { ReadLimits } from "../xlsx/package";
import type { Codec } from "../xlsx/zip";
import { readWorkbook } from "./workbook";

/** One file in the JSON document: its forms, or why it could not be read. */
export interface FileEntry {
  /** The file as the door names it: the path perf-check was given, the page's file name or relative path. */
  file: string;
  /** Why the file could not be read (one line). */
  error?: string;
  forms: JsonForm[];
}

/** A workbook read and checked: its package (for the annotated copy) and its checked sheets. */
export interface CheckedWorkbook {
  pkg: XlsxPackage;
  sheets: CheckedSheet[];
}

export interface CheckOptions {
  codec: Codec;
  limits: ReadLimits;
  policy: Policy;
  /** Column mappings by sheet name (perf-check --mapping). */
  mappings?: Map<string, SheetMapping>;
}

/** Read and check one workbook. Throws WorkbookReadError when it cannot be read. */
export function checkWorkbook(bytes: Uint8Array, opts: CheckOptions): CheckedWorkbook {
  const { grids, pkg } = readWorkbook(bytes, opts.codec, opts.limits);
  return { pkg, sheets: checkGrids(grids, opts.policy, opts.mappings) };
}

/** A checked workbook's entry, its messages in `lang`. */
export function fileEntry(file: string, wb: CheckedWorkbook, lang: Lang): FileEntry {
  return { file, forms: wb.sheets.flatMap((s) => s.result.results.map((r) => jsonForm(r, lang))) };
}

/** The entry of a file that could not be read or checked: the reason on one line, no forms. */
export function failedEntry(file: string, e: unknown, lang: Lang): FileEntry {
  if (e instanceof WorkbookReadError) return { file, error: lang === "zh" ? e.zh : e.en, forms: [] };
  return { file, error: oneLine(t(lang, "CLI_FAILED", { detail: (e as Error).message })), forms: [] };
}

/** The --json document of a run: every file in order, `{ file, forms }` or `{ file, error, forms: [] }`. */
export function jsonDocument(files: readonly FileEntry[]): { files: FileEntry[] } {
  return {
    files: files.map((f) => (f.error ? { file: f.file, error: f.error, forms: [] } : { file: f.file, forms: f.forms })),
  };
}
