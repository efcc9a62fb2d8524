/**
 * WorkbookPort contract, reading and Write formulas: on every host (hosts.ts) and every sheet of
 * every fixture (samples/): read → detect gives what the exceljs reading of the file gives; write
 * (PERF and native formulas) → read back gives the plan's formulas and the engine's values; typed
 * numbers are replaced only when confirmed, text never; revert restores the grid exactly.
 * Rules: 执行率 = 全年执行数/全年预算数, scores per 财预〔2020〕10号 (the engine's; the plan's results).
 */
import * as perf from "../../src/engine/perf";
import { setDefaultPolicy } from "../../src/engine/perf";
import type { CellWrite } from "../../src/engine/plan";
import { address, parseRange } from "../../src/layout/grid";
import type { FakeCellInit } from "../fakes/fake-excel";
import { getPolicy } from "../../src/engine/policy";
import { analyzeGrid } from "../../src/layout/analyze";
import type { FormulaStyle } from "../../src/excel/port";
import { exceljsGrid, FIXTURE_POLICY, FIXTURES, sheetNames, type FixtureName } from "../excel/helpers";
import { HOSTS } from "./hosts";

const cases: [FixtureName, string][] = [];

/** PERF.TOTAL / SUM of the referenced cells: written cells at their computed result, the others as they were. */
function totalAfter(formula: string, writes: CellWrite[], cells: Record<string, FakeCellInit>): number {
  const values: unknown[] = [];
  for (const ref of /\((.*)\)/.exec(formula)![1].split(",")) {
    const box = parseRange(ref)!;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const w = writes.find((x) => x.row === r && x.col === c);
        values.push(w ? (w.result ?? null) : (cells[address(r, c)]?.v ?? null));
      }
    }
  }
  return perf.total(values);
}

// Sheet names are known only after reading the fixtures; jest needs the table up front.
const SHEETS: Record<FixtureName, string[]> = {
  seed000: ["自评表"],
  seed002: ["部门整体评价", "特聘岗位评分表", "项目1", "项目2", "项目3", "项目4", "项目5-8"],
  seed003: [
    "流动人才集体户管理服务经费",
    "流动人员档案管理经费",
    "人才市场运行经费",
    "人才工作服务经费",
    "就业创业专项资金",
  ],
};
for (const f of Object.keys(FIXTURES) as FixtureName[]) for (const s of SHEETS[f]) cases.push([f, s]);

afterAll(() => setDefaultPolicy("national"));

test("the table of sheets is every sheet of the fixtures", async () => {
  for (const f of Object.keys(FIXTURES) as FixtureName[]) expect(await sheetNames(f)).toEqual(SHEETS[f]);
});

describe.each(HOSTS.flatMap(([name, host]) => cases.map(([f, s]) => [name, f, s, host] as const)))(
  "%s: %s sheet %s",
  (_name, fixture, sheet, host) => {
    const policy = FIXTURE_POLICY[fixture];

    test("read → detect: same forms, findings and counts as the exceljs reading of the file", async () => {
      const { port } = await host.open(fixture, sheet);
      await port.setPolicy(policy);
      const got = await port.analyzeActiveSheet({ lang: "zh" });
      const want = analyzeGrid(await exceljsGrid(fixture, sheet), getPolicy(policy));
      expect(got.sheet).toBe(sheet);
      expect(got.counts).toEqual(want.counts);
      expect(got.results.map((r) => [r.form.kind, r.form.range])).toEqual(
        want.results.map((r) => [r.form.kind, r.form.range]),
      );
      expect(got.findings.map((f) => [f.code, f.cell])).toEqual(want.findings.map((f) => [f.code, f.cell]));
      expect(got.results.map((r) => r.total)).toEqual(want.results.map((r) => r.total));
    });

    test.each(["perf", "native"] as FormulaStyle[])(
      "write %s formulas (confirmed) → read back formulas and values; revert restores the grid exactly",
      async (style) => {
        const { port, state, storeKeys } = await host.open(fixture, sheet);
        await port.setPolicy(policy);
        const before = state.dump(sheet);
        const preview = await port.previewWrites(style, { lang: "zh" });
        expect(preview.sheet).toBe(sheet);
        expect(preview.plan.writes.length).toBeGreaterThan(0);
        // Typed numbers are listed for confirmation; text is never a write.
        for (const w of preview.plan.writes)
          expect(typeof w.previous.value === "string" && w.previous.value.trim() !== "" && !w.previous.formula).toBe(
            false,
          );
        expect(preview.needsConfirm).toEqual(preview.plan.writes.filter((w) => w.confirm));

        const { written } = await port.applyWrites(preview, true, { lang: "zh" });
        expect(written).toBe(preview.plan.writes.length);
        for (const w of preview.plan.writes) {
          const cell = state.get(sheet, w.cell);
          expect(cell.f).toBe(w.formula);
          if (w.numFmt) expect(cell.n).toBe(w.numFmt);
          // A total adds the cells as they are after the write (the plan's result is the sum of the old ones).
          const want = w.kind === "total" ? totalAfter(w.formula!, preview.plan.writes, before.cells) : w.result;
          if (typeof want === "number") {
            expect(typeof cell.v).toBe("number");
            expect(cell.v as number).toBeCloseTo(want, 9);
          }
        }
        // Skipped cells (text, same formula) are untouched.
        for (const s of preview.skipped)
          expect(state.get(sheet, s.cell)).toEqual({ ...before.cells[s.cell], note: null });
        expect(await port.canRevert()).toBe(true);

        const { restored } = await port.revert({ lang: "zh" });
        expect(restored).toBe(preview.plan.writes.length);
        expect(state.dump(sheet)).toEqual(before);
        expect(await port.canRevert()).toBe(false);
        expect(storeKeys().filter((k) => k.startsWith("perf.rec."))).toEqual([]);
      },
    );
  },
);

