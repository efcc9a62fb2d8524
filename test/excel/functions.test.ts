/**
 * The PERF custom functions as Excel calls them (src/functions/functions.ts), over the fake Excel:
 * the scores and the grade wait for the workbook's stored policy before answering, read once for
 * all of them; errors carry their message; a change of policy in the pane recalculates the cells
 * that hold PERF functions.
 * Fixture: seed003 (the Baotou form, scored by spend-ratio): sheet 人才工作服务经费; its cost row
 * 档案机要邮寄费用 "≤4万元" / "2.52万元" / 3 scores 3 under national and 3 × 2.52/4 = 1.89 under spend-ratio.
 */
import { createFakeExcel, type FakeExcelHandle } from "../fakes/fake-excel";
import { openFixture, portOver } from "./helpers";

type Functions = typeof import("../../src/functions/functions");
type Perf = typeof import("../../src/engine/perf");

const g = globalThis as Record<string, unknown>;

class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  g.CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
});

afterAll(() => {
  delete g.CustomFunctions;
  delete g.Excel;
  delete g.__perfDefaultPolicy;
});

/** A runtime just started: the functions and the engine loaded afresh, the workbook's policy not yet read. */
function freshRuntime(fake: FakeExcelHandle): { fns: Functions; perf: Perf } {
  delete g.__perfDefaultPolicy;
  delete g.__perfPolicyReading__;
  g.Excel = fake.Excel;
  let fns: Functions | undefined;
  let perf: Perf | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    fns = require("../../src/functions/functions") as Functions;
    perf = require("../../src/engine/perf") as Perf;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return { fns: fns!, perf: perf! };
}

function workbook(policy?: string): FakeExcelHandle {
  return createFakeExcel({ sheets: [{ name: "A" }], settings: policy ? { "perf.policy": policy } : {} });
}

describe("before the workbook's policy is known", () => {
  test("SCORE, EXECSCORE, GRADE and EXPLAIN wait for the stored policy (spend-ratio), read once for all", async () => {
    const fake = workbook("spend-ratio");
    const { fns, perf } = freshRuntime(fake);
    expect(perf.isDefaultPolicyKnown()).toBe(false);
    const answers = Promise.all([
      fns.score("≤4万元", "2.52万元", 3, "cost"),
      fns.execScore(53.861, 19.978525),
      fns.grade(89.99),
      fns.explain("≤4万元", "2.52万元", 3, "cost"),
    ]);
    const [score, execScore, grade, explain] = await answers;
    expect(score).toBe(1.89);
    expect(execScore).toBe(3.71);
    expect(grade).toBe("良");
    expect(explain).toContain("3 × 2.52/4");
    expect(fake.syncCount()).toBe(1);
    expect(perf.getDefaultPolicy().name).toBe("spend-ratio");
    // Known now: no more reads.
    expect(await fns.score("≤4万元", "2.52万元", 3, "cost")).toBe(1.89);
    expect(fake.syncCount()).toBe(1);
  });

  test("a workbook with no stored policy is national; an explicit policy argument needs no read", async () => {
    const fake = workbook();
    const { fns } = freshRuntime(fake);
    expect(await fns.score("≤4万元", "2.52万元", 3, "cost", "spend-ratio")).toBe(1.89);
    expect(fake.syncCount()).toBe(0);
    expect(await fns.score("≤4万元", "2.52万元", 3, "cost")).toBe(3);
    expect(fake.syncCount()).toBe(1);
  });

  test("the rates depend on no policy and answer at once", () => {
    const fake = workbook("spend-ratio");
    const { fns } = freshRuntime(fake);
    expect(fns.execRate(100, 93.58)).toBeCloseTo(0.9358, 12);
    expect(fns.numberIn("≥90%")).toBe(0.9);
    expect(fake.syncCount()).toBe(0);
  });

  test("a policy the pane chooses while the read is on its way wins", async () => {
    const fake = workbook("national");
    const { fns, perf } = freshRuntime(fake);
    const pending = fns.score("≤4万元", "2.52万元", 3, "cost");
    perf.setDefaultPolicy("spend-ratio");
    expect(await pending).toBe(1.89);
    expect(perf.getDefaultPolicy().name).toBe("spend-ratio");
  });

  test("a policy that cannot be read is #N/A with the reason; the next call reads again", async () => {
    const fake = workbook("spend-ratio");
    const { fns } = freshRuntime(fake);
    fake.state.editMode = true;
    const err = (await fns.grade(95).catch((e) => e)) as FakeCustomFunctionsError;
    expect(err).toBeInstanceOf(FakeCustomFunctionsError);
    expect(err.code).toBe("#N/A");
    expect(err.message).toContain("无法读取工作簿的评分规则");
    expect(err.message).toContain("the workbook's scoring policy could not be read");
    fake.state.editMode = false;
    expect(await fns.grade(95)).toBe("优");
  });
});

