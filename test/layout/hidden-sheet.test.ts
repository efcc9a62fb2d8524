/**
 * Issue 11, kind 12: a hidden, empty template sheet is no form to check. perf-check's sheet reader
 * (src/xlsx/grids.ts) passes the sheet's visibility (workbook.xml state="hidden") on the Grid;
 * detection marks an empty form there an unused template; a visible or filled one is checked as before.
 */
import ExcelJS from "exceljs";
import { gridsOf, openPackage } from "../../src/cli/read";
import { detectForms } from "../../src/layout/detect";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const filled = wb.addWorksheet("项目1");
  filled.addRows([["项目名称", "某项目"], HEADER, ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 100, 100]]);
  const template = wb.addWorksheet("模板");
  template.addRows([["项目名称", null], HEADER, ["产出指标", "数量指标", null, null, null, 100, null], ["总分"]]);
  template.state = "hidden";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("the hidden empty template sheet is read hidden and its form marked an unused template; the visible one is not", async () => {
  const grids = gridsOf(openPackage(new Uint8Array(await workbook())));
  expect(grids.map((g) => [g.sheet, g.hidden])).toEqual([
    ["项目1", false],
    ["模板", true],
  ]);
  expect(grids.map((g) => detectForms(g).map((f) => f.hiddenTemplate === true))).toEqual([[false], [true]]);
});
