/**
 * The HTML report to hand on: policy, packs, date and version at the top; the batch summary with
 * its charts (self against review grades, the spread of 执行率), drawn from the same counts as its
 * tables; every file handed over with its status (checked, converted, unreadable or skipped, and
 * why); a severity legend; one row per form (自评 / 复核 / 偏差, both grades, a link to the annotated
 * copy); the findings about whole files (NO_FORM); then each form's findings by their Chinese names
 * (code in small type) with the fix hint, and its layout problems.
 * Prints on A4 (print CSS). Everything from cells or paths is escaped; the page loads nothing
 * (its CSP allows inline styles only). Pure: the same run gives the same bytes anywhere.
 */
import { t, type Lang, type StringKey } from "../i18n/strings";
import { CHART_FILL, summaryCharts, type BarChart, type ChartShape } from "./charts";
import {
  counts,
  escapeHtml as h,
  fileReason,
  figures,
  layoutFieldLabel,
  layoutKindLabel,
  percent,
  shownPath,
  statusText,
  summaryLine,
} from "./format";
import { codeFix, codeName, rulesInForce, severityName } from "./rules";
import { DEVIATION_LIMIT, HIGH_SELF, LOW_RATE, summarize, type FormRef } from "./summary";
import type { ReportFile, ReportFinding, ReportForm, ReportRun } from "./types";

const SEVERITIES = ["error", "warning", "info"] as const;

const STYLE = `
@page{size:A4;margin:12mm}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:0 auto;padding:16px;max-width:186mm;color:#222;font-size:12px;line-height:1.45}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #bbb}h3{font-size:13px;margin:14px 0 4px}
.meta{color:#444;margin:0 0 8px}.meta span{margin-right:12px;white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;table-layout:auto}
th,td{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f1f1f1;font-weight:600}td.num{text-align:right;white-space:nowrap}
small,.code{color:#666;font-size:10px;font-weight:normal}
.sev{display:inline-block;min-width:2.6em;padding:0 4px;border-radius:3px;color:#fff;font-size:10px;text-align:center;white-space:nowrap}
.sev-error{background:#b00020}.sev-warning{background:#a86b00}.sev-info{background:#2f6db5}
.legend span{margin-right:14px}
.charts{display:flex;gap:16px}.charts figure{flex:1 1 0;min-width:0}figure svg{max-width:100%;height:auto}table.chart-data{width:auto;min-width:60%}figure{margin:4px 0}figcaption{font-weight:600;margin-bottom:2px}
svg text{font-size:10px;fill:#222}
.self{fill:${CHART_FILL.self}}.review{fill:${CHART_FILL.review}}.band{fill:${CHART_FILL.band}}
tr.has-error td:first-child{border-left:3px solid #b00020}tr.has-warning td:first-child{border-left:3px solid #a86b00}
tr.file-unreadable td:nth-child(2){background:#fbe3e6}tr.file-skipped td:nth-child(2){background:#eee}
.note{color:#555}
@media print{body{padding:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr,figure,section h3{break-inside:avoid}section{break-inside:auto}}
`;

function u(lang: Lang, k: string, params = {}): string {
  return t(lang, `REPORT_${k}` as StringKey, params);
}

/** A chart as the report draws it: a figure with its caption, the SVG, and its data table. */
function chartFigure(c: BarChart): string {
  const shape = (x: ChartShape) =>
    x.kind === "rect"
      ? `<rect class="${x.series}" x="${x.x}" y="${x.y}" width="${x.width}" height="${x.height}"></rect>`
      : `<text x="${x.x}" y="${x.y}"${x.middle ? ' text-anchor="middle"' : ""}>${h(x.text)}</text>`;
  const svg = c.groups.map((g) => `<g>${g.map(shape).join("")}</g>`).join("");
  const head = c.head.map((x) => `<th>${h(x)}</th>`).join("");
  const rows = c.rows
    .map((r) => `<tr><td>${h(r.label)}</td>${r.counts.map((n) => `<td class="num">${n}</td>`).join("")}</tr>`)
    .join("");
  return `<figure id="${c.id}"><figcaption>${h(c.caption)}</figcaption><svg role="img" aria-label="${h(c.caption)}" viewBox="0 0 ${c.width} ${c.height}" width="${c.width}" height="${c.height}">${svg}</svg><table class="chart-data"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></figure>`;
}

