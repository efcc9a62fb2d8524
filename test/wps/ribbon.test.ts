/**
 * The WPS ribbon's callbacks (src/wps/ribbon.ts) on the fake ET: each returns synchronously (async
 * ribbon callbacks have broken the ribbon in some WPS builds), the work runs after it returns; the
 * buttons do what the pane's do, through the same WorkbookPort.
 * Fixture: seed002 sheet 项目5-8 (1 error + 22 warnings of the core pack, 3 warnings and 6 notes of the review pack).
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { createRibbon, PANE_ID_KEY } from "../../src/wps/ribbon";
import { createWpsPort } from "../../src/wps/wps-port";
import { fixtureInit } from "../excel/helpers";
import { createFakeEt } from "../fakes/fake-et";
import { evaluate } from "../fakes/formula-eval";

afterAll(() => setDefaultPolicy("national"));

async function setup() {
  const init = await fixtureInit("seed002");
  init.active = "项目5-8";
  const fake = createFakeEt(init, { evaluate });
  const queue: (() => void)[] = [];
  const said: string[] = [];
  let answer = true;
  const ribbon = createRibbon({
    app: () => fake.Application,
    port: createWpsPort({ app: () => fake.Application }),
    lang: () => "zh",
    baseUrl: () => "file:///jsaddons/perf-selfeval_0.1.0",
    schedule: (work) => void queue.push(work),
    alert: (m) => void said.push(m),
    confirm: () => answer,
  });
  /** Run what the callbacks scheduled, and let their promises settle. */
  const settle = async () => {
    while (queue.length) queue.shift()!();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { fake, ribbon, said, settle, setAnswer: (a: boolean) => (answer = a) };
}

test("OnAction returns true at once, not a promise; the sheet is untouched until the scheduled work runs", async () => {
  const { fake, ribbon, settle, said } = await setup();
  const before = fake.state.dump("项目5-8");
  const out = ribbon.OnAction({ Id: "btnValidate" });
  expect(out).toBe(true);
  expect(fake.state.dump("项目5-8")).toEqual(before);
  await settle();
  expect(Object.keys(fake.state.dump("项目5-8").notes).length).toBeGreaterThan(0);
  expect(said).toEqual(["“项目5-8”复核完成：4 张表，1 个错误，26 个警告，8 个提示。"]);
  // The pane is shown, once, and its id kept for the pane button.
  expect(fake.panes()).toEqual([{ url: "file:///jsaddons/perf-selfeval_0.1.0/taskpane.html", Visible: true }]);
  expect(fake.storage.get(PANE_ID_KEY)).toBe(1);
});

test("清除标记 removes exactly the flags; 撤销修改 asks first, and restores the sheet only when confirmed", async () => {
  const { fake, ribbon, settle, said, setAnswer } = await setup();
  const before = fake.state.dump("项目5-8");
  ribbon.OnAction({ Id: "btnValidate" });
  await settle();
  expect(ribbon.OnAction({ Id: "btnClearFlags" })).toBe(true);
  await settle();
  expect(fake.state.dump("项目5-8")).toEqual(before);
  expect(said[1]).toMatch(/^已清除 \d+ 个标记。$/);

  ribbon.OnAction({ Id: "btnValidate" });
  await settle();
  setAnswer(false);
  ribbon.OnAction({ Id: "btnRevert" });
  await settle();
  expect(fake.state.dump("项目5-8")).not.toEqual(before);
  setAnswer(true);
  ribbon.OnAction({ Id: "btnRevert" });
  await settle();
  expect(fake.state.dump("项目5-8")).toEqual(before);
  expect(said[said.length - 1]).toMatch(/^已恢复 \d+ 个单元格。$/);
});

test("a failure is said in one line and changes nothing (a protected sheet)", async () => {
  const { fake, ribbon, settle, said } = await setup();
  fake.state.protect("项目5-8");
  const before = fake.state.toInit();
  ribbon.OnAction({ Id: "btnValidate" });
  await settle();
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(/^操作失败：工作表“项目5-8”受保护/);
  expect(said[0]).not.toContain("\n");
  // Only the pane was added (an add-in object, not the workbook's).
  expect(fake.state.toInit()).toEqual(before);
});

test("the pane button shows the pane, then hides and shows it again", async () => {
  const { fake, ribbon, settle } = await setup();
  ribbon.OnAction({ Id: "btnShowPane" });
  await settle();
  expect(fake.panes().map((p) => p.Visible)).toEqual([true]);
  ribbon.OnAction({ Id: "btnShowPane" });
  await settle();
  expect(fake.panes().map((p) => p.Visible)).toEqual([false]);
  ribbon.OnAction({ Id: "btnShowPane" });
  await settle();
  expect(fake.panes().map((p) => p.Visible)).toEqual([true]);
});

test("labels from the string table in WPS's UI language; icons by button", async () => {
  const { ribbon } = await setup();
  expect(ribbon.OnGetLabel({ Id: "perfTab" })).toBe("绩效复核");
  expect(ribbon.OnGetLabel({ Id: "btnRevert" })).toBe("撤销修改");
  expect(ribbon.GetImage({ Id: "btnValidate" })).toBe("images/validate.svg");
  expect(ribbon.OnAddinLoad({})).toBe(true);
});
