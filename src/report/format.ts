/**
 * What every report shows the same way: a form's self / review / deviation figures and grades
 * (未评分 where the unit scored nothing), percents, 执行率 bands, the path shown for a file, and the
 * escaping each format needs. Pure.
 */
import Decimal from "decimal.js";
import { t, type Lang } from "../i18n/strings";
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

/** Findings by severity. */
export function counts(findings: readonly { severity: string }[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in c) c[f.severity as keyof typeof c]++;
  return c;
}

/** The summary's counts in one line (text output, HTML). */
export function summaryLine(s: BatchSummary, lang: Lang): string {
  return t(lang, "REPORT_summaryLine", {
    files: s.files,
    unreadable: s.unreadable,
    forms: s.forms,
    projects: s.projectForms,
    tables: s.scoreTables,
    unscored: s.unscored,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
  });
}

/** A finding's cells as the CSV and the workbook list them, from its cell to its found figure. */
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
