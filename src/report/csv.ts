/**
 * The CSV report: a header, then one row per finding (a clean form gets one row of its own, an
 * unreadable file one row with its reason). Each row carries its form's 自评得分, 复核得分, 偏差 and
 * both grades, and the policy and packs it was checked under. UTF-8 with a BOM and CRLF (Excel opens it as is); a cell a spreadsheet would run as
 * a formula (leading = + - @, tab, CR) is made inert with a quote mark. Pure.
 */
import { t } from "../i18n/strings";
import { rulesInForce, severityName } from "./rules";
import { figures, findingCells, shownPath } from "./format";
import type { ReportRun } from "./types";

/** A CSV cell: quoted, and a leading = + - @ (or tab/CR) made inert with a quote mark. */
export function csvCell(v: unknown): string {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function renderCsv(run: ReportRun): string {
  const { lang } = run;
  const u = (k: Parameters<typeof t>[1]) => t(lang, k);
  const head = [
    u("REPORT_file"),
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
    if (f.error !== undefined)
      row([file, ...blankForm, "", "FILE_ERROR", "", severityName("error", lang), f.error, "", ""]);
    for (const x of f.findings ?? []) row([file, x.sheet, ...blankForm.slice(1), ...findingCells(x, lang)]);
    for (const form of f.forms) {
      const n = figures(form, lang);
      const base = [
        file,
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
      if (form.findings.length === 0) row([...base, "", "", "", "", "", "", ""]);
      for (const x of form.findings) row([...base, ...findingCells(x, lang)]);
    }
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
