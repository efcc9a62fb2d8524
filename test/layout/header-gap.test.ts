/**
 * A blank row inside a project form's header block (seed000 自评表 with a blank row inserted
 * between 项目负责人 on row 5 and the funds header on row 6): the form still owns its title and
 * 项目名称, while forms stacked with blank rows between stay apart (their floor is the form above).
 */
import path from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/types";
import type { ProjectForm, RangeBox } from "../../src/engine/model";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import { detectForms } from "../../src/layout/detect";
import { Grid, rangeAddress } from "../../src/layout/grid";

const SEED000 = path.resolve(__dirname, "../../samples/seed000-bj-kjw.xlsx");

async function seed000(): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED000);
  return worksheetToGrid(wb.getWorksheet("自评表")!);
}

/** The grid with `n` blank rows inserted before 0-based row `at`. */
function insertRows(g: Grid, at: number, n: number): Grid {
  const values: CellValue[][] = [];
  const numFmts: (string | undefined)[][] = [];
  for (let r = 0; r <= g.bottom; r++) {
    const row: CellValue[] = [];
    const fmts: (string | undefined)[] = [];
    for (let c = 0; c <= g.right; c++) {
      row[c] = g.raw(r, c);
      fmts[c] = g.numFmt(r, c);
    }
    const to = r < at ? r : r + n;
    values[to] = row;
    numFmts[to] = fmts;
  }
  for (let i = 0; i < values.length; i++) if (!values[i]) values[i] = [];
  const shift = (m: RangeBox): RangeBox =>
    m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= at ? { ...m, bottom: m.bottom + n } : m;
  return new Grid({ sheet: g.sheet, values, numFmts, merges: g.merges.map(shift) });
}

test.each([1, 2])(
  "seed000 自评表 with %i blank row(s) before the funds header keeps its name B3 and range from A1",
  async (n) => {
    const g = insertRows(await seed000(), 5, n);
    const forms = detectForms(g);
    expect(forms).toHaveLength(1);
    const f = forms[0] as ProjectForm;
    expect(f.name?.cell).toBe("B3");
    expect(rangeAddress(f.range)).toBe(`A1:I${24 + n}`);
    expect(f.issues.filter((i) => i.field === "name")).toEqual([]);
    expect(f.funds?.total?.budget?.cell).toBe(`D${7 + n}`);
  },
);

test("three blank rows are a gap between forms, not inside one: the header block above is not taken", async () => {
  const g = insertRows(await seed000(), 5, 3);
  const f = detectForms(g)[0] as ProjectForm;
  expect(f.range.top).toBe(8);
  expect(f.issues.some((i) => i.field === "name" && i.kind === "missing")).toBe(true);
});
