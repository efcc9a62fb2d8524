/**
 * Workbooks written by programs (issue 10): formula cells stored without a result read as blank.
 * A form whose scores and total are all such formulas printed "总分 —/0 差" and no finding; now
 * each such cell carries FORMULA_NOT_CALCULATED (the figure can be checked once the workbook is
 * opened and saved in Excel or WPS), and a total cell holding an error value, text or nothing is
 * reported as TOTAL_NOT_NUMBER — in every output.
 */
import { promises as fs } from "fs";
import path from "path";
import { makeTempDir, mutateWorkbook, removeDir, runCli, runJson, SEED000, sheet } from "../helpers/xlsx-builders";
import type ExcelJS from "exceljs";

const SCORE_ROWS = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("program-written");
});
afterAll(() => removeDir(dir));

test("scores, budget score and total as formulas with no saved result: a finding on each, no silent blank", async () => {
  const file = await mutateWorkbook(SEED000, path.join(dir, "generated.xlsx"), (wb) => {
    const ws = sheet(wb, "自评表");
    ws.getCell("H7").value = { formula: "F7*G7" } as ExcelJS.CellFormulaValue;
    for (const r of SCORE_ROWS) ws.getCell(`H${r}`).value = { formula: `G${r}` } as ExcelJS.CellFormulaValue;
    ws.getCell("H24").value = { formula: "SUM(H7,H14:H23)" } as ExcelJS.CellFormulaValue;
  });
  const { doc, code } = await runJson([file]);
  const form = doc.files[0].forms[0];
  const uncalculated = form.findings.filter((f) => f.code === "FORMULA_NOT_CALCULATED");
  expect(uncalculated.map((f) => f.cell)).toEqual(["H7", ...SCORE_ROWS.map((r) => `H${r}`), "H24"]);
  expect(uncalculated.find((f) => f.cell === "H24")!.found).toBe("=SUM(H7,H14:H23)");
  expect(uncalculated.every((f) => f.severity === "warning")).toBe(true);
  expect(code).toBe(0); // warnings: the figures are unknown, not wrong
  const text = await runCli([file]);
  expect(text.out).toContain(
    "    警告 H24   FORMULA_NOT_CALCULATED: 公式 =SUM(H7,H14:H23) 没有保存的计算结果（文件不是由 Excel 或 WPS 保存的）：在 Excel 或 WPS 中打开并保存工作簿后才能复核这个数字\n",
  );
});

test("a total holding #REF!, text or nothing: TOTAL_NOT_NUMBER (error, exit 1) in the JSON and the CSV", async () => {
  const cases: [string, ExcelJS.CellValue, string][] = [
    [
      "ref",
      { formula: "SUM(H7,H14:H23)+#REF!", result: { error: "#REF!" } } as ExcelJS.CellFormulaValue,
      "总分单元格是错误值 #REF!（公式出错），无法与各项得分之和核对",
    ],
    ["text", "见附表", "总分“见附表”不是数字，无法与各项得分之和核对"],
    ["blank", null, "总分单元格为空（各项得分之和为 84.57）"],
  ];
  for (const [name, value, message] of cases) {
    const file = await mutateWorkbook(SEED000, path.join(dir, `${name}.xlsx`), (wb) => {
      sheet(wb, "自评表").getCell("H24").value = value;
    });
    const csv = path.join(dir, `${name}.csv`);
    const { doc, code } = await runJson(["--report", csv, file]);
    expect([name, code]).toEqual([name, 1]);
    const f = doc.files[0].forms[0].findings.filter((x) => x.code === "TOTAL_NOT_NUMBER");
    expect(f.map((x) => [x.cell, x.severity, x.message])).toEqual([["H24", "error", message]]);
    expect(await fs.readFile(csv, "utf8")).toContain(`"H24","TOTAL_NOT_NUMBER","总分不是数字","错误","${message}"`);
  }
});
