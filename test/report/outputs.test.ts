/**
 * One run — the three fixtures, the three shared cases, a form the unit did not score, a workbook
 * with no form (NO_FORM), a file that could not be read and one skipped — rendered as text, JSON,
 * CSV, HTML and XLSX by src/report; the files by status, the forms, their 自评 / 复核 / 偏差, both
 * grades' counts and the finding counts (file-level ones included) agree across all five, and with
 * the summary (summary.ts). The XLSX is read back with exceljs, and converted by LibreOffice where it is
 * installed.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import {
  jsonDocument,
  renderCsv,
  renderHtml,
  renderText,
  renderXlsx,
  summarize,
  type BatchSummary,
  type ReportRun,
} from "../../src/report";
import { makeTempDir, removeDir } from "../helpers/xlsx-builders";
import { sampleRun } from "./helpers";

let run: ReportRun;
let s: BatchSummary;
let dir: string;
beforeAll(async () => {
  run = await sampleRun();
  s = summarize(run.files, run.policy);
  dir = await makeTempDir("report-outputs");
});
afterAll(() => removeDir(dir));

/** What each output must agree on. */
interface Counts {
  files: Record<string, number>;
  forms: number;
  self: Record<string, number>;
  review: Record<string, number>;
  severities: { error: number; warning: number; info: number };
}

function bump(m: Record<string, number>, k: string) {
  m[k] = (m[k] ?? 0) + 1;
}

/** The summary's own counts, 未评分 by its label. */
function expected(): Counts {
  const self: Record<string, number> = {};
  const review: Record<string, number> = {};
  for (const g of s.grades) {
    const label = g.grade === "unscored" ? "未评分" : g.grade;
    if (g.self) self[label] = g.self;
    if (g.review) review[label] = g.review;
  }
  return {
    files: { checked: s.checked, unreadable: s.unreadable, skipped: s.skipped },
    forms: s.forms,
    self,
    review,
    severities: { error: s.errors, warning: s.warnings, info: s.infos },
  };
}

function empty(): Counts {
  return {
    files: { checked: 0, unreadable: 0, skipped: 0 },
    forms: 0,
    self: {},
    review: {},
    severities: { error: 0, warning: 0, info: 0 },
  };
}

/** Statuses and severities as the Chinese outputs print them. */
const STATUS: Record<string, string> = { 已检查: "checked", 无法读取: "unreadable", 已跳过: "skipped" };
const SEV: Record<string, "error" | "warning" | "info"> = { 错误: "error", 警告: "warning", 提示: "info" };

test("the run holds every kind: 10 files (8 checked, 1 of them with no form; 1 unreadable; 1 skipped); 20 forms (16 of the fixtures, 3 cases, 1 unscored; 2 of them score tables)", () => {
  expect([s.files, s.checked, s.unreadable, s.skipped, s.forms, s.scoreTables, s.unscored]).toEqual([
    10, 8, 1, 1, 20, 2, 1,
  ]);
  expect(run.files.find((f) => f.rel === "pay.xlsx")!.findings.map((x) => x.code)).toEqual(["NO_FORM"]);
  expect(s.grades.find((g) => g.grade === "unscored")).toEqual({ grade: "unscored", self: 1, review: 0 });
});

test("text: one line per form with 自评 / 复核 / 偏差 and both grades; the summary line's counts", () => {
  const { out, err } = renderText(run);
  expect(err).toEqual(["broken.xlsx: 错误: 不是 .xlsx 文件（不是 zip 格式）"]);
  expect(out[0]).toBe("规则集：national（全国通行（财预〔2020〕10号））；规则包：core、review");
  const c = empty();
  c.files.unreadable = err.length;
  for (const line of out.slice(1, -1)) {
    if (!line.startsWith(" ")) {
      if (line.includes(": 跳过: ")) c.files.skipped++;
      else c.files.checked++;
      continue;
    }
    // A file-level finding: "  错误 NO_FORM: …".
    const file = /^ {2}(错误|警告|提示) [A-Z_]+: /.exec(line);
    if (file) c.severities[SEV[file[1]]]++;
    const m = /  自评 (\S+)(?: (\S))? \/ 复核 \S+ (\S) \/ 偏差 (\S+)  (\d+)E (\d+)W (\d+)I$/.exec(line);
    if (!m) continue;
    c.forms++;
    bump(c.self, m[1] === "未评分" ? "未评分" : m[2]);
    bump(c.review, m[3]);
    c.severities.error += +m[5];
    c.severities.warning += +m[6];
    c.severities.info += +m[7];
  }
  expect(c).toEqual(expected());
  expect(out[out.length - 1]).toBe(
    `10 个文件（已检查 8，其中 0 个经 LibreOffice 转换；无法读取 1；跳过 1），20 张表，${s.errors} 个错误，${s.warnings} 个警告；` +
      `其中自评表 18 张，评分表 2 张，未评分 1 张；${s.infos} 个提示`,
  );
  expect(out.some((l) => l.includes("自评 未评分 / 复核 93 优 / 偏差 —"))).toBe(true);
});

