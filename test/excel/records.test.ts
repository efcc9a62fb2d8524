/**
 * Revert records (workbook.settings, perf.rec.<sheet id>.<i>) are found by the worksheet's id, or,
 * when no sheet has that id any more (ids have been reported to change when a file is opened in
 * another Excel version), by the sheet name they were saved under; a record that matches no sheet
 * is never dropped: Revert and Clear flags keep it and say so.
 * Fixture: seed002 sheets 项目1 and 项目5-8.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { createFakeExcel, type FakeWorkbookInit } from "../fakes/fake-excel";
import { evaluate } from "../fakes/formula-eval";
import { openFixture, portOver } from "./helpers";

afterAll(() => setDefaultPolicy("national"));

/** The workbook saved and opened where the sheet `name` got a new id. */
function reopenedWithNewId(init: FakeWorkbookInit, name: string) {
  const changed = JSON.parse(JSON.stringify(init)) as FakeWorkbookInit;
  changed.sheets.find((s) => s.name === name)!.id = "{99999999-0000-0000-0000-000000000001}";
  return createFakeExcel(changed, { evaluate });
}

test("seed002 项目1: the sheet's id changed on reopening: Revert finds the record by the sheet's name", async () => {
  const fake = await openFixture("seed002", "项目1");
  const before = fake.state.dump("项目1");
  const port = portOver(fake);
  await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
  await port.validateActiveSheet({ lang: "zh" });

  const other = reopenedWithNewId(fake.state.toInit(), "项目1");
  const r = await portOver(other).revert({ lang: "zh" });
  expect(r.kept).toEqual([]);
  expect(r.restored).toBeGreaterThan(0);
  expect(other.state.dump("项目1")).toEqual(before);
  expect([...other.state.settings.keys()]).toEqual([]);
});

test("seed002 项目5-8: flags found by name after an id change are cleared, and Validate keeps using that record", async () => {
  const fake = await openFixture("seed002", "项目5-8");
  const before = fake.state.dump("项目5-8");
  await portOver(fake).validateActiveSheet({ lang: "zh" });
  const other = reopenedWithNewId(fake.state.toInit(), "项目5-8");
  const port = portOver(other);
  // Validate again: the old flags are recognised (not appended to), the record moves to the new id.
  await port.validateActiveSheet({ lang: "zh" });
  const keys = [...other.state.settings.keys()];
  expect(keys.every((k) => k.startsWith("perf.rec.{99999999-0000-0000-0000-000000000001}."))).toBe(true);
  expect(await port.clearFlags({ lang: "zh" })).toMatchObject({ kept: [] });
  expect(other.state.dump("项目5-8")).toEqual(before);
});

test("a record whose sheet is gone (no id, no name) is kept and reported by Revert and Clear flags, never dropped", async () => {
  const fake = await openFixture("seed002", "项目1");
  const port = portOver(fake);
  await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
  fake.state.activate("项目5-8");
  await port.validateActiveSheet({ lang: "zh" });
  // 项目1 renamed and given a new id: nothing matches its record any more.
  const init = fake.state.toInit();
  const s = init.sheets.find((x) => x.name === "项目1")!;
  s.name = "项目一（改）";
  s.id = "{99999999-0000-0000-0000-000000000002}";
  const other = createFakeExcel(init, { evaluate });
  const recordKeys = () => [...other.state.settings.keys()].filter((k) => k.startsWith("perf.rec."));
  const orphanKeys = recordKeys().filter((k) => !k.includes(other.state.sheet("项目5-8").id));
  expect(orphanKeys.length).toBeGreaterThan(0);

  const port2 = portOver(other);
  const cleared = await port2.clearFlags({ lang: "zh" });
  expect(cleared.kept).toEqual([]); // 项目1 was written to, not flagged: no flags of it to report
  const r = await port2.revert({ lang: "en" });
  expect(r.kept).toEqual([{ sheet: "项目1", cells: expect.any(Number) }]);
  expect(r.kept[0].cells).toBeGreaterThan(0);
  expect(recordKeys()).toEqual(orphanKeys);
  expect(await port2.canRevert()).toBe(true);

  // The sheet named as it was saved again: its record is found and reverted.
  other.state.sheet("项目一（改）").name = "项目1";
  const again = await port2.revert({ lang: "zh" });
  expect(again.kept).toEqual([]);
  expect(recordKeys()).toEqual([]);
});

test("flags on a sheet that is gone are reported by Clear flags and kept", async () => {
  const fake = await openFixture("seed002", "项目5-8");
  await portOver(fake).validateActiveSheet({ lang: "zh" });
  const init = fake.state.toInit();
  const s = init.sheets.find((x) => x.name === "项目5-8")!;
  s.name = "别处";
  s.id = "{99999999-0000-0000-0000-000000000003}";
  init.active = "别处";
  const other = createFakeExcel(init, { evaluate });
  const keys = [...other.state.settings.keys()];
  const r = await portOver(other).clearFlags({ lang: "zh" });
  expect(r.cleared).toBe(0);
  expect(r.kept).toEqual([{ sheet: "项目5-8", cells: expect.any(Number) }]);
  expect([...other.state.settings.keys()]).toEqual(keys);
});
