/**
 * Shared by the test/excel suites: fixtures as fake workbooks, the port over a fake, and the
 * exceljs reading of the same sheet to compare with.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import type { Grid } from "../../src/layout/grid";
import { createOfficePort, type ExcelHost, type OfficePortOptions } from "../../src/excel/office-port";
import type { WorkbookPort } from "../../src/excel/port";
import { createFakeExcel, type FakeExcelHandle, type FakeWorkbookInit } from "../fakes/fake-excel";
import { loadFixtureWorkbook } from "../fakes/fixture-workbook";
import { evaluate } from "../fakes/formula-eval";

/** The fixture workbooks, kept in the repository (samples/). */
export const FIXTURE_DIR = path.resolve(__dirname, "../../samples");

export const FIXTURES = {
  seed000: "seed000-bj-kjw.xlsx",
  seed002: "seed002-bj-hwxr.xlsx",
  seed003: "seed003-bt-rcfw.xlsx",
} as const;
export type FixtureName = keyof typeof FIXTURES;

/** Policy each fixture was scored with (seeds.test.ts): Baotou forms use spend-ratio. */
export const FIXTURE_POLICY: Record<FixtureName, string> = {
  seed000: "national",
  seed002: "national",
  seed003: "spend-ratio",
};

const cache = new Map<string, FakeWorkbookInit>();

export async function fixtureInit(name: FixtureName): Promise<FakeWorkbookInit> {
  if (!cache.has(name)) cache.set(name, await loadFixtureWorkbook(path.join(FIXTURE_DIR, FIXTURES[name])));
  return JSON.parse(JSON.stringify(cache.get(name)!)) as FakeWorkbookInit;
}

/** A fake workbook opened on a fixture, `sheet` active, formulas computed. */
export async function openFixture(
  name: FixtureName,
  sheet?: string,
  patch?: (init: FakeWorkbookInit) => void,
): Promise<FakeExcelHandle> {
  const init = await fixtureInit(name);
  if (sheet) init.active = sheet;
  patch?.(init);
  return createFakeExcel(init, { evaluate });
}

export function portOver(
  fake: FakeExcelHandle,
  opts: Omit<OfficePortOptions, "excel" | "isSetSupported"> = {},
): WorkbookPort {
  return createOfficePort({
    excel: fake.Excel as unknown as ExcelHost,
    isSetSupported: fake.state.isSetSupported,
    ...opts,
  });
}

export async function exceljsGrid(name: FixtureName, sheet: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURE_DIR, FIXTURES[name]));
  return worksheetToGrid(wb.getWorksheet(sheet)!);
}

export async function sheetNames(name: FixtureName): Promise<string[]> {
  return (await fixtureInit(name)).sheets.map((s) => s.name);
}
