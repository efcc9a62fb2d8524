/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Write formulas: the preview in the chosen style, the confirmation Dialog listing the cells
 * that hold typed numbers, and the user's choice (replace them too / keep typed numbers / cancel).
 * Data: the real plan (buildPlan) of seed003 人才工作服务经费.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WritePreview } from "../../src/excel/port";
import { App } from "../../src/taskpane/App";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

const SHEET = "人才工作服务经费";

/**
 * The confirmation dialog once it is open. In jsdom (observed with a MutationObserver), Fluent's
 * Dialog mounts its surface a second time after the first took focus, and tabster then marks the
 * second aria-hidden; so the role queries here include hidden elements. That the dialog is
 * reachable by role with focus inside it is asserted in real Chromium (test/browser/pane.test.ts,
 * "write-formulas dialog").
 */
const HIDDEN = { hidden: true } as const;
async function openDialog(): Promise<() => HTMLElement> {
  await waitFor(() =>
    expect(within(screen.getByRole("dialog", HIDDEN)).getAllByRole("button", HIDDEN).length).toBeGreaterThan(0),
  );
  return () => screen.getByRole("dialog", HIDDEN);
}

async function setup(lang: "zh" | "en" = "zh") {
  const grid = await loadGrid("seed003-bt-rcfw.xlsx", SHEET);
  const port = new StubPort(grid);
  port.policy = "spend-ratio";
  render(<App port={port} lang={lang} />);
  await screen.findAllByRole("heading", { level: 3 });
  return port;
}

describe("write formulas", () => {
  test("PERF formulas: the dialog lists the typed numbers; 'Replace them too' applies with confirmation", async () => {
    const port = await setup();
    expect(screen.getByRole("radio", { name: "PERF 函数" })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "写入公式" }));
    const dialog = await openDialog();
    expect(port.callsOf("previewWrites")[0][0]).toBe("perf");
    const preview = await port.previewWrites("perf", { lang: "zh" });
    expect(preview.needsConfirm.length).toBeGreaterThan(0);

    expect(within(dialog()).getByRole("heading", { name: "替换已填写的单元格？", hidden: true })).toBeTruthy();
    const rows = within(dialog()).getAllByRole("row", { hidden: true }).slice(1);
    expect(rows.map((r) => r.getAttribute("data-cell"))).toEqual(preview.needsConfirm.map((w) => w.cell));
    // H16 holds the typed 5.6 and would get the PERF.SCORE formula.
    const h16 = rows.find((r) => r.getAttribute("data-cell") === "H16")!;
    expect(h16.textContent).toContain("5.6");
    expect(h16.textContent).toContain("=PERF.SCORE(E16,F16,G16");

    fireEvent.click(within(dialog()).getByRole("button", { name: "一并替换", hidden: true }));
    await waitFor(() => expect(port.callsOf("applyWrites")).toHaveLength(1));
    const [applied, confirmed] = port.callsOf("applyWrites")[0] as [WritePreview, boolean];
    expect(confirmed).toBe(true);
    expect(applied.plan.writes.map((w) => w.cell)).toEqual(preview.plan.writes.map((w) => w.cell));
    expect(await screen.findByText(`已写入 ${preview.plan.writes.length} 个公式。`)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog", HIDDEN)).toBeNull());
    // The snapshot makes Revert available.
    await waitFor(() => expect(screen.getByRole("button", { name: "撤销修改" })).toHaveProperty("disabled", false));
  });

  test("native formulas and 'Keep typed numbers' apply without confirmation", async () => {
    const port = await setup();
    fireEvent.click(screen.getByRole("radio", { name: "Excel 原生公式" }));
    fireEvent.click(screen.getByRole("button", { name: "写入公式" }));
    const dialog = await openDialog();
    expect(port.callsOf("previewWrites")[0][0]).toBe("native");
    const h16 = within(dialog())
      .getAllByRole("row", { hidden: true })
      .find((r) => r.getAttribute("data-cell") === "H16")!;
    expect(h16.textContent).toContain("=ROUND(");
    fireEvent.click(within(dialog()).getByRole("button", { name: "保留已填数字", hidden: true }));
    await waitFor(() => expect(port.callsOf("applyWrites")).toHaveLength(1));
    expect(port.callsOf("applyWrites")[0][1]).toBe(false);
    await waitFor(() => expect(screen.queryByRole("dialog", HIDDEN)).toBeNull());
    // Only the cells that needed no confirmation were written: none here, every target holds a typed number.
    expect(await screen.findByText("已写入 0 个公式。")).toBeTruthy();
  });

  test("Cancel closes the dialog and writes nothing", async () => {
    const port = await setup();
    fireEvent.click(screen.getByRole("button", { name: "写入公式" }));
    const dialog = await openDialog();
    fireEvent.click(within(dialog()).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", HIDDEN)).toBeNull());
    expect(port.callsOf("applyWrites")).toHaveLength(0);
  });

  test("in English", async () => {
    const port = await setup("en");
    fireEvent.click(screen.getByRole("button", { name: "Write formulas" }));
    const dialog = await openDialog();
    expect(within(dialog()).getByRole("heading", { name: "Replace typed numbers?", hidden: true })).toBeTruthy();
    fireEvent.click(within(dialog()).getByRole("button", { name: "Replace them too", hidden: true }));
    await waitFor(() => expect(port.callsOf("applyWrites")).toHaveLength(1));
    expect(await screen.findByText(/^Wrote \d+ formulas\.$/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog", HIDDEN)).toBeNull());
  });
});
