/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The web checker's batch summary (src/web/components/SummaryPanel.tsx) on a known batch: the
 * samples and shared cases read through perf-check's pipeline, a form the unit did not score, a pay
 * sheet with no form, a file that cannot be read and one skipped (test/report/helpers sampleRun).
 * The counts, the two charts' bars and data tables are the HTML report's (src/report: summarize,
 * charts.ts), so the figures asserted here are the ones perf-check's report gives for the same run;
 * the rules behind them are issue 13's summary (自评 = the stated 总分, else the stated scores'
 * sum; 未评分 never 差) over 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) grades
 * (优 ≥90, 良 ≥80, 中 ≥60, 差 <60) and the 执行率 bands of src/report/summary.ts RATE_BANDS.
 */
import "./text-codec";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SummaryPanel } from "../../src/web/components/SummaryPanel";
import { formRows, type FormRow } from "../../src/web/model/rows";
import { pageSummary } from "../../src/web/model/summary";
import type { JsonFile } from "../../src/pipeline/check";
import type { ReportFile, ReportRun } from "../../src/report";
import { renderHtml } from "../../src/report";
import { sampleRun } from "../report/helpers";

jest.setTimeout(120_000);

let zh: ReportRun;
let en: ReportRun;
beforeAll(async () => {
  zh = await sampleRun("zh");
  en = await sampleRun("en");
});

function show(
  run: ReportRun,
  entries: (ReportFile | undefined)[],
  opts: { running?: { done: number; total: number } } = {},
) {
  const forms = formRows(entries.map((e, i) => (e as JsonFile | undefined) ?? { file: `row${i}`, forms: [] }));
  const onOpen = jest.fn<void, [FormRow]>();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <SummaryPanel
        lang={run.lang}
        summary={pageSummary(entries, run.policy)}
        running={opts.running}
        forms={new Map(forms.map((f) => [f.key, f]))}
        onOpen={onOpen}
      />
    </FluentProvider>,
  );
  return { view, onOpen, forms };
}

/** The counts shown, by their key. */
function counts(): Record<string, number> {
  const section = screen.getByTestId("summary");
  return Object.fromEntries(
    Array.from(section.querySelectorAll<HTMLElement>("[data-count]")).map((el) => [
      el.dataset.count!,
      Number(el.querySelector("dd")!.textContent),
    ]),
  );
}

/** A chart's bars: per rect its series and its count (the text drawn above it). */
function bars(chart: HTMLElement): string[] {
  return Array.from(chart.querySelectorAll("svg g"))
    .flatMap((g) => {
      const rects = Array.from(g.querySelectorAll("rect"));
      const texts = Array.from(g.querySelectorAll("text")).map((t) => t.textContent);
      return rects.map((r, i) => `${r.getAttribute("data-series")} ${texts[i]}`);
    })
    .filter((s) => !s.endsWith("null"));
}

/** A chart's data table, row by row. */
function dataRows(chart: HTMLElement): string[][] {
  return Array.from(chart.querySelectorAll("table tr")).map((tr) =>
    Array.from(tr.querySelectorAll("th, td")).map((c) => c.textContent ?? ""),
  );
}

test("the finished batch: the counts are perf-check's summary of the same files (10 files, 20 forms, …)", () => {
  show(zh, zh.files);
  expect(counts()).toEqual({
    files: 10,
    checked: 8,
    unreadable: 1,
    skipped: 1,
    forms: 20,
    projectForms: 18,
    scoreTables: 2,
    unscored: 1,
    errors: 7,
    warnings: 72,
    infos: 19,
  });
  // Counted again here from the files themselves, not through summarize.
  const all = zh.files.flatMap((f) => [...f.findings, ...f.forms.flatMap((x) => x.findings)]);
  const bySeverity = (sev: string) => all.filter((x) => x.severity === sev).length;
  expect([bySeverity("error"), bySeverity("warning"), bySeverity("info")]).toEqual([7, 72, 19]);
  expect(screen.queryByTestId("summary-running")).toBeNull();
  expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("汇总");
});

test("the grades chart: per grade the self and review bars with their counts, the legend, and its data table", () => {
  show(zh, zh.files);
  const chart = screen.getByRole("img", { name: "自评等级与复核等级（表数）" }).closest("figure")!;
  // Two bars a grade (self, review), 优 良 中 差 then 未评分: 20 forms each way.
  expect(bars(chart)).toEqual([
    "self 自评等级",
    "review 复核等级",
    "self 14",
    "review 17",
    "self 4",
    "review 2",
    "self 1",
    "review 1",
    "self 0",
    "review 0",
    "self 1",
    "review 0",
  ]);
  const table = [
    ["等级", "自评等级", "复核等级"],
    ["优", "14", "17"],
    ["良", "4", "2"],
    ["中", "1", "1"],
    ["差", "0", "0"],
    ["未评分", "1", "0"],
  ];
  expect(dataRows(chart)).toEqual(table);
  // Counted again from the forms: the self grade (none when the unit scored nothing), the review grade.
  const forms = zh.files.flatMap((f) => f.forms);
  const tally = (grade: string, of: (f: (typeof forms)[number]) => string) =>
    String(forms.filter((f) => of(f) === grade).length);
  const self = (f: (typeof forms)[number]) => (f.scored && f.self ? f.self.grade : "未评分");
  const review = (f: (typeof forms)[number]) => f.grade.review ?? "未评分";
  expect(table.slice(1).map(([g]) => [g, tally(g, self), tally(g, review)])).toEqual(table.slice(1));
  // The legend's swatch, then the bars: the tallest (17) is 100 units, the others in proportion.
  const heights = Array.from(chart.querySelectorAll('rect[data-series="self"]')).map((r) => r.getAttribute("height"));
  expect(heights).toEqual(["10", "82", "24", "6", "0", "6"]);
});

