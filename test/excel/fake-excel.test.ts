/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read before a sync on purpose, to see the fake refuse it. */
/**
 * The fake Excel itself keeps Office.js's contract, so that what passes over it is honest:
 * load-before-read, null objects known only after a sync, non-transactional batches, sync
 * counting, protection, save/reopen. Workbook: a two-sheet hand-made book (no fixture).
 */
import { createFakeExcel, FakeOfficeError, type FakeRequestContext } from "../fakes/fake-excel";
import { evaluate } from "../fakes/formula-eval";

function book() {
  return createFakeExcel(
    {
      sheets: [
        {
          name: "A",
          cells: { A1: { v: 1 }, B1: { v: "x" }, C3: { v: 0.5, n: "0.00%", fill: "#ff0000" } },
          merges: ["A5:B6"],
          notes: { B1: "hello" },
        },
        { name: "B", cells: { A1: { v: 2 } } },
      ],
    },
    { evaluate },
  );
}

async function run<T>(fake: ReturnType<typeof book>, fn: (ctx: FakeRequestContext) => Promise<T>): Promise<T> {
  return fake.Excel.run(fn);
}

test("reading a property that was not loaded and synced throws PropertyNotLoaded", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:C3");
    expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
    r.load("values");
    expect(() => r.values).toThrow(FakeOfficeError);
    await ctx.sync();
    expect(r.values[0]).toEqual([1, "x", ""]);
    expect(() => r.formulas).toThrow(/formulas/);
  });
});

test("isNullObject is known only after a sync; loading a null object is allowed, reading it is not", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
    ws.load("name");
    expect(() => ws.isNullObject).toThrow(/PropertyNotLoaded|not available/);
    await ctx.sync();
    expect(ws.isNullObject).toBe(true);
    expect(() => ws.name).toThrow(FakeOfficeError);
    const used = ctx.workbook.worksheets.getItem("B").getUsedRangeOrNullObject(true);
    used.load("address");
    await ctx.sync();
    expect(used.isNullObject).toBe(false);
    expect(used.address).toBe("B!A1");
  });
});

test("writes happen at sync, in order; a failing operation stops the batch and what ran before stays", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("A");
    ws.getRange("A1").values = [[10]];
    expect(fake.state.get("A", "A1").v).toBe(1);
    ws.getRange("A2").values = [[20]];
    ws.notes.add("B1", "dup"); // B1 already has a note: fails
    ws.getRange("A3").values = [[30]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
  expect(fake.state.get("A", "A1").v).toBe(10);
  expect(fake.state.get("A", "A2").v).toBe(20);
  expect(fake.state.get("A", "A3").v).toBe(null);
});

test("syncs are counted, Excel.run sends what is still queued, resetSyncCount starts again", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    await ctx.sync();
    ctx.workbook.worksheets.getItem("B").getRange("B2").values = [["queued"]];
  });
  expect(fake.syncCount()).toBe(2);
  expect(fake.state.get("B", "B2").v).toBe("queued");
  fake.resetSyncCount();
  expect(fake.syncCount()).toBe(0);
});

test("fills: no fill reads as white with pattern None; formats, merges (RangeAreas) and notes are read", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("A");
    const c3 = ws.getRange("C3");
    const a1 = ws.getRange("A1");
    c3.format.fill.load(["color", "pattern"]);
    a1.format.fill.load(["color", "pattern"]);
    c3.load("numberFormat");
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    merged.areas.load("items/address");
    const note = ws.notes.getItemOrNullObject("B1");
    note.load("content");
    const none = ws.notes.getItemOrNullObject("A1");
    none.load("content");
    await ctx.sync();
    expect([c3.format.fill.color, c3.format.fill.pattern]).toEqual(["#FF0000", "Solid"]);
    expect([a1.format.fill.color, a1.format.fill.pattern]).toEqual(["#FFFFFF", "None"]);
    expect(c3.numberFormat).toEqual([["0.00%"]]);
    expect(merged.address).toBe("A!A5:B6");
    expect(merged.areas.items.map((r) => r.address)).toEqual(["A!A5:B6"]);
    expect(note.content).toBe("hello");
    expect(none.isNullObject).toBe(true);
  });
});

test("a protected sheet refuses writes with AccessDenied", async () => {
  const fake = book();
  fake.state.protect("A");
  await run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItem("A").getRange("A1").values = [[5]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
  expect(fake.state.get("A", "A1").v).toBe(1);
});

test("formulas are computed by the evaluator (PERF and native) and recomputed when inputs change", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("B");
    ws.getRange("B1:D1").formulas = [
      ["=PERF.EXECRATE(A1,A2)", '=IF(N(A1)=0,"",A2/A1)', "=ROUND(MIN(1,MAX(0,A2/A1))*10,2)"],
    ];
    ws.getRange("A2").values = [[1]];
    await ctx.sync();
  });
  expect(fake.state.get("B", "B1")).toMatchObject({ v: 0.5, f: "=PERF.EXECRATE(A1,A2)" });
  expect(fake.state.get("B", "C1").v).toBe(0.5);
  expect(fake.state.get("B", "D1").v).toBe(5);
});

