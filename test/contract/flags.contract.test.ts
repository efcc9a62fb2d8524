/**
 * WorkbookPort contract, flags: on every host (hosts.ts: Office.js over the fake Excel, WPS over
 * the fake ET), Validate puts a fill by severity and the findings as a note on every finding's
 * cell; earlier flags are replaced; Clear flags removes exactly what was added (a user's fill and
 * note come back; what the user changed since is theirs); the flags survive save and reopen; a
 * protected sheet is refused with nothing changed.
 * Rules: the findings are the engine's (财预〔2020〕10号 checks); fills: transitions.ts FLAG_FILL.
 * Fixture: seed002 sheet 项目5-8 (4 stacked forms, 1 error + 22 warnings of the core pack, 3 warnings and 6 notes of the review pack).
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { PortError } from "../../src/excel/messages";
import { FLAG_FILL } from "../../src/excel/transitions";
import { HOSTS } from "./hosts";

const SHEET = "项目5-8";

afterAll(() => setDefaultPolicy("national"));

describe.each(HOSTS)("%s: seed002 sheet 项目5-8", (_name, host) => {
  test("validate: every finding's cell gets its severity's fill and a note with its messages", async () => {
    const { port, state } = await host.open("seed002", SHEET);
    const a = await port.validateActiveSheet({ lang: "zh" });
    // 26 warnings: 25, and H88 (第三季度前 done 第四季度: a missed deadline scored 18 of 20, the 未达成 band is 0–12);
    // 8 notes: 6, and WEIGHT_PLAN at B13 and B85 (服务大厅 and 外国人来华 have no 效益指标; national sets 30 for it).
    expect(a.counts).toEqual({ error: 1, warning: 26, info: 8 });
    const cells = new Set(a.findings.map((f) => f.cell));
    for (const cell of cells) {
      const fs = a.findings.filter((f) => f.cell === cell);
      const sev = fs.some((f) => f.severity === "error")
        ? "error"
        : fs.some((f) => f.severity === "warning")
          ? "warning"
          : "info";
      const st = state.get(SHEET, cell);
      expect(st.fill).toBe(FLAG_FILL[sev]);
      for (const f of fs) expect(st.note).toContain(f.message.zh);
    }
    expect(Object.keys(state.dump(SHEET).notes).sort()).toEqual([...cells].sort());
  });

  test("validate twice: the flags are replaced, not doubled; English notes replace the Chinese ones", async () => {
    const { port, state } = await host.open("seed002", SHEET);
    const a = await port.validateActiveSheet({ lang: "zh" });
    const once = state.dump(SHEET);
    await port.validateActiveSheet({ lang: "zh" });
    expect(state.dump(SHEET)).toEqual(once);
    await port.validateActiveSheet({ lang: "en" });
    const f = a.findings[0];
    expect(state.get(SHEET, f.cell).note).toContain(f.message.en);
    expect(state.get(SHEET, f.cell).note).not.toContain(f.message.zh);
  });

  test("a fixed finding loses its flag on the next validate (its fill and note go back)", async () => {
    const { port, state } = await host.open("seed002", SHEET);
    const before = state.dump(SHEET);
    const a = await port.validateActiveSheet({ lang: "zh" });
    const reasonFinding = a.findings.find((f) => f.code === "MISSING_REASON")!;
    state.set(SHEET, reasonFinding.cell, { v: "已说明原因" });
    const b = await port.validateActiveSheet({ lang: "zh" });
    expect(b.findings.some((f) => f.cell === reasonFinding.cell)).toBe(false);
    const st = state.get(SHEET, reasonFinding.cell);
    expect(st.fill).toBe(before.cells[reasonFinding.cell]?.fill ?? null);
    expect(st.note).toBeNull();
  });

  test("clear flags restores the sheet exactly, including a user's own fill and note on a flagged cell", async () => {
    const { port, state, storeKeys } = await host.open("seed002", SHEET);
    const probe = await port.analyzeActiveSheet({ lang: "zh" });
    const [c1, c2] = [...new Set(probe.findings.map((f) => f.cell))];
    state.set(SHEET, c1, { fill: "#00B050", note: "用户自己的备注" });
    state.set(SHEET, c2, { n: "0.0" });
    const before = state.dump(SHEET);

    await port.validateActiveSheet({ lang: "zh" });
    const flagged = state.get(SHEET, c1);
    expect(flagged.note!.startsWith("用户自己的备注\n\n")).toBe(true);
    expect(flagged.fill).not.toBe("#00B050");

    const { cleared } = await port.clearFlags({ lang: "zh" });
    expect(cleared).toBe(new Set(probe.findings.map((f) => f.cell)).size);
    expect(state.dump(SHEET)).toEqual(before);
    expect(await port.canRevert()).toBe(false);
    expect(storeKeys()).toEqual([]);
    expect(await port.clearFlags({ lang: "zh" })).toEqual({ cleared: 0, kept: [] });
  });

  test("clear flags leaves what the user changed after the flag: a re-coloured cell and an edited note", async () => {
    const { port, state } = await host.open("seed002", SHEET);
    const a = await port.validateActiveSheet({ lang: "zh" });
    const [c1, c2, c3] = [...new Set(a.findings.map((f) => f.cell))];
    state.set(SHEET, c1, { fill: "#123456" });
    state.set(SHEET, c2, { note: "我改过这条备注" });
    await port.clearFlags({ lang: "zh" });
    expect(state.get(SHEET, c1)).toMatchObject({ fill: "#123456", note: null });
    expect(state.get(SHEET, c2)).toMatchObject({ fill: null, note: "我改过这条备注" });
    expect(state.get(SHEET, c3)).toMatchObject({ fill: null, note: null });
  });

  test("a user's white fill on a flagged cell comes back on Clear flags (told from no fill)", async () => {
    const { port, state } = await host.open("seed002", SHEET);
    const cell = (await port.analyzeActiveSheet({ lang: "zh" })).findings[0].cell;
    state.set(SHEET, cell, { fill: "#FFFFFF" });
    const before = state.dump(SHEET);
    await port.validateActiveSheet({ lang: "zh" });
    expect(state.get(SHEET, cell).fill).not.toBe("#FFFFFF");
    await port.clearFlags({ lang: "zh" });
    expect(state.dump(SHEET)).toEqual(before);
  });

  test("the flags survive save and reopen, and clear flags still knows them", async () => {
    const opened = await host.open("seed002", SHEET);
    const before = opened.state.dump(SHEET);
    await opened.port.validateActiveSheet({ lang: "zh" });
    const reopened = opened.reopen();
    await reopened.port.clearFlags({ lang: "zh" });
    expect(reopened.state.dump(SHEET)).toEqual(before);
    expect(reopened.storeKeys()).toEqual([]);
  });

  test("a protected sheet: validate fails with a clear zh/en message, carries the analysis, changes nothing", async () => {
    const { port, state, writes, resetCalls } = await host.open("seed002", SHEET);
    state.protect(SHEET);
    const before = state.toInit();
    resetCalls();
    const err = (await port.validateActiveSheet({ lang: "zh" }).catch((e) => e)) as PortError;
    expect(err).toBeInstanceOf(PortError);
    expect(err.code).toBe("PROTECTED");
    expect(err.zh).toContain("受保护");
    expect(err.en).toContain("protected");
    expect(err.message).toBe(`${err.zh} / ${err.en}`);
    expect((err.data as { counts: unknown }).counts).toEqual({ error: 1, warning: 26, info: 8 });
    expect(state.toInit()).toEqual(before);
    expect(writes()).toBe(0);
  });
});
