/**
 * The built task pane in Chromium over the fake Excel: seed003 sheet 人才工作服务经费, policy
 * spend-ratio chosen in the pane, Validate, the form's card with 自评得分 and 复核得分 and their
 * grades, the findings shown (SCORE_EXCEEDS_WEIGHT on H16, MISSING_ACTUAL on F21), a finding
 * clicked and one chosen with the keyboard select their cells in the fake, the flags land on the
 * cells; in English on an Excel 2021 (ExcelApi 1.14), the features it lacks; screenshots under
 * test-output/, no console errors.
 *
 * Needs /usr/bin/chromium (Debian). Without it the test fails in CI (process.env.CI) and is
 * skipped locally with a message.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadFixtureWorkbook } from "../fakes/fixture-workbook";
import type { HarnessFixture } from "./harness/harness-entry";
import { buildHarness, preparePane, ROOT, servePane, type PaneServer } from "./harness/serve-pane";

const CHROMIUM = "/usr/bin/chromium";
const SHEET = "人才工作服务经费";
const OUT = path.join(ROOT, "test-output");
const haveChromium = fs.existsSync(CHROMIUM);

if (!haveChromium && !process.env.CI) {
  console.warn(
    `pane.test.ts: ${CHROMIUM} not found; the browser test is skipped locally (apt-get install chromium). In CI it fails.`,
  );
}

const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;

jest.setTimeout(240_000);

describeBrowser("task pane in Chromium over the fake Excel", () => {
  let browser: Browser;
  let distDir: string;
  let builtHere = false;
  let harnessJs: string;
  const servers: PaneServer[] = [];

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (the browser test needs it in CI)`);
    fs.mkdirSync(OUT, { recursive: true });
    const pane = await preparePane();
    distDir = pane.dir;
    builtHere = pane.built;
    harnessJs = await buildHarness();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    if (builtHere && distDir) fs.rmSync(distDir, { recursive: true, force: true });
  });

  async function openPane(
    fixture: Omit<HarnessFixture, "workbook">,
    viewport = { width: 360, height: 900 },
    patch?: (w: HarnessFixture["workbook"]) => void,
  ) {
    const workbook = await loadFixtureWorkbook(path.join(ROOT, "samples/seed003-bt-rcfw.xlsx"));
    workbook.active = SHEET;
    patch?.(workbook);
    const server = await servePane({ distDir, harnessJs, fixture: { workbook, ...fixture } });
    servers.push(server);
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    // Nothing leaves the machine: only the local server answers.
    await page.route("**/*", (route) =>
      route.request().url().startsWith("http://127.0.0.1:") ? route.continue() : route.abort(),
    );
    await page.goto(server.url);
    return { page, problems, server };
  }

  /** Wait until no animation runs (dialog and tab motions), for steady screenshots. */
  const settle = (page: Page) =>
    page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, {
      timeout: 5000,
    });

  const fakeState = (page: Page) =>
    page.evaluate(() => {
      const s = (window as unknown as { __fake: { selection: unknown; settings: Map<string, string> } }).__fake;
      return { selection: s.selection, settings: Object.fromEntries(s.settings) };
    });

  test("zh-CN, light: spend-ratio, Validate, findings, select by click and by keyboard", async () => {
    const { page, problems } = await openPane({ displayLanguage: "zh-CN", bodyBackgroundColor: "#ffffff" });
    await page.getByRole("heading", { name: "绩效自评表复核" }).waitFor();
    await page.getByText(`工作表：${SHEET}`).waitFor();
    await page.getByRole("heading", { name: "自评表", exact: true }).waitFor();

    // Policy spend-ratio, stored in the workbook.
    await page.getByRole("combobox", { name: "评分规则（随工作簿保存）" }).click();
    await page.getByRole("option", { name: "成本指标按支出比例（包头）" }).click();
    await page.getByText("评分规则已改为“成本指标按支出比例（包头）”，已重新复核。").waitFor();

    await page.getByRole("button", { name: "复核并标记" }).click();
    await page.getByText("已复核：2 个错误、2 个警告。问题已标记在单元格上。").waitFor();

    // The form's card: 自评得分 88.2 (the form's total; grade 良 from its scores, the form states none)
    // and 复核得分 73.73 under spend-ratio (中).
    const card = page.getByRole("region", { name: "自评表" }).getByRole("button");
    await expect(card.textContent()).resolves.toContain("自评得分88.2等级 良复核得分73.73等级 中");
    await settle(page);
    await card.screenshot({ path: path.join(OUT, "pane-zh-card.png") });

    const codes = await page
      .locator("button[data-code]")
      .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-code")}`));
    // The review pack's note on the effect target 显著 (E19) beside the core pack's findings.
    expect(codes).toEqual([
      "H16 SCORE_EXCEEDS_WEIGHT",
      "F21 MISSING_ACTUAL",
      "E19 VAGUE_EFFECT_TARGET",
      "I19 MISSING_REASON",
    ]);
    await expect(page.getByRole("heading", { level: 3 }).textContent()).resolves.toBe(`${SHEET}：2 个错误、2 个警告`);
    const h16 = page.locator('button[data-cell="H16"]');
    await expect(h16.textContent()).resolves.toContain("得分 5.6 超过分值 2");
    await expect(page.locator('button[data-cell="F21"]').textContent()).resolves.toContain(
      "已评分 10，但实际完成值为空",
    );

    // Clicking a finding selects its cell.
    await h16.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fake: { selection: { address: string } | null } }).__fake.selection?.address ===
        "H16",
    );
    let state = await fakeState(page);
    expect(state.selection).toEqual({ sheet: SHEET, address: "H16" });
    expect(JSON.stringify(state.settings)).toContain("spend-ratio");

    // The keyboard: arrow down to F21, Enter selects it.
    await h16.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).resolves.toBe("F21");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { __fake: { selection: { address: string } | null } }).__fake.selection?.address ===
        "F21",
    );
    state = await fakeState(page);
    expect(state.selection).toEqual({ sheet: SHEET, address: "F21" });

    // The flags are on the cells (fill by severity) and their notes carry the messages.
    const flags = await page.evaluate((sheet) => {
      type Cell = { fill?: string };
      const fake = (
        window as unknown as {
          __fake: { sheet(n: string): { cell(r: number, c: number): Cell | undefined; notes: Map<number, string> } };
        }
      ).__fake;
      const ws = fake.sheet(sheet);
      const at = (r: number, c: number) => ({
        fill: ws.cell(r, c)?.fill ?? null,
        note: ws.notes.get(r * 16384 + c) ?? null,
      });
      return { H16: at(15, 7), F21: at(20, 5), I19: at(18, 8), H15: at(14, 7) };
    }, SHEET);
    expect([flags.H16.fill, flags.F21.fill, flags.I19.fill]).toEqual(["#FFC7CE", "#FFC7CE", "#FFEB9C"]);
    expect(flags.H16.note).toContain("得分 5.6 超过分值 2");
    expect(flags.H15).toEqual({ fill: null, note: null });

    await settle(page);
    await page.screenshot({ path: path.join(OUT, "pane-zh-light.png"), fullPage: true });

    // Chart tab.
    await page.getByRole("tab", { name: "得分图" }).click();
    await page.getByRole("img", { name: `${SHEET}：各一级指标得分与分值` }).waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(OUT, "pane-zh-chart.png"), fullPage: true });

    expect(problems).toEqual([]);
    await page.close();
  });

  test("en-US, dark, Excel 2021 (ExcelApi 1.14): English texts, the features it lacks, mapping editor, write-formulas dialog", async () => {
    const { page, problems } = await openPane(
      { displayLanguage: "en-US", bodyBackgroundColor: "#1f1f1f" },
      undefined,
      (w) => (w.apiVersion = "1.14"),
    );
    await page.getByRole("heading", { name: "Performance self-evaluation check" }).waitFor();
    await page.getByRole("heading", { name: "Forms", exact: true }).waitFor();
    await page.getByText("This version of Excel lacks").waitFor();
    await page
      .getByText(
        "notes (ExcelApi 1.18): the findings are listed on the sheet 复核结果 instead, and cells are only filled.",
      )
      .waitFor();
    // National (the workbook stores no policy): 复核得分 81.24, 良.
    await expect(page.getByRole("region", { name: "Forms" }).getByRole("button").textContent()).resolves.toContain(
      "Self-evaluated88.2grade 良Reviewed81.24grade 良",
    );
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en-US");
    const bg = await page
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((el) => getComputedStyle(el).getPropertyValue("--colorNeutralBackground1").trim());
    expect(bg.toLowerCase()).toBe("#292929");

    await page.getByRole("tab", { name: "Columns" }).click();
    const ind = page.getByRole("group", { name: "Indicators (header on row 11)" });
    await ind.waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(OUT, "pane-en-dark-mapping.png"), fullPage: true });

    await page.getByRole("button", { name: "Write formulas" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByRole("row").filter({ hasText: "H16" }).waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(OUT, "pane-en-dark-dialog.png") });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });

    expect(problems).toEqual([]);
    await page.close();
  });
});
