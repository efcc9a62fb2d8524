/**
 * The reviewer's report: one HTML page (every file with its status, every form, its findings and
 * layout problems, a grade chart) or a CSV. Every file handed over is in it: checked, converted,
 * unreadable or skipped, and a workbook with no form with its NO_FORM finding.
 * Everything taken from cells is escaped; CSV cells that a spreadsheet would run as a formula
 * (leading = + - @) are neutralised, and so are line breaks and control characters (plain()).
 */
import { t } from "../i18n/strings";
import type { Lang, Params, StringKey } from "../i18n/strings";
import type { JsonFile, JsonForm } from "./check";
import { plain, summaryLine } from "./output";

/** One file of the report: the JSON shape. */
export type ReportFile = JsonFile;

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

/** A file's status in the report's language ("converted and checked" for a converted file). */
function statusText(f: ReportFile, lang: Lang): string {
  return t(lang, f.status === "checked" && f.converted ? "CLI_STATUS_converted" : `CLI_STATUS_${f.status}`);
}

/** What the files table says beside a file: why it was not read, or its file-level findings. */
function fileNote(f: ReportFile): string {
  if (f.status === "unreadable") return f.error ?? "";
  if (f.status === "skipped") return f.skipped ?? "";
  return f.findings.map((x) => `${x.code}: ${x.message}`).join("; ");
}

function filesTable(files: ReportFile[], lang: Lang): string {
  const rows = files
    .map((f) => {
      const all = [...f.findings, ...f.forms.flatMap((form) => form.findings)];
      const e = all.filter((x) => x.severity === "error").length;
      const w = all.filter((x) => x.severity === "warning").length;
      return `<tr class="file-${escapeHtml(f.status)}${e ? " has-error" : ""}"><td>${escapeHtml(f.file)}</td><td>${escapeHtml(statusText(f, lang))}</td><td>${f.forms.length}</td><td>${e}</td><td>${w}</td><td>${escapeHtml(fileNote(f))}</td></tr>`;
    })
    .join("\n");
  return `<h2>${u(lang, "files")}</h2>
<table class="files"><thead><tr><th>${u(lang, "file")}</th><th>${u(lang, "status")}</th><th>${u(lang, "forms")}</th><th>${u(lang, "errors")}</th><th>${u(lang, "warnings")}</th><th>${u(lang, "note")}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function layoutTable(form: JsonForm, lang: Lang): string {
  if (form.layoutIssues.length === 0) return "";
  const rows = form.layoutIssues
    .map(
      (i) =>
        `<tr class="layout"><td>${escapeHtml(form.sheet)}!${escapeHtml(i.cell ?? "")}</td><td>${escapeHtml(i.field)}</td><td>${escapeHtml(i.kind)}</td><td>${escapeHtml(i.message)}</td></tr>`,
    )
    .join("");
  return `<h4>${u(lang, "layout")}</h4><table><thead><tr><th>${u(lang, "cell")}</th><th>${u(lang, "field")}</th><th>${u(lang, "kind")}</th><th>${u(lang, "message")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderHtml(files: ReportFile[], lang: Lang): string {
  const forms = files.flatMap((f) => f.forms.map((form) => ({ file: f.file, form })));
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
      return `<section id="form-${i}"><h3>${escapeHtml(form.name ?? form.range)} <small>${escapeHtml(file)} · ${escapeHtml(form.sheet)}!${escapeHtml(form.range)}</small></h3>${items}${layoutTable(form, lang)}</section>`;
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
tr.file-unreadable td:nth-child(2){background:#ffc7ce}tr.file-skipped td:nth-child(2){background:#eee}
tr.sev-error td:first-child{border-left:4px solid #c00}tr.sev-warning td:first-child{border-left:4px solid #e0a000}tr.sev-info td:first-child{border-left:4px solid #4a90d9}
small{color:#666;font-weight:normal}figure{margin:16px 0}svg text{font-size:13px}
</style>
</head>
<body>
<h1>${u(lang, "title")}</h1>
<p>${escapeHtml(summaryLine(files, lang))}</p>
${gradeChart(files, lang)}
${filesTable(files, lang)}
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

/** A CSV cell: quoted, on one line (plain()), and a leading = + - @ made inert with a quote mark. */
export function csvCell(v: unknown): string {
  let s = plain(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The CSV: a header, then for every file its rows: one per file-level finding, form finding and
 * layout problem (a clean form gets one row of its own); an unreadable or skipped file one row
 * with its reason. Headers, statuses and severities in the report's language.
 */
export function renderCsv(files: ReportFile[], lang: Lang): string {
  const head = [
    u(lang, "file"),
    u(lang, "status"),
    u(lang, "sheet"),
    u(lang, "range"),
    u(lang, "name"),
    u(lang, "total"),
    u(lang, "grade"),
    u(lang, "cell"),
    u(lang, "code"),
    u(lang, "severity"),
    u(lang, "message"),
    u(lang, "expected"),
    u(lang, "found"),
  ];
  const sev = (s: string) => t(lang, `SEV_${s}` as StringKey);
  const lines = [head.map(csvCell).join(",")];
  const row = (cells: unknown[]) => lines.push(cells.map(csvCell).join(","));
  for (const f of files) {
    const status = statusText(f, lang);
    if (f.status === "unreadable")
      row([f.file, status, "", "", "", "", "", "", "FILE_ERROR", sev("error"), f.error, "", ""]);
    if (f.status === "skipped") row([f.file, status, "", "", "", "", "", "", "FILE_SKIPPED", "", f.skipped, "", ""]);
    for (const x of f.findings)
      row([
        f.file,
        status,
        x.sheet,
        "",
        "",
        "",
        "",
        x.cell,
        x.code,
        sev(x.severity),
        x.message,
        x.expected ?? "",
        x.found ?? "",
      ]);
    for (const form of f.forms) {
      const base = [
        f.file,
        status,
        form.sheet,
        form.range,
        form.name ?? "",
        form.total.stated ?? "",
        form.grade.stated ?? form.grade.computed ?? "",
      ];
      if (form.findings.length === 0 && form.layoutIssues.length === 0) row([...base, "", "", "", "", "", ""]);
      for (const x of form.findings)
        row([...base, x.cell, x.code, sev(x.severity), x.message, x.expected ?? "", x.found ?? ""]);
      for (const i of form.layoutIssues)
        row([
          ...base,
          i.cell ?? "",
          `LAYOUT_${i.kind.toUpperCase().replace(/-/g, "_")}`,
          t(lang, "CLI_LAYOUT"),
          i.message,
          "",
          "",
        ]);
    }
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
