/**
 * The HTML report in Chromium at A4 width (210 mm = 794 CSS px; printed, 186 mm between the 12 mm
 * margins = 703 px): nothing wider than the page on screen or in print, both charts drawn, the
 * severity legend shown, the files table (every file with its status) within the page, and a PDF on
 * A4 paper. The screenshots are kept in test-output/report-a4.png and report-a4-files.png.
 *
 * Needs /usr/bin/chromium (Debian). Without it the test fails in CI (process.env.CI) and is skipped
 * locally with a message.
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { renderHtml } from "../../src/report";
import { sampleRun } from "../report/helpers";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output");
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI)
  console.warn(
    `report.test.ts: ${CHROMIUM} not found; the browser test is skipped locally (apt-get install chromium).`,
  );
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;

jest.setTimeout(120_000);

describeBrowser("the HTML report at A4 width in Chromium", () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
    fs.mkdirSync(OUT, { recursive: true });
    file = path.join(OUT, "report-a4.html");
    fs.writeFileSync(file, renderHtml(await sampleRun()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("fits the page on screen and in print; charts and legend drawn; prints on A4", async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`file://${file}`);
    const screen = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      charts: [...document.querySelectorAll("figure svg")].map((s) => {
        const r = s.getBoundingClientRect();
        return { right: Math.round(r.right), height: Math.round(r.height), bars: s.querySelectorAll("rect").length };
      }),
      legend: document.querySelector(".legend")?.textContent ?? "",
      widest: Math.max(...[...document.querySelectorAll("table")].map((t) => t.getBoundingClientRect().right)),
    }));
    expect(screen.scroll).toBeLessThanOrEqual(794);
    expect(screen.widest).toBeLessThanOrEqual(794);
    expect(screen.charts).toHaveLength(2);
    for (const c of screen.charts) {
      expect(c.right).toBeLessThanOrEqual(794);
      expect(c.height).toBeGreaterThan(100);
      expect(c.bars).toBeGreaterThan(4);
    }
    expect(screen.legend).toContain("错误");
    expect(screen.legend).toContain("警告");
    expect(screen.legend).toContain("提示");
    await page.screenshot({ path: path.join(OUT, "report-a4.png"), fullPage: false });
    expect(fs.statSync(path.join(OUT, "report-a4.png")).size).toBeGreaterThan(20_000);
    // The files table: every file with its status (checked, unreadable, skipped) within the page too.
    const files = page.locator("#files");
    expect(await files.locator("tbody tr").count()).toBe(10);
    expect((await files.boundingBox())!.x + (await files.boundingBox())!.width).toBeLessThanOrEqual(794);
    await files.screenshot({ path: path.join(OUT, "report-a4-files.png") });

    // Printed: the body within the 186 mm between the margins.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 703, height: 1000 });
    const printed = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(printed).toBeLessThanOrEqual(703);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole CSS pixels (595.92 × 842.88).
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString("latin1"));
    expect(Math.abs(Number(box?.[1]) - 595.28)).toBeLessThan(1);
    expect(Math.abs(Number(box?.[2]) - 841.89)).toBeLessThan(1.5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
