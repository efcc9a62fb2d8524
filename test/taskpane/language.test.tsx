/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Language and theme: zh-CN by default, en-US when Office's display language starts with "en";
 * the pane's texts and the findings' messages follow the language; the dark theme when Office's
 * body background is dark.
 */
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { langFromTag, officeLang, officeThemeName, themeFromBackground } from "../../src/taskpane/office-env";
import { PANE_STRINGS } from "../../src/taskpane/strings";
import { loadGrid, StubPort } from "./stub-port";

import "./patience";

const SHEET = "人才工作服务经费";

describe("language", () => {
  test("switching the lang prop switches the pane and the findings' messages", async () => {
    const grid = await loadGrid("seed003-bt-rcfw.xlsx", SHEET);
    const port = new StubPort(grid);
    port.policy = "spend-ratio";
    const { rerender } = render(<App port={port} lang="en" />);
    await screen.findAllByRole("heading", { level: 3 });
    expect(document.documentElement.lang).toBe("en-US");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Performance self-evaluation check");
    expect(screen.getByRole("button", { name: "Validate" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("人才工作服务经费: 2 errors, 2 warnings");
    expect(screen.getByRole("group", { name: "Error (2)" })).toBeTruthy();
    expect(screen.getByText("Score 5.6 exceeds its weight 2")).toBeTruthy();
    expect(screen.getByText("Expected 2 · Found 5.6")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Scoring policy (saved with the workbook)" }).textContent).toContain(
      "Cost indicators by spend ratio (Baotou)",
    );

    rerender(<App port={port} lang="zh" />);
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("绩效自评表复核");
    expect(screen.getByRole("button", { name: "复核并标记" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("人才工作服务经费：2 个错误、2 个警告");
    expect(screen.getByText("得分 5.6 超过分值 2")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "评分规则（随工作簿保存）" }).textContent).toContain(
      "成本指标按支出比例（包头）",
    );
    // Switching did not read the sheet again.
    expect(port.callsOf("analyzeActiveSheet")).toHaveLength(1);
  });

  test("the language comes from Office.context.displayLanguage: en* → en, anything else → zh", () => {
    expect(langFromTag("en-US")).toBe("en");
    expect(langFromTag("en-GB")).toBe("en");
    expect(langFromTag("EN")).toBe("en");
    expect(langFromTag("zh-CN")).toBe("zh");
    expect(langFromTag("zh-TW")).toBe("zh");
    expect(langFromTag("fr-FR")).toBe("zh");
    expect(langFromTag(undefined)).toBe("zh");
    expect(langFromTag("eng")).toBe("zh");

    const g = globalThis as { Office?: unknown };
    expect(officeLang()).toBe("zh"); // no Office at all
    g.Office = { context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#262626" } } };
    try {
      expect(officeLang()).toBe("en");
      expect(officeThemeName()).toBe("dark");
      g.Office = { context: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
      expect(officeLang()).toBe("zh");
      expect(officeThemeName()).toBe("light");
      g.Office = { context: {} };
      expect(officeThemeName()).toBe("light");
    } finally {
      delete g.Office;
    }
  });

  test("theme from the body background", () => {
    expect(themeFromBackground("#1f1f1f")).toBe("dark");
    expect(themeFromBackground("#000")).toBe("dark");
    expect(themeFromBackground("#444444")).toBe("dark");
    expect(themeFromBackground("#ffffff")).toBe("light");
    expect(themeFromBackground("#E6E6E6")).toBe("light");
    expect(themeFromBackground("not a colour")).toBe("light");
    expect(themeFromBackground(undefined)).toBe("light");
  });

  test("the dark theme renders with webDarkTheme's colours", async () => {
    const grid = await loadGrid("seed003-bt-rcfw.xlsx", SHEET);
    const { container } = render(<App port={new StubPort(grid)} lang="zh" theme="dark" />);
    await screen.findAllByRole("heading", { level: 3 });
    const provider = container.querySelector(".fui-FluentProvider")!;
    const rules: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) rules.push(rule.cssText);
    }
    const own = rules.filter((r) => Array.from(provider.classList).some((c) => r.startsWith(`.${c}`)));
    expect(own.join("\n")).toMatch(/--colorNeutralBackground1:\s*#292929/);
  });

  test("every pane string has both languages with the same placeholders", () => {
    const params = (s: string): string[] => [...(s.match(/\{\w+\}/g) ?? [])].sort();
    for (const [key, v] of Object.entries(PANE_STRINGS)) {
      expect([key, v.zh.trim() !== "", v.en.trim() !== ""]).toEqual([key, true, true]);
      // An English singular ("1 error") may spell out its {n}.
      const en = params(v.en);
      if (key.endsWith("_ONE") && !en.includes("{n}")) en.push("{n}");
      en.sort();
      expect([key, params(v.zh)]).toEqual([key, en]);
    }
  });
});
