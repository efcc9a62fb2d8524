/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The task pane (src/taskpane/App.tsx, unchanged but for the perfFunctions prop) over the WPS port
 * and the fake ET: it reads the active sheet, and on a WPS without add-in functions (before
 * 12.1.0.20540) it offers native formulas only and writes them.
 * Fixture: seed000 sheet 自评表 (执行率 = 全年执行数/全年预算数, G7).
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { setDefaultPolicy } from "../../src/engine/perf";
import { App } from "../../src/taskpane/App";
import { hasCustomFunctions } from "../../src/wps/functions";
import { createWpsPort } from "../../src/wps/wps-port";
import { fixtureInit } from "../excel/helpers";
import { createFakeEt } from "../fakes/fake-et";
import { evaluate } from "../fakes/formula-eval";
import "../taskpane/patience";

afterAll(() => setDefaultPolicy("national"));

test("WPS 11 (no add-in functions): native formulas chosen, PERF functions unavailable; Write formulas writes native ones", async () => {
  const init = await fixtureInit("seed000");
  init.active = "自评表";
  const fake = createFakeEt(init, { evaluate, build: "11.1.0.11294" });
  const app = fake.Application;
  render(<App port={createWpsPort({ app: () => app })} lang="zh" perfFunctions={hasCustomFunctions(app)} />);
  // The pane has read the sheet through ET: its one form, self-evaluated 84.57.
  await screen.findByText(/识别到 1 张表/);

  expect(screen.getByRole("radio", { name: "Excel 原生公式" })).toHaveProperty("checked", true);
  expect(screen.getByRole("radio", { name: "PERF 函数" })).toHaveProperty("disabled", true);
  expect(screen.getByText(/需要 12\.1\.0\.20540 或更高版本/)).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "写入公式" }));
  // Hidden included: in jsdom, tabster marks Fluent's remounted dialog surface aria-hidden (as test/taskpane/write-dialog does).
  await waitFor(() =>
    expect(
      within(screen.getByRole("dialog", { hidden: true })).getAllByRole("button", { hidden: true }).length,
    ).toBeGreaterThan(0),
  );
  fireEvent.click(
    within(screen.getByRole("dialog", { hidden: true })).getByRole("button", { name: "一并替换", hidden: true }),
  );
  await waitFor(() => expect(fake.state.get("自评表", "G7").f).toBe('=IF(N(D7)=0,"",E7/D7)'));
  expect(fake.state.get("自评表", "H24").f).toBe("=SUM(H7,H14:H23)");
});
