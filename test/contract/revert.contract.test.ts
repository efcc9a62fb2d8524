/**
 * WorkbookPort contract, Revert and its records: on every host (hosts.ts), the first saved state
 * of every cell the add-in wrote or flagged is kept in the workbook (survives save and reopen);
 * Revert restores values, formulas, number formats, fills and notes exactly, then removes the
 * records. Records are found by the sheet's id, else by the name they were saved under; a record
 * that matches no sheet is never dropped: Revert and Clear flags keep it and say so.
 * Fixtures: seed000 sheet 自评表, seed002 sheets 项目1, 项目2, 项目4, 项目5-8.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { HOSTS } from "./hosts";

afterAll(() => setDefaultPolicy("national"));

describe.each(HOSTS)("%s", (_name, host) => {
  test("seed002 sheet 项目4: write (perf) + validate, save and reopen, revert → the grid exactly as before", async () => {
    const opened = await host.open("seed002", "项目4");
    const { state, port } = opened;
    // Cells about to be touched carry a user's fill, note and format: all must come back.
    state.set("项目4", "G7", { fill: "#FFFF00", note: "执行率按财政口径" });
    state.set("项目4", "H20", { n: "0.0" });
    const before = state.dump("项目4");
    const others = state.dump("项目1");
    const sheetsBefore = state.toInit().sheets.map((s) => s.name);
    await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
    const a = await port.validateActiveSheet({ lang: "zh" });
    expect(a.findings.length).toBeGreaterThan(0);
    expect(state.dump("项目4")).not.toEqual(before);

    const reopened = opened.reopen();
    expect(await reopened.port.canRevert()).toBe(true);
    const { restored } = await reopened.port.revert({ lang: "zh" });
    expect(restored).toBeGreaterThan(0);
    expect(reopened.state.dump("项目4")).toEqual(before);
    expect(reopened.state.dump("项目1")).toEqual(others);
    expect(await reopened.port.canRevert()).toBe(false);
    expect(reopened.storeKeys()).toEqual([]);
    // Nothing of the add-in's is left in the workbook: no store sheet, no sheet id.
    expect(reopened.state.toInit().sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(reopened.state.toInit().sheets.every((s) => !s.names)).toBe(true);
  });

  test("seed000 sheet 自评表: applies accumulate, the first saved state wins (perf, then native over it)", async () => {
    const { state, port } = await host.open("seed000", "自评表");
    const before = state.dump("自评表");
    await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
    const second = await port.previewWrites("native", { lang: "zh" });
    // Our own PERF formulas are now formulas: they need confirming again.
    expect(second.needsConfirm.map((w) => w.previous.formula?.startsWith("=PERF.") ?? false).every(Boolean)).toBe(true);
    await port.applyWrites(second, true, { lang: "zh" });
    expect(state.get("自评表", "G7").f).toBe('=IF(N(D7)=0,"",E7/D7)');
    await port.revert({ lang: "zh" });
    expect(state.dump("自评表")).toEqual(before);
  });

  test("seed002 sheets 项目1 and 项目2: revert restores every sheet the add-in touched", async () => {
    const { state, port } = await host.open("seed002", "项目1");
    const b1 = state.dump("项目1");
    const b2 = state.dump("项目2");
    await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
    state.activate("项目2");
    await port.validateActiveSheet({ lang: "en" });
    await port.revert({ lang: "zh" });
    expect(state.dump("项目1")).toEqual(b1);
    expect(state.dump("项目2")).toEqual(b2);
  });

  test("seed002 sheet 项目1: a renamed sheet is still reverted (records follow the sheet's id)", async () => {
    const { state, port } = await host.open("seed002", "项目1");
    const before = state.dump("项目1");
    await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
    state.sheet("项目1").name = "项目一";
    await port.revert({ lang: "zh" });
    expect(state.dump("项目一")).toEqual(before);
  });

  test("no record: revert restores nothing and writes nothing", async () => {
    const { port, writes, resetCalls } = await host.open("seed000", "自评表");
    resetCalls();
    expect(await port.revert({ lang: "zh" })).toEqual({ restored: 0, kept: [] });
    expect(writes()).toBe(0);
  });

  test("seed002 项目1: the sheet's id changed on reopening: Revert finds the record by the sheet's name", async () => {
    const opened = await host.open("seed002", "项目1");
    const before = opened.state.dump("项目1");
    const { port } = opened;
    await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
    await port.validateActiveSheet({ lang: "zh" });

    const other = opened.reopen(
      host.withNewSheetId(opened.state.toInit(), "项目1", "{99999999-0000-0000-0000-000000000001}"),
    );
    const r = await other.port.revert({ lang: "zh" });
    expect(r.kept).toEqual([]);
    expect(r.restored).toBeGreaterThan(0);
    expect(other.state.dump("项目1")).toEqual(before);
    expect(other.storeKeys()).toEqual([]);
  });

  test("seed002 项目5-8: flags found by name after an id change are cleared, and Validate keeps using that record", async () => {
    const opened = await host.open("seed002", "项目5-8");
    const before = opened.state.dump("项目5-8");
    await opened.port.validateActiveSheet({ lang: "zh" });
    const newId = "{99999999-0000-0000-0000-000000000001}";
    const other = opened.reopen(host.withNewSheetId(opened.state.toInit(), "项目5-8", newId));
    // Validate again: the old flags are recognised (not appended to), the record moves to the new id.
    await other.port.validateActiveSheet({ lang: "zh" });
    expect(other.storeKeys().every((k) => k.startsWith(`perf.rec.${newId}.`))).toBe(true);
    expect(await other.port.clearFlags({ lang: "zh" })).toMatchObject({ kept: [] });
    expect(other.state.dump("项目5-8")).toEqual(before);
  });

  test("a record whose sheet is gone (no id, no name) is kept and reported by Revert and Clear flags, never dropped", async () => {
    const opened = await host.open("seed002", "项目1");
    const { port, state } = opened;
    await port.applyWrites(await port.previewWrites("perf", { lang: "zh" }), true, { lang: "zh" });
    state.activate("项目5-8");
    await port.validateActiveSheet({ lang: "zh" });
    // 项目1 renamed and given a new id: nothing matches its record any more.
    const init = host.withNewSheetId(state.toInit(), "项目1", "{99999999-0000-0000-0000-000000000002}");
    init.sheets.find((x) => x.name === "项目1")!.name = "项目一（改）";
    const other = opened.reopen(init);
    const recordKeys = () => other.storeKeys().filter((k) => k.startsWith("perf.rec."));
    const keysBefore = recordKeys();

    const cleared = await other.port.clearFlags({ lang: "zh" });
    expect(cleared.kept).toEqual([]); // 项目1 was written to, not flagged: no flags of it to report
    const r = await other.port.revert({ lang: "en" });
    expect(r.kept).toEqual([{ sheet: "项目1", cells: expect.any(Number) }]);
    expect(r.kept[0].cells).toBeGreaterThan(0);
    // Only the orphan's record is left: 项目5-8's went with its revert.
    const orphanKeys = recordKeys();
    expect(orphanKeys.length).toBeGreaterThan(0);
    expect(orphanKeys.every((k) => keysBefore.includes(k))).toBe(true);
    expect(await other.port.canRevert()).toBe(true);
    expect(await other.port.revert({ lang: "zh" })).toMatchObject({ restored: 0 });
    expect(recordKeys()).toEqual(orphanKeys);

    // The sheet named as it was saved again: its record is found and reverted.
    other.state.sheet("项目一（改）").name = "项目1";
    const again = await other.port.revert({ lang: "zh" });
    expect(again.kept).toEqual([]);
    expect(recordKeys()).toEqual([]);
  });

  test("flags on a sheet that is gone are reported by Clear flags and kept", async () => {
    const opened = await host.open("seed002", "项目5-8");
    await opened.port.validateActiveSheet({ lang: "zh" });
    const init = host.withNewSheetId(opened.state.toInit(), "项目5-8", "{99999999-0000-0000-0000-000000000003}");
    init.sheets.find((x) => x.name === "项目5-8")!.name = "别处";
    init.active = "别处";
    const other = opened.reopen(init);
    const keys = other.storeKeys();
    const r = await other.port.clearFlags({ lang: "zh" });
    expect(r.cleared).toBe(0);
    expect(r.kept).toEqual([{ sheet: "项目5-8", cells: expect.any(Number) }]);
    expect(other.storeKeys()).toEqual(keys);
  });
});
