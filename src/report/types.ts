/**
 * What the reports are rendered from: every file perf-check was handed with what became of it and
 * its forms (the shape perf-check's --json prints, src/cli/check.ts JsonFile and JsonForm), the
 * policy in force, the date and the tool's version.
 * Plain data: the same run renders to the same bytes in Node and in a browser (no fs, no clock).
 */
import type { Lang } from "../i18n/strings";

export interface ReportFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  expected?: string;
  found?: string;
}

/** One form: figures as exact decimal strings; `funds.rate` a fraction. */
export interface ReportForm {
  sheet: string;
  range: string;
  kind: "project" | "score-table";
  name?: string;
  funds?: { rate?: string };
  scored: boolean;
  total: { stated?: string; computed?: string; review?: string };
  grade: { stated?: string; computed?: string; review?: string };
  self?: { total: string; grade: string; from: "stated" | "sum" };
  deviation?: string;
  indicators: { weight?: string; stated?: string }[];
  findings: ReportFinding[];
  /** Layout: fields that could not be placed, inferred or ambiguous (shown, never counted as findings). */
  layoutIssues?: { field: string; kind: string; cell?: string; message: string }[];
}

/**
 * What became of a file: "checked" (read, possibly after a LibreOffice conversion), "unreadable"
 * (`error` says why) or "skipped" (not read on purpose, in a folder scan; `skipped` says why).
 */
export type FileStatus = "checked" | "unreadable" | "skipped";

export interface ReportFile {
  /** The path as handed over. */
  file: string;
  /** The path shown in reports: relative to the folder checked (or the file's own name). */
  rel?: string;
  status: FileStatus;
  /** Read through a LibreOffice conversion (.xls, .et, .ods). */
  converted?: boolean;
  /** Why the file could not be read. */
  error?: string;
  /** Why the file was not read. */
  skipped?: string;
  /** Findings about the file as a whole (NO_FORM). */
  findings: ReportFinding[];
  forms: ReportForm[];
  /** The annotated copy, as a link relative to the report (with --write). */
  annotated?: string;
}

export interface ReportRun {
  files: ReportFile[];
  lang: Lang;
  /** The policy in force (src/engine/policy.ts). */
  policy: import("../engine/types").Policy;
  /** The day of the run, YYYY-MM-DD. */
  date: string;
  /** perf-check's version. */
  version: string;
}
