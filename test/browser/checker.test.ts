/**
 * The web checker (dist/checker.html) in real Chromium through playwright-core, as a reviewer uses
 * it: opened from disk (file://) and once from a local static server; the samples and the shared
 * cases (test/data/cases) uploaded as files and as a folder; the page's JSON compared with
 * `perf-check --json` on the same files, in zh and in en and under another policy; an annotated
 * copy (one, and the zip of all) read back with the package layer and compared part by part with
 * perf-check --write's; files it cannot read listed with their reasons; cancel; the keyboard; no
 * request leaving the page (only the page itself and its blob: worker, nothing at all once it is
 * loaded); screenshots under test-output/.
 *
 * "But for paths": the CLI prints the paths it was given, the page the names it was handed (a
 * file's name, or its path inside a picked folder, webkitRelativePath). Each CLI entry's `file`
 * is mapped to the page's name for the same file (relative to the folder picked, or its base
 * name) and then the two documents must be equal, every other byte of them.
 *
 * Needs /usr/bin/chromium: without it the suite fails in CI (process.env.CI) and is skipped locally.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { openPackage } from "../../src/cli/read";
import { readZip } from "../../src/xlsx/zip";
import { runCli } from "../helpers/xlsx-builders";
import {
  bytesOf,
  CHROMIUM,
  download,
  launch,
  openChecker,
  OUT,
  prepareChecker,
  ROOT,
  serveChecker,
  waitChecked,
} from "./checker-harness";

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI)
  console.warn(`checker.test.ts: ${CHROMIUM} not found; skipped locally (apt-get install chromium). In CI it fails.`);
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;

jest.setTimeout(300_000);

const SAMPLES = ["seed000-bj-kjw.xlsx", "seed002-bj-hwxr.xlsx", "seed003-bt-rcfw.xlsx"].map((f) =>
  path.join(ROOT, "samples", f),
);
const CASES = ["fuwumaoyi-2020.xlsx", "jinzhai-dept-2023.xlsx", "yongde-2022.xlsx"].map((f) =>
  path.join(ROOT, "test/data/cases", f),
);

interface JsonDoc {
  files: {
    file: string;
    status: string;
    error?: string;
    skipped?: string;
    findings: { code: string }[];
    forms: unknown[];
  }[];
  summary: Record<string, number> & {
    grades: { grade: string; self: number; review: number }[];
    rates: { count: number }[];
    noRate: number;
  };
}

/** The page's batch summary: its counts by key, and each chart's accessible name, bars and data table. */
interface ShownSummary {
  counts: Record<string, number>;
  running: boolean;
  charts: { id: string; name: string; bars: number; table: string[][] }[];
}

async function shownSummary(page: Page): Promise<ShownSummary> {
  return page.getByTestId("summary").evaluate((section) => ({
    counts: Object.fromEntries(
      Array.from(section.querySelectorAll<HTMLElement>("[data-count]")).map((el) => [
        el.dataset.count!,
        Number(el.querySelector("dd")!.textContent),
      ]),
    ),
    running: section.querySelector('[data-testid="summary-running"]') !== null,
    charts: Array.from(section.querySelectorAll<HTMLElement>("figure[data-chart]")).map((fig) => {
      const svg = fig.querySelector('svg[role="img"]')!;
      const label = document.getElementById(svg.getAttribute("aria-labelledby")!);
      return {
        id: fig.dataset.chart!,
        name: label?.textContent ?? "",
        bars: svg.querySelectorAll("rect").length,
        table: Array.from(fig.querySelectorAll("table tr")).map((tr) =>
          Array.from(tr.querySelectorAll("th, td")).map((c) => c.textContent ?? ""),
        ),
      };
    }),
  }));
}

