/**
 * The batch summary's two charts, laid out once for every place that draws them: the HTML report
 * (src/report/html.ts serializes a chart to SVG text, escaped) and the web checker's page
 * (src/web/components/SummaryCharts.tsx renders the same shapes as React elements, no innerHTML).
 *
 * - Self against review grades: per grade of the policy (then 未评分), the forms under it by their
 *   self grade and by their review grade, as two bars side by side.
 * - The spread of 执行率: the forms per band of RATE_BANDS, then the forms without a rate.
 *
 * Each chart carries its data table (the same counts as the bars), which is its text alternative.
 * Coordinates are SVG user units (px at scale 1); bar heights are the count's share of the
 * tallest bar, 100 units for the tallest. Pure: counts in, shapes and text out.
 */
import { t, type Lang } from "../i18n/strings";
import { bandLabel, gradeLabel } from "./format";
import type { BatchSummary } from "./summary";

/** What a bar stands for: its fill (CHART_FILL) and its class in the HTML report. */
export type ChartSeries = "self" | "review" | "band";

/** The bars' fills, shared by the report's CSS and the page. */
export const CHART_FILL: Readonly<Record<ChartSeries, string>> = {
  self: "#7a9cc6",
  review: "#2b7a4b",
  band: "#8c6bb1",
};

/** One shape: a bar, or a text (a count above its bar, a label below, a legend entry). */
export type ChartShape =
  | { kind: "rect"; series: ChartSeries; x: number; y: number; width: number; height: number }
  | { kind: "text"; x: number; y: number; middle: boolean; text: string };

export interface BarChart {
  /** The element id in the HTML report. */
  id: "grades-chart" | "rate-chart";
  /** The caption, also the SVG's accessible name. */
  caption: string;
  width: number;
  height: number;
  /** Groups of shapes in drawing order (the legend first where there is one). */
  groups: ChartShape[][];
  /** The data table: its column headings, then per row a label and its counts. */
  head: string[];
  rows: { label: string; counts: number[] }[];
}

const rect = (series: ChartSeries, x: number, y: number, width: number, height: number): ChartShape => ({
  kind: "rect",
  series,
  x,
  y,
  width,
  height,
});

const text = (x: number, y: number, s: string, middle = true): ChartShape => ({ kind: "text", x, y, middle, text: s });

/** A bar standing on `base` for `n` of `max` (100 units for max), with its count above it. */
function bar(series: ChartSeries, n: number, max: number, x: number, width: number, base: number): ChartShape[] {
  const height = Math.round((n / max) * 100);
  return [rect(series, x, base - height, width, height), text(x + width / 2, base - height - 3, String(n))];
}

/** Grouped bars: per grade, the forms under it by self and by review grade, with a legend. */
export function gradesChart(s: BatchSummary, lang: Lang): BarChart {
  const max = Math.max(1, ...s.grades.flatMap((g) => [g.self, g.review]));
  const bw = 22;
  const gap = 18;
  const base = 134;
  const selfName = t(lang, "REPORT_selfGrade");
  const reviewName = t(lang, "REPORT_reviewGrade");
  const legend = [
    rect("self", 10, 4, 10, 10),
    text(24, 13, selfName, false),
    rect("review", 110, 4, 10, 10),
    text(124, 13, reviewName, false),
  ];
  const groups = s.grades.map((g, i) => {
    const x = 10 + i * (2 * bw + gap);
    return [
      ...bar("self", g.self, max, x, bw, base),
      ...bar("review", g.review, max, x + bw, bw, base),
      text(x + bw, base + 14, gradeLabel(g.grade, lang)),
    ];
  });
  const width = Math.max(20 + s.grades.length * (2 * bw + gap), 230);
  const caption = t(lang, "REPORT_gradesChart");
  return {
    id: "grades-chart",
    caption,
    width,
    height: 162,
    groups: [legend, ...groups],
    head: [t(lang, "REPORT_grade"), selfName, reviewName],
    rows: s.grades.map((g) => ({ label: gradeLabel(g.grade, lang), counts: [g.self, g.review] })),
  };
}

/** The 执行率 chart's bars: their width and the gap between them, in SVG units. */
export interface RateLayout {
  band: number;
  gap: number;
}

/**
 * The HTML report's bars, as it has always printed them. Narrow for the English band labels
 * ("100% and above" runs into its neighbours); the page, with room to spare, passes wider ones.
 */
export const REPORT_RATE_LAYOUT: RateLayout = { band: 50, gap: 6 };

/** Bars per 执行率 band, then the forms with no rate. */
export function rateChart(s: BatchSummary, lang: Lang, layout: RateLayout = REPORT_RATE_LAYOUT): BarChart {
  const bars = [
    ...s.rates.map((b) => ({ label: bandLabel(b, lang), n: b.count })),
    { label: t(lang, "REPORT_noRate"), n: s.noRate },
  ];
  const max = Math.max(1, ...bars.map((b) => b.n));
  const { band: bw, gap } = layout;
  const base = 124;
  return {
    id: "rate-chart",
    caption: t(lang, "REPORT_rateChart"),
    width: 20 + bars.length * (bw + gap),
    height: 150,
    groups: bars.map((b, i) => {
      const x = 10 + i * (bw + gap);
      return [...bar("band", b.n, max, x, bw, base), text(x + bw / 2, base + 14, b.label)];
    }),
    head: [t(lang, "REPORT_rate"), t(lang, "REPORT_count")],
    rows: bars.map((b) => ({ label: b.label, counts: [b.n] })),
  };
}

/** Both charts of a summary, in the order the report and the page show them. */
export function summaryCharts(s: BatchSummary, lang: Lang, rateLayout?: RateLayout): BarChart[] {
  return [gradesChart(s, lang), rateChart(s, lang, rateLayout)];
}