test("the 执行率 chart: forms per band, then those with no rate; the same rows as the HTML report's table", () => {
  show(zh, zh.files);
  const chart = screen.getByRole("img", { name: "执行率分布（表数）" }).closest("figure")!;
  const rows = dataRows(chart);
  expect(rows).toEqual([
    ["执行率", "表数"],
    ["0%–60%", "3"],
    ["60%–80%", "1"],
    ["80%–90%", "3"],
    ["90%–100%", "4"],
    ["100% 及以上", "7"],
    ["无执行率", "2"],
  ]);
  // Counted again from the forms' 执行率 (a fraction), band by band.
  const rates = zh.files.flatMap((f) =>
    f.forms.map((x) => (x.funds?.rate === undefined ? undefined : Number(x.funds.rate))),
  );
  const inBand = (lo: number, hi = Infinity) => rates.filter((r) => r !== undefined && r >= lo && r < hi).length;
  expect([inBand(0, 0.6), inBand(0.6, 0.8), inBand(0.8, 0.9), inBand(0.9, 1), inBand(1)]).toEqual([3, 1, 3, 4, 7]);
  expect(rates.filter((r) => r === undefined)).toHaveLength(2);
  // One source: the report's data table for the same run holds the same rows.
  const html = renderHtml(zh);
  const table = html.slice(
    html.indexOf('<figure id="rate-chart">'),
    html.indexOf("</figure>", html.indexOf('id="rate-chart"')),
  );
  const reportRows = [...table.matchAll(/<tr><td>([^<]+)<\/td><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => [
    m[1],
    m[2],
  ]);
  expect(reportRows).toEqual(rows.slice(1));
  expect(bars(chart).map((b) => b.split(" ")[1])).toEqual(rows.slice(1).map((r) => r[1]));
});

test("the data tables open from the keyboard: each chart's disclosure is a focusable summary", () => {
  show(zh, zh.files);
  const toggles = screen.getAllByText("显示数据表");
  expect(toggles).toHaveLength(2);
  for (const s of toggles) {
    expect(s.tagName).toBe("SUMMARY");
    const details = s.closest("details")!;
    expect(details.open).toBe(false);
    s.focus();
    expect(document.activeElement).toBe(s);
    fireEvent.click(s);
    expect(details.open).toBe(true);
  }
});

test("the lists a reviewer reads first: counts in their titles; a listed form opens its findings", () => {
  const { onOpen } = show(zh, zh.files);
  const list = (id: string) => screen.getByTestId("summary").querySelector<HTMLElement>(`details[data-list="${id}"]`)!;
  expect(list("deviations").querySelector("summary")!.textContent).toBe("自评与复核相差 5 分及以上的表 (6)");
  expect(list("high-self-low-rate").querySelector("summary")!.textContent).toBe(
    "自评 95 分及以上而执行率低于 80% 的表 (0)",
  );
  expect(list("all-full").querySelector("summary")!.textContent).toBe("全部指标满分的表 (1)");
  // |偏差| ≥ 5 counted again from the forms.
  const far = zh.files
    .flatMap((f) => f.forms)
    .filter((f) => f.deviation !== undefined && Math.abs(Number(f.deviation)) >= 5);
  expect(far).toHaveLength(6);
  expect(within(list("deviations")).getAllByRole("button")).toHaveLength(6);
  const first = within(list("deviations")).getAllByRole("button")[0];
  fireEvent.click(first);
  expect(onOpen).toHaveBeenCalledTimes(1);
  const row = onOpen.mock.calls[0][0];
  expect(first.textContent).toBe(row.name);
  expect(row.deviation).toBeDefined();
  expect(Math.abs(Number(row.deviation))).toBeGreaterThanOrEqual(5);
});

test("while the batch runs: only the files answered so far are counted, and the panel says so", () => {
  // The first three files answered (the skipped and unreadable ones are known at once), the rest waiting.
  const entries = zh.files.map((f, i) => (i < 3 || f.status !== "checked" ? f : undefined));
  show(zh, entries, { running: { done: 3, total: 9 } });
  const answered = zh.files.filter((f, i) => i < 3 || f.status !== "checked");
  expect(counts()).toMatchObject({
    files: answered.length,
    checked: 3,
    unreadable: 1,
    skipped: 1,
    forms: answered.reduce((n, f) => n + f.forms.length, 0),
  });
  expect(screen.getByTestId("summary-running").textContent).toBe("检查中：已完成 3/9 个文件，以下数字随检查更新");
});

test("English: every label from the string table in en-US, the same figures", () => {
  show(en, en.files);
  expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Summary");
  const chart = screen.getByRole("img", { name: "Self and review grades (forms)" }).closest("figure")!;
  expect(dataRows(chart)[0]).toEqual(["Grade", "Self grade", "Review grade"]);
  expect(dataRows(chart)[5]).toEqual(["Unscored", "1", "0"]);
  expect(screen.getByRole("img", { name: "Spread of execution rates (forms)" })).toBeTruthy();
  expect(counts().forms).toBe(20);
  expect(screen.getAllByText("Show the data as a table")).toHaveLength(2);
});
