/**
 * The forms found on the active sheet: name, kind, range, the totals an accountant looks for
 * (自评得分, the form's own total and grade; 复核得分, the total and grade the rules give) and the
 * error / warning counts. A form that states no score at all says 未评分. One is selected
 * (aria-pressed); choosing one also selects its first cell in the sheet.
 */
import {
  Badge,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import type { FormResult } from "../../engine/checks";
import type { FormModel } from "../../engine/model";
import type { Lang } from "../../i18n/strings";
import { rangeAddress } from "../../layout/grid";
import { tp, tpCount } from "../strings";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    cursor: "pointer",
    fontFamily: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
    },
  },
  selected: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
  scores: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "baseline",
    marginTop: tokens.spacingVerticalXXS,
  },
  scoreLabel: { color: tokens.colorNeutralForeground3 },
  figure: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  grade: { marginLeft: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXXS,
  },
});

/** A form's display name: its 项目名称, else its kind. */
export function formName(form: FormModel, lang: Lang): string {
  const v = form.name?.value;
  const s = v === null || v === undefined ? "" : String(v).trim();
  return s || tp(lang, "FORM_UNNAMED");
}

export function formCounts(r: FormResult) {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) c[f.severity]++;
  return c;
}

/** What the card shows of a form's totals: the self-evaluated one (or 未评分) and the reviewed one, each with its grade. */
export function formScores(
  r: FormResult,
  lang: Lang,
): { self: string; selfGrade?: string; review: string; reviewGrade?: string } {
  const none = tp(lang, "FORM_NO_FIGURE");
  return {
    self: r.scored ? (r.total.stated ?? r.total.computed ?? none) : tp(lang, "FORM_UNSCORED"),
    selfGrade: r.scored ? (r.grade.stated ?? r.grade.computed) : undefined,
    review: r.total.review ?? none,
    reviewGrade: r.grade.review,
  };
}

function Scores({ lang, result }: { lang: Lang; result: FormResult }): JSX.Element {
  const styles = useStyles();
  const s = formScores(result, lang);
  const grade = (g?: string) =>
    g ? <span className={styles.grade}>{tp(lang, "FORM_GRADE", { grade: g })}</span> : null;
  return (
    <span className={styles.scores}>
      <Caption1 className={styles.scoreLabel}>{tp(lang, "FORM_SELF_SCORE")}</Caption1>
      <span>
        <Text className={styles.figure}>{s.self}</Text>
        {grade(s.selfGrade)}
      </span>
      <Caption1 className={styles.scoreLabel}>{tp(lang, "FORM_REVIEW_SCORE")}</Caption1>
      <span>
        <Text className={styles.figure}>{s.review}</Text>
        {grade(s.reviewGrade)}
      </span>
    </span>
  );
}

export interface FormListProps {
  lang: Lang;
  results: FormResult[];
  selected: number;
  onSelect: (index: number) => void;
}

export function FormList({ lang, results, selected, onSelect }: FormListProps): JSX.Element {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  return (
    <ul className={styles.list} {...arrows}>
      {results.map((r, i) => {
        const name = formName(r.form, lang);
        const range = rangeAddress(r.form.range);
        const c = formCounts(r);
        return (
          <li key={`${r.form.range.top}:${r.form.range.left}:${i}`}>
            <button
              type="button"
              className={mergeClasses(styles.item, i === selected && styles.selected)}
              aria-pressed={i === selected}
              onClick={() => onSelect(i)}
            >
              <Text className={styles.name}>{name}</Text>
              <Caption1 className={styles.meta}>
                {tp(lang, `KIND_${r.form.kind}`)} · {tp(lang, "FORM_RANGE", { range })}
              </Caption1>
              <Scores lang={lang} result={r} />
              <span className={styles.badges}>
                {c.error > 0 && (
                  <Badge appearance="filled" color="danger" size="small">
                    {tpCount(lang, "COUNT_ERRORS", c.error)}
                  </Badge>
                )}
                {c.warning > 0 && (
                  <Badge appearance="filled" color="warning" size="small">
                    {tpCount(lang, "COUNT_WARNINGS", c.warning)}
                  </Badge>
                )}
                {c.info > 0 && (
                  <Badge appearance="tint" color="informative" size="small">
                    {tpCount(lang, "COUNT_INFOS", c.info)}
                  </Badge>
                )}
                {c.error + c.warning + c.info === 0 && (
                  <Badge appearance="tint" color="success" size="small">
                    {tp(lang, "FORM_NO_ISSUES")}
                  </Badge>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
