/**
 * The batch summary above the table of forms, as the HTML report gives it and from the same
 * counts (src/report summarize, src/report/charts.ts): files by what became of them, forms by kind,
 * findings by severity; the two charts (self against review grades, the spread of 执行率) with their
 * data tables; the forms a reviewer looks at first (|偏差| ≥ 5, a high self score with a low 执行率,
 * every indicator at full marks), each opening its findings. While a batch runs it counts the files
 * answered so far and says so; when the batch has finished it is the report's summary.
 */
import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang, type StringKey } from "../../i18n/strings";
import { DEVIATION_LIMIT, HIGH_SELF, LOW_RATE, type FormRef } from "../../report/summary";
import { summaryCharts, type RateLayout } from "../../report/charts";
import { percent } from "../../report/format";
import type { FormRow } from "../model/rows";
import { rowKey, summaryCounts, type PageSummary } from "../model/summary";
import { SummaryChart } from "./SummaryChart";
import { useSummaryStyles } from "./summary-styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  headline: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  counts: {
    margin: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  count: {
    minWidth: "84px",
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  danger: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  charts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
  },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  lists: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  name: { fontSize: "inherit", textAlign: "start" },
  list: { marginLeft: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalS },
});

export interface SummaryPanelProps {
  lang: Lang;
  summary: PageSummary;
  /** Files answered so far and in the batch, while a batch runs; undefined once it has finished. */
  running?: { done: number; total: number };
  /** The table's rows, by key: what a listed form opens. */
  forms: ReadonlyMap<string, FormRow>;
  onOpen: (row: FormRow) => void;
}

/** Wider 执行率 bars than the report's, so that the English band labels do not run together. */
const RATE_LAYOUT: RateLayout = { band: 80, gap: 8 };

/** The columns of a list of forms: the report's (src/report/html.ts formList). */
const LIST_COLUMNS: { label: StringKey; numeric?: boolean }[] = [
  { label: "REPORT_name" },
  { label: "REPORT_file" },
  { label: "REPORT_self", numeric: true },
  { label: "REPORT_review", numeric: true },
  { label: "REPORT_deviation", numeric: true },
  { label: "REPORT_rate", numeric: true },
];

/** One of the report's lists of forms, closed by default, its count in its title. */
function FormList(props: {
  lang: Lang;
  id: string;
  title: string;
  refs: FormRef[];
  summary: PageSummary;
  forms: ReadonlyMap<string, FormRow>;
  onOpen: (row: FormRow) => void;
}) {
  const s = useStyles();
  const shared = useSummaryStyles();
  const { lang, refs } = props;
  return (
    <details data-list={props.id}>
      <summary className={shared.disclosure}>
        {props.title} ({refs.length})
      </summary>
      {refs.length === 0 ? (
        <Text className={s.note}>{t(lang, "REPORT_none")}</Text>
      ) : (
        <table className={`${shared.table} ${s.list}`}>
          <thead>
            <tr>
              {LIST_COLUMNS.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
                  {t(lang, c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {refs.map((r) => {
              const key = rowKey(props.summary, r);
              const row = props.forms.get(key);
              const name = r.name ?? r.range;
              return (
                <tr key={key} data-key={key}>
                  <th scope="row">
                    {row ? (
                      <Link
                        as="button"
                        className={s.name}
                        onClick={() => props.onOpen(row)}
                        aria-label={t(lang, "WEB_SUMMARY_OPEN", { name })}
                      >
                        {name}
                      </Link>
                    ) : (
                      name
                    )}
                  </th>
                  <td>
                    {row?.file} {r.sheet}!{r.range}
                  </td>
                  <td className="num">{r.self ?? ""}</td>
                  <td className="num">{r.review ?? ""}</td>
                  <td className="num">{r.deviation ?? ""}</td>
                  <td className="num">{percent(r.rate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}

export function SummaryPanel({ lang, summary, running, forms, onOpen }: SummaryPanelProps) {
  const s = useStyles();
  const b = summary.summary;
  const list = { lang, summary, forms, onOpen };
  return (
    <section aria-labelledby="summary-heading" className={s.root} data-testid="summary">
      <div className={s.headline}>
        <h2 id="summary-heading" className={s.heading}>
          {t(lang, "WEB_SUMMARY")}
        </h2>
        {running && (
          <Badge appearance="tint" color="informative" data-testid="summary-running">
            {t(lang, "WEB_SUMMARY_RUNNING", running)}
          </Badge>
        )}
      </div>
      <dl className={s.counts} aria-label={t(lang, "WEB_SUMMARY_COUNTS")}>
        {summaryCounts(b).map((c) => (
          <div key={c.key} className={s.count} data-count={c.key}>
            <dt className={s.label}>{t(lang, c.label)}</dt>
            <dd className={`${s.value} ${c.tone && c.n > 0 ? s[c.tone] : ""}`}>{c.n}</dd>
          </div>
        ))}
      </dl>
      <div className={s.charts}>
        {summaryCharts(b, lang, RATE_LAYOUT).map((c) => (
          <SummaryChart key={c.id} lang={lang} chart={c} />
        ))}
      </div>
      <Text className={s.note}>{t(lang, "REPORT_selfNote")}</Text>
      <div className={s.lists}>
        <FormList
          {...list}
          id="deviations"
          title={t(lang, "REPORT_deviations", { n: DEVIATION_LIMIT })}
          refs={b.deviations}
        />
        <FormList
          {...list}
          id="high-self-low-rate"
          title={t(lang, "REPORT_highSelfLowRate", { self: HIGH_SELF, rate: LOW_RATE * 100 })}
          refs={b.highSelfLowRate}
        />
        <FormList {...list} id="all-full" title={t(lang, "REPORT_allFull")} refs={b.allFullMarks} />
      </div>
    </section>
  );
}
