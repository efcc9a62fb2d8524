/**
 * Calls into WPS, counted on the fake ET (test/fakes/fake-et.ts). Each call crosses into WPS and
 * costs about as much as any other (10,000 single-cell writes take about 2 s, as people who built
 * WPS add-ins report), so the port reads and writes blocks: a sheet's values and formulas in one
 * Value2 and one Formula read, written cells in runs (one 2-D array assignment a run of a column),
 * fills and number formats one assignment a run. Comments have no block call in the ET (VBA)
 * object model: one AddComment a flagged cell is the floor, and the only per-cell write.
 * Fixture: seed002 sheets 项目4 and 项目5-8, stacked (test/fakes/stack-forms.ts).
 * The crypto.randomUUID pitfall (older embedded Chromium lacks it) is tested in sheet-ids.test.ts.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { createWpsPort } from "../../src/wps/wps-port";
import { runs } from "../../src/wps/cells";
import type { FakeSheetInit } from "../fakes/fake-excel";
import { createFakeEt } from "../fakes/fake-et";
import { evaluate } from "../fakes/formula-eval";
import { stackForms } from "../fakes/stack-forms";
import { fixtureInit } from "../excel/helpers";

afterAll(() => setDefaultPolicy("national"));

async function sheetOf(name: string): Promise<FakeSheetInit> {
  return (await fixtureInit("seed002")).sheets.find((s) => s.name === name)!;
}

/** The ET reads of previewing Write formulas on seed002 项目4 stacked `times` times. */
async function previewReads(times: number): Promise<number> {
  const sheet = stackForms(await sheetOf("项目4"), times, "复核");
  const fake = createFakeEt({ sheets: [sheet], active: sheet.name }, { evaluate });
  fake.resetCalls();
  await createWpsPort({ app: () => fake.Application }).previewWrites("perf", { lang: "zh" });
  return fake.calls().reads;
}

test("reading a sheet costs calls in proportion to its forms (values and formulas in one read each, no cell-by-cell pass)", async () => {
  const one = await previewReads(1);
  const many = await previewReads(100);
  expect(many).toBeLessThanOrEqual(100 * one);
});

test("seed002 项目5-8 ×50: Write formulas writes its cells in a few calls a column run, not one a cell", async () => {
  const sheet = stackForms(await sheetOf("项目5-8"), 50, "复核");
  const fake = createFakeEt({ sheets: [sheet], active: sheet.name }, { evaluate });
  const port = createWpsPort({ app: () => fake.Application });
  const before = fake.state.dump(sheet.name);

  const preview = await port.previewWrites("perf", { lang: "zh" });
  const cells = preview.plan.writes.length;
  expect(cells).toBeGreaterThan(1_000);

  fake.resetCalls();
  await port.applyWrites(preview, true, { lang: "zh" });
  const writeCalls = fake.calls().writes;
  const cellRuns = runs(preview.plan.writes.map((w) => w.cell)).length;
  // Content: one Formula assignment a run (1,600 cells in 750 runs); number formats: one a run and
  // format; the record: a few.
  expect(writeCalls).toBeLessThanOrEqual(2 * cellRuns + 20);
  expect(writeCalls).toBeLessThan(cells * 0.6);
  for (const w of preview.plan.writes) expect(fake.state.get(sheet.name, w.cell).f).toBe(w.formula);

  fake.resetCalls();
  await port.revert({ lang: "zh" });
  expect(fake.calls().writes).toBeLessThanOrEqual(2 * cellRuns + 20);
  expect(fake.state.dump(sheet.name)).toEqual(before);
});

test("seed002 项目5-8 ×440 (10,000 flags): fills in runs, one comment a cell; cleared and reverted the same way", async () => {
  const sheet = stackForms(await sheetOf("项目5-8"), 440, "复核");
  const fake = createFakeEt({ sheets: [sheet], active: sheet.name }, { evaluate });
  const port = createWpsPort({ app: () => fake.Application });
  const before = fake.state.dump(sheet.name);

  fake.resetCalls();
  const a = await port.validateActiveSheet({ lang: "zh" });
  const flagged = new Set(a.findings.map((f) => f.cell)).size;
  expect(flagged).toBeGreaterThanOrEqual(10_000);
  const fillRuns = runs([...new Set(a.findings.map((f) => f.cell))]).length;
  // One AddComment a cell (no block call exists), the fills one assignment a run, the record a few.
  expect(fake.calls().writes).toBeLessThanOrEqual(flagged + fillRuns + 20);
  expect(Object.keys(fake.state.dump(sheet.name).notes)).toHaveLength(flagged);

  const reopened = createFakeEt(fake.state.toInit(), { evaluate });

  fake.resetCalls();
  expect(await port.clearFlags({ lang: "zh" })).toEqual({ cleared: flagged, kept: [] });
  expect(fake.calls().writes).toBeLessThanOrEqual(flagged + fillRuns + 20);
  expect(fake.state.dump(sheet.name)).toEqual(before);

  reopened.resetCalls();
  const port2 = createWpsPort({ app: () => reopened.Application });
  expect(await port2.revert({ lang: "zh" })).toEqual({ restored: flagged, kept: [] });
  expect(reopened.calls().writes).toBeLessThanOrEqual(flagged + fillRuns + 20);
  expect(reopened.state.dump(sheet.name)).toEqual(before);
}, 180_000);
