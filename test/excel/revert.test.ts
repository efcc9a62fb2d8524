/**
 * Revert: the first saved state of every cell the add-in wrote or flagged is kept in the
 * workbook (workbook.settings, survives save and reopen); "Revert" restores values, formulas,
 * number formats, fills and notes exactly, then removes the snapshot.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { createFakeExcel } from "../fakes/fake-excel";
import { evaluate } from "../fakes/formula-eval";
import { openFixture, portOver } from "./helpers";

afterAll(() => setDefaultPolicy("national"));

test("seed002 sheet 项目4: write (perf) + validate, save and reopen, revert → the grid exactly as before", async () => {
  const fake = await openFixture("seed002", "项目4");
  // Cells about to be touched carry a user's fill, note and format: all must come back.
  fake.state.set("项目4", "G7", { fill: "#FFFF00", note: "执行率按财政口径" });
  fake.state.set("项目4", "H20", { n: "0.0" });
  const before = fake.state.dump("项目4");
  const others = fake.state.dump("项目1");
  const port = portOver(fake);
  await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
  const a = await port.validateActiveSheet({ lang: "zh" });
  expect(a.findings.length).toBeGreaterThan(0);
  expect(fake.state.dump("项目4")).not.toEqual(before);

  const reopened = createFakeExcel(fake.state.toInit(), { evaluate });
  const port2 = portOver(reopened);
  expect(await port2.canRevert()).toBe(true);
  const { restored } = await port2.revert({ lang: "zh" });
  expect(restored).toBeGreaterThan(0);
  expect(reopened.state.dump("项目4")).toEqual(before);
  expect(reopened.state.dump("项目1")).toEqual(others);
  expect(await port2.canRevert()).toBe(false);
  expect([...reopened.state.settings.keys()]).toEqual([]);
});

test("seed000 sheet 自评表: applies accumulate, the first saved state wins (perf, then native over it)", async () => {
  const fake = await openFixture("seed000", "自评表");
  const before = fake.state.dump("自评表");
  const port = portOver(fake);
  await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
  const second = await port.previewWrites("native", { lang: "zh" });
  // Our own PERF formulas are now formulas: they need confirming again.
  expect(second.needsConfirm.map((w) => w.previous.formula?.startsWith("=PERF.") ?? false).every(Boolean)).toBe(true);
  await port.applyWrites(second, true, { lang: "zh" });
  expect(fake.state.get("自评表", "G7").f).toBe('=IF(N(D7)=0,"",E7/D7)');
  await port.revert({ lang: "zh" });
  expect(fake.state.dump("自评表")).toEqual(before);
});

test("seed002 sheets 项目1 and 项目2: revert restores every sheet the add-in touched", async () => {
  const fake = await openFixture("seed002", "项目1");
  const b1 = fake.state.dump("项目1");
  const b2 = fake.state.dump("项目2");
  const port = portOver(fake);
  await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
  fake.state.activate("项目2");
  await port.validateActiveSheet({ lang: "en" });
  await port.revert({ lang: "zh" });
  expect(fake.state.dump("项目1")).toEqual(b1);
  expect(fake.state.dump("项目2")).toEqual(b2);
});

test("seed002 sheet 项目1: a renamed sheet is still reverted (records are kept by sheet id)", async () => {
  const fake = await openFixture("seed002", "项目1");
  const before = fake.state.dump("项目1");
  const port = portOver(fake);
  await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
  fake.state.sheet("项目1").name = "项目一";
  await port.revert({ lang: "zh" });
  expect(fake.state.dump("项目一")).toEqual(before);
});

test("no snapshot: revert restores nothing and syncs once", async () => {
  const fake = await openFixture("seed000", "自评表");
  const port = portOver(fake);
  fake.resetSyncCount();
  expect(await port.revert({ lang: "zh" })).toEqual({ restored: 0, kept: [] });
  expect(fake.syncCount()).toBe(1);
});
