/**
 * Findings grouped by form, then by severity (errors first), with counts in the headings.
 * Every finding is a button: clicking it, or Enter / Space on it, selects its cell. Arrow keys
 * move between findings.
 */
import {
  Body1,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import type { Finding, FormResult, Severity } from "../../engine/checks";
import { t, type Lang } from "../../i18n/strings";
import { countsText, tp } from "../strings";
import { formCounts, formName } from "./FormList";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  formHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  sevHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: "none",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    width: "100%",
    textAlign: "start",
    cursor: "pointer",
    fontFamily: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
    },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: "3.2em",
    textAlign: "center",
  },
  text: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  values: { color: tokens.colorNeutralForeground3 },
});

export function findingId(f: Finding, index: number): string {
  return `${f.sheet}!${f.cell}#${f.code}#${index}`;
}

export interface FindingsListProps {
  lang: Lang;
  results: FormResult[];
  activeId?: string;
  onSelect: (finding: Finding, id: string) => void;
}

export function FindingsList({ lang, results, activeId, onSelect }: FindingsListProps): JSX.Element {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const withFindings = results.map((r, i) => ({ r, i })).filter(({ r }) => r.findings.length > 0);
  if (withFindings.length === 0) {
    return <Body1>{tp(lang, "FINDINGS_NONE")}</Body1>;
  }
  return (
    <div className={styles.root} {...arrows}>
      <Caption1>{tp(lang, "FINDINGS_HINT")}</Caption1>
      {withFindings.map(({ r, i }) => {
        const name = formName(r.form, lang);
        const headingId = `findings-form-${i}`;
        return (
          <section key={i} className={styles.form} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.formHeading}>
              {tp(lang, "FINDINGS_FORM", { name, counts: countsText(lang, formCounts(r)) })}
            </h3>
            {SEVERITIES.map((sev) => {
              const list = r.findings.map((f, k) => ({ f, id: findingId(f, k) })).filter(({ f }) => f.severity === sev);
              if (list.length === 0) return null;
              const sevId = `${headingId}-${sev}`;
              return (
                <div key={sev} role="group" aria-labelledby={sevId}>
                  <h4 id={sevId} className={styles.sevHeading}>
                    {tp(lang, "FINDINGS_SEVERITY", { severity: t(lang, `SEV_${sev}`), n: list.length })}
                  </h4>
                  <ul className={styles.list}>
                    {list.map(({ f, id }) => (
                      <li key={id}>
                        <button
                          type="button"
                          className={mergeClasses(styles.item, styles[sev], activeId === id && styles.active)}
                          data-code={f.code}
                          data-cell={f.cell}
                          aria-current={activeId === id ? "true" : undefined}
                          onClick={() => onSelect(f, id)}
                          onKeyDown={(e) => {
                            // Enter selects at once (and only once: no synthesized click follows).
                            if (e.key === "Enter") {
                              e.preventDefault();
                              onSelect(f, id);
                            }
                          }}
                        >
                          <span className={styles.cell}>{f.cell}</span>
                          <span className={styles.text}>
                            <Text>{f.message[lang]}</Text>
                            {(f.expected !== undefined || f.found !== undefined) && (
                              <Caption1 className={styles.values}>
                                {[
                                  f.expected !== undefined
                                    ? tp(lang, "FINDING_EXPECTED", { value: f.expected })
                                    : undefined,
                                  f.found !== undefined ? tp(lang, "FINDING_FOUND", { value: f.found }) : undefined,
                                ]
                                  .filter(Boolean)
                                  .join(" · ")}
                              </Caption1>
                            )}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
