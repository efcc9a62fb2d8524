/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The score chart: per level-1 indicator the sum of the stated scores against the weight, as
 * SVG bars with text labels and as a table.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { chartBars } from "../../src/taskpane/model/chart-data";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => c.textContent ?? ""));
}

describe("score chart", () => {
  test("seed003 人才工作服务经费: budget and the three level-1 groups, total = the stated 总分", async () => {
    const grid = await loadGrid("seed003-bt-rcfw.xlsx", "人才工作服务经费");
    const port = new StubPort(grid);
    port.policy = "spend-ratio";
    render(<App port={port} lang="zh" />);
    fireEvent.click(await screen.findByRole("tab", { name: "得分图" }));
    const svg = await screen.findByRole("img", { name: "人才工作服务经费：各一级指标得分与分值" });
    const texts = Array.from(svg.querySelectorAll("text")).map((t) => t.textContent);
    expect(texts).toEqual([
      "预算执行率",
      "2.2 / 10",
      "产出指标",
      "47 / 50",
      "效益指标",
      "29 / 30",
      "满意度指标",
      "10 / 10",
    ]);
    // Bars are scaled to the largest weight: 产出指标's weight bar is the full width.
    const rects = Array.from(svg.querySelectorAll("rect")).map((r) => Number(r.getAttribute("width")));
    expect(rects[2]).toBe(300);
    expect(rects[3]).toBeCloseTo((47 / 50) * 300);

    const table = screen.getByRole("table");
    expect(rowsOf(table)).toEqual([
      ["一级指标", "得分", "分值", "得分率"],
      ["预算执行率", "2.2", "10", "22%"],
      ["产出指标", "47", "50", "94%"],
      ["效益指标", "29", "30", "96.7%"],
      ["满意度指标", "10", "10", "100%"],
      ["合计", "88.2", "100", "88.2%"],
    ]);
    expect(port.analysis().results[0].total.stated).toBe("88.2");
    expect(screen.getByText("合计：得分 88.2，分值 100")).toBeTruthy();
  });

  test("score tables are charted by their level-1 names", async () => {
    const grid = await loadGrid("seed002-bj-hwxr.xlsx", "部门整体评价");
    const port = new StubPort(grid);
    const result = port.analysis().results[0];
    const bars = chartBars(result, "en");
    expect(bars.length).toBeGreaterThan(0);
    const weights = bars.reduce((a, b) => a + b.weight, 0);
    expect(weights).toBe(100);
    render(<App port={port} lang="en" />);
    fireEvent.click(await screen.findByRole("tab", { name: "Chart" }));
    const table = await screen.findByRole("table");
    expect(
      rowsOf(table)
        .slice(1, -1)
        .map((r) => r[0]),
    ).toEqual(bars.map((b) => b.label));
  });
});