function formList(title: string, refs: FormRef[], files: readonly ReportFile[], lang: Lang, id: string): string {
  const body = refs.length
    ? `<table><thead><tr><th>${u(lang, "file")}</th><th>${u(lang, "name")}</th><th>${u(lang, "self")}</th><th>${u(lang, "review")}</th><th>${u(lang, "deviation")}</th><th>${u(lang, "rate")}</th></tr></thead><tbody>${refs
        .map(
          (r) =>
            `<tr><td>${h(shownPath(files[r.file]))} <small>${h(r.sheet)}!${h(r.range)}</small></td><td><a href="#form-${r.file}-${r.form}">${h(r.name ?? r.range)}</a></td><td class="num">${h(r.self ?? "")}</td><td class="num">${h(r.review ?? "")}</td><td class="num">${h(r.deviation ?? "")}</td><td class="num">${h(percent(r.rate))}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : `<p class="note">${u(lang, "none")}</p>`;
  return `<h3 id="${id}">${h(title)} <small>(${refs.length})</small></h3>${body}`;
}

function legend(lang: Lang): string {
  return `<p class="legend"><b>${u(lang, "legend")}${lang === "zh" ? "：" : ": "}</b>${SEVERITIES.map((s) => `<span><span class="sev sev-${s}">${h(severityName(s, lang))}</span> ${h(u(lang, `legend_${s}`))}</span>`).join("")}</p>`;
}

function findingRows(list: readonly ReportFinding[], lang: Lang): string {
  return list
    .map(
      (f) =>
        `<tr class="finding sev-row-${h(f.severity)}" data-code="${h(f.code)}"><td>${h(f.sheet)}${f.cell ? `!${h(f.cell)}` : ""}</td><td>${h(codeName(f.code, lang))}<br><span class="code">${h(f.code)}</span></td><td><span class="sev sev-${h(f.severity)}">${h(severityName(f.severity, lang))}</span></td><td>${h(f.message)}${f.expected !== undefined || f.found !== undefined ? `<br><small>${u(lang, "expected")} ${h(f.expected ?? "—")} · ${u(lang, "found")} ${h(f.found ?? "—")}</small>` : ""}</td><td>${h(codeFix(f.code, lang))}</td></tr>`,
    )
    .join("");
}

function findingsTable(list: readonly ReportFinding[], lang: Lang): string {
  return `<table class="findings"><thead><tr><th>${u(lang, "cell")}</th><th>${u(lang, "check")}</th><th>${u(lang, "severity")}</th><th>${u(lang, "message")}</th><th>${u(lang, "fix")}</th></tr></thead><tbody>${findingRows(list, lang)}</tbody></table>`;
}

