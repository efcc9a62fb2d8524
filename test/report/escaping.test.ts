/**
 * Text from cells and file names never acts in a report: HTML escapes it, CSV makes a leading
 * = + - @ inert, the XLSX writes it as an inline string (never a formula) with the characters XML
 * cannot carry shown as U+FFFD.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { checkForm } from "../../src/engine/checks";
import { jsonForm } from "../../src/cli/check";
import { national } from "../../src/engine/policy";
import { renderCsv, renderHtml, renderXlsx, type ReportRun } from "../../src/report";
import { csvCell } from "../../src/report/csv";
import { good } from "../engine/checks/base";
import { projectForm } from "../helpers/form-builder";
import { makeTempDir, removeDir } from "../helpers/xlsx-builders";

const HOSTILE_NAME = '<script>alert("x")</script>=HYPERLINK("http://x")\u0007';

function hostileRun(): ReportRun {
  const spec = good();
  spec.indicators[0].target = '=HYPERLINK("http://x","点我")';
  spec.indicators[0].l3 = "<img src=x onerror=alert(1)>";
  const form = projectForm(spec);
  form.name = { ...form.name!, value: HOSTILE_NAME };
  const json = jsonForm(checkForm(form, national), "zh");
  return {
    files: [
      { file: "<b>evil</b>.xlsx", rel: "=cmd|' /C calc'!A0.xlsx", status: "checked", findings: [], forms: [json] },
    ],
    lang: "zh",
    policy: national,
    date: "2026-12-01",
    version: "0.1.0",
  };
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("report-escaping");
});
afterAll(() => removeDir(dir));

test("HTML: no tag or attribute from the cells survives", () => {
  const html = renderHtml(hostileRun());
  expect(html).not.toContain("<script>alert");
  expect(html).not.toContain("<img src=x");
  expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
});

test("CSV: a cell starting with = is made inert", () => {
  const csv = renderCsv(hostileRun());
  expect(csv).toContain(`"'=cmd|' /C calc'!A0.xlsx"`);
  expect(csv).not.toMatch(/(^|,)"=/m);
});

test("CSV: a plain number keeps its sign and stays a number (-20, -3.8, +5, -0.5%); = @ and a sign followed by anything else stay guarded (OWASP CSV Injection)", () => {
  expect(["-20", "-3.8", "+5", "-0.5%", "-1.5e3", "84.57"].map(csvCell)).toEqual([
    '"-20"',
    '"-3.8"',
    '"+5"',
    '"-0.5%"',
    '"-1.5e3"',
    '"84.57"',
  ]);
  expect(["-2+3", "+cmd", "-A1", "=1", "@SUM(A1)", "-", "-1,5", "- 3", "+1)"].map(csvCell)).toEqual([
    `"'-2+3"`,
    `"'+cmd"`,
    `"'-A1"`,
    `"'=1"`,
    `"'@SUM(A1)"`,
    `"'-"`,
    `"'-1,5"`,
    `"'- 3"`,
    `"'+1)"`,
  ]);
});

test("CSV: a negative 偏差 (self below review) is written as a number, not as quoted text", () => {
  const spec = good();
  spec.total = { weight: 100, score: 77, grade: "中" }; // the form's own 总分 20 below the review's 97
  const json = jsonForm(checkForm(projectForm(spec), national), "zh");
  const run: ReportRun = {
    files: [{ file: "a.xlsx", rel: "a.xlsx", status: "checked", findings: [], forms: [json] }],
    lang: "zh",
    policy: national,
    date: "2026-12-01",
    version: "0.1.0",
  };
  const deviation = json.deviation!;
  expect(deviation).toBe("-20");
  const rows = renderCsv(run).split("\r\n");
  const column = rows[0].split(",").indexOf('"偏差"');
  expect(column).toBeGreaterThan(0);
  expect(rows.slice(1, -1).map((r) => r.split(",")[column])).toContain(`"${deviation}"`);
  expect(renderCsv(run)).not.toContain(`'${deviation}`);
});

test("XLSX: text as inline strings, read back as the same text, never a formula", async () => {
  const file = path.join(dir, "hostile.xlsx");
  await fs.writeFile(file, await renderXlsx(hostileRun()));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const forms = wb.getWorksheet("表格")!;
  expect(forms.getCell("A2").value).toBe("=cmd|' /C calc'!A0.xlsx");
  expect(forms.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  expect(forms.getCell("D2").value).toBe('<script>alert("x")</script>=HYPERLINK("http://x")\ufffd');
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((r) => r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0))),
  );
  expect(formulas).toBe(0);
});
