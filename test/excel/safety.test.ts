/**
 * Failures particular to Office.js leave the sheet as it was: Excel in cell-edit mode, a sheet too
 * large for one request, writes split over several syncs. The failures every host must survive
 * (protected sheet, a write failing part-way, cancel, a stale preview, an undo that fails) are in
 * test/contract/safety.contract.test.ts.
 * Fixtures: seed000 sheet 自评表, seed002 sheet 项目5-8.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { failure } from "../helpers/port-failure";
import { openFixture, portOver } from "./helpers";

afterAll(() => setDefaultPolicy("national"));

describe("seed000 sheet 自评表", () => {
  test("Excel in cell-edit mode: a clear message, nothing changed", async () => {
    const fake = await openFixture("seed000", "自评表");
    const port = portOver(fake);
    const preview = await port.previewWrites("perf", { lang: "zh" });
    fake.state.editMode = true;
    const before = fake.state.toInit();
    const err = await failure(port.applyWrites(preview, true, { lang: "zh" }));
    expect(err.code).toBe("EDIT_MODE");
    expect(err.zh).toContain("正在编辑单元格");
    expect(err.en).toContain("editing a cell");
    fake.state.editMode = false;
    expect(fake.state.toInit()).toEqual(before);
  });

  test("edit mode that starts between the reads and the write: the write fails, nothing changed", async () => {
    const fake = await openFixture("seed000", "自评表");
    const port = portOver(fake);
    const preview = await port.previewWrites("perf", { lang: "zh" });
    const before = fake.state.toInit();
    const err = await failure(
      port.applyWrites(preview, true, {
        lang: "zh",
        progress: (_d, _t, label) => {
          if (label === "写入工作表") fake.state.editMode = true;
        },
      }),
    );
    expect(err.code).toBe("EDIT_MODE");
    fake.state.editMode = false;
    expect(fake.state.toInit()).toEqual(before);
  });
});

describe("seed002 sheet 项目5-8", () => {
  test("a sheet too large for one request is read in bands (same analysis); a row too large for any request is a clear error", async () => {
    const fake = await openFixture("seed002", "项目5-8");
    const port = portOver(fake, { maxReadCellsPerSync: 200 });
    const whole = await port.analyzeActiveSheet({ lang: "zh" });
    // 91 rows × 9 columns, loaded as values + formulas + numberFormat: over 600 cells.
    fake.state.maxReadCellsPerSync = 600;
    fake.resetSyncCount();
    const banded = await port.analyzeActiveSheet({ lang: "zh" });
    expect(fake.syncCount()).toBeGreaterThan(2);
    expect(banded.counts).toEqual(whole.counts);
    expect(banded.findings).toEqual(whole.findings);
    fake.state.maxReadCellsPerSync = 20;
    const err = await failure(port.analyzeActiveSheet({ lang: "en" }));
    expect(err.code).toBe("TOO_LARGE");
    expect(err.en).toContain('Sheet "项目5-8" holds more data than Excel allows in one request');
  });
});

describe("seed002 sheet 项目5-8, writes split over several syncs (maxCellsPerSync 8)", () => {
  test("a large change goes out in several syncs with the same result", async () => {
    const fake = await openFixture("seed002", "项目5-8");
    const small = portOver(fake, { maxCellsPerSync: 8 });
    const preview = await small.previewWrites("perf", { lang: "zh" });
    fake.resetSyncCount();
    await small.applyWrites(preview, true, { lang: "zh" });
    expect(fake.state.syncLog.filter((s) => s.writes > 0).length).toBeGreaterThan(2);
    for (const w of preview.plan.writes) expect(fake.state.get("项目5-8", w.cell).f).toBe(w.formula);
  });

  test("a failure in a later sync undoes the earlier syncs too", async () => {
    const fake = await openFixture("seed002", "项目5-8");
    const small = portOver(fake, { maxCellsPerSync: 8 });
    const preview = await small.previewWrites("native", { lang: "zh" });
    const before = fake.state.toInit();
    fake.state.failAfterWrites(20);
    const err = await failure(small.applyWrites(preview, true, { lang: "zh" }));
    expect(err.code).toBe("ROLLED_BACK");
    expect(fake.state.syncLog.filter((s) => s.writes > 0 && !s.failed).length).toBeGreaterThan(1);
    expect(fake.state.toInit()).toEqual(before);
  });
});

describe("seed000 sheet 自评表, when the undo fails too", () => {
  test("the error says so, and the snapshot saved first lets Revert restore the sheet", async () => {
    const fake = await openFixture("seed000", "自评表");
    const port = portOver(fake);
    const preview = await port.previewWrites("perf", { lang: "zh" });
    const before = fake.state.dump("自评表");
    fake.state.failAfterWrites(3);
    const err = await failure(
      port.applyWrites(preview, true, {
        lang: "zh",
        progress: (_d, _t, label) => {
          if (label === "恢复原状") fake.state.editMode = true;
        },
      }),
    );
    expect(err.code).toBe("ROLLBACK_FAILED");
    expect(err.zh).toContain("未能完全恢复");
    expect(err.en).toContain("could not be fully undone");
    fake.state.editMode = false;
    expect(fake.state.dump("自评表")).not.toEqual(before);
    expect(await port.canRevert()).toBe(true);
    await port.revert({ lang: "zh" });
    expect(fake.state.dump("自评表")).toEqual(before);
  });
});
