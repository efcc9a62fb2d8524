/**
 * Messages between the web checker's page and its worker. Workbook bytes and rendered outputs
 * travel as transferred ArrayBuffers (never copied); everything else is plain data.
 *
 * The page hands the worker a file to check as its File (a handle: the worker reads the bytes
 * itself, so they never pass through the page's thread) a few files ahead of the answers, and the
 * worker answers in the order asked; a cancel sends no more files, and ends the worker if it
 * takes too long. The worker keeps each checked workbook (package and checked sheets) by
 * id for its annotated copy until `reset`; an annotate request carries the workbooks' bytes too,
 * so a worker started anew (after a cancel) checks them again rather than failing.
 */
import type { Bilingual, Lang } from "../i18n/strings";
import type { JsonFile } from "../pipeline/check";

/** The report downloads the page offers. */
export type ReportKind = "json" | "html" | "csv" | "xlsx";

export type ToWorker =
  /** Read and check one workbook: `source` is the file handed over (read by the worker). */
  | { type: "check"; req: number; id: number; file: string; source: Blob; policy: string }
  /** Annotated copies of checked workbooks: one file, or a zip of several. Each `bytes` is transferred. */
  | { type: "annotate"; req: number; items: AnnotateItem[]; lang: Lang; zip: boolean }
  /** A report of the run. `files`: every file's entry in the page's order. */
  | { type: "render"; req: number; kind: ReportKind; files: JsonFile[]; lang: Lang; policy: string }
  /** The checks a policy runs, with their names and fix hints (for the findings the page shows). */
  | { type: "rules"; req: number; policy: string }
  /** Forget every workbook kept (a new batch). */
  | { type: "reset"; req: number };

/** A workbook to copy: the page's id and name for it, the policy it was checked under, its bytes. */
export interface AnnotateItem {
  id: number;
  file: string;
  policy: string;
  bytes: ArrayBuffer;
}

/** A file's entry in both languages (the page switches language without checking again). */
export interface CheckedFile {
  zh: JsonFile;
  en: JsonFile;
}

/** One check a policy runs: its code, severity, name, fix hint and source in both languages. */
export interface RuleText {
  code: string;
  severity: string;
  name: Bilingual;
  fix: Bilingual;
  source: Bilingual;
}

export type FromWorker =
  | { type: "checked"; req: number; id: number; result: CheckedFile }
  /** Bytes to download (transferred), with the file name to save them under. */
  | { type: "bytes"; req: number; name: string; mime: string; bytes: ArrayBuffer }
  | { type: "rules"; req: number; rules: RuleText[] }
  | { type: "done"; req: number }
  /** A request that failed: one line in both languages. */
  | { type: "failed"; req: number; zh: string; en: string };