/** The summary's counts the page shows, from a JSON document's summary (perf-check's). */
function countsOf(summary: JsonDoc["summary"]): Record<string, number> {
  const keys = ["files", "checked", "unreadable", "skipped", "forms", "projectForms", "scoreTables", "unscored"];
  return Object.fromEntries([...keys, "errors", "warnings", "infos"].map((k) => [k, summary[k]]));
}

/** A chart's data rows (label, counts) in the HTML report: `<figure id="…">…<tbody>rows</tbody>`. */
function reportChartRows(html: string, id: string): string[][] {
  const fig = html.slice(html.indexOf(`<figure id="${id}">`));
  const body = fig.slice(fig.indexOf("<tbody>"), fig.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]),
  );
}

/** perf-check without LibreOffice (its .xls/.et entries say so, as the page's say a browser cannot read them). */
const NO_SOFFICE = { ...process.env, SOFFICE: "none" };

/** The CLI's document with each file named as the page names it. */
async function cliJson(args: string[], name: (file: string) => string, expectErr = ""): Promise<JsonDoc> {
  const run = await runCli(["--json", ...args], { env: NO_SOFFICE });
  expect(run.err).toBe(expectErr);
  const doc = JSON.parse(run.out) as JsonDoc;
  return { ...doc, files: doc.files.map((f) => ({ ...f, file: name(f.file) })) };
}

async function pageJson(page: Page): Promise<JsonDoc> {
  return JSON.parse((await bytesOf(await download(page, "export-json"))).toString("utf8")) as JsonDoc;
}

/** Every request is the page itself or its blob: worker (or the given origin's page). */
function onlyOwn(requests: string[], own: (u: string) => boolean): string[] {
  return requests.filter((u) => !own(u) && !u.startsWith("blob:"));
}

