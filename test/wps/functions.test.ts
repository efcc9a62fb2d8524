/**
 * The PERF functions in WPS (src/wps/functions.ts) on the fake ET: registered with
 * AddCustomFunction only where WPS has it (12.1.0.20540 and later), synchronous bodies giving the
 * engine's answers, the workbook's policy read synchronously from the workbook and read again when
 * the pane stores another; where WPS has no add-in functions the pane's formulas are native.
 * Rules: 执行率 = 全年执行数/全年预算数; indicator score 完成值/指标值 × 分值 (财预〔2020〕10号);
 * grades 优 ≥90, 良 ≥80, 中 ≥60, 差 <60 (national); spend-ratio: the Baotou forms' policy.
 */
import { getDefaultPolicy, setDefaultPolicy } from "../../src/engine/perf";
import { registerPerfFunctions, WorkbookPolicy } from "../../src/wps/functions";
import { createWpsPort } from "../../src/wps/wps-port";
import { fixtureInit } from "../excel/helpers";
import { createFakeEt } from "../fakes/fake-et";
import { evaluate } from "../fakes/formula-eval";

afterEach(() => setDefaultPolicy("national"));

type Fn = (...args: unknown[]) => unknown;

test("registered in the PERF namespace; the bodies answer synchronously with the engine's values", () => {
  const fake = createFakeEt({ sheets: [{ name: "Sheet1" }] });
  const names = registerPerfFunctions(fake.Application);
  expect(names).toContain("SCORE");
  const fn = (n: string) => fake.customFunctions.get(`PERF.${n}`) as unknown as Fn;
  const rate = fn("EXECRATE")(53.861, 19.978525);
  expect(rate).not.toBeInstanceOf(Promise);
  expect(rate as number).toBeCloseTo(19.978525 / 53.861, 12);
  expect(fn("SCORE")(5000, 164, 8)).toBe(0.26);
  expect(fn("GRADE")(89.5)).toBe("良");
  expect(fn("TOTAL")([[1.5], [2]], [["—", 3]])).toBe(6.5);
  expect(fn("NUMBER")("≥90%")).toBe(0.9);
  expect(fn("VALUE")("≥90%")).toBe(0.9);
  expect(fn("SCORE")("达成", "达成", 10)).toBe("定性 8–10");
});

test("a refused input answers its error code and the reason, as text", () => {
  const fake = createFakeEt({ sheets: [{ name: "Sheet1" }] });
  registerPerfFunctions(fake.Application);
  const grade = fake.customFunctions.get("PERF.GRADE") as unknown as Fn;
  expect(grade(101)).toMatch(/^#VALUE! .*101/);
  expect(grade("")).toMatch(/^#N\/A /);
});

test("the workbook's stored policy is used, and read again after the pane stores another", async () => {
  const init = await fixtureInit("seed003");
  init.active = "人才工作服务经费";
  const fake = createFakeEt(init, { evaluate });
  const port = createWpsPort({ app: () => fake.Application });
  await port.setPolicy("spend-ratio");
  setDefaultPolicy("national"); // the functions run in another page: nothing shared but the workbook and PluginStorage
  const policy = new WorkbookPolicy(() => fake.Application);
  policy.sync();
  expect(policy.name).toBe("spend-ratio");
  // Unchanged version: no read of the workbook again.
  fake.resetCalls();
  policy.sync();
  expect(fake.calls().reads).toBe(0);
  await port.setPolicy("national");
  setDefaultPolicy("spend-ratio");
  policy.sync();
  expect(getDefaultPolicy().name).toBe("national");
});

test("WPS before 12.1.0.20540 has no AddCustomFunction: nothing registered", () => {
  const fake = createFakeEt({ sheets: [{ name: "Sheet1" }] }, { build: "11.1.0.11294" });
  expect(fake.Application.AddCustomFunction).toBeUndefined();
  expect(registerPerfFunctions(fake.Application)).toEqual([]);
});
