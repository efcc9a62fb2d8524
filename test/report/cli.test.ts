/**
 * perf-check writes the reports src/report renders: --report .xlsx, and in the HTML the policy,
 * packs, date and version at the top, paths relative to the folder checked, and with --write a link
 * to each annotated copy (relative to the report) that resolves to the copy written.
 */
import { existsSync, promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { makeTempDir, removeDir, runCli, SAMPLES } from "../helpers/xlsx-builders";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("report-cli");
});
afterAll(() => removeDir(dir));

test("HTML head, relative paths and links to the annotated copies", async () => {
  const report = path.join(dir, "out", "report.html");
  const copies = path.join(dir, "copies");
  const run = await runCli(["--report", report, "--write", copies, SAMPLES]);
  expect(run.code).toBe(1);
  const html = await fs.readFile(report, "utf8");
  const version = JSON.parse(await fs.readFile(path.join(__dirname, "../../package.json"), "utf8")).version;
  expect(html).toMatch(/规则集：<b>全国通行（财预〔2020〕10号）<\/b> <small>national<\/small>/);
  expect(html).toContain("规则包：自评表计算核对 <small>core</small>、复核要点 <small>review</small>");
  expect(html).toMatch(/日期：\d{4}-\d{2}-\d{2}/);
  expect(html).toContain(`版本：perf-check ${version}`);
  // The folder checked is samples/: its files by their names there, never the machine's absolute path.
  expect(html).not.toContain(SAMPLES);
  expect(html).toContain("<td>seed000-bj-kjw.xlsx <a");
  const links = [...html.matchAll(/<a class="annotated" href="([^"]+)">/g)].map((m) => decodeURI(m[1]));
  expect(new Set(links).size).toBe(3);
  for (const l of links) expect(existsSync(path.resolve(path.dirname(report), l))).toBe(true);
  // The legend and a finding by its Chinese name with its code and fix hint.
  expect(html).toContain('<span class="sev sev-error">错误</span> 计算或填报错误，须改正');
  expect(html).toContain('得分超过分值<br><span class="code">SCORE_EXCEEDS_WEIGHT</span>');
  expect(html).toContain("得分不得超过该项分值：按完成情况重新评分");
});

test("--report x.xlsx writes a workbook exceljs reads; English headers with --lang en", async () => {
  const report = path.join(dir, "report.xlsx");
  expect((await runCli(["--report", report, "--lang", "en", SAMPLES])).code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Findings",
    "Forms",
    "Files",
    "Grades",
    "Deviations",
    "High self, low rate",
    "Full marks",
    "Execution rates",
    "Rules",
  ]);
  expect(wb.getWorksheet("Forms")!.rowCount).toBe(1 + 16);
});
