/**
 * Request bytes, measured with the real Office.js request builder (real-builder.ts: Excel on the
 * web's excel-web-16.00.debug.js in jsdom). Excel on the web refuses a request over 5 MB (Office
 * add-ins resource limits), so:
 *
 * - the fake Excel (fake-request.ts) must count every batch the adapter sends to the byte, as the
 *   real builder does: the same batches, queued by the adapter's own functions, give equal sizes;
 * - the adapter's estimates (src/excel/request-size.ts), by which it sizes every batch, must never
 *   be below the real size and not far above it (at most 1.3×).
 *
 * Per operation, the real builder gives (recorded here, asserted below): reading one cell's state
 * (value, formula, number format, fill, note) about 1 KB; a flag (fill + a 40-character Chinese
 * note) about 0.9 KB; a formula about 0.35 KB.
 */
import {
  queueReadStates,
  queueTransition,
  readStateBytes,
  type CellState,
  type Caps,
} from "../../src/excel/cell-state";
import { BATCH_BASE_BYTES } from "../../src/excel/request-size";
import { createFakeExcel } from "../fakes/fake-excel";
import { realRequestBytes } from "./real-builder";

const SHEET_ID = "{00000000-0001-0000-0007-000000000000}";
const ALL: Caps = { notes: true, fillPattern: true, merges: true };
const NOTE = "得分超过分值：得分 9.5，分值 8。请核对得分或分值。".repeat(2);

function cells(n: number, col = "H"): string[] {
  return Array.from({ length: n }, (_, i) => `${col}${i + 11}`);
}

const blank: CellState = { v: null, f: null, n: "General", fill: null, note: null };

/** The bytes of the one request `batch` sends, on the fake. */
async function fakeRequestBytes(batch: (ctx: Excel.RequestContext) => void): Promise<number> {
  const fake = createFakeExcel({ sheets: [{ name: "项目4", id: SHEET_ID }] });
  await fake.Excel.run(async (ctx) => {
    batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync().catch(() => undefined);
  });
  const log = fake.state.syncLog;
  expect(log).toHaveLength(1);
  return log[0].requestBytes;
}

interface Measured {
  real: number;
  fake: number;
  estimate: number;
}

/** Run `queue` (which returns the adapter's estimate of what it queued) on the real builder and on the fake. */
async function measure(queue: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => number): Promise<Measured> {
  let estimate = 0;
  const batch = (ctx: Excel.RequestContext) => {
    estimate = BATCH_BASE_BYTES + queue(ctx.workbook.worksheets.getItem(SHEET_ID), ctx);
  };
  const real = await realRequestBytes(batch);
  const fake = await fakeRequestBytes(batch);
  return { real, fake, estimate };
}

function expectSized(m: Measured): void {
  expect(m.fake).toBe(m.real);
  expect(m.estimate).toBeGreaterThanOrEqual(m.real);
  expect(m.estimate).toBeLessThanOrEqual(1.3 * m.real);
}

jest.setTimeout(60_000);

describe("per operation, 1,000 cells in one request (real builder = fake; estimate within 1×–1.3×)", () => {
  test("reading cell states (value, formula, number format, fill with pattern, note): about 1 KB a cell", async () => {
    const list = cells(1000);
    const m = await measure((ws) => {
      queueReadStates(ws, list, ALL);
      return list.reduce((n, c) => n + readStateBytes(c, ALL), 0);
    });
    expectSized(m);
    expect(m.real / 1000).toBeGreaterThan(900);
    expect(m.real / 1000).toBeLessThan(1100);
  });

  test("reading cell states without notes or fill pattern (ExcelApi 1.8)", async () => {
    const caps: Caps = { notes: false, fillPattern: false, merges: false };
    const list = cells(1000);
    expectSized(
      await measure((ws) => {
        queueReadStates(ws, list, caps);
        return list.reduce((n, c) => n + readStateBytes(c, caps), 0);
      }),
    );
  });

  test("flags (fill + a Chinese note): about 0.9 KB a cell", async () => {
    const list = cells(1000);
    const m = await measure((ws) =>
      list.reduce(
        (n, c) => n + queueTransition(ws, c, blank, { ...blank, fill: "#FFC7CE", note: NOTE }, ["fill", "note"], ALL),
        0,
      ),
    );
    expectSized(m);
    expect(m.real / 1000).toBeGreaterThan(800);
    expect(m.real / 1000).toBeLessThan(1000);
  });

  test("clearing flags (fill cleared, note deleted) and editing notes", async () => {
    const list = cells(1000);
    const flagged: CellState = { ...blank, fill: "#FFC7CE", note: NOTE };
    expectSized(
      await measure((ws) =>
        list.reduce(
          (n, c, i) =>
            n + queueTransition(ws, c, flagged, { ...blank, note: i % 2 ? null : "用户备注" }, ["fill", "note"], ALL),
          0,
        ),
      ),
    );
  });

  test("formulas with their number format: about 0.35 KB a cell", async () => {
    const list = cells(1000);
    const m = await measure((ws) =>
      list.reduce(
        (n, c, i) =>
          n +
          queueTransition(
            ws,
            c,
            { ...blank, v: 8 },
            { ...blank, f: `=PERF.SCORE(E${i + 11},F${i + 11},G${i + 11})`, n: "0.00" },
            ["content", "format"],
            ALL,
          ),
        0,
      ),
    );
    expectSized(m);
    expect(m.real / 1000).toBeGreaterThan(300);
    expect(m.real / 1000).toBeLessThan(450);
  });

  test("text Excel would convert, written under a moment's text format", async () => {
    const list = cells(1000);
    expectSized(
      await measure((ws) =>
        list.reduce(
          (n, c, i) => n + queueTransition(ws, c, blank, { ...blank, v: `${(i % 12) + 1}-2` }, ["content"], ALL),
          0,
        ),
      ),
    );
  });
});

test("Application.calculate", async () => {
  const m = await measure((_ws, ctx) => {
    ctx.workbook.application.calculate("Full");
    return 0;
  });
  expect(m.fake).toBe(m.real);
});
