/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The mapping editor on the real analysis of seed003 人才工作服务经费: a Dropdown per field
 * listing the sheet's columns with their header text; choosing a column highlights its header
 * cell; "Save mapping" stores the MappingForm that mappingFromForm builds, with the change.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ProjectForm } from "../../src/engine/model";
import { mappingFromForm, type MappingForm } from "../../src/layout/mapping";
import { App } from "../../src/taskpane/App";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

const SHEET = "人才工作服务经费";

async function openMapping(withHeaders = true) {
  const grid = await loadGrid("seed003-bt-rcfw.xlsx", SHEET);
  const port = new StubPort(grid);
  port.policy = "spend-ratio";
  port.withHeaders = withHeaders;
  render(<App port={port} lang="zh" />);
  fireEvent.click(await screen.findByRole("tab", { name: "列映射" }));
  const ind = await screen.findByRole("group", { name: "绩效指标（表头在第 11 行）" });
  const funds = screen.getByRole("group", { name: "项目资金（表头在第 5 行）" });
  const form = port.analysis().results[0].form as ProjectForm;
  return { grid, port, ind, funds, form };
}

function choose(scope: HTMLElement, field: string, option: string) {
  fireEvent.click(within(scope).getByRole("combobox", { name: field }));
  fireEvent.click(screen.getByRole("option", { name: option }));
}

describe("mapping editor", () => {
  test("lists the form's columns with their header text; the detected column is selected", async () => {
    const { ind, funds } = await openMapping();
    const score = within(ind).getByRole("combobox", { name: "得分" });
    expect(score.textContent).toContain("H 列：得分");
    expect(within(funds).getByRole("combobox", { name: "全年执行数" }).textContent).toContain("E 列：全年");
    fireEvent.click(score);
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual([
      "（不指定，自动识别）",
      "A 列：绩效指标 (90)",
      "B 列：一级指标",
      "C 列：二级指标",
      "D 列：三级指标",
      "E 列：年度指标值",
      "F 列：实际完成值",
      "G 列：分值",
      "H 列：得分",
      "I 列：偏差原因分析及改进措施",
    ]);
  });

  test("changing a dropdown highlights the column and Save stores mappingFromForm + the change", async () => {
    const { grid, port, ind, form } = await openMapping();
    choose(ind, "得分", "I 列：偏差原因分析及改进措施");
    await waitFor(() => expect(port.selected).toEqual({ sheet: SHEET, cell: "I11" }));
    expect(screen.getByText("有 1 处未保存的更改")).toBeTruthy();
    expect(within(ind).getByText("已更改，原为 H 列：得分")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "保存映射" }));
    await waitFor(() => expect(port.callsOf("saveMapping")).toHaveLength(1));
    const [sheet, forms] = port.callsOf("saveMapping")[0] as [string, MappingForm[]];
    expect(sheet).toBe(SHEET);
    const base = mappingFromForm(grid, form);
    expect(forms).toEqual([
      { ...base, fields: { ...base.fields, "ind.score": { col: 8, header: "偏差原因分析及改进措施" } } },
    ]);
    // Saved, then analyzed again with it; the edits are gone.
    expect(await screen.findByText("映射已保存到工作簿，并已按新映射重新检查。")).toBeTruthy();
    expect(screen.queryByText(/未保存的更改/)).toBeNull();
    expect(screen.getByText("工作簿中已保存此工作表的映射。")).toBeTruthy();
  });

  test("an unchanged save pins exactly what detection settled", async () => {
    const { grid, port, form } = await openMapping();
    fireEvent.click(screen.getByRole("button", { name: "保存映射" }));
    await waitFor(() => expect(port.callsOf("saveMapping")).toHaveLength(1));
    expect(port.callsOf("saveMapping")[0][1]).toEqual([mappingFromForm(grid, form)]);
  });

  test("'not set' removes a field from the mapping; Discard restores the detected column", async () => {
    const { grid, port, funds, form } = await openMapping();
    choose(funds, "全年执行数", "（不指定，自动识别）");
    expect(within(funds).getByRole("combobox", { name: "全年执行数" }).textContent).toContain("（不指定，自动识别）");
    fireEvent.click(screen.getByRole("button", { name: "放弃更改" }));
    expect(within(funds).getByRole("combobox", { name: "全年执行数" }).textContent).toContain("E 列：全年");

    choose(funds, "执行率", "（不指定，自动识别）");
    fireEvent.click(screen.getByRole("button", { name: "保存映射" }));
    await waitFor(() => expect(port.callsOf("saveMapping")).toHaveLength(1));
    const forms = port.callsOf("saveMapping")[0][1] as MappingForm[];
    const expected = { ...mappingFromForm(grid, form).fields };
    delete expected["funds.rate"];
    expect(forms[0].fields).toEqual(expected);
  });

  test("layout issues are MessageBars; their cell can be shown in the sheet", async () => {
    const { port } = await openMapping();
    const titles = screen.getAllByText("推断");
    expect(titles).toHaveLength(3);
    expect(screen.getByText("表头“全年”不完整，按位置识别为全年执行数")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "查看 E5" }));
    await waitFor(() => expect(port.selected).toEqual({ sheet: SHEET, cell: "E5" }));
  });

  test("without header texts from the port, columns are listed by letter and saved without a header", async () => {
    const { port, ind } = await openMapping(false);
    expect(within(ind).getByRole("combobox", { name: "得分" }).textContent).toContain("H 列");
    choose(ind, "偏差原因", "G 列");
    fireEvent.click(screen.getByRole("button", { name: "保存映射" }));
    await waitFor(() => expect(port.callsOf("saveMapping")).toHaveLength(1));
    const forms = port.callsOf("saveMapping")[0][1] as MappingForm[];
    expect(forms[0].fields["ind.reason"]).toEqual({ col: 6 });
    expect(forms[0].fields["ind.score"]).toEqual({ col: 7 });
  });
});
