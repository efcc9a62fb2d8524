/**
 * The CSV report: a header, then for every file handed over its rows — an unreadable or skipped
 * file one row with its reason, one row per file-level finding (NO_FORM), per form finding and per
 * layout problem (a clean form gets one row of its own). Each row carries its file's status, its
 * form's 自评得分, 复核得分, 偏差 and both grades, and the policy and packs it was checked under.
 * Headers, statuses and severities in the report's language. UTF-8 with a BOM and CRLF (Excel
 * opens it as is); every cell on one line (plain()), and a cell a spreadsheet would run as a
 * formula (leading = + - @, but a plain number such as a negative 偏差) made inert with a quote mark. Pure.
 */
import { t } from "../i18n/strings";
import { codeName, rulesInForce, severityName } from "./rules";
import { figures, findingCells, layoutCells, plain, shownPath, statusText } from "./format";
import type { ReportRun } from "./types";

/**
 * A number as Excel and WPS read a typed one: an optional sign, digits with an optional decimal part
 * or exponent, an optional trailing %. Such a cell cannot call anything, so it is no formula risk.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * A CSV cell: quoted, on one line (plain()), and a leading = + - @ made inert with a quote mark
 * (OWASP, CSV Injection), except on a plain number ("-20", "-3.8", "+5"), which stays a number.
 */
export function csvCell(v: unknown): string {
  let s = plain(v);
  if (/^[=+\-@]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function renderCsv(run: ReportRun): string {
  const { lang } = run;
  const u = (k: Parameters<typeof t>[1]) => t(lang, k);
  const head = [
    u("REPORT_file"),
    u("REPORT_status"),
    u("REPORT_sheet"),
    u("REPORT_range"),
    u("REPORT_name"),
    u("REPORT_total"),
    u("REPORT_grade"),
    u("REPORT_self"),
    u("REPORT_review"),
    u("REPORT_deviation"),
    u("REPORT_selfGrade"),
    u("REPORT_reviewGrade"),
    u("REPORT_cell"),
    u("REPORT_code"),
    u("REPORT_check"),
    u("REPORT_severity"),
    u("REPORT_message"),
    u("REPORT_expected"),
    u("REPORT_found"),
    u("REPORT_policy"),
    u("REPORT_packs"),
  ];
  // Every row names the policy and the packs it was checked under.
  const rules = rulesInForce(run.policy, lang);
  const named = [rules.policy.name, rules.packs.map((p) => p.name).join(" ")];
  const lines = [head.map(csvCell).join(",")];
  const row = (cells: unknown[]) => lines.push([...cells, ...named].map(csvCell).join(","));
  const blankForm = ["", "", "", "", "", "", "", "", "", ""];
  for (const f of run.files) {
    const file = shownPath(f);
    const status = statusText(f, lang);
    if (f.status === "unreadable")
      row([
        file,
        status,
        ...blankForm,
        "",
        "FILE_ERROR",
        codeName("FILE_ERROR", lang),
        severityName("error", lang),
        f.error,
        "",
        "",
      ]);
    if (f.status === "skipped")
      row([file, status, ...blankForm, "", "FILE_SKIPPED", codeName("FILE_SKIPPED", lang), "", f.skipped, "", ""]);
    for (const x of f.findings) row([file, status, x.sheet, ...blankForm.slice(1), ...findingCells(x, lang)]);
    for (const form of f.forms) {
      const n = figures(form, lang);
      const base = [
        file,
        status,
        form.sheet,
        form.range,
        form.name ?? "",
        form.total.stated ?? "",
        form.grade.stated ?? form.grade.computed ?? "",
        n.self,
        n.review,
        n.deviation,
        n.selfGrade,
        n.reviewGrade,
      ];
      const layout = form.layoutIssues ?? [];
      if (form.findings.length === 0 && layout.length === 0) row([...base, "", "", "", "", "", "", ""]);
      for (const x of form.findings) row([...base, ...findingCells(x, lang)]);
      for (const i of layout) row([...base, ...layoutCells(i, lang)]);
    }
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
