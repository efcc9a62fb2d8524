/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The findings list on real analyses of the sample workbooks: grouped by form and severity with
 * the counts in the headings, each finding a button that selects its cell on click and on Enter.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { countsText } from "../../src/taskpane/strings";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

async function renderSheet(file: string, sheet: string, policy = "national", lang: "zh" | "en" = "zh") {
  const grid = await loadGrid(file, sheet);
  const port = new StubPort(grid);
  port.policy = policy;
  const view = render(<App port={port} lang={lang} />);
  await screen.findAllByRole("heading", { level: 3 });
  return { port, view };
}

function findingButtons(scope: HTMLElement): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>("button[data-code]"));
}

describe("findings list (seed003 人才工作服务经费, spend-ratio)", () => {
  test("groups by form and severity with counts in the headings", async () => {
    await renderSheet("seed003-bt-rcfw.xlsx", "人才工作服务经费", "spend-ratio");
    const formHeading = screen.getByRole("heading", { level: 3 });
    expect(formHeading.textContent).toBe("人才工作服务经费：2 个错误、2 个警告");

    const errors = screen.getByRole("group", { name: "错误（2）" });
    const warnings = screen.getByRole("group", { name: "警告（2）" });
    expect(findingButtons(errors).map((b) => `${b.dataset.cell} ${b.dataset.code}`)).toEqual([
      "H16 SCORE_EXCEEDS_WEIGHT",
      "F21 MISSING_ACTUAL",
    ]);
    // The review pack's note on the effect target 显著 (E19), then the core pack's MISSING_REASON (I19).
    expect(findingButtons(warnings).map((b) => `${b.dataset.cell} ${b.dataset.code}`)).toEqual([
      "E19 VAGUE_EFFECT_TARGET",
      "I19 MISSING_REASON",
    ]);
    expect(screen.queryByRole("group", { name: /提示/ })).toBeNull();

    // Message in the UI language, expected / found shown.
    const h16 = findingButtons(errors)[0];
    expect(h16.textContent).toContain("得分 5.6 超过分值 2");
    expect(h16.textContent).toContain("应为 2 · 填报 5.6");

    // The findings tab counts them all; the form card shows the same counts.
    expect(screen.getByRole("tab", { name: "问题 (4)" })).toBeTruthy();
    const card = screen.getByRole("button", { pressed: true });
    expect(within(card).getByText("2 个错误")).toBeTruthy();
    expect(within(card).getByText("2 个警告")).toBeTruthy();
  });

  test("clicking a finding selects its cell", async () => {
    const { port } = await renderSheet("seed003-bt-rcfw.xlsx", "人才工作服务经费", "spend-ratio");
    const h16 = document.querySelector<HTMLElement>('button[data-cell="H16"]')!;
    fireEvent.click(h16);
    await waitFor(() => expect(port.selected).toEqual({ sheet: "人才工作服务经费", cell: "H16" }));
    expect(h16.getAttribute("aria-current")).toBe("true");
  });

  test("Enter on a focused finding selects its cell, once", async () => {
    const { port } = await renderSheet("seed003-bt-rcfw.xlsx", "人才工作服务经费", "spend-ratio");
    const f21 = document.querySelector<HTMLElement>('button[data-cell="F21"]')!;
    f21.focus();
    expect(document.activeElement).toBe(f21);
    fireEvent.keyDown(f21, { key: "Enter", code: "Enter" });
    await waitFor(() => expect(port.selected).toEqual({ sheet: "人才工作服务经费", cell: "F21" }));
    expect(port.callsOf("selectCell")).toEqual([["人才工作服务经费", "F21"]]);
    // Every finding is a real button in the tab order.
    for (const b of findingButtons(document.body)) {
      expect(b.tagName).toBe("BUTTON");
      expect(b.getAttribute("type")).toBe("button");
    }
  });
});

describe("findings list (seed002 项目5-8: four forms on one sheet)", () => {
  test("one group per form with findings, in sheet order, counts matching the analysis", async () => {
    const { port } = await renderSheet("seed002-bj-hwxr.xlsx", "项目5-8");
    const analysis = port.analysis();
    expect(analysis.results).toHaveLength(4);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    const expected = analysis.results
      .filter((r) => r.findings.length > 0)
      .map((r) => {
        const c = { error: 0, warning: 0, info: 0 };
        for (const f of r.findings) c[f.severity]++;
        return `${String(r.form.name?.value)}：${countsText("zh", c)}`;
      });
    expect(headings).toEqual(expected);
    expect(headings[3]).toBe("外国人来华工作许可事项经费：1 个错误、4 个警告、3 个提示");

    // The last form's error is the funds breakdown on E80.
    const last = screen.getAllByRole("heading", { level: 3 })[3].closest("section")!;
    const errors = within(last).getByRole("group", { name: "错误（1）" });
    expect(findingButtons(errors).map((b) => b.dataset.cell)).toEqual(["E80"]);
    fireEvent.click(findingButtons(errors)[0]);
    await waitFor(() => expect(port.selected).toEqual({ sheet: "项目5-8", cell: "E80" }));
  });

  test("a sheet without findings says so", async () => {
    // seed002's 部门整体评价 score table: no finding (the review pack reads project forms only).
    const grid = await loadGrid("seed002-bj-hwxr.xlsx", "部门整体评价");
    const port = new StubPort(grid);
    render(<App port={port} lang="zh" />);
    expect(await screen.findByText("没有发现问题。")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "问题 (0)" })).toBeTruthy();
  });
});