test("JSON: the summary is the same object; per form self / review / deviation as the summary counts them", () => {
  const doc = JSON.parse(JSON.stringify(jsonDocument(run)));
  expect(doc.summary).toEqual(JSON.parse(JSON.stringify(s)));
  expect(doc.policy).toEqual({ name: "national", label: "全国通行（财预〔2020〕10号）", packs: ["core", "review"] });
  const c = empty();
  for (const f of doc.files) {
    c.files[f.status]++;
    for (const x of f.findings) c.severities[x.severity as "error"]++;
    for (const form of f.forms) {
      c.forms++;
      bump(c.self, form.self ? form.self.grade : "未评分");
      bump(c.review, form.grade.review);
      for (const x of form.findings) c.severities[x.severity as "error"]++;
    }
  }
  expect(c).toEqual(expected());
});

test("CSV: every form's row(s) carry its 自评 / 复核 / 偏差 and grades; finding rows by severity", () => {
  const csv = renderCsv(run);
  const rows = csv
    .slice(1)
    .trim()
    .split("\r\n")
    .map((l) => JSON.parse(`[${l}]`) as string[]);
  const head = rows[0];
  expect(head.slice(0, 2)).toEqual(["文件", "状态"]);
  expect(head.slice(5, 12)).toEqual(["总分", "等级", "自评得分", "复核得分", "偏差", "自评等级", "复核等级"]);
  expect(head.slice(12, 19)).toEqual(["单元格", "代码", "检查项", "级别", "说明", "应为", "填报"]);
  // Every row names the policy and packs.
  expect(head.slice(-2)).toEqual(["规则集", "规则包"]);
  expect(new Set(rows.slice(1).map((r) => r.slice(-2).join("|")))).toEqual(new Set(["national|core review"]));
  const c = empty();
  const files = new Set<string>();
  const forms = new Set<string>();
  for (const r of rows.slice(1)) {
    if (!files.has(r[0])) {
      files.add(r[0]);
      c.files[STATUS[r[1]]]++;
    }
    // An unreadable or skipped file's row is its reason, not a finding; a layout problem is none either.
    if (r[13] === "FILE_ERROR" || r[13] === "FILE_SKIPPED" || r[13].startsWith("LAYOUT_")) continue;
    const key = `${r[0]}|${r[2]}|${r[3]}`;
    if (r[3] && !forms.has(key)) {
      forms.add(key);
      c.forms++;
      bump(c.self, r[10]);
      bump(c.review, r[11]);
    }
    if (r[15]) c.severities[SEV[r[15]]]++;
  }
  expect(c).toEqual(expected());
});