describeBrowser("web checker in Chromium", () => {
  let browser: Browser;
  let checker: { file: string; cleanup: () => void };
  let tmp: string;
  let pageUrl: string;
  const isPage = (u: string) => u === pageUrl;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
    fs.mkdirSync(OUT, { recursive: true });
    checker = await prepareChecker();
    pageUrl = `file://${checker.file}`;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-checker-test-"));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    checker?.cleanup();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A folder under tmp holding `files` (copied), by relative path. */
  function folder(name: string, files: Record<string, string | Buffer>): string {
    const dir = path.join(tmp, name);
    for (const [rel, src] of Object.entries(files)) {
      const to = path.join(dir, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (typeof src === "string") fs.copyFileSync(src, to);
      else fs.writeFileSync(to, src);
    }
    return dir;
  }

  test("file://: a folder of the samples and shared cases: the JSON is perf-check's (zh, en), nothing leaves the page", async () => {
    const dir = folder("批次", {
      ...Object.fromEntries(SAMPLES.map((f) => [`samples/${path.basename(f)}`, f])),
      ...Object.fromEntries(CASES.map((f) => [`cases/${path.basename(f)}`, f])),
    });
    const { page, requests, afterLoad, problems } = await openChecker(
      browser,
      pageUrl,
      (u) => isPage(u) || u.startsWith("blob:"),
    );
    await page.getByRole("heading", { name: "绩效自评表复核（网页版）" }).waitFor();
    await expect(page.getByTestId("export-json").isDisabled()).resolves.toBe(true);

    await page.getByTestId("folder").setInputFiles(dir);
    await waitChecked(page);
    await page.getByText("已检查 6 个文件，19 张表").waitFor();

    // The CLI on the same folder; its paths made relative to the folder's parent (the page's names).
    const rel = (f: string) => path.relative(tmp, f).split(path.sep).join("/");
    const zh = await pageJson(page);
    expect(zh.files.map((f) => f.file)).toEqual([
      "批次/cases/fuwumaoyi-2020.xlsx",
      "批次/cases/jinzhai-dept-2023.xlsx",
      "批次/cases/yongde-2022.xlsx",
      "批次/samples/seed000-bj-kjw.xlsx",
      "批次/samples/seed002-bj-hwxr.xlsx",
      "批次/samples/seed003-bt-rcfw.xlsx",
    ]);
    expect(zh).toEqual(await cliJson([dir], rel));

    // The batch summary above the table: perf-check's summary of the same files, its two charts
    // with the same counts as their data tables and as the page's own HTML report.
    const shown = await shownSummary(page);
    expect(shown.running).toBe(false);
    expect(shown.counts).toEqual(countsOf(zh.summary));
    expect(shown.counts).toMatchObject({ files: 6, checked: 6, unreadable: 0, skipped: 0, forms: 19 });
    const [grades, rates] = shown.charts;
    expect(grades.name).toBe("自评等级与复核等级（表数）");
    expect(grades.table).toEqual([
      ["等级", "自评等级", "复核等级"],
      ...zh.summary.grades.map((g) => [g.grade === "unscored" ? "未评分" : g.grade, String(g.self), String(g.review)]),
    ]);
    expect(grades.bars).toBe(2 * zh.summary.grades.length + 2); // two a grade, and the legend's two swatches
    expect(rates.name).toBe("执行率分布（表数）");
    expect(rates.table.slice(1).map((r) => Number(r[1]))).toEqual([
      ...zh.summary.rates.map((b) => b.count),
      zh.summary.noRate,
    ]);
    expect(rates.bars).toBe(zh.summary.rates.length + 1);
    // The figures themselves, for this batch (perf-check's, as the JSON comparison above says).
    expect(grades.table.slice(1)).toEqual([
      ["优", "14", "16"],
      ["良", "4", "2"],
      ["中", "1", "1"],
      ["差", "0", "0"],
      ["未评分", "0", "0"],
    ]);
    expect(rates.table.slice(1).map((r) => r.join(" "))).toEqual([
      "0%–60% 3",
      "60%–80% 1",
      "80%–90% 3",
      "90%–100% 3",
      "100% 及以上 7",
      "无执行率 2",
    ]);
    const report = (await bytesOf(await download(page, "export-html"))).toString("utf8");
    expect(reportChartRows(report, "grades-chart")).toEqual(grades.table.slice(1));
    expect(reportChartRows(report, "rate-chart")).toEqual(rates.table.slice(1));
    // Reached from the keyboard: each chart's data table opens from its disclosure.
    await page.getByTestId("summary").getByText("显示数据表").first().focus();
    await page.keyboard.press("Enter");
    await expect(
      page.locator('[data-testid="summary"] figure[data-chart="grades-chart"] details').getAttribute("open"),
    ).resolves.toBe("");
    // |偏差| ≥ 5: the six forms the table shows with such a 偏差 (seed002 外国人来华 5: H88 a missed
    // 第三季度前 deadline); one opens its findings.
    const deviations = page.locator('[data-testid="summary"] details[data-list="deviations"]');
    await deviations.locator("summary").click();
    await expect(deviations.locator("tbody td:nth-child(5)").allTextContents()).resolves.toEqual([
      "-20",
      "-10",
      "-5.92",
      "-7.05",
      "5",
      "6.96",
    ]);
    await page.getByTestId("summary").screenshot({ path: path.join(OUT, "checker-summary.png") });
    await deviations.getByRole("button", { name: "打开 人才工作服务经费 的问题" }).click();
    await page.getByRole("dialog").getByRole("heading", { name: "人才工作服务经费" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    // English: the switch, then the same document as --lang en.
    await page.getByTestId("lang").click();
    await page.getByRole("heading", { name: "Performance self-evaluation check (web)" }).waitFor();
    expect(await pageJson(page)).toEqual(await cliJson(["--lang", "en", dir], rel));
    const shownEn = await shownSummary(page);
    expect(shownEn.counts).toEqual(shown.counts);
    expect(shownEn.charts.map((c) => c.name)).toEqual([
      "Self and review grades (forms)",
      "Spread of execution rates (forms)",
    ]);
    expect(shownEn.charts[1].table[0]).toEqual(["Execution rate", "Forms"]);
    await page.getByTestId("summary").screenshot({ path: path.join(OUT, "checker-summary-en.png") });
    await page.getByTestId("lang").click();

    await page.getByTestId("forms").screenshot({ path: path.join(OUT, "checker-table.png") });
    await page.screenshot({ path: path.join(OUT, "checker-page.png"), fullPage: true });

    expect(onlyOwn(requests, isPage)).toEqual([]);
    expect(afterLoad).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("a static server: files picked one by one under another policy; the server is asked for the page only", async () => {
    const server = await serveChecker(checker.file);
    try {
      const isOwn = (u: string) => u.startsWith(`${server.origin}/`);
      const { page, requests, afterLoad, problems } = await openChecker(browser, server.url, isOwn);
      await page.getByTestId("policy").click();
      await page.getByRole("option", { name: "成本指标按支出比例（包头）" }).click();
      await page.getByTestId("files").setInputFiles([...CASES, ...SAMPLES]);
      await waitChecked(page);
      // The page lists the files by name (code-point order); the CLI in the order it is given them.
      const sorted = [...CASES, ...SAMPLES].sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : 1));
      expect(await pageJson(page)).toEqual(
        await cliJson(["--policy", "spend-ratio", ...sorted], (f) => path.basename(f)),
      );
      expect(onlyOwn(requests, isOwn)).toEqual([]);
      expect(afterLoad).toEqual([]);
      expect(server.requests).toEqual(["/checker.html"]);
      expect(problems).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test("keyboard: Tab to the table, arrows, Enter opens a form's findings with cells and fix hints; its annotated copy is perf-check --write's", async () => {
    const { page, afterLoad, problems } = await openChecker(
      browser,
      pageUrl,
      (u) => isPage(u) || u.startsWith("blob:"),
    );
    const seed003 = SAMPLES[2];
    await page.getByTestId("files").setInputFiles([seed003]);
    await waitChecked(page);

    // Sort by 复核得分, descending: the header is a button.
    const reviewHeader = page.locator('th[data-column="review"] [role="button"]');
    await reviewHeader.click();
    await reviewHeader.click();
    await expect(page.locator('th[data-column="review"]').getAttribute("aria-sort")).resolves.toBe("descending");
    const reviews = await page
      .locator('[data-testid="forms"] tbody tr td:nth-child(5)')
      .evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    expect(reviews).toEqual([...reviews].sort((a, b) => b - a));

    // Filter to the forms with errors: 人才工作服务经费 alone.
    await page.getByTestId("show").click();
    await page.getByRole("option", { name: "有错误的表" }).click();
    await page.getByText("显示 1 / 共 5 张表").waitFor();

    // Tab reaches the row; it shows a focus outline; Enter opens it.
    const row = page.locator('[data-testid="forms"] tbody tr').first();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await row.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(row.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(row.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.not.toBe("none");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: "人才工作服务经费" }).waitFor();
    const findings = await dialog
      .locator("tr[data-code]")
      .evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute("data-cell")} ${tr.getAttribute("data-code")}`));
    expect(findings).toContain("H16 SCORE_EXCEEDS_WEIGHT");
    await expect(dialog.locator('tr[data-code="SCORE_EXCEEDS_WEIGHT"]').textContent()).resolves.toContain(
      "得分超过分值",
    );
    await page.screenshot({ path: path.join(OUT, "checker-dialog.png") });

    // The copy from the dialog: the CLI's copy, part by part.
    const copy = await download(page, "form-copy");
    expect(copy.suggestedFilename()).toBe("seed003-bt-rcfw.checked.xlsx");
    const pageCopy = await bytesOf(copy);
    const outDir = path.join(tmp, "written");
    expect((await runCli(["--json", "--write", outDir, seed003])).code).toBeLessThan(2);
    const cliCopy = fs.readFileSync(path.join(outDir, "seed003-bt-rcfw.checked.xlsx"));
    expectSameParts(pageCopy, cliCopy);

    // Escape closes the dialog; focus goes back to the table.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // All copies as a zip: stored members named as the copies, each the same copy.
    const zip = await bytesOf(await download(page, "export-copies"));
    const members = readZip(new Uint8Array(zip));
    expect(members.map((m) => [m.name, m.method])).toEqual([["seed003-bt-rcfw.checked.xlsx", 0]]);
    expectSameParts(Buffer.from(members[0].data), cliCopy);
    expect(afterLoad).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("files it cannot read, skips or finds no form in are listed with a one-line reason, on the page and in the JSON (perf-check's)", async () => {
    const good = SAMPLES[0];
    const pay = new ExcelJS.Workbook();
    pay.addWorksheet("工资表").addRows([
      ["姓名", "基本工资", "绩效工资"],
      ["张三", 5000, 1200],
    ]);
    const dir = folder("mixed", {
      "pay.xlsx": Buffer.from(await pay.xlsx.writeBuffer()),
      "good.xlsx": good,
      "old.xls": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "wps.et": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      "encrypted.xlsx": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]),
      "corrupt.xlsx": Buffer.from("PK\u0003\u0004 this is not really a zip"),
      "empty.xlsx": Buffer.alloc(0),
      "~$good.xlsx": Buffer.from("lock"),
      "good.checked.xlsx": good,
      "notes.txt": Buffer.from("not a spreadsheet"),
      "export.csv": Buffer.from("a,b\n1,2\n"),
    });
    const { page, problems } = await openChecker(browser, pageUrl, (u) => isPage(u) || u.startsWith("blob:"));
    await page.getByTestId("folder").setInputFiles(dir);
    await waitChecked(page);
    const listed = await page
      .locator('[data-testid="problems"] li')
      .evaluateAll((lis) => lis.map((li) => `${li.getAttribute("data-status")} ${li.textContent}`));
    const reasons = Object.fromEntries(
      listed.map((l) => {
        const m = /^(\w+) \S+ (mixed\/[^:]+): (.*)$/.exec(l)!;
        return [m[2], `${m[1]}: ${m[3]}`];
      }),
    );
    expect(Object.keys(reasons).sort()).toEqual(
      [
        "mixed/pay.xlsx",
        "mixed/corrupt.xlsx",
        "mixed/empty.xlsx",
        "mixed/encrypted.xlsx",
        "mixed/old.xls",
        "mixed/wps.et",
        "mixed/~$good.xlsx",
        "mixed/good.checked.xlsx",
        "mixed/export.csv",
      ].sort(),
    );
    expect(reasons["mixed/old.xls"]).toMatch(/^unreadable: 浏览器中无法读取 \.xls 文件/);
    expect(reasons["mixed/wps.et"]).toMatch(/^unreadable: 浏览器中无法读取 \.et 文件/);
    // The reasons perf-check gives for the same names (src/pipeline/inputs.ts).
    expect(reasons["mixed/~$good.xlsx"]).toMatch(/^skipped: Excel\/WPS 打开工作簿时生成的临时锁定文件/);
    expect(reasons["mixed/good.checked.xlsx"]).toMatch(/^skipped: perf-check 写出的批注副本/);
    expect(reasons["mixed/export.csv"]).toMatch(/^skipped: 文本表格（\.csv）/);
    expect(reasons["mixed/pay.xlsx"]).toMatch(/^checked: NO_FORM: 没有找到绩效自评表/);

    // The JSON is perf-check's on the same folder (without LibreOffice), every file and the
    // summary, but for the .xls/.et reason: the page says a browser cannot read them.
    const doc = await pageJson(page);
    const cli = await cliJson([dir], (f) => `mixed/${path.relative(dir, f).split(path.sep).join("/")}`);
    const browserReason = (ext: string) =>
      `浏览器中无法读取 ${ext} 文件（网页版没有 LibreOffice）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查`;
    for (const f of cli.files)
      if (/\.(xls|et)$/.test(f.file)) {
        expect(f.error).toMatch(/^读取 \.(xls|et) 文件需要 LibreOffice/);
        f.error = browserReason(path.extname(f.file));
      }
    expect(doc).toEqual(cli);
    expect(doc.files.map((f) => `${f.status} ${f.file}`)).toEqual([
      "unreadable mixed/corrupt.xlsx",
      "unreadable mixed/empty.xlsx",
      "unreadable mixed/encrypted.xlsx",
      "skipped mixed/export.csv",
      "skipped mixed/good.checked.xlsx",
      "checked mixed/good.xlsx",
      "unreadable mixed/old.xls",
      "checked mixed/pay.xlsx",
      "unreadable mixed/wps.et",
      "skipped mixed/~$good.xlsx",
    ]);
    expect(doc.summary).toMatchObject({ files: 10, checked: 2, converted: 0, unreadable: 5, skipped: 3, forms: 1 });
    expect(doc.files.find((f) => f.file === "mixed/pay.xlsx")?.findings.map((f) => f.code)).toEqual(["NO_FORM"]);
    for (const f of doc.files.filter((x) => x.status !== "checked"))
      expect(reasons[f.file]).toBe(`${f.status}: ${f.error ?? f.skipped}`);
    expect(problems).toEqual([]);
  });

  test("cancel: no further file is read, the rest are listed as not checked, and the JSON names every file", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 80; i++) many[`f${String(i).padStart(3, "0")}.xlsx`] = SAMPLES[1];
    const dir = folder("many", many);
    const { page, afterLoad, problems } = await openChecker(
      browser,
      pageUrl,
      (u) => isPage(u) || u.startsWith("blob:"),
    );
    await page.getByTestId("folder").setInputFiles(dir);
    await page.getByTestId("progress").waitFor();
    await expect(page.getByTestId("export-json").isDisabled()).resolves.toBe(true);
    // The summary is there while the batch runs, and says it is not final.
    await page.getByTestId("summary-running").waitFor();
    await page.getByTestId("cancel").click();
    await page.getByTestId("status").waitFor();
    await waitChecked(page);
    const status = await page.getByTestId("status").textContent();
    const notChecked = Number(/已取消：(\d+) 个文件未检查/.exec(status ?? "")?.[1]);
    expect(notChecked).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="problems"] li[data-status="cancelled"]').count()).toBe(notChecked);
    const doc = await pageJson(page);
    expect(doc.files).toHaveLength(80);
    const cancelled = doc.files.filter((f) => f.status === "skipped" && f.skipped === "检查已取消，未读取");
    expect(cancelled).toHaveLength(notChecked);
    expect(doc.summary).toMatchObject({ files: 80, checked: 80 - notChecked, skipped: notChecked });
    // Final once stopped: the summary of what was checked, the cancelled files counted as skipped.
    const shown = await shownSummary(page);
    expect(shown.running).toBe(false);
    expect(shown.counts).toEqual(countsOf(doc.summary));
    expect(doc.files.filter((f) => f.forms.length > 0)).toHaveLength(80 - notChecked);
    // The file being read when the cancel came finished in time: the worker was not ended, so
    // nothing was loaded again.
    expect(afterLoad).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** Two packages with the same members holding the same bytes once inflated. */
function expectSameParts(a: Uint8Array, b: Uint8Array): void {
  const pa = openPackage(new Uint8Array(a));
  const pb = openPackage(new Uint8Array(b));
  expect(pa.entries.map((e) => e.name)).toEqual(pb.entries.map((e) => e.name));
  for (const e of pa.entries) {
    const x = Buffer.from(pa.bytes(e.name)!);
    const y = Buffer.from(pb.bytes(e.name)!);
    expect({ part: e.name, same: x.equals(y) }).toEqual({ part: e.name, same: true });
  }
}
