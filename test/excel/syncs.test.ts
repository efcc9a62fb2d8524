/**
 * The number of context.sync() calls does not grow with rows or forms: validate and "write
 * formulas" (preview + apply) take the same number of syncs on one form (seed002 sheet 项目4)
 * and on 300 copies of it stacked on one sheet (4,800 merged areas: more than the 512 one
 * getMergedAreasOrNullObject returns), and at most 4.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { createFakeExcel, type FakeExcelHandle } from "../fakes/fake-excel";
import { evaluate } from "../fakes/formula-eval";
import { stackForms } from "../fakes/stack-forms";
import { fixtureInit, portOver } from "./helpers";

afterAll(() => setDefaultPolicy("national"));

async function workbook(copies: number): Promise<FakeExcelHandle> {
  const init = await fixtureInit("seed002");
  const form = init.sheets.find((s) => s.name === "项目4")!;
  const sheet = stackForms(form, copies, `项目4×${copies}`);
  return createFakeExcel({ sheets: [sheet], active: sheet.name }, { evaluate });
}

interface Counts {
  forms: number;
  findings: number;
  writes: number;
  validate: number;
  preview: number;
  apply: number;
  clear: number;
  revert: number;
}

async function measure(copies: number): Promise<Counts> {
  const fake = await workbook(copies);
  const port = portOver(fake);
  const count = async (fn: () => Promise<unknown>) => {
    fake.resetSyncCount();
    await fn();
    return fake.syncCount();
  };
  let findings = 0;
  let forms = 0;
  const validate = await count(async () => {
    const a = await port.validateActiveSheet({ lang: "zh" });
    findings = a.findings.length;
    forms = a.results.length;
  });
  let preview: Awaited<ReturnType<typeof port.previewWrites>> | undefined;
  const previewSyncs = await count(async () => {
    preview = await port.previewWrites("perf", { lang: "zh" });
  });
  const apply = await count(() => port.applyWrites(preview!, true, { lang: "zh" }));
  const clear = await count(() => port.clearFlags({ lang: "zh" }));
  const revert = await count(() => port.revert({ lang: "zh" }));
  return {
    forms,
    findings,
    writes: preview!.plan.writes.length,
    validate,
    preview: previewSyncs,
    apply,
    clear,
    revert,
  };
}

test("seed002 项目4 ×1 and ×300: the same sync counts for validate and write, each ≤ 4", async () => {
  const one = await measure(1);
  const many = await measure(300);
  expect(one.forms).toBe(1);
  expect(many.forms).toBe(300);
  expect(many.findings).toBe(300 * one.findings);
  expect(many.writes).toBe(300 * one.writes);
  expect(one.findings).toBeGreaterThan(0);
  const syncs = (c: Counts) => ({ validate: c.validate, write: c.preview + c.apply, clear: c.clear, revert: c.revert });
  expect(syncs(many)).toEqual(syncs(one));
  expect(syncs(one).validate).toBeLessThanOrEqual(4);
  expect(syncs(one).write).toBeLessThanOrEqual(4);
  // Measured: validate 4 (the used range's box, then its cells with the merged areas in tiles of at most
  // 512, then the flagged cells, then the flags), write 2 + 2, clear flags 3, revert 3; on the web
  // (the fake's default), every request under 5 MB (the 300 forms' flags: about 2.2 MB).
  expect(syncs(one)).toEqual({ validate: 4, write: 4, clear: 3, revert: 3 });
}, 120000);
