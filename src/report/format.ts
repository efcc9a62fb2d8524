/**
 * What every report shows the same way: a form's self / review / deviation figures and grades
 * (未评分 where the unit scored nothing), percents, 执行率 bands, the path and status shown for a
 * file, the summary line, and the escaping each format needs. Pure.
 */
import Decimal from "decimal.js";
import { STRINGS, t, type Lang, type StringKey } from "../i18n/strings";
import { UNSCORED, type BandCount, type BatchSummary } from "./summary";
import { codeName, severityName } from "./rules";
import type { ReportFile, ReportFinding, ReportForm } from "./types";

export function escapeHtml(s: unknown): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Text safe to print on one line: CR/LF and the other line breaks become "↵", tabs a space, C0
 * controls and DEL their Unicode control pictures ("␛" for ESC), C1 and bidirectional controls
 * "�" — so a cell cannot clear a terminal, retitle its window or forge a line of output or of a CSV.
 */
export function plain(s: unknown): string {
  return (
    String(s ?? "")
      .replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, "↵")
      .replace(/\t/g, " ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
      .replace(/\u007f/g, "\u2421")
      .replace(/[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "\ufffd")
  );
}

/** A grade, or 未评分 / Unscored for UNSCORED. */
export function gradeLabel(grade: string, lang: Lang): string {
  return grade === UNSCORED ? t(lang, "REPORT_unscored") : grade;
}

/** The figures a report prints per form; unscored: the self score and grade read 未评分, no deviation. */
export interface FormFigures {
  self: string;
  review: string;
  deviation: string;
  selfGrade: string;
  reviewGrade: string;
}

export function figures(form: ReportForm, lang: Lang): FormFigures {
  const unscored = t(lang, "REPORT_unscored");
  if (!form.scored || !form.self)
    return {
      self: unscored,
      review: form.total.review ?? "",
      deviation: "",
      selfGrade: unscored,
      reviewGrade: form.grade.review ?? "",
    };
  return {
    self: form.self.total,
    review: form.total.review ?? "",
    deviation: form.deviation ?? "",
    selfGrade: form.self.grade,
    reviewGrade: form.grade.review ?? "",
  };
}

/** A fraction as a percent with two decimals: "0.3709…" → "37.09%". */
export function percent(fraction: string | undefined): string {
  if (fraction === undefined) return "";
  return `${new Decimal(fraction).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

/** "60%–80%", "100% 及以上". */
export function bandLabel(b: Pick<BandCount, "lo" | "hi">, lang: Lang): string {
  const pc = (x: number) => new Decimal(x).times(100).toString();
  return b.hi === undefined
    ? t(lang, "REPORT_bandOpen", { lo: pc(b.lo) })
    : t(lang, "REPORT_bandRange", { lo: pc(b.lo), hi: pc(b.hi) });
}

/** The path shown for a file: relative to the folder checked, with forward slashes. */
export function shownPath(f: ReportFile): string {
  return (f.rel ?? f.file).replace(/\\/g, "/");
}

/** A file's status in the report's language ("converted and checked" for a converted file). */
export function statusText(f: ReportFile, lang: Lang): string {
  return t(lang, f.status === "checked" && f.converted ? "CLI_STATUS_converted" : `CLI_STATUS_${f.status}`);
}

/** The code a layout problem is listed under in the CSV and the workbook: "inferred" → LAYOUT_INFERRED. */
export function layoutCode(kind: string): string {
  return `LAYOUT_${kind.toUpperCase().replace(/-/g, "_")}`;
}

/**
 * A layout issue's field ("total.score", "ind.target", or a bare column kind "target") as the
 * user reads it (总分, 年度指标值); the code itself where the string table has no name for it.
 */
export function layoutFieldLabel(field: string, lang: Lang): string {
  for (const key of [`FIELD_${field}`, `FIELD_ind.${field}`, `FIELD_funds.${field}`])
    if (key in STRINGS) return t(lang, key as StringKey);
  return field;
}

/** A layout issue's kind ("missing") as the user reads it (缺少字段); the code where none is known. */
export function layoutKindLabel(kind: string, lang: Lang): string {
  const key = `ISSUE_${kind}`;
  return key in STRINGS ? t(lang, key as StringKey) : kind;
}

/** What is said beside a file: why it was not read, or nothing (its findings are listed). */
export function fileReason(f: ReportFile): string {
  if (f.status === "unreadable") return f.error ?? "";
  if (f.status === "skipped") return f.skipped ?? "";
  return "";
}

/** Findings by severity. */
export function counts(findings: readonly { severity: string }[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in c) c[f.severity as keyof typeof c]++;
  return c;
}

type Counted = "FILES" | "FORMS" | "ERRORS" | "WARNINGS";

/** "1 form", "2 forms"; "1 张表". */
export function countOf(lang: Lang, what: Counted, n: number): string {
  const key = (n === 1 ? `CLI_COUNT_${what}_ONE` : `CLI_COUNT_${what}`) as StringKey;
  return t(lang, key, { n });
}

/**
 * The summary in one line (text output, HTML): every file as checked (converted among them),
 * unreadable or skipped; the forms, errors and warnings; then the forms by kind, the unscored and
 * the notes.
 */
export function summaryLine(s: BatchSummary, lang: Lang): string {
  const files = t(lang, "CLI_SUMMARY", {
    files: countOf(lang, "FILES", s.files),
    checked: s.checked,
    converted: s.converted,
    unreadable: s.unreadable,
    skipped: s.skipped,
    forms: countOf(lang, "FORMS", s.forms),
    errors: countOf(lang, "ERRORS", s.errors),
    warnings: countOf(lang, "WARNINGS", s.warnings),
  });
  const forms = t(lang, "REPORT_summaryForms", {
    projects: s.projectForms,
    tables: s.scoreTables,
    unscored: s.unscored,
    infos: s.infos,
  });
  return `${files}${forms}`;
}

/** A finding's cells as the CSV and the workbook list them, from its cell to its found figure. */
/**
 * A layout note as the seven finding columns of the CSV and XLSX reports: cell, code (LAYOUT_<kind>), the field in
 * the reader's language, "布局" / "Layout" where a severity stands, the message, and no expected/found figures.
 */
export function layoutCells(i: NonNullable<ReportForm["layoutIssues"]>[number], lang: Lang): string[] {
  return [i.cell ?? "", layoutCode(i.kind), layoutFieldLabel(i.field, lang), t(lang, "CLI_LAYOUT"), i.message, "", ""];
}

export function findingCells(x: ReportFinding, lang: Lang): string[] {
  return [
    x.cell,
    x.code,
    codeName(x.code, lang),
    severityName(x.severity, lang),
    x.message,
    x.expected ?? "",
    x.found ?? "",
  ];
}
