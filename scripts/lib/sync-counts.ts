/**
 * Bench item 5: context.sync() calls for Validate and for Write formulas (preview + apply) on one
 * form and on 300 stacked copies, through the real Office.js port over the typed fake Excel.
 */
import { createOfficePort, type ExcelHost } from "../../src/excel/office-port";
import { setDefaultPolicy } from "../../src/engine/perf";
import { createFakeExcel, type FakeExcelHandle } from "../../test/fakes/fake-excel";
import { loadFixtureWorkbook } from "../../test/fakes/fixture-workbook";
import { evaluate } from "../../test/fakes/formula-eval";
import { stackForms } from "../../test/fakes/stack-forms";

async function measure(file: string, sheetName: string, copies: number): Promise<{ validate: number; write: number }> {
  const init = await loadFixtureWorkbook(file);
  const form = init.sheets.find((s) => s.name === sheetName) ?? init.sheets[0];
  const sheet = stackForms(form, copies, `${form.name}×${copies}`);
  const fake: FakeExcelHandle = createFakeExcel({ sheets: [sheet], active: sheet.name }, { evaluate });
  const port = createOfficePort({ excel: fake.Excel as unknown as ExcelHost, isSetSupported: fake.state.isSetSupported });
  fake.resetSyncCount();
  await port.validateActiveSheet({ lang: "zh" });
  const validate = fake.syncCount();
  fake.resetSyncCount();
  const preview = await port.previewWrites("perf", { lang: "zh" });
  await port.applyWrites(preview, true, { lang: "zh" });
  const write = fake.syncCount();
  return { validate, write };
}

export async function syncCounts(file: string, sheetName: string): Promise<{ validate1: number; validate300: number; write1: number; write300: number }> {
  try {
    const one = await measure(file, sheetName, 1);
    const many = await measure(file, sheetName, 300);
    return { validate1: one.validate, validate300: many.validate, write1: one.write, write300: many.write };
  } finally {
    setDefaultPolicy("national");
  }
}
