/** The sheet actions: the scoring policy, Validate, Refresh, Clear flags, Revert, and Write formulas with its style. */
import {
  Button,
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { FormulaStyle } from "../../excel/port";
import type { Lang } from "../../i18n/strings";
import { tp } from "../strings";
import { useCardStyles } from "./pane-styles";

const useStyles = makeStyles({
  buttons: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(132px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  write: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  writeRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  policy: { width: "100%", minWidth: 0 },
});

export interface ActionsCardProps {
  lang: Lang;
  disabled: boolean;
  policy: { policy: string; label: string; options: { name: string; label: string }[] };
  canRevert: boolean;
  style: FormulaStyle;
  /** false: the host runs no PERF functions (WPS before 12.1.0.20540): only native formulas. */
  perfFunctions?: boolean;
  onStyle: (s: FormulaStyle) => void;
  onPolicy: (name: string) => void;
  onValidate: () => void;
  onRefresh: () => void;
  onClear: () => void;
  onRevert: () => void;
  onWrite: () => void;
}

export function ActionsCard(p: ActionsCardProps): JSX.Element {
  const styles = useStyles();
  const card = useCardStyles();
  const { lang, disabled } = p;
  return (
    <section className={mergeClasses(card.card)} aria-labelledby="actions-heading">
      <h2 id="actions-heading" className={card.h2}>
        {tp(lang, "ACTIONS_LABEL")}
      </h2>
      <Field label={tp(lang, "POLICY_LABEL")}>
        <Dropdown
          className={styles.policy}
          value={p.policy.label}
          selectedOptions={[p.policy.policy]}
          disabled={disabled}
          onOptionSelect={(_, d) => d.optionValue && p.onPolicy(d.optionValue)}
        >
          {p.policy.options.map((o) => (
            <Option key={o.name} value={o.name} text={o.label}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={p.onValidate}
          title={tp(lang, "ACTION_VALIDATE_HINT")}
        >
          {tp(lang, "ACTION_VALIDATE")}
        </Button>
        <Button disabled={disabled} onClick={p.onRefresh} title={tp(lang, "ACTION_REFRESH_HINT")}>
          {tp(lang, "ACTION_REFRESH")}
        </Button>
        <Button disabled={disabled} onClick={p.onClear} title={tp(lang, "ACTION_CLEAR_HINT")}>
          {tp(lang, "ACTION_CLEAR")}
        </Button>
        <Button
          disabled={disabled || !p.canRevert}
          onClick={p.onRevert}
          title={p.canRevert ? tp(lang, "ACTION_REVERT_HINT") : tp(lang, "ACTION_REVERT_NONE")}
        >
          {tp(lang, "ACTION_REVERT")}
        </Button>
      </div>
      <div className={styles.write}>
        <Field
          label={tp(lang, "FORMULA_STYLE")}
          hint={tp(lang, p.perfFunctions === false ? "STYLE_PERF_MISSING" : "STYLE_HINT")}
        >
          <RadioGroup
            layout="horizontal"
            value={p.style}
            disabled={disabled}
            onChange={(_, d) => p.onStyle(d.value as FormulaStyle)}
          >
            <Radio value="perf" label={tp(lang, "STYLE_PERF")} disabled={p.perfFunctions === false} />
            <Radio value="native" label={tp(lang, "STYLE_NATIVE")} />
          </RadioGroup>
        </Field>
        <div className={styles.writeRow}>
          <Button disabled={disabled} onClick={p.onWrite} title={tp(lang, "ACTION_WRITE_HINT")}>
            {tp(lang, "ACTION_WRITE")}
          </Button>
        </div>
      </div>
    </section>
  );
}
