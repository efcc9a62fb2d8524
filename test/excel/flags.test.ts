/**
 * Inline flags over the fake Excel: fill by severity and the findings as a cell note; earlier
 * flags replaced; "Clear flags" removes exactly what was added; the notes fallback (no
 * ExcelApi 1.18) lists the findings on a sheet "复核结果".
 * Fixtures: seed002 sheet 项目5-8 (4 stacked forms, 1 error + 22 warnings of the core pack, 3 warnings and 6 notes of the review pack), seed003 sheet 人才工作服务经费.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { FLAG_FILL } from "../../src/excel/office-port";
import { PortError } from "../../src/excel/messages";
import { openFixture, portOver } from "./helpers";

const SHEET = "项目5-8";

afterAll(() => setDefaultPolicy("national"));

describe("seed002 sheet 项目5-8", () => {
  test("validate: every finding's cell gets its severity's fill and a note with its messages", async () => {
    const fake = await openFixture("seed002", SHEET);
    const port = portOver(fake);
    const a = await port.validateActiveSheet({ lang: "zh" });
    expect(a.counts).toEqual({ error: 1, warning: 25, info: 6 });
    const cells = new Set(a.findings.map((f) => f.cell));
    for (const cell of cells) {
      const fs = a.findings.filter((f) => f.cell === cell);
      const sev = fs.some((f) => f.severity === "error")
        ? "error"
        : fs.some((f) => f.severity === "warning")
          ? "warning"
          : "info";
      const st = fake.state.get(SHEET, cell);
      expect(st.fill).toBe(FLAG_FILL[sev]);
      for (const f of fs) expect(st.note).toContain(f.message.zh);
    }
    const dump = fake.state.dump(SHEET);
    expect(Object.keys(dump.notes).sort()).toEqual([...cells].sort());
  });

  test("validate twice: the flags are replaced, not doubled; English notes replace the Chinese ones", async () => {
    const fake = await openFixture("seed002", SHEET);
    const port = portOver(fake);
    const a = await port.validateActiveSheet({ lang: "zh" });
    const once = fake.state.dump(SHEET);
    await port.validateActiveSheet({ lang: "zh" });
    expect(fake.state.dump(SHEET)).toEqual(once);
    await port.validateActiveSheet({ lang: "en" });
    const f = a.findings[0];
    expect(fake.state.get(SHEET, f.cell).note).toContain(f.message.en);
    expect(fake.state.get(SHEET, f.cell).note).not.toContain(f.message.zh);
  });

  test("a fixed finding loses its flag on the next validate (its fill and note go back)", async () => {
    const fake = await openFixture("seed002", SHEET);
    const port = portOver(fake);
    const before = fake.state.dump(SHEET);
    const a = await port.validateActiveSheet({ lang: "zh" });
    const reasonFinding = a.findings.find((f) => f.code === "MISSING_REASON")!;
    // The user writes the missing 偏差原因.
    fake.state.set(SHEET, reasonFinding.cell, { v: "已说明原因" });
    const b = await port.validateActiveSheet({ lang: "zh" });
    expect(b.findings.some((f) => f.cell === reasonFinding.cell)).toBe(false);
    const st = fake.state.get(SHEET, reasonFinding.cell);
    expect(st.fill).toBe(before.cells[reasonFinding.cell]?.fill ?? null);
    expect(st.note).toBeNull();
  });

  test("clear flags restores the sheet exactly, including a user's own fill and note on a flagged cell", async () => {
    const fake = await openFixture("seed002", SHEET);
    const port = portOver(fake);
    const probe = await port.analyzeActiveSheet({ lang: "zh" });
    const [c1, c2] = [...new Set(probe.findings.map((f) => f.cell))];
    fake.state.set(SHEET, c1, { fill: "#00B050", note: "用户自己的备注" });
    fake.state.set(SHEET, c2, { n: "0.0" });
    const before = fake.state.dump(SHEET);

    await port.validateActiveSheet({ lang: "zh" });
    const flagged = fake.state.get(SHEET, c1);
    expect(flagged.note!.startsWith("用户自己的备注\n\n")).toBe(true);
    expect(flagged.fill).not.toBe("#00B050");

    const { cleared } = await port.clearFlags({ lang: "zh" });
    expect(cleared).toBe(new Set(probe.findings.map((f) => f.cell)).size);
    expect(fake.state.dump(SHEET)).toEqual(before);
    expect(await port.canRevert()).toBe(false);
    expect(await port.clearFlags({ lang: "zh" })).toEqual({ cleared: 0, kept: [] });
  });

  test("clear flags leaves what the user changed after the flag: a re-coloured cell and an edited note", async () => {
    const fake = await openFixture("seed002", SHEET);
    const port = portOver(fake);
    const a = await port.validateActiveSheet({ lang: "zh" });
    const [c1, c2, c3] = [...new Set(a.findings.map((f) => f.cell))];
    fake.state.set(SHEET, c1, { fill: "#123456" });
    fake.state.set(SHEET, c2, { note: "我改过这条备注" });
    await port.clearFlags({ lang: "zh" });
    expect(fake.state.get(SHEET, c1)).toMatchObject({ fill: "#123456", note: null });
    expect(fake.state.get(SHEET, c2)).toMatchObject({ fill: null, note: "我改过这条备注" });
    expect(fake.state.get(SHEET, c3)).toMatchObject({ fill: null, note: null });
  });

  test("the flags survive save and reopen, and clear flags still knows them", async () => {
    const fake = await openFixture("seed002", SHEET);
    const before = fake.state.dump(SHEET);
    await portOver(fake).validateActiveSheet({ lang: "zh" });
    const { createFakeExcel } = await import("../fakes/fake-excel");
    const reopened = createFakeExcel(fake.state.toInit());
    await portOver(reopened).clearFlags({ lang: "zh" });
    expect(reopened.state.dump(SHEET)).toEqual(before);
  });

  test("a protected sheet: validate fails with a clear zh/en message, carries the analysis, changes nothing", async () => {
    const fake = await openFixture("seed002", SHEET);
    fake.state.protect(SHEET);
    const before = fake.state.toInit();
    const port = portOver(fake);
    const err = (await port.validateActiveSheet({ lang: "zh" }).catch((e) => e)) as PortError;
    expect(err).toBeInstanceOf(PortError);
    expect(err.code).toBe("PROTECTED");
    expect(err.zh).toContain("受保护");
    expect(err.en).toContain("protected");
    expect(err.message).toBe(`${err.zh} / ${err.en}`);
    expect((err.data as { counts: unknown }).counts).toEqual({ error: 1, warning: 25, info: 6 });
    expect(fake.state.toInit()).toEqual(before);
  });
});

describe("seed003 sheet 人才工作服务经费 on Excel without notes (ExcelApi 1.17)", () => {
  test("findings go to the sheet 复核结果; the fills are set; clear flags removes both", async () => {
    const fake = await openFixture("seed003", "人才工作服务经费", (init) => (init.apiVersion = "1.17"));
    const port = portOver(fake);
    await port.setPolicy("spend-ratio");
    const before = fake.state.dump("人才工作服务经费");
    const a = await port.validateActiveSheet({ lang: "zh" });
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.findingsSheet).toBe("复核结果");
    const list = fake.state.dump("复核结果");
    expect(list.cells.A1.v).toBe("工作表 / Sheet");
    const rows = Object.entries(list.cells)
      .filter(([k]) => k.startsWith("B") && k !== "B1")
      .map(([, c]) => c.v);
    expect(rows).toEqual(a.findings.map((f) => f.cell));
    expect(list.cells.D2.v).toBe(a.findings[0].message.zh);
    for (const f of a.findings) expect(fake.state.get("人才工作服务经费", f.cell).fill).not.toBeNull();
    expect(Object.keys(fake.state.dump("人才工作服务经费").notes)).toEqual([]);

    // Another sheet's findings are added below, this sheet's kept.
    fake.state.activate("人才市场运行经费");
    const b = await port.validateActiveSheet({ lang: "zh" });
    const sheetsListed = Object.entries(fake.state.dump("复核结果").cells)
      .filter(([k]) => /^A\d+$/.test(k) && k !== "A1")
      .map(([, c]) => c.v);
    expect(sheetsListed).toEqual([
      ...a.findings.map(() => "人才工作服务经费"),
      ...b.findings.map(() => "人才市场运行经费"),
    ]);

    await port.clearFlags({ lang: "zh" });
    expect(fake.state.find("复核结果")).toBeUndefined();
    expect(fake.state.dump("人才工作服务经费")).toEqual(before);
    expect([...fake.state.settings.keys()].filter((k) => k.startsWith("perf.") && k !== "perf.policy")).toEqual([]);
  });
});

describe('the findings sheet is written as text (numberFormat "@" before the values)', () => {
  test('seed003 on Excel without notes, the sheet named "1-2": names, cells and messages stay text, not dates or numbers', async () => {
    const fake = await openFixture("seed003", "人才工作服务经费", (init) => {
      init.apiVersion = "1.17";
      init.sheets.find((s) => s.name === "人才工作服务经费")!.name = "1-2";
      init.active = "1-2";
    });
    const port = portOver(fake);
    await port.setPolicy("spend-ratio");
    const a = await port.validateActiveSheet({ lang: "zh" });
    const list = fake.state.dump("复核结果").cells;
    const col = (c: string) =>
      Object.entries(list)
        .filter(([k]) => new RegExp(`^${c}\\d+$`).test(k) && k !== `${c}1`)
        .map(([, v]) => v);
    expect(col("A").map((c) => c.v)).toEqual(a.findings.map(() => "1-2"));
    expect(col("B").map((c) => c.v)).toEqual(a.findings.map((f) => f.cell));
    expect(col("D").map((c) => c.v)).toEqual(a.findings.map((f) => f.message.zh));
    for (const c of [...col("A"), ...col("B"), ...col("C"), ...col("D")]) {
      expect(c.n).toBe("@");
      expect(typeof c.v).toBe("string");
      expect(c.f).toBeUndefined();
    }
  });

  test("a write that fails after the findings sheet changed puts its old rows back, as text", async () => {
    const fake = await openFixture("seed003", "人才工作服务经费", (init) => {
      init.apiVersion = "1.17";
      init.sheets.find((s) => s.name === "人才工作服务经费")!.name = "2023";
      init.active = "2023";
    });
    const port = portOver(fake);
    await port.setPolicy("spend-ratio");
    await port.validateActiveSheet({ lang: "zh" });
    const listed = fake.state.dump("复核结果");
    expect(listed.cells.A2).toEqual({ v: "2023", n: "@" });
    fake.state.activate("人才市场运行经费");
    // The record, then the findings sheet (cleared, formatted, written): the first fill fails.
    fake.state.failAfterWrites(4);
    const err = (await port.validateActiveSheet({ lang: "zh" }).catch((e) => e)) as PortError;
    expect(err.code).toBe("ROLLED_BACK");
    expect(fake.state.dump("复核结果")).toEqual(listed);
  });
});

describe("RangeFill.pattern is ExcelApi 1.9 (@types/office-js): Excel 2021 (ExcelApi 1.14) tells white from no fill", () => {
  test("seed002 项目5-8: a user's white fill on a flagged cell comes back on Clear flags", async () => {
    const fake = await openFixture("seed002", SHEET, (init) => (init.apiVersion = "1.14"));
    const port = portOver(fake);
    const probe = await port.analyzeActiveSheet({ lang: "zh" });
    const cell = probe.findings[0].cell;
    fake.state.set(SHEET, cell, { fill: "#FFFFFF" });
    const before = fake.state.dump(SHEET);
    await port.validateActiveSheet({ lang: "zh" });
    expect(fake.state.get(SHEET, cell).fill).not.toBe("#FFFFFF");
    await port.clearFlags({ lang: "zh" });
    expect(fake.state.get(SHEET, cell).fill).toBe("#FFFFFF");
    expect(fake.state.dump(SHEET)).toEqual(before);
  });

  test("below 1.9 a white fill cannot be told from none, and reads as none (the safer reading)", async () => {
    const fake = await openFixture("seed002", SHEET, (init) => (init.apiVersion = "1.8"));
    const port = portOver(fake);
    expect(port.capabilities()).toEqual({ notes: false, merges: false, fillPattern: false });
    const cell = (await port.analyzeActiveSheet({ lang: "zh" })).findings[0].cell;
    fake.state.set(SHEET, cell, { fill: "#FFFFFF" });
    await port.validateActiveSheet({ lang: "zh" });
    await port.clearFlags({ lang: "zh" });
    expect(fake.state.get(SHEET, cell).fill).toBeNull();
  });
});