test("HTML: the forms table, the chart's table and the findings agree with the summary", () => {
  const html = renderHtml(run);
  const c = empty();
  const filesTable = html.slice(
    html.indexOf('<table id="files">'),
    html.indexOf("</table>", html.indexOf('<table id="files">')),
  );
  for (const m of filesTable.matchAll(/<tr class="file-(\w+)[^"]*"><td>[^<]*<\/td><td>([^<]*)<\/td>/g)) {
    expect(STATUS[m[2]]).toBe(m[1]);
    c.files[m[1]]++;
  }
  const table = html.slice(
    html.indexOf('<table id="forms">'),
    html.indexOf("</table>", html.indexOf('<table id="forms">')),
  );
  for (const m of table.matchAll(
    /<td>([^<]*)<\/td><td>([^<]*)<\/td><td class="num">[^<]*<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g,
  )) {
    c.forms++;
    bump(c.self, m[1]);
    bump(c.review, m[2]);
    c.severities.error += +m[3];
    c.severities.warning += +m[4];
    c.severities.info += +m[5];
  }
  // The findings about whole files (NO_FORM), by their severity badge.
  const fileFindings = html.slice(html.indexOf("<h2>文件问题</h2>"), html.indexOf("<h2>各表问题</h2>"));
  for (const m of fileFindings.matchAll(/<span class="sev sev-(\w+)">/g)) c.severities[m[1] as "error"]++;
  expect(c).toEqual(expected());
  // The chart's data table: the same counts as the summary; the findings listed: one row each.
  const chart = [
    ...html.matchAll(/<tr><td>([优良中差]|未评分)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g),
  ];
  expect(chart.map((m) => [m[1], +m[2], +m[3]])).toEqual(
    s.grades.map((g) => [g.grade === "unscored" ? "未评分" : g.grade, g.self, g.review]),
  );
  expect((html.match(/<tr class="finding /g) ?? []).length).toBe(s.errors + s.warnings + s.infos);
  // Bars drawn for the grades chart: two per grade (and the legend's two swatches).
  expect((html.match(/<rect class="(self|review)" x=/g) ?? []).length).toBe(2 * s.grades.length + 2);
});

test("XLSX: read back with exceljs — findings, forms, a sheet per summary — the same counts", async () => {
  const bytes = await renderXlsx(run);
  const file = path.join(dir, "report.xlsx");
  await fs.writeFile(file, bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "问题",
    "表格",
    "文件",
    "等级分布",
    "偏差",
    "高分低执行",
    "全部满分",
    "执行率分布",
    "规则",
  ]);
  const rowsOf = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
    return out;
  };
  const forms = rowsOf("表格");
  expect(forms[0]).toEqual([
    "文件",
    "工作表",
    "区域",
    "项目名称",
    "自评得分",
    "复核得分",
    "偏差",
    "自评等级",
    "复核等级",
    "总分",
    "等级",
    "执行率",
    "错误",
    "警告",
    "提示",
  ]);
  const c = empty();
  for (const r of rowsOf("文件").slice(1)) c.files[STATUS[String(r[1])]]++;
  for (const r of forms.slice(1)) {
    c.forms++;
    bump(c.self, String(r[7]));
    bump(c.review, String(r[8]));
    c.severities.error += Number(r[12] ?? 0);
    c.severities.warning += Number(r[13] ?? 0);
    c.severities.info += Number(r[14] ?? 0);
  }
  const findings = rowsOf("问题");
  // The file-level findings (NO_FORM): on the findings sheet with no form named.
  for (const r of findings.slice(1)) if (!r[1] && !String(r[4]).startsWith("FILE_")) c.severities[SEV[String(r[6])]]++;
  expect(c).toEqual(expected());
  expect(findings[0]).toEqual([
    "文件",
    "项目名称",
    "工作表",
    "单元格",
    "代码",
    "检查项",
    "级别",
    "说明",
    "应为",
    "填报",
    "修改建议",
  ]);
  // One row per finding and per layout problem, and one for each unreadable or skipped file.
  const layout = run.files.reduce((n, f) => n + f.forms.reduce((m, x) => m + (x.layoutIssues?.length ?? 0), 0), 0);
  expect(layout).toBeGreaterThan(0);
  expect(findings.length - 1).toBe(s.errors + s.warnings + s.infos + layout + s.unreadable + s.skipped);
  const grades = rowsOf("等级分布").slice(1);
  expect(grades).toEqual(s.grades.map((g) => [g.grade === "unscored" ? "未评分" : g.grade, g.self, g.review]));
  expect(rowsOf("偏差").length - 1).toBe(s.deviations.length);
  expect(rowsOf("全部满分").length - 1).toBe(s.allFullMarks.length);
  expect(
    rowsOf("执行率分布")
      .slice(1)
      .reduce((n, r) => n + Number(r[1]), 0),
  ).toBe(s.forms);
  // 执行率 (全年执行数/全年预算数, 财预〔2020〕10号): a number cell, the form's own fraction, shown 0.00%.
  const formSheet = wb.getWorksheet("表格")!;
  const rates = run.files.flatMap((f) => f.forms.map((x) => x.funds?.rate));
  expect(rates.filter((r) => r !== undefined).length).toBeGreaterThan(5);
  rates.forEach((r, i) => {
    const cell = formSheet.getCell(i + 2, 12);
    if (r === undefined) expect(cell.value).toBeNull();
    else expect([cell.type, cell.value, cell.numFmt]).toEqual([ExcelJS.ValueType.Number, Number(r), "0.00%"]);
  });
  const deviationSheet = wb.getWorksheet("偏差")!;
  s.deviations.forEach((d, i) => {
    const cell = deviationSheet.getCell(i + 2, 8);
    expect(d.rate === undefined ? cell.value : [cell.value, cell.numFmt]).toEqual(
      d.rate === undefined ? null : [Number(d.rate), "0.00%"],
    );
  });
  // A finding's row: the Chinese name and the fix hint beside the code.
  expect(findings.find((r) => r[4] === "SCORE_EXCEEDS_WEIGHT")?.slice(5, 7)).toEqual(["得分超过分值", "错误"]);
  // The rules sheet names the policy, the date and version, and every rule of both packs.
  const rules = rowsOf("规则");
  expect(rules.slice(1, 4).map((r) => r.slice(0, 2))).toEqual([
    ["规则集", "national"],
    ["日期", "2026-12-01"],
    ["版本", "perf-check 0.1.0"],
  ]);
  expect(rules.filter((r) => r[0] === "review" && r[1]).length).toBe(9);
  // The same run, the same bytes.
  expect(Buffer.from(await renderXlsx(run)).equals(Buffer.from(bytes))).toBe(true);
});

const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
(SOFFICE ? test : test.skip)("XLSX: LibreOffice opens it (converted to .ods without error)", async () => {
  const file = path.join(dir, "lo.xlsx");
  await fs.writeFile(file, await renderXlsx(run));
  const profile = path.join(dir, "lo-profile");
  await new Promise<void>((resolve, reject) =>
    execFile(
      SOFFICE!,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "ods", "--outdir", dir, file],
      { timeout: 120_000 },
      (e) => (e ? reject(e) : resolve()),
    ),
  );
  const ods = await fs.stat(path.join(dir, "lo.ods"));
  expect(ods.size).toBeGreaterThan(1000);
});