test("toInit() is the saved workbook: reopening gives the same sheets, notes, settings and ids", async () => {
  const fake = book();
  await run(fake, async (ctx) => {
    ctx.workbook.settings.add("k", { a: 1 });
    await ctx.sync();
  });
  const again = createFakeExcel(fake.state.toInit());
  expect(again.state.dump("A")).toEqual(fake.state.dump("A"));
  expect(again.state.sheet("A").id).toBe(fake.state.sheet("A").id);
  await again.Excel.run(async (ctx) => {
    const s = ctx.workbook.settings.getItem("k");
    s.load("value");
    await ctx.sync();
    expect(s.value).toEqual({ a: 1 });
  });
});

test("edit mode fails every sync; loads of a batch over the payload limit fail", async () => {
  const fake = book();
  fake.state.editMode = true;
  await expect(run(fake, async (ctx) => ctx.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  fake.state.editMode = false;
  fake.state.maxReadCellsPerSync = 4;
  await expect(
    run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:C3").load("values");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});

describe("the limits of real Excel", () => {
  test("getMergedAreasOrNullObject fails over 512 merged areas, and needs ExcelApi 1.13", async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const fake = createFakeExcel({ sheets: [{ name: "M", merges }] });
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("M");
      const ok = ws.getRange("A1:B1024").getMergedAreasOrNullObject();
      ok.load("areaCount");
      await ctx.sync();
      expect(ok.areaCount).toBe(512);
      ws.getRange("A1:B1026").getMergedAreasOrNullObject().load("address");
      await expect(ctx.sync()).rejects.toMatchObject({
        code: "GeneralException",
        debugInfo: { errorLocation: "Range.getMergedAreasOrNullObject" },
      });
    });
    const old = createFakeExcel({ sheets: [{ name: "M" }], apiVersion: "1.12" });
    await run(old, async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem("M").getRange("A1").getMergedAreasOrNullObject()).toThrow(/1\.13/);
    });
  });

  test("on the web a request over 5 MB is refused before anything in it runs; the desktop takes it", async () => {
    const big = "备注".repeat(300_000); // 1.8 MB of UTF-8 a note
    for (const platform of ["web", "desktop"] as const) {
      const fake = createFakeExcel({ sheets: [{ name: "A" }], platform });
      const sync = run(fake, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("A");
        for (const cell of ["A1", "A2", "A3"]) ws.notes.add(cell, big);
        await ctx.sync();
      });
      if (platform === "web") {
        await expect(sync).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
        expect(fake.state.dump("A").notes).toEqual({});
      } else {
        await sync;
        expect(Object.keys(fake.state.dump("A").notes)).toEqual(["A1", "A2", "A3"]);
      }
      expect(fake.state.syncLog[0].requestBytes).toBeGreaterThan(3 * 1_800_000);
    }
  });

  test("on the web a response over 5 MB is refused", async () => {
    const cells: Record<string, { v: string }> = {};
    for (let r = 1; r <= 2000; r++) cells[`A${r}`] = { v: "应".repeat(1000) };
    const fake = createFakeExcel({ sheets: [{ name: "A", cells }] });
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:A2000").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
  });

  test("past 5 million cells a range's values come back null (or, set so, the load is refused)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", cells: { A1: { v: 1 } } }] });
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRange("A1:E1000001"); // 5,000,005 cells
      r.load(["values", "formulas", "numberFormat", "rowCount"]);
      await ctx.sync();
      expect([r.values, r.formulas, r.numberFormat, r.rowCount]).toEqual([null, null, null, 1000001]);
    });
    fake.state.largeRangeValues = "throw";
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:E1000001").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
  });

  test("text written with Range.values is converted as Excel converts it, unless the cell is formatted as text", async () => {
    const fake = book();
    const texts = ["2023", "1,234.5", "50%", "2024-1-5", "TRUE", "=A1", "+cmd", "-x", "复核", "—"];
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("B");
      ws.getRange("A2:J2").values = [texts];
      const asText = ws.getRange("A3:J3");
      asText.numberFormat = [texts.map(() => "@")];
      asText.values = [texts];
      await ctx.sync();
    });
    const row = (r: number) => "ABCDEFGHIJ".split("").map((c) => fake.state.get("B", `${c}${r}`));
    expect(row(2).map((c) => c.f ?? c.v)).toEqual([2023, 1234.5, 0.5, 45296, true, "=A1", "=+cmd", "=-x", "复核", "—"]);
    expect(row(2)[2].n).toBe("0%");
    expect(row(3).map((c) => c.v)).toEqual(texts);
    expect(row(3).every((c) => c.f === undefined)).toBe(true);
  });

  test("Application.calculate: Full recomputes every formula, Recalculate only what changed", async () => {
    let bonus = 0;
    const fake = createFakeExcel(
      { sheets: [{ name: "A", cells: { A1: { v: 2 }, B1: { f: "=X(A1)" } } }] },
      { evaluate: (f, ref) => (f === "=X(A1)" ? Number(ref.get(0, 0)) + bonus : undefined) },
    );
    expect(fake.state.get("A", "B1").v).toBe(2);
    bonus = 10;
    await run(fake, async (ctx) => {
      ctx.workbook.application.calculate("Recalculate");
      await ctx.sync();
    });
    expect(fake.state.get("A", "B1").v).toBe(2);
    await run(fake, async (ctx) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
    expect(fake.state.get("A", "B1").v).toBe(12);
    expect(fake.state.calculations).toEqual(["Recalculate", "Full"]);
  });
});
