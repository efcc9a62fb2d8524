/**
 * The report as an .xlsx workbook reviewers filter and file: a sheet of findings (one row per
 * finding: file, form, sheet, cell, code, name, severity, message, expected, found, fix; an
 * unreadable or skipped file one row with its reason; a form's layout problems too), a sheet of
 * forms (自评 / 复核 / 偏差, both grades, 执行率 as a number formatted 0.00%, counts), a sheet of every file handed over with its
 * status, and a sheet per part of the batch summary
 * (grades, deviations, high self with low 执行率, full marks, 执行率 bands), and a sheet naming the
 * policy, packs, date and version with every rule in force and its source. Every sheet has a
 * frozen, filterable header row. SpreadsheetML written here and zipped by the package layer's
 * writer (src/xlsx/zip-write.ts, fflate: runs in browsers too): no Node-only module, no clock, so
 * the same run gives the same bytes. Text is written as inline strings: never a formula. Pure.
 */
import { fflateCodec } from "../xlsx/fflate-codec";
import { writeZip, type ZipOutput } from "../xlsx/zip-write";
import { t, type StringKey } from "../i18n/strings";
import {
  bandLabel,
  counts,
  fileReason,
  figures,
  findingCells,
  gradeLabel,
  layoutCells,
  percent,
  shownPath,
  statusText,
} from "./format";
import { codeFix, codeName, rulesInForce, severityName } from "./rules";
import { summarize, type FormRef } from "./summary";
import type { ReportFinding, ReportRun } from "./types";

/** An execution rate: the fraction (1 is 100%), shown with Excel's built-in format 0.00% (numFmtId 10). */
interface Percent {
  percent: number;
}

type Cell = string | number | Percent | undefined;

/** Cell styles (cellXfs in STYLES): plain, the bold header, a percent. */
const STYLE_HEADER = 1;
const STYLE_PERCENT = 2;

interface Sheet {
  name: string;
  head: string[];
  rows: Cell[][];
}

