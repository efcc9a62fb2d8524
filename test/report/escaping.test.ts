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
