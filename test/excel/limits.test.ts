/**
 * The adapter within real Excel's limits, over the fake that enforces them (Excel on the web, the
 * fake's default platform): getMergedAreasOrNullObject fails over 512 merged areas; a request or
 * a response over 5 MB is refused; past 5 million cells Range.values comes back null.
 * Fixtures: seed002 sheets 项目4 (16 merged areas a form) and 项目5-8 (4 forms, 23 findings).
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { FLAG_FILL } from "../../src/excel/office-port";
import { isPayloadError, PortError } from "../../src/excel/messages";
import { mergeTiles, MERGED_AREAS_LIMIT, readGrid, type GridIO } from "../../src/excel/read-grid";
import type { RangeBox } from "../../src/engine/model";
import { createFakeExcel, type FakeExcelHandle, type FakeSheetInit } from "../fakes/fake-excel";
import { evaluate } from "../fakes/formula-eval";
import { stackForms } from "../fakes/stack-forms";
import { fixtureInit, portOver } from "./helpers";

afterAll(() => setDefaultPolicy("national"));

const LIMIT = 5_000_000;

async function sheetOf(name: string): Promise<FakeSheetInit> {
  return (await fixtureInit("seed002")).sheets.find((s) => s.name === name)!;
}

function bySheetOrder(a: RangeBox, b: RangeBox): number {
  return a.top - b.top || a.left - b.left;
}

function boxOf(a: string): RangeBox {
  const [p, q] = a.split(":");
  const one = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: c - 1 };
  };
  const s = one(p);
  const e = one(q ?? p);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

/** readGrid over the fake's active sheet, as the port calls it. */
async function gridOf(fake: FakeExcelHandle, maxBandCells = 50_000) {
  return fake.Excel.run(async (ctx) => {
    const ws = (ctx as unknown as Excel.RequestContext).workbook.worksheets.getActiveWorksheet();
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    await ctx.sync();
    const box = {
      top: used.rowIndex,
      left: used.columnIndex,
      bottom: used.rowIndex + used.rowCount - 1,
      right: used.columnIndex + used.columnCount - 1,
    };
    const io: GridIO = {
      sync: () => ctx.sync(),
      isPayload: isPayloadError,
      isFatal: () => false,
      tooLarge: (cause) => new Error(`too large: ${String(cause)}`),
    };
    return readGrid(io, ws, { name: "x", hidden: false }, box, { merges: true }, maxBandCells);
  });
}

describe("merged areas: tiles that cannot hold more than 512", () => {
  test("every safe tile has R·W + 2R + 2W ≤ 1024, and the tiles cover the box exactly once", () => {
    for (const [rows, cols] of [
      [8100, 9],
      [1, 1],
      [50, 340],
      [100, 16384],
      [1_048_576, 3],
    ]) {
      const box = { top: 3, left: 2, bottom: 3 + rows - 1, right: 2 + cols - 1 };
      const { tiles, safe } = mergeTiles(box);
      let area = 0;
      for (const t of tiles) {
        const r = t.bottom - t.top + 1;
        const w = t.right - t.left + 1;
        area += r * w;
        if (safe) expect(r * w + 2 * r + 2 * w).toBeLessThanOrEqual(2 * MERGED_AREAS_LIMIT);
        expect(t.top >= box.top && t.bottom <= box.bottom && t.left >= box.left && t.right <= box.right).toBe(true);
      }
      expect(area).toBe(rows * cols);
      expect(tiles.length).toBeLessThanOrEqual(1024);
    }
  });

  test("seed002 项目4 ×300 (4,800 merged areas on one sheet): every one is read, in the same sync as the cells", async () => {
    const form = await sheetOf("项目4");
    const sheet = stackForms(form, 300, "项目4×300");
    const fake = createFakeExcel({ sheets: [sheet], active: sheet.name });
    fake.resetSyncCount();
    const grid = await gridOf(fake);
    expect(fake.syncCount()).toBe(2);
    expect(fake.state.syncLog.every((s) => !s.failed && s.requestBytes < LIMIT && s.responseBytes < LIMIT)).toBe(true);
    const want = sheet.merges!.map(boxOf).sort(bySheetOrder);
    expect(want).toHaveLength(4800);
    expect([...grid.merges].sort(bySheetOrder)).toEqual(want);
  });

  test("a used range too large for safe tiles: coarse bands, and a band over 512 is asked again in halves", async () => {
    // 2,000 merged areas in the first 20 rows of a 200-column, 20,000-row used range.
    const merges: string[] = [];
    const letters = (c: number) =>
      (c < 26 ? "" : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));
    for (let r = 1; r <= 20; r++)
      for (let c = 0; c < 200; c += 2) merges.push(`${letters(c)}${r}:${letters(c + 1)}${r}`);
    const sheet: FakeSheetInit = { name: "宽表", cells: { A1: { v: "x" }, GR20000: { v: "y" } }, merges };
    const fake = createFakeExcel({ sheets: [sheet] });
    expect(mergeTiles({ top: 0, left: 0, bottom: 19999, right: 199 }).safe).toBe(false);
    const grid = await gridOf(fake);
    expect(fake.state.syncLog.some((s) => s.failed === "GeneralException")).toBe(true);
    expect([...grid.merges].sort(bySheetOrder)).toEqual(merges.map(boxOf).sort(bySheetOrder));
  });
});

