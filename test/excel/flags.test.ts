/**
 * Flags where Excel lacks a feature (the flags' promises on every host are in
 * test/contract/flags.contract.test.ts): without notes (ExcelApi 1.18) the findings are listed on
 * a sheet "复核结果"; without RangeFill.pattern (ExcelApi 1.9) a white fill reads as none.
 * Fixtures: seed002 sheet 项目5-8 (4 stacked forms, 1 error + 22 warnings), seed003 sheet 人才工作服务经费.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { PortError } from "../../src/excel/messages";
import { openFixture, portOver } from "./helpers";

const SHEET = "项目5-8";

afterAll(() => setDefaultPolicy("national"));

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