describe.each(HOSTS)("%s: seed000 sheet 自评表 (the Beijing form)", (_name, host) => {
  test('G7 gets =PERF.EXECRATE(D7,E7) as 0.00% after confirmation; H8 "-" stays; H24 the PERF.TOTAL', async () => {
    const { port, state } = await host.open("seed000", "自评表");
    await port.setPolicy("national");
    const preview = await port.previewWrites("perf", { lang: "zh" });
    expect(preview.needsConfirm.map((w) => w.cell)).toEqual(["G7", "H7", "H14", "H15", "H24"]);
    await port.applyWrites(preview, true, { lang: "zh" });
    expect(state.get("自评表", "G7")).toMatchObject({ f: "=PERF.EXECRATE(D7,E7)", n: "0.00%" });
    expect(state.get("自评表", "G7").v as number).toBeCloseTo(19.978525 / 53.861, 12);
    expect(state.get("自评表", "H7").f).toBe("=PERF.EXECSCORE(D7,E7,F7)");
    expect(state.get("自评表", "H14")).toMatchObject({ f: "=PERF.SCORE(E14,F14,G14)", v: 0.26 });
    expect(state.get("自评表", "H24").f).toBe("=PERF.TOTAL(H7,H14:H23)");
    expect(state.get("自评表", "H8")).toMatchObject({ v: "-" });
    expect(state.get("自评表", "H8").f).toBeUndefined();
  });

  test('native style: G7 =IF(N(D7)=0,"",E7/D7) and the ROUND budget score compute the engine\'s values', async () => {
    const { port, state } = await host.open("seed000", "自评表");
    await port.setPolicy("national");
    const preview = await port.previewWrites("native", { lang: "en" });
    await port.applyWrites(preview, true, { lang: "en" });
    expect(state.get("自评表", "G7").f).toBe('=IF(N(D7)=0,"",E7/D7)');
    expect(state.get("自评表", "H7")).toMatchObject({
      f: '=IF(N(D7)=0,"",ROUND(MIN(1,MAX(0,E7/D7))*F7,2))',
      v: 3.71,
    });
    expect(state.get("自评表", "H24").f).toBe("=SUM(H7,H14:H23)");
  });

  test("unconfirmed: typed numbers are left alone, blank score cells are written", async () => {
    const { port, state } = await host.open("seed000", "自评表");
    state.set("自评表", "H24", { v: null }); // the total cell left blank by the user
    await port.setPolicy("national");
    const before = state.dump("自评表");
    const preview = await port.previewWrites("perf", { lang: "zh" });
    const h24 = preview.plan.writes.find((w) => w.cell === "H24")!;
    expect(h24.confirm).toBe(false);
    const { written } = await port.applyWrites(preview, false, { lang: "zh" });
    expect(written).toBe(1);
    expect(state.get("自评表", "H24").f).toBe("=PERF.TOTAL(H7,H14:H23)");
    for (const cell of ["G7", "H7", "H14", "H15"]) expect(state.dump("自评表").cells[cell]).toEqual(before.cells[cell]);
  });

  test("nothing to write when every write needs confirmation and none is given: no call into the host", async () => {
    const { port, calls, resetCalls } = await host.open("seed000", "自评表");
    const preview = await port.previewWrites("perf", { lang: "zh" });
    resetCalls();
    expect(await port.applyWrites(preview, false, { lang: "zh" })).toEqual({ written: 0 });
    expect(calls()).toBe(0);
  });
});
