/**
 * One run — the three fixtures, the three shared cases, a form the unit did not score and a file that
 * could not be read — rendered as text, JSON, CSV, HTML and XLSX by src/report; the forms, their
 * 自评 / 复核 / 偏差, both grades' counts and the finding counts agree across all five, and with the
 * summary (summary.ts). The XLSX is read back with exceljs, and converted by LibreOffice where it is
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
  return { forms: s.forms, self, review, severities: { error: s.errors, warning: s.warnings, info: s.infos } };
}

test("the run holds every kind: 20 forms (16 of the fixtures, 3 cases, 1 unscored; 2 of them score tables), 1 unreadable file", () => {
  expect([s.files, s.unreadable, s.forms, s.scoreTables, s.unscored]).toEqual([8, 1, 20, 2, 1]);
  expect(s.grades.find((g) => g.grade === "unscored")).toEqual({ grade: "unscored", self: 1, review: 0 });
});

test("text: one line per form with 自评 / 复核 / 偏差 and both grades; the summary line's counts", () => {
  const { out, err } = renderText(run);
  expect(err).toEqual(["broken.xlsx: 错误: 不是 .xlsx 文件（不是 zip 格式）"]);
  const c: Counts = { forms: 0, self: {}, review: {}, severities: { error: 0, warning: 0, info: 0 } };
  for (const line of out) {
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
    `共 8 个文件（1 个无法读取），20 张表（自评表 18 张，评分表 2 张，未评分 1 张）；${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示`,
  );
  expect(out.some((l) => l.includes("自评 未评分 / 复核 93 优 / 偏差 —"))).toBe(true);
});

test("JSON: the summary is the same object; per form self / review / deviation as the summary counts them", () => {
  const doc = JSON.parse(JSON.stringify(jsonDocument(run)));
  expect(doc.summary).toEqual(JSON.parse(JSON.stringify(s)));
  expect(doc.policy).toEqual({ name: "national", label: "全国通行（财预〔2020〕10号）", packs: ["core", "review"] });
  const c: Counts = { forms: 0, self: {}, review: {}, severities: { error: 0, warning: 0, info: 0 } };
  for (const f of doc.files)
    for (const form of f.forms) {
      c.forms++;
      bump(c.self, form.self ? form.self.grade : "未评分");
      bump(c.review, form.grade.review);
      for (const x of form.findings) c.severities[x.severity as "error"]++;
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
  expect(head.slice(4, 11)).toEqual(["总分", "等级", "自评得分", "复核得分", "偏差", "自评等级", "复核等级"]);
  // Every row names the policy and packs.
  expect(head.slice(-2)).toEqual(["规则集", "规则包"]);
  expect(new Set(rows.slice(1).map((r) => r.slice(-2).join("|")))).toEqual(new Set(["national|core review"]));
  const c: Counts = { forms: 0, self: {}, review: {}, severities: { error: 0, warning: 0, info: 0 } };
  const seen = new Set<string>();
  const sev: Record<string, "error" | "warning" | "info"> = { 错误: "error", 警告: "warning", 提示: "info" };
  for (const r of rows.slice(1)) {
    if (r[12] === "FILE_ERROR") continue;
    const key = `${r[0]}|${r[1]}|${r[2]}`;
    if (!seen.has(key)) {
      seen.add(key);
      c.forms++;
      bump(c.self, r[9]);
      bump(c.review, r[10]);
    }
    if (r[14]) c.severities[sev[r[14]]]++;
  }
  expect(c).toEqual(expected());
});

test("HTML: the forms table, the chart's table and the findings agree with the summary", () => {
  const html = renderHtml(run);
  const c: Counts = { forms: 0, self: {}, review: {}, severities: { error: 0, warning: 0, info: 0 } };
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
  const c: Counts = { forms: 0, self: {}, review: {}, severities: { error: 0, warning: 0, info: 0 } };
  for (const r of forms.slice(1)) {
    c.forms++;
    bump(c.self, String(r[7]));
    bump(c.review, String(r[8]));
    c.severities.error += Number(r[12] ?? 0);
    c.severities.warning += Number(r[13] ?? 0);
    c.severities.info += Number(r[14] ?? 0);
  }
  expect(c).toEqual(expected());
  const findings = rowsOf("问题");
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
  // One row per finding, and one for the unreadable file.
  expect(findings.length - 1).toBe(s.errors + s.warnings + s.infos + s.unreadable);
  const grades = rowsOf("等级分布").slice(1);
  expect(grades).toEqual(s.grades.map((g) => [g.grade === "unscored" ? "未评分" : g.grade, g.self, g.review]));
  expect(rowsOf("偏差").length - 1).toBe(s.deviations.length);
  expect(rowsOf("全部满分").length - 1).toBe(s.allFullMarks.length);
  expect(
    rowsOf("执行率分布")
      .slice(1)
      .reduce((n, r) => n + Number(r[1]), 0),
  ).toBe(s.forms);
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