describe("errors Excel shows", () => {
  test("out of range: #VALUE! with the message (GRADE(101), ASSETUSE(120,100)); blank: #N/A", async () => {
    const { fns } = freshRuntime(workbook());
    const grade = (await fns.grade(101).catch((e) => e)) as FakeCustomFunctionsError;
    expect([grade.code, grade.message]).toEqual([
      "#VALUE!",
      '总分 101 不在 0–100 之间（评分规则“national”的满分为 100） / total 101 is outside 0–100 (full marks under policy "national": 100)',
    ]);
    let asset: FakeCustomFunctionsError | undefined;
    try {
      fns.assetUse(120, 100);
    } catch (e) {
      asset = e as FakeCustomFunctionsError;
    }
    expect(asset?.code).toBe("#VALUE!");
    expect(asset?.message).toContain("在用固定资产 120 大于固定资产原值 100");
    expect(() => fns.execRate(null, 5)).toThrow(expect.objectContaining({ code: "#N/A" }));
  });

  test('a qualitative indicator: SCORE("达成","达成",10) answers its band, in the language of Office', async () => {
    const fake = workbook();
    const { fns } = freshRuntime(fake);
    expect(await fns.score("达成", "达成", 10)).toBe("定性 8–10");
    g.Office = { context: { displayLanguage: "en-US" } };
    try {
      expect(await fns.score("达成", "达成", 10)).toBe("qualitative 8–10");
    } finally {
      delete g.Office;
    }
  });
});

describe("a change of policy recalculates the PERF cells (seed003 人才工作服务经费 with Write formulas)", () => {
  test("Application.calculate(Full) after setPolicy: the cost rows' PERF.SCORE cells now hold spend-ratio scores", async () => {
    const fake = await openFixture("seed003", "人才工作服务经费");
    const { perf } = freshRuntime(fake);
    perf.setDefaultPolicy("national");
    const port = portOver(fake);
    const preview = await port.previewWrites("perf", { lang: "zh" });
    await port.applyWrites(preview, true, { lang: "zh" });
    const scores = preview.plan.writes.filter((w) => w.formula?.startsWith("=PERF.SCORE("));
    expect(scores.length).toBeGreaterThan(5);
    const values = () => scores.map((w) => fake.state.get("人才工作服务经费", w.cell).v);
    const national = values();

    // Without a recalculation nothing would change: the cells are not volatile.
    perf.setDefaultPolicy("spend-ratio");
    expect(values()).toEqual(national);
    perf.setDefaultPolicy("national");

    await port.setPolicy("spend-ratio");
    expect(fake.state.calculations).toEqual(["Full"]);
    const spend = values();
    expect(spend).not.toEqual(national);
    // Each cell now holds what PERF.SCORE gives under spend-ratio.
    for (const [i, w] of scores.entries()) {
      const [t, a, wt, kind] = /^=PERF\.SCORE\((\w+),(\w+),(\w+)(?:,"(\w+)")?\)$/.exec(w.formula!)!.slice(1);
      const cell = (addr: string) => fake.state.get("人才工作服务经费", addr).v;
      expect(spend[i]).toEqual(perf.score(cell(t), cell(a), cell(wt), kind, "spend-ratio"));
    }
    // The same policy again: nothing to recalculate.
    await port.setPolicy("spend-ratio");
    expect(fake.state.calculations).toEqual(["Full"]);
  });
});
