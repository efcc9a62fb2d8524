/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The sheet actions: validate, clear flags, revert, the policy choice; progress with Cancel
 * (AbortController), and port errors shown in the UI language.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { portError } from "../../src/excel/messages";
import type { RunOptions } from "../../src/excel/port";
import { App } from "../../src/taskpane/App";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

const SHEET = "人才工作服务经费";

async function setup(policy = "spend-ratio") {
  const grid = await loadGrid("seed003-bt-rcfw.xlsx", SHEET);
  const port = new StubPort(grid);
  port.policy = policy;
  render(<App port={port} lang="zh" />);
  await screen.findAllByRole("heading", { level: 3 });
  return port;
}

describe("actions", () => {
  test("Validate flags the sheet and reports the counts; Revert is enabled by the snapshot and restores", async () => {
    const port = await setup();
    const revert = screen.getByRole("button", { name: "撤销修改" });
    expect(revert).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("button", { name: "复核并标记" }));
    expect(await screen.findByText("已复核：2 个错误、2 个警告。问题已标记在单元格上。")).toBeTruthy();
    const opts = port.callsOf("validateActiveSheet")[0][0] as RunOptions;
    expect(opts.lang).toBe("zh");
    expect(opts.signal).toBeInstanceOf(AbortSignal);
    expect(typeof opts.progress).toBe("function");
    await waitFor(() => expect(revert).toHaveProperty("disabled", false));
    fireEvent.click(revert);
    expect(await screen.findByText("已恢复 4 个单元格。")).toBeTruthy();
    await waitFor(() => expect(revert).toHaveProperty("disabled", true));
    expect(port.callsOf("revert")).toHaveLength(1);
  });

  test("Clear flags reports how many were removed", async () => {
    const port = await setup();
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText("已清除 4 个标记。")).toBeTruthy();
    expect(port.callsOf("clearFlags")).toHaveLength(1);
  });

  test("a long operation shows its progress and Cancel aborts it through the signal", async () => {
    const port = await setup();
    port.gate = new Promise<void>(() => undefined); // never finishes on its own
    fireEvent.click(screen.getByRole("button", { name: "复核并标记" }));
    const bar = await screen.findByRole("progressbar");
    expect(screen.getByText("step（1/3）")).toBeTruthy();
    expect(bar.getAttribute("aria-valuenow")).toBe(String(1 / 3));
    // Every action waits while one runs.
    expect(screen.getByRole("button", { name: "复核并标记" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "写入公式" })).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("button", { name: "取消当前操作" }));
    expect(await screen.findByText("操作已取消，工作表未改动。")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    const opts = port.callsOf("validateActiveSheet")[0][0] as RunOptions;
    expect(opts.signal?.aborted).toBe(true);
    expect(screen.getByRole("button", { name: "复核并标记" })).toHaveProperty("disabled", false);
  });

  test("a port error is shown in a MessageBar in the UI language, and can be dismissed", async () => {
    const port = await setup();
    port.failNext.clearFlags = portError("PROTECTED", "ERR_PROTECTED", { sheet: SHEET });
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    const text = await screen.findByText(
      "工作表“人才工作服务经费”受保护，未做任何更改。请先在“审阅 > 撤销工作表保护”后重试。",
    );
    expect(screen.getByText("出错了")).toBeTruthy();
    expect(text.textContent).not.toContain("protected");
    fireEvent.click(screen.getByRole("button", { name: "关闭消息" }));
    await waitFor(() => expect(screen.queryByText("出错了")).toBeNull());
  });

  test("a protected sheet that could not be flagged still shows its findings", async () => {
    const port = await setup("national");
    port.policy = "spend-ratio";
    port.failNext.validateActiveSheet = portError(
      "PROTECTED",
      "ERR_PROTECTED",
      { sheet: SHEET },
      { data: port.analysis() },
    );
    fireEvent.click(screen.getByRole("button", { name: "复核并标记" }));
    expect(await screen.findByText(/受保护/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("人才工作服务经费：2 个错误、2 个警告");
  });

  test("the policy is read on load and stored with setPolicy; the sheet is checked again under it", async () => {
    const port = await setup("national");
    expect(port.callsOf("getPolicy")).toHaveLength(1);
    const policy = screen.getByRole("combobox", { name: "评分规则（随工作簿保存）" });
    expect(policy.textContent).toContain("全国通行（财预〔2020〕10号）");
    fireEvent.click(policy);
    const labels = screen.getAllByRole("option").map((o) => o.textContent);
    expect(labels).toEqual([
      "全国通行（财预〔2020〕10号）",
      "反向指标线性扣分",
      "成本指标按支出比例（包头）",
      "预算执行 20 分、绩效目标 80 分（湖北式自评表）",
    ]);
    fireEvent.click(screen.getByRole("option", { name: "成本指标按支出比例（包头）" }));
    expect(await screen.findByText("评分规则已改为“成本指标按支出比例（包头）”，已重新复核。")).toBeTruthy();
    expect(port.callsOf("setPolicy")).toEqual([["spend-ratio"]]);
    expect(port.callsOf("analyzeActiveSheet")).toHaveLength(2);
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("人才工作服务经费：2 个错误、2 个警告");
  });

  test("choosing a form selects it and shows it in the sheet", async () => {
    const grid = await loadGrid("seed002-bj-hwxr.xlsx", "项目5-8");
    const port = new StubPort(grid);
    render(<App port={port} lang="zh" />);
    const forms = await screen.findByRole("region", { name: "自评表" });
    const cards = within(forms).getAllByRole("button");
    expect(cards.map((c) => c.getAttribute("aria-pressed"))).toEqual(["true", "false", "false", "false"]);
    expect(cards[3].textContent).toContain("外国人来华工作许可事项经费");
    expect(cards[3].textContent).toContain("项目支出绩效自评表 · 区域 A73:I91");
    expect(cards[3].textContent).toContain("1 个错误");
    fireEvent.click(cards[3]);
    await waitFor(() => expect(cards[3].getAttribute("aria-pressed")).toBe("true"));
    expect(port.selected?.sheet).toBe("项目5-8");
    fireEvent.click(screen.getByRole("tab", { name: "列映射" }));
    expect(await screen.findByText("外国人来华工作许可事项经费 · A73:I91")).toBeTruthy();
  });
});
