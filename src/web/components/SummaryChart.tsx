/**
 * One of the batch summary's charts (src/report/charts.ts: self against review grades, the spread
 * of 执行率), drawn as React SVG elements from the same shapes the HTML report serializes — no
 * markup from strings. The SVG is an image named by the caption; its data table (the same counts)
 * is the text alternative, behind a disclosure that the keyboard reaches.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { t, type Lang } from "../../i18n/strings";
import { CHART_FILL, type BarChart, type ChartShape } from "../../report/charts";
import { useSummaryStyles } from "./summary-styles";

const useStyles = makeStyles({
  root: {
    margin: 0,
    flex: "1 1 320px",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  svg: { maxWidth: "100%", height: "auto", display: "block" },
  text: { fontSize: "10px", fill: tokens.colorNeutralForeground1 },
  details: { fontSize: tokens.fontSizeBase200 },
  link: { color: tokens.colorBrandForegroundLink },
});

/** Drawn larger than the report's A4 print (its 10px labels), down to the column's width. */
const SCALE = 1.2;

function Shape({ shape, textClass }: { shape: ChartShape; textClass: string }) {
  if (shape.kind === "rect")
    return (
      <rect
        x={shape.x}
        y={shape.y}
        width={shape.width}
        height={shape.height}
        fill={CHART_FILL[shape.series]}
        data-series={shape.series}
      />
    );
  return (
    <text x={shape.x} y={shape.y} textAnchor={shape.middle ? "middle" : undefined} className={textClass}>
      {shape.text}
    </text>
  );
}

export function SummaryChart({ lang, chart }: { lang: Lang; chart: BarChart }) {
  const s = useStyles();
  const shared = useSummaryStyles();
  const captionId = useId();
  return (
    <figure className={s.root} data-chart={chart.id}>
      <figcaption id={captionId} className={s.caption}>
        {chart.caption}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={captionId}
        className={s.svg}
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        width={chart.width * SCALE}
        height={chart.height * SCALE}
      >
        {chart.groups.map((g, i) => (
          <g key={i}>
            {g.map((shape, j) => (
              <Shape key={j} shape={shape} textClass={s.text} />
            ))}
          </g>
        ))}
      </svg>
      <details className={s.details}>
        <summary className={`${shared.disclosure} ${s.link}`}>{t(lang, "WEB_SUMMARY_DATA")}</summary>
        <table className={shared.table} aria-labelledby={captionId}>
          <thead>
            <tr>
              {chart.head.map((h, i) => (
                <th key={i} scope="col" className={i > 0 ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.counts.map((n, i) => (
                  <td key={i} className="num">
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
