/**
 * The ribbon's "Validate sheet" in the shared runtime, with the fake injected as the globals
 * Excel and Office: flags the active sheet with the stored policy, publishes the counts for the
 * task pane, shows the pane, and always calls event.completed(); errors are published, not lost.
 * Fixtures: seed002 sheet 项目5-8, seed003 sheet 人才工作服务经费.
 */
import { getDefaultPolicy, setDefaultPolicy } from "../../src/engine/perf";
import { getLastRun, onLastRun, type LastRun } from "../../src/excel/last-run";
import type { FakeExcelHandle } from "../fakes/fake-excel";
import { openFixture } from "./helpers";

const g = globalThis as Record<string, unknown>;

function inject(fake: FakeExcelHandle): void {
  g.Excel = fake.Excel;
  g.Office = fake.Office;
}

afterAll(() => {
  delete g.Excel;
  delete g.Office;
  setDefaultPolicy("national");
});

async function loadCommands(fake: FakeExcelHandle) {
  inject(fake);
  await import("../../src/commands/commands");
  const handler = fake.Office.actions.handlers.get("validateSheet");
  if (handler) return handler;
  // Already imported by an earlier test: the handler was associated with the first fake's Office.
  const mod = await import("../../src/commands/commands");
  return mod.validateSheet as unknown as (e: unknown) => Promise<void>;
}

test("seed003 人才工作服务经费: at load the command is associated and the PERF default follows the workbook's policy", async () => {
  // A runtime just started: the workbook's policy not yet read.
  delete g.__perfDefaultPolicy;
  const fake = await openFixture(
    "seed003",
    "人才工作服务经费",
    (init) => (init.settings = { "perf.policy": "spend-ratio" }),
  );
  const handler = await loadCommands(fake);
  expect(typeof handler).toBe("function");
  for (let i = 0; i < 20 && getDefaultPolicy().name !== "spend-ratio"; i++) await new Promise((r) => setTimeout(r, 5));
  expect(getDefaultPolicy().name).toBe("spend-ratio");
});

test("seed002 项目5-8: validateSheet flags the sheet, publishes the counts, shows the pane, completes the event", async () => {
  const fake = await openFixture("seed002", "项目5-8");
  const handler = await loadCommands(fake);
  const seen: LastRun[] = [];
  const off = onLastRun((r) => seen.push(r));
  const completed = jest.fn();
  await handler({ completed });
  off();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(fake.state.taskpaneShown).toBe(1);
  const run = getLastRun()!;
  expect(seen).toEqual([run]);
  expect(run.error).toBeUndefined();
  expect(run.analysis!.counts).toEqual({ error: 1, warning: 26, info: 8 });
  expect(run.summary!.zh).toBe("“项目5-8”复核完成：4 张表，1 个错误，26 个警告，8 个提示。");
  expect(run.summary!.en).toBe('"项目5-8" checked: 4 form(s), 1 error(s), 26 warning(s), 8 info.');
  expect(Object.keys(fake.state.dump("项目5-8").notes).length).toBeGreaterThan(0);
});

test("seed002 项目5-8 protected: the error is published with the findings, the pane shown, the event completed, nothing changed", async () => {
  const fake = await openFixture("seed002", "项目5-8");
  fake.state.protect("项目5-8");
  const before = fake.state.toInit();
  const handler = await loadCommands(fake);
  const completed = jest.fn();
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await handler({ completed });
  log.mockRestore();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(fake.state.taskpaneShown).toBe(1);
  const run = getLastRun()!;
  expect(run.error?.code).toBe("PROTECTED");
  expect(run.error?.zh).toContain("受保护");
  expect(run.analysis?.counts).toEqual({ error: 1, warning: 26, info: 8 });
  expect(fake.state.toInit()).toEqual(before);
});

test("Excel in edit mode: the event is still completed and the error published", async () => {
  const fake = await openFixture("seed000", "自评表");
  fake.state.editMode = true;
  const handler = await loadCommands(fake);
  const completed = jest.fn();
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await handler({ completed });
  log.mockRestore();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(getLastRun()!.error?.code).toBe("EDIT_MODE");
});