/** XML text: escaped, and characters XML 1.0 cannot carry shown as U+FFFD. */
function xml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A figure string as a number cell when it is one ("84.57"), else text. */
function num(s: string | undefined): Cell {
  return s !== undefined && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

/** A rate (a fraction as a decimal string, "0.3709") as a percent cell; "" when there is none. */
function rate(fraction: string | undefined): Cell {
  if (fraction === undefined) return "";
  const n = Number(fraction);
  return Number.isFinite(n) ? { percent: n } : fraction;
}

/** What a cell shows, for its column's width. */
function shown(v: Cell): string {
  if (typeof v === "object") return percent(String(v.percent));
  return String(v ?? "");
}

function cellXml(v: Cell, ref: string, style: number): string {
  if (v === undefined || v === "") return "";
  if (typeof v === "object") return `<c r="${ref}" s="${STYLE_PERCENT}"><v>${v.percent}</v></c>`;
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xml(String(v))}</t></is></c>`;
}

function sheetXml(sheet: Sheet): string {
  const rows = [sheet.head, ...sheet.rows];
  const width = sheet.head.length;
  const widths = sheet.head.map((_, c) =>
    Math.min(
      60,
      Math.max(8, ...rows.map((r) => [...shown(r[c])].reduce((n, ch) => n + (ch > "\u2e7f" ? 2 : 1), 0) + 2)),
    ),
  );
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const data = rows
    .map(
      (r, ri) =>
        `<row r="${ri + 1}">${r.map((v, ci) => cellXml(v, `${colName(ci)}${ri + 1}`, ri === 0 ? STYLE_HEADER : 0)).join("")}</row>`,
    )
    .join("");
  const last = `${colName(width - 1)}${rows.length}`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${data}</sheetData><autoFilter ref="A1:${last}"/></worksheet>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The sheets of a run, in order. */
export function reportSheets(run: ReportRun): Sheet[] {
  const { lang, files } = run;
  const u = (k: string, p = {}) => t(lang, `REPORT_${k}` as StringKey, p);
  const s = summarize(files, run.policy);
  const findings: Sheet = {
    name: u("sheetFindings"),
    head: ["file", "name", "sheet", "cell", "code", "check", "severity", "message", "expected", "found", "fix"].map(
      (k) => u(k),
    ),
    rows: [],
  };
  const forms: Sheet = {
    name: u("sheetForms"),
    head: [
      "file",
      "sheet",
      "range",
      "name",
      "self",
      "review",
      "deviation",
      "selfGrade",
      "reviewGrade",
      "total",
      "grade",
      "rate",
      "errors",
      "warnings",
      "info",
    ].map((k) => u(k)),
    rows: [],
  };
  const fileSheet: Sheet = {
    name: u("sheetFiles"),
    head: ["file", "status", "forms", "errors", "warnings", "note"].map((k) => u(k)),
    rows: [],
  };
  for (const f of files) {
    const file = shownPath(f);
    const all = counts([...f.findings, ...f.forms.flatMap((form) => form.findings)]);
    fileSheet.rows.push([file, statusText(f, lang), f.forms.length, all.error, all.warning, fileReason(f)]);
    const fileRow = (code: string, severity: string, message: string | undefined): Cell[] => [
      file,
      "",
      "",
      "",
      code,
      codeName(code, lang),
      severity ? severityName(severity, lang) : "",
      message,
      "",
      "",
      codeFix(code, lang),
    ];
    if (f.status === "unreadable") findings.rows.push(fileRow("FILE_ERROR", "error", f.error));
    if (f.status === "skipped") findings.rows.push(fileRow("FILE_SKIPPED", "", f.skipped));
    const finding = (form: string, x: ReportFinding): Cell[] => {
      const [cell, ...rest] = findingCells(x, lang);
      return [file, form, x.sheet, cell, ...rest, codeFix(x.code, lang)];
    };
    for (const x of f.findings) findings.rows.push(finding("", x));
    for (const form of f.forms) {
      const n = figures(form, lang);
      const c = counts(form.findings);
      forms.rows.push([
        file,
        form.sheet,
        form.range,
        form.name,
        num(n.self),
        num(n.review),
        num(n.deviation),
        n.selfGrade,
        n.reviewGrade,
        num(form.total.stated),
        form.grade.stated,
        rate(form.funds?.rate),
        c.error,
        c.warning,
        c.info,
      ]);
      for (const x of form.findings) findings.rows.push(finding(form.name ?? form.range, x));
      for (const i of form.layoutIssues ?? []) {
        const [cell, ...rest] = layoutCells(i, lang);
        findings.rows.push([file, form.name ?? form.range, form.sheet, cell, ...rest, ""]);
      }
    }
  }
  const refs = (name: string, list: FormRef[]): Sheet => ({
    name,
    head: ["file", "sheet", "range", "name", "self", "review", "deviation", "rate"].map((k) => u(k)),
    rows: list.map((r) => [
      shownPath(files[r.file]),
      r.sheet,
      r.range,
      r.name,
      num(r.self),
      num(r.review),
      num(r.deviation),
      rate(r.rate),
    ]),
  });
  return [
    findings,
    forms,
    fileSheet,
    {
      name: u("sheetGrades"),
      head: [u("grade"), u("selfGrade"), u("reviewGrade")],
      rows: s.grades.map((g) => [gradeLabel(g.grade, lang), g.self, g.review]),
    },
    refs(u("sheetDeviations"), s.deviations),
    refs(u("sheetHighSelf"), s.highSelfLowRate),
    refs(u("sheetAllFull"), s.allFullMarks),
    {
      name: u("sheetRates"),
      head: [u("rate"), u("count")],
      rows: [...s.rates.map((b) => [bandLabel(b, lang), b.count]), [u("noRate"), s.noRate]],
    },
    rulesSheet(run),
  ];
}

/** The policy, packs, date and version, then every rule in force with its source. */
function rulesSheet(run: ReportRun): Sheet {
  const { lang } = run;
  const u = (k: string) => t(lang, `REPORT_${k}` as StringKey);
  const r = rulesInForce(run.policy, lang);
  return {
    name: u("sheetRules"),
    head: [u("packs"), u("code"), u("check"), u("severity"), u("source")],
    rows: [
      [u("policy"), r.policy.name, r.policy.label, "", r.policy.source],
      [u("date"), run.date, "", "", ""],
      [u("version"), `perf-check ${run.version}`, "", "", ""],
      ...r.packs.flatMap((p) => [
        [p.name, "", p.label, "", p.source],
        ...p.rules.map((x): Cell[] => [p.name, x.code, x.name, severityName(x.severity, lang), x.source]),
      ]),
    ],
  };
}

/** The workbook's bytes: the same run gives the same bytes (members dated at the DOS epoch). */
export function renderXlsx(run: ReportRun): Uint8Array {
  const sheets = reportSheets(run);
  const enc = new TextEncoder();
  const member = (name: string, text: string): ZipOutput => ({ name, content: enc.encode(text) });
  return writeZip(
    [
      member(
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
      ),
      member(
        "_rels/.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      member(
        "xl/workbook.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><definedNames>${sheets.map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xml(s.name.replace(/'/g, "''"))}'!$A$1:$${colName(s.head.length - 1)}$${s.rows.length + 1}</definedName>`).join("")}</definedNames></workbook>`,
      ),
      member(
        "xl/_rels/workbook.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
      member("xl/styles.xml", STYLES),
      ...sheets.map((s, i) => member(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s))),
    ],
    fflateCodec,
  );
}

export type { Sheet as ReportSheet };
