/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The form cards show what an accountant looks for: 自评得分 (the form's own total and grade) and
 * 复核得分 (the total and grade the rules give, 财预〔2020〕10号); a form that states no score at all
 * says 未评分. Also: the features this Excel lacks, and records kept because their sheet is gone.
 * Forms: the well-formed test form of test/engine/checks/base.ts (total 97, 优) and its copy with
 * every score blank; seed002 sheet 项目5-8 (4 forms).
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkForm } from "../../src/engine/checks";
import { national } from "../../src/engine/policy";
import { App } from "../../src/taskpane/App";
import { FormList } from "../../src/taskpane/components/FormList";
import { projectForm } from "../helpers/form-builder";
import { good } from "../engine/checks/base";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

function results() {
  const scored = checkForm(projectForm(good()), national);
  const blank = good();
  for (const i of blank.indicators) i.score = null;
  blank.funds!.score = null;
  blank.total = { weight: 100, score: null, grade: null };
  const unscored = checkForm(projectForm(blank), national);
  return [scored, unscored];
}

test("each card: 自评得分 with its grade, 复核得分 with its grade; an unscored form says 未评分", () => {
  const [scored, unscored] = results();
  expect(scored.total).toMatchObject({ stated: "97", review: "97" });
  render(
    <FluentProvider theme={webLightTheme}>
      <FormList lang="zh" results={[scored, unscored]} selected={0} onSelect={() => undefined} />
    </FluentProvider>,
  );
  const cards = screen.getAllByRole("button");
  expect(cards[0].textContent).toContain("自评得分97等级 优");
  expect(cards[0].textContent).toContain("复核得分97等级 优");
  expect(cards[1].textContent).toContain("自评得分未评分");
  expect(cards[1].textContent).toContain("复核得分93等级 优");
  expect(cards[1].textContent).not.toContain("自评得分未评分等级");
});

test("in English", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <FormList lang="en" results={results()} selected={0} onSelect={() => undefined} />
    </FluentProvider>,
  );
  const cards = screen.getAllByRole("button");
  expect(cards[0].textContent).toContain("Self-evaluated97grade 优");
  expect(cards[1].textContent).toContain("Self-evaluatedNot scored");
  expect(cards[1].textContent).toContain("Reviewed93grade 优");
});

test("seed002 项目5-8 in the pane: every card shows the analysis' own totals and grades", async () => {
  const port = new StubPort(await loadGrid("seed002-bj-hwxr.xlsx", "项目5-8"));
  render(<App port={port} lang="zh" />);
  const forms = await screen.findByRole("region", { name: "自评表" });
  const cards = within(forms).getAllByRole("button");
  const a = port.analysis();
  expect(cards).toHaveLength(a.results.length);
  a.results.forEach((r, i) => {
    const self = r.total.stated ?? r.total.computed;
    expect(self).toBeDefined();
    expect(r.total.review).toBeDefined();
    expect(cards[i].textContent).toContain(`自评得分${self}`);
    expect(cards[i].textContent).toContain(`复核得分${r.total.review}等级 ${r.grade.review}`);
  });
});

test("an Excel without notes (or merges, or fill patterns) is told so, with what the add-in does instead", async () => {
  const port = new StubPort(await loadGrid("seed002-bj-hwxr.xlsx", "项目5-8"));
  port.caps = { notes: false, merges: true, fillPattern: false };
  render(<App port={port} lang="zh" />);
  const notice = (await screen.findByText("此版本的 Excel 缺少以下功能")).closest("[role=group], div")!.parentElement!;
  const items = within(notice)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(items).toEqual([
    "批注（需要 ExcelApi 1.18）：问题改为列在“复核结果”工作表中，单元格只填色。",
    "区分白色填充与无填充（需要 ExcelApi 1.9）：清除标记时，单元格原有的白色填充按无填充处理。",
  ]);
});

test("an Excel with every feature shows no such notice", async () => {
  const port = new StubPort(await loadGrid("seed002-bj-hwxr.xlsx", "项目5-8"));
  render(<App port={port} lang="zh" />);
  await screen.findByRole("region", { name: "自评表" });
  expect(screen.queryByText("此版本的 Excel 缺少以下功能")).toBeNull();
});

test("Revert that kept the records of a sheet no longer found says which, as a warning", async () => {
  const port = new StubPort(await loadGrid("seed003-bt-rcfw.xlsx", "人才工作服务经费"));
  port.snapshot = true;
  port.kept = [{ sheet: "项目1", cells: 12 }];
  render(<App port={port} lang="zh" />);
  await screen.findByRole("region", { name: "自评表" });
  const revert = screen.getByRole("button", { name: "撤销修改" });
  await waitFor(() => expect(revert).toHaveProperty("disabled", false));
  fireEvent.click(revert);
  expect(await screen.findByText("部分修改记录已保留")).toBeTruthy();
  expect(
    screen.getByText(
      "已恢复 4 个单元格。 1 张工作表的修改记录找不到对应的工作表，已保留在工作簿中，未撤销也未清除：“项目1”（12 个单元格）。把工作表改回原名后再试一次。",
    ),
  ).toBeTruthy();
});

test("Validate on an Excel without notes says the findings are listed on the sheet 复核结果", async () => {
  const port = new StubPort(await loadGrid("seed003-bt-rcfw.xlsx", "人才工作服务经费"));
  port.caps = { notes: false, merges: true, fillPattern: true };
  render(<App port={port} lang="zh" />);
  await screen.findByRole("region", { name: "自评表" });
  fireEvent.click(screen.getByRole("button", { name: "复核并标记" }));
  expect(
    await screen.findByText(
      // 2 errors, 4 warnings: the core pack's 2 errors and 3 warnings, and the review pack's VAGUE_EFFECT_TARGET on E19.
      "已复核：2 个错误、4 个警告。问题已标记在单元格上。 此版本的 Excel 不支持备注，问题已列在工作表“复核结果”中。",
    ),
  ).toBeTruthy();
});
