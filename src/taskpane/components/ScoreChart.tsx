/**
 * A small bar chart of one form: per level-1 indicator, the stated score against the weight.
 * Plain SVG with text labels; the same figures as a table for screen readers and for anyone
 * who prefers numbers ("Show as a table").
 */
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { FormResult } from "../../engine/checks";
import type { Lang } from "../../i18n/strings";
import { chartBars, chartTotal } from "../model/chart-data";
import { tp } from "../strings";
import { formName } from "./FormList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  svg: { width: "100%", height: "auto", display: "block", color: tokens.colorNeutralForeground1, overflow: "visible" },
  legend: {
    display: "flex",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    borderRadius: "2px",
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "-1px",
  },
  total: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  details: { fontSize: tokens.fontSizeBase200 },
  summary: {
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    marginTop: tokens.spacingVerticalXS,
    "& th, & td": {
      textAlign: "start",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    "& td.num, & th.num": { textAlign: "end", fontVariantNumeric: "tabular-nums" },
    "& tfoot td, & tfoot th": { fontWeight: tokens.fontWeightSemibold },
  },
});

const WIDTH = 300;
const ROW = 38;
const BAR_Y = 20;
const BAR_H = 12;

export interface ScoreChartProps {
  lang: Lang;
  result: FormResult;
}

function pct(score: number, weight: number): string {
  return weight > 0 ? `${Math.round((score / weight) * 1000) / 10}%` : "—";
}

export function ScoreChart({ lang, result }: ScoreChartProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId();
  const bars = chartBars(result, lang);
  const name = formName(result.form, lang);
  if (bars.length === 0) return <Body1>{tp(lang, "CHART_NONE")}</Body1>;
  const max = Math.max(...bars.map((b) => Math.max(b.weight, b.score)), 1);
  const total = chartTotal(bars);
  const scale = (v: number) => (Math.max(0, v) / max) * WIDTH;
  const height = bars.length * ROW;
  return (
    <figure className={styles.root} aria-labelledby={titleId}>
      <figcaption id={titleId} className={styles.caption}>
        {tp(lang, "CHART_TITLE", { name })}
      </figcaption>
      <div className={styles.legend} aria-hidden="true">
        <span>
          <span className={styles.swatch} style={{ backgroundColor: tokens.colorBrandBackground }} />
          {tp(lang, "CHART_LEGEND_SCORE")}
        </span>
        <span>
          <span className={styles.swatch} style={{ backgroundColor: tokens.colorNeutralBackground5 }} />
          {tp(lang, "CHART_LEGEND_WEIGHT")}
        </span>
      </div>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        data-testid="score-chart"
      >
        {bars.map((b, i) => {
          const y = i * ROW;
          const over = b.score > b.weight;
          const label = tp(lang, "CHART_BAR", { label: b.label, score: b.scoreText, weight: b.weightText });
          return (
            <g key={b.key}>
              <title>{label}</title>
              <text x={0} y={y + 14} fontSize={12} fill="currentColor">
                {b.label}
              </text>
              <text x={WIDTH} y={y + 14} fontSize={12} fill="currentColor" textAnchor="end" fontWeight={600}>
                {tp(lang, "CHART_VALUE", { score: b.scoreText, weight: b.weightText })}
              </text>
              <rect
                x={0}
                y={y + BAR_Y}
                width={scale(b.weight)}
                height={BAR_H}
                rx={3}
                style={{ fill: tokens.colorNeutralBackground5 }}
              />
              <rect
                x={0}
                y={y + BAR_Y}
                width={scale(b.score)}
                height={BAR_H}
                rx={3}
                style={{ fill: over ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground }}
              />
            </g>
          );
        })}
      </svg>
      <div className={styles.total}>
        {tp(lang, "CHART_TOTAL", { score: total.scoreText, weight: total.weightText })}
      </div>
      <details className={styles.details}>
        <summary className={styles.summary}>{tp(lang, "CHART_TABLE")}</summary>
        <table className={styles.table}>
          <caption className={styles.visuallyHidden}>{tp(lang, "CHART_TITLE", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{tp(lang, "CHART_COL_NAME")}</th>
              <th scope="col" className="num">
                {tp(lang, "CHART_COL_SCORE")}
              </th>
              <th scope="col" className="num">
                {tp(lang, "CHART_COL_WEIGHT")}
              </th>
              <th scope="col" className="num">
                {tp(lang, "CHART_COL_SHARE")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="num">{b.scoreText}</td>
                <td className="num">{b.weightText}</td>
                <td className="num">{pct(b.score, b.weight)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{tp(lang, "CHART_TOTAL_ROW")}</th>
              <td className="num">{total.scoreText}</td>
              <td className="num">{total.weightText}</td>
              <td className="num">{pct(Number(total.scoreText), Number(total.weightText))}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