/** Every file handed over: its status, forms, errors, warnings, and why it was not read or what was found about it. */
function filesTable(files: readonly ReportFile[], lang: Lang): string {
  const rows = files
    .map((f) => {
      const c = counts([...f.findings, ...f.forms.flatMap((form) => form.findings)]);
      const note = [
        h(fileReason(f)),
        ...f.findings.map((x) => `${h(codeName(x.code, lang))} <span class="code">${h(x.code)}</span>`),
      ]
        .filter(Boolean)
        .join("; ");
      return `<tr class="file-${h(f.status)}${c.error ? " has-error" : ""}"><td>${h(shownPath(f))}</td><td>${h(statusText(f, lang))}</td><td class="num">${f.forms.length}</td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td>${note}</td></tr>`;
    })
    .join("\n");
  return `<table id="files"><thead><tr><th>${u(lang, "file")}</th><th>${u(lang, "status")}</th><th>${u(lang, "forms")}</th><th>${u(lang, "errors")}</th><th>${u(lang, "warnings")}</th><th>${u(lang, "note")}</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** A form's layout problems (fields guessed or not found while reading it): shown, not counted. */
function layoutTable(form: ReportForm, lang: Lang): string {
  const issues = form.layoutIssues ?? [];
  if (issues.length === 0) return "";
  const rows = issues
    .map(
      (i) =>
        `<tr class="layout"><td>${h(form.sheet)}${i.cell ? `!${h(i.cell)}` : ""}</td><td>${h(layoutFieldLabel(i.field, lang))}</td><td>${h(layoutKindLabel(i.kind, lang))}</td><td>${h(i.message)}</td></tr>`,
    )
    .join("");
  return `<h4>${u(lang, "layout")}</h4><table class="layout"><thead><tr><th>${u(lang, "cell")}</th><th>${u(lang, "field")}</th><th>${u(lang, "kind")}</th><th>${u(lang, "message")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderHtml(run: ReportRun): string {
  const { lang, files } = run;
  const s = summarize(files, run.policy);
  const rules = rulesInForce(run.policy, lang);
  const packs = rules.packs.map((p) => `${h(p.label)} <small>${h(p.name)}</small>`).join(t(lang, "LIST_SEPARATOR"));
  const sep = lang === "zh" ? "：" : ": ";
  const formRows = files
    .flatMap((f, fi) =>
      f.forms.map((form, i) => {
        const c = counts(form.findings);
        const n = figures(form, lang);
        const link = f.annotated
          ? ` <a class="annotated" href="${h(encodeURI(f.annotated))}">${u(lang, "annotated")}</a>`
          : "";
        return `<tr class="${c.error ? "has-error" : c.warning ? "has-warning" : ""}"><td>${h(shownPath(f))}${link}<br><small>${h(form.sheet)}!${h(form.range)}</small></td><td><a href="#form-${fi}-${i}">${h(form.name ?? form.range)}</a></td><td class="num">${h(n.self)}</td><td class="num">${h(n.review)}</td><td class="num">${h(n.deviation)}</td><td>${h(n.selfGrade)}</td><td>${h(n.reviewGrade)}</td><td class="num">${h(percent(form.funds?.rate))}</td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td></tr>`;
      }),
    )
    .join("\n");
  const fileFindings = files
    .filter((f) => f.findings.length > 0)
    .map((f) => `<section><h3>${h(shownPath(f))}</h3>${findingsTable(f.findings, lang)}</section>`)
    .join("\n");
  const details = files
    .flatMap((f, fi) =>
      f.forms.map(
        (form, i) =>
          `<section id="form-${fi}-${i}"><h3>${h(form.name ?? form.range)} <small>${h(shownPath(f))} · ${h(form.sheet)}!${h(form.range)}</small></h3>${form.findings.length ? findingsTable(form.findings, lang) : `<p class="note">${u(lang, "noFindings")}</p>`}${layoutTable(form, lang)}</section>`,
      ),
    )
    .join("\n");
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en-US"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width">
<title>${u(lang, "title")}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${u(lang, "title")}</h1>
<p class="meta"><span>${u(lang, "policy")}${sep}<b>${h(rules.policy.label)}</b> <small>${h(rules.policy.name)}</small></span><span>${u(lang, "packs")}${sep}${packs}</span><span>${u(lang, "date")}${sep}${h(run.date)}</span><span>${u(lang, "version")}${sep}perf-check ${h(run.version)}</span></p>
<p class="note">${h(rules.policy.source)}</p>
<h2>${u(lang, "overview")}</h2>
<p id="summary-line">${h(summaryLine(s, lang))}</p>
<div class="charts">${summaryCharts(s, lang).map(chartFigure).join("")}</div>
<p class="note">${u(lang, "selfNote")}</p>
${formList(u(lang, "deviations", { n: DEVIATION_LIMIT }), s.deviations, files, lang, "deviations")}
${formList(u(lang, "highSelfLowRate", { self: HIGH_SELF, rate: LOW_RATE * 100 }), s.highSelfLowRate, files, lang, "high-self-low-rate")}
${formList(u(lang, "allFull"), s.allFullMarks, files, lang, "all-full")}
<h2>${u(lang, "files")}</h2>
${filesTable(files, lang)}
<h2>${u(lang, "formsTitle")}</h2>
${legend(lang)}
<table id="forms"><thead><tr><th>${u(lang, "file")}</th><th>${u(lang, "name")}</th><th>${u(lang, "self")}</th><th>${u(lang, "review")}</th><th>${u(lang, "deviation")}</th><th>${u(lang, "selfGrade")}</th><th>${u(lang, "reviewGrade")}</th><th>${u(lang, "rate")}</th><th>${u(lang, "errors")}</th><th>${u(lang, "warnings")}</th><th>${u(lang, "info")}</th></tr></thead>
<tbody>
${formRows}
</tbody></table>
${fileFindings ? `<h2>${u(lang, "fileFindings")}</h2>\n${fileFindings}` : ""}
<h2>${u(lang, "details")}</h2>
${details}
</body>
</html>
`;
}
