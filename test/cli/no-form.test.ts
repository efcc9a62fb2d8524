/**
 * NO_FORM on a sheet with a stray value in its last cell (XFD1048576): the title search reads only
 * the rows that hold cells (Grid.contentRows), as layout detection does — it used to walk the whole
 * 1,048,576 × 16,384 box, which never finished (a full test run stalled in noFormFinding).
 */
import { checkGrids, noFormFinding } from "../../src/cli/check";
import { getPolicy } from "../../src/engine/policy";
import type { CellValue } from "../../src/engine/types";
import { Grid } from "../../src/layout/grid";

test("a pay sheet with a stray value at XFD1048576: NO_FORM, the title seen in A1", () => {
  const values: CellValue[][] = [];
  values[0] = ["项目支出绩效自评表"];
  values[1] = ["姓名", "基本工资", "绩效工资"];
  values[2] = ["张三", 5000, 1200];
  const last: CellValue[] = [];
  last[16383] = "备查";
  values[1048575] = last;
  const grid = new Grid({ sheet: "工资表", values });
  expect(grid.contentRows).toEqual([0, 1, 2, 1048575]);
  const finding = noFormFinding(checkGrids([grid], getPolicy(), undefined), "zh");
  expect([finding?.code, finding?.sheet, finding?.cell]).toEqual(["NO_FORM", "工资表", "A1"]);
});
