/**
 * The reviewer's report: one HTML page (every form, its findings, a grade chart) or a CSV.
 * Everything taken from cells is escaped; CSV cells that a spreadsheet would run as a formula
 * (leading = + - @) are neutralised.
 */
import { t } from "../i18n/strings";
import type { Lang, Params, StringKey } from "../i18n/strings";
import type { JsonForm } from "./check";

export interface ReportFile {
  file: string;
  error?: string;
  forms: JsonForm[];
}

type ReportKey = Extract<StringKey, `REPORT_${string}`> extends `REPORT_${infer K}` ? K : never;

function u(lang: Lang, k: ReportKey, params: Params = {}): string {
  return t(lang, `REPORT_${k}` as StringKey, params);
}

export function escapeHtml(s: unknown): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function count(form: JsonForm, sev: string): number {
  return form.findings.filter((f) => f.severity === sev).length;
}

const GRADES = ["优", "良", "中", "差"];

function gradeChart(files: ReportFile[], lang: Lang): string {
  const counts = new Map<string, number>(GRADES.map((g) => [g, 0]));
  for (const f of files)
    for (const form of f.forms)
      if (form.kind === "project" && form.grade.computed)
        counts.set(form.grade.computed, (counts.get(form.grade.computed) ?? 0) + 1);
  const max = Math.max(1, ...counts.values());
  const barW = 60;
  const h = 160;
  const bars = GRADES.map((g, i) => {
    const n = counts.get(g) ?? 0;
    const bh = Math.round((n / max) * (h - 40));
    const x = 20 + i * (barW + 20);
    return `<g><rect x="${x}" y="${h - 20 - bh}" width="${barW}" height="${bh}" fill="#2b7a4b"></rect><text x="${x + barW / 2}" y="${h - 4}" text-anchor="middle">${escapeHtml(g)}</text><text x="${x + barW / 2}" y="${h - 24 - bh}" text-anchor="middle">${n}</text></g>`;
  }).join("");
  return `<figure><figcaption>${escapeHtml(u(lang, "gradeChart"))}</figcaption><svg role="img" aria-label="${escapeHtml(u(lang, "gradeChart"))}" width="${20 + GRADES.length * (barW + 20)}" height="${h}">${bars}</svg></figure>`;
}

export function renderHtml(files: ReportFile[], lang: Lang): string {
  const forms = files.flatMap((f) => f.forms.map((form) => ({ file: f.file, form })));
  const errors = forms.reduce((s, x) => s + count(x.form, "error"), 0);
  const warnings = forms.reduce((s, x) => s + count(x.form, "warning"), 0);
  const rows = forms
    .map(({ file, form }, i) => {
      const e = count(form, "error");
      const w = count(form, "warning");
      return `<tr class="${e ? "has-error" : w ? "has-warning" : ""}"><td>${escapeHtml(file)}</td><td>${escapeHtml(form.sheet)}</td><td>${escapeHtml(form.range)}</td><td><a href="#form-${i}">${escapeHtml(form.name ?? "")}</a></td><td>${escapeHtml(form.total.stated ?? "")} / ${escapeHtml(form.total.computed ?? "")}</td><td>${escapeHtml(form.grade.stated ?? form.grade.computed ?? "")}</td><td>${e}</td><td>${w}</td></tr>`;
    })
    .join("\n");
  const details = forms
    .map(({ file, form }, i) => {
      const items = form.findings.length
        ? `<table><thead><tr><th>${u(lang, "cell")}</th><th>${u(lang, "code")}</th><th>${u(lang, "message")}</th><th>${u(lang, "expected")}</th><th>${u(lang, "found")}</th></tr></thead><tbody>${form.findings
            .map(
              (f) =>
                `<tr class="sev-${escapeHtml(f.severity)}"><td>${escapeHtml(f.sheet)}!${escapeHtml(f.cell)}</td><td>${escapeHtml(f.code)}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.expected ?? "")}</td><td>${escapeHtml(f.found ?? "")}</td></tr>`,
            )
            .join("")}</tbody></table>`
        : `<p>${u(lang, "noFindings")}</p>`;
      return `<section id="form-${i}"><h3>${escapeHtml(form.name ?? form.range)} <small>${escapeHtml(file)} · ${escapeHtml(form.sheet)}!${escapeHtml(form.range)}</small></h3>${items}</section>`;
    })
    .join("\n");
  const failed = files.filter((f) => f.error);
  const failedHtml = failed.length
    ? `<h2>${u(lang, "unreadable")}</h2><ul>${failed.map((f) => `<li>${escapeHtml(f.file)}: ${escapeHtml(f.error)}</li>`).join("")}</ul>`
    : "";
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en-US"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${u(lang, "title")}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.has-error td:nth-child(7){background:#ffc7ce}tr.has-warning td:nth-child(8){background:#ffeb9c}
tr.sev-error td:first-child{border-left:4px solid #c00}tr.sev-warning td:first-child{border-left:4px solid #e0a000}tr.sev-info td:first-child{border-left:4px solid #4a90d9}
small{color:#666;font-weight:normal}figure{margin:16px 0}svg text{font-size:13px}
</style>
</head>
<body>
<h1>${u(lang, "title")}</h1>
<p>${escapeHtml(u(lang, "summary", { files: files.length, forms: forms.length, errors, warnings }))}</p>
${gradeChart(files, lang)}
<table><thead><tr><th>${u(lang, "file")}</th><th>${u(lang, "sheet")}</th><th>${u(lang, "range")}</th><th>${u(lang, "name")}</th><th>${u(lang, "total")} (${u(lang, "stated")} / ${u(lang, "computed")})</th><th>${u(lang, "grade")}</th><th>${u(lang, "errors")}</th><th>${u(lang, "warnings")}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${failedHtml}
${details}
</body>
</html>
`;
}

/** A CSV cell: quoted, and a leading = + - @ (or tab/CR) made inert with a quote mark. */
export function csvCell(v: unknown): string {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function renderCsv(files: ReportFile[], lang: Lang): string {
  const head = [
    u(lang, "file"),
    u(lang, "sheet"),
    u(lang, "range"),
    u(lang, "name"),
    u(lang, "total"),
    u(lang, "grade"),
    u(lang, "cell"),
    u(lang, "code"),
    "severity",
    u(lang, "message"),
    u(lang, "expected"),
    u(lang, "found"),
  ];
  const lines = [head.map(csvCell).join(",")];
  for (const f of files) {
    if (f.error)
      lines.push([f.file, "", "", "", "", "", "", "FILE_ERROR", "error", f.error, "", ""].map(csvCell).join(","));
    for (const form of f.forms) {
      const base = [
        f.file,
        form.sheet,
        form.range,
        form.name ?? "",
        form.total.stated ?? "",
        form.grade.stated ?? form.grade.computed ?? "",
      ];
      if (form.findings.length === 0) lines.push([...base, "", "", "", "", "", ""].map(csvCell).join(","));
      for (const x of form.findings)
        lines.push(
          [...base, x.cell, x.code, x.severity, x.message, x.expected ?? "", x.found ?? ""].map(csvCell).join(","),
        );
    }
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