describe("cell data Excel will not give in one piece", () => {
  test("values that come back null, or a load refused, are read again in bands (each band halved as needed): the same analysis", async () => {
    const base = createFakeExcel({ sheets: [await sheetOf("项目5-8")] }, { evaluate });
    const whole = await portOver(base).analyzeActiveSheet({ lang: "zh" });
    for (const mode of ["null", "throw"] as const) {
      const fake = createFakeExcel({ sheets: [await sheetOf("项目5-8")] }, { evaluate });
      fake.state.largeRangeCells = 500; // 项目5-8 is 91 × 9 = 819 cells
      fake.state.largeRangeValues = mode;
      const port = portOver(fake, { maxReadCellsPerSync: 800 }); // a band of 88 rows is over 500 too: halved
      fake.resetSyncCount();
      const a = await port.analyzeActiveSheet({ lang: "zh" });
      expect(a.findings).toEqual(whole.findings);
      expect(fake.syncCount()).toBeGreaterThan(3);
      if (mode === "throw")
        expect(fake.state.syncLog.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    }
  });

  test("a used range past 5 million cells (a stray value in row 1,000,000) is read in bands from the start", async () => {
    const form = await sheetOf("项目5-8");
    const base = createFakeExcel({ sheets: [form] }, { evaluate });
    const whole = await portOver(base).analyzeActiveSheet({ lang: "zh" });
    const stray: FakeSheetInit = { ...form, cells: { ...form.cells, I1000000: { v: "备查" } } };
    const fake = createFakeExcel({ sheets: [stray] }, { evaluate });
    fake.resetSyncCount();
    const a = await portOver(fake).analyzeActiveSheet({ lang: "zh" });
    expect(a.findings).toEqual(whole.findings);
    expect(fake.state.syncLog.every((s) => !s.failed)).toBe(true);
    expect(fake.syncCount()).toBeGreaterThan(100); // 9,000,000 cells in bands of 50,000
  }, 60_000);
});

describe("10,000 flags on Excel on the web (seed002 项目5-8 ×440: 1,760 forms)", () => {
  test("set, then cleared, and (on the same flagged workbook, reopened) reverted: every request under 5 MB, the sheet exactly as before", async () => {
    const sheet = stackForms(await sheetOf("项目5-8"), 440, "复核");
    const fake = createFakeExcel({ sheets: [sheet], active: sheet.name }, { evaluate });
    const before = fake.state.dump(sheet.name);
    const maxBytes = (f: FakeExcelHandle) => Math.max(...f.state.syncLog.map((s) => s.requestBytes));
    fake.resetSyncCount();
    const a = await portOver(fake).validateActiveSheet({ lang: "zh" });
    const flagged = new Set(a.findings.map((f) => f.cell));
    expect(flagged.size).toBeGreaterThanOrEqual(10_000);
    const dump = fake.state.dump(sheet.name);
    expect(Object.keys(dump.notes)).toHaveLength(flagged.size);
    for (const cell of flagged) expect(Object.values(FLAG_FILL)).toContain(dump.cells[cell].fill);
    expect(maxBytes(fake)).toBeLessThan(LIMIT);
    // Sized by bytes, not one request each, nor all in one: the flags (14,080 under core + review, about
    // 26 MB) go in a handful of large requests that each fill most of the limit; the other syncs (reads,
    // small writes) are a fixed few, however many flags there are.
    expect(fake.syncCount()).toBeGreaterThan(4);
    const large = fake.state.syncLog.filter((s) => s.requestBytes > LIMIT / 10);
    const flagBytes = large.reduce((n, s) => n + s.requestBytes, 0);
    expect(large.length).toBeGreaterThan(1);
    expect(large.length).toBeLessThanOrEqual(Math.ceil(flagBytes / (LIMIT * 0.6)));
    expect(fake.syncCount() - large.length).toBeLessThan(16);

    const reopened = createFakeExcel(fake.state.toInit(), { evaluate });

    fake.resetSyncCount();
    expect(await portOver(fake).clearFlags({ lang: "zh" })).toEqual({ cleared: flagged.size, kept: [] });
    expect(fake.state.dump(sheet.name)).toEqual(before);
    expect(maxBytes(fake)).toBeLessThan(LIMIT);
    expect(fake.syncCount()).toBeLessThan(20);

    reopened.resetSyncCount();
    const reverted = await portOver(reopened).revert({ lang: "zh" });
    expect(reverted).toEqual({ restored: flagged.size, kept: [] });
    expect(reopened.state.dump(sheet.name)).toEqual(before);
    expect([...reopened.state.settings.keys()]).toEqual([]);
    expect(maxBytes(reopened)).toBeLessThan(LIMIT);
    expect(reopened.syncCount()).toBeLessThan(20);
  }, 180_000);
});

test("a request budget too small for even one operation still makes progress, one operation a sync", async () => {
  const fake = createFakeExcel({ sheets: [await sheetOf("项目5-8")] }, { evaluate });
  const before = fake.state.dump("项目5-8");
  const port = portOver(fake, { maxRequestBytes: 1 });
  await port.validateActiveSheet({ lang: "zh" });
  await port.revert({ lang: "zh" });
  expect(fake.state.dump("项目5-8")).toEqual(before);
  expect(fake.syncCount()).toBeGreaterThan(50);
});

test("a row too large for any request is still a clear error", async () => {
  const fake = createFakeExcel({ sheets: [await sheetOf("项目5-8")] }, { evaluate });
  fake.state.largeRangeCells = 5;
  const err = (await portOver(fake)
    .analyzeActiveSheet({ lang: "en" })
    .catch((e) => e)) as PortError;
  expect(err).toBeInstanceOf(PortError);
  expect(err.code).toBe("TOO_LARGE");
});

test("the Office reader marks a hidden sheet's grid hidden (Worksheet.visibility), in one piece or in bands", async () => {
  const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
  const cells: FakeSheetInit["cells"] = { A1: { v: "项目名称" }, A4: { v: "总分" } };
  HEADER.forEach((h, i) => (cells![`${String.fromCharCode(65 + i)}2`] = { v: h }));
  Object.assign(cells!, { A3: { v: "产出指标" }, B3: { v: "数量指标" }, F3: { v: 100 } });
  for (const banded of [false, true]) {
    for (const visibility of ["Hidden", "Visible"] as const) {
      const fake = createFakeExcel({ sheets: [{ name: "模板", cells, visibility }, { name: "项目1" }] });
      if (banded) fake.state.largeRangeCells = 10;
      const a = await portOver(fake).analyzeActiveSheet({ lang: "zh" });
      expect(a.results.map((r) => r.form.hiddenTemplate === true)).toEqual([visibility === "Hidden"]);
    }
  }
});
