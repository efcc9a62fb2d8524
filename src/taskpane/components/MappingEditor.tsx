/**
 * Field → column mapping of one project form: a Dropdown per field listing the form's columns
 * (letter and header text). Choosing a column highlights its header cell in the sheet; "Save
 * mapping" stores the sheet's mapping in the workbook. The form's layout issues are shown above.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  makeStyles,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { LayoutIssue, ProjectForm } from "../../engine/model";
import { colName } from "../../engine/address";
import type { Lang } from "../../i18n/strings";
import type { MappedField, MappingForm } from "../../layout/mapping";
import {
  changedFields,
  columnChoices,
  effectiveColumn,
  fieldSlots,
  headerCell,
  type ColumnChoice,
  type FieldSlot,
  type HeaderTexts,
  type MappingEdits,
} from "../model/mapping-edit";
import { tp, tpCount, type PaneKey } from "../strings";

const AUTO = "auto";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  issues: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: 0,
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalXS,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  dropdown: { minWidth: 0, width: "100%" },
  footer: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const ISSUE_INTENT: Record<LayoutIssue["kind"], MessageBarIntent> = {
  missing: "warning",
  ambiguous: "warning",
  "stale-mapping": "error",
  inferred: "info",
};

export interface MappingEditorProps {
  lang: Lang;
  form: ProjectForm;
  headers?: HeaderTexts;
  saved?: MappingForm[];
  edits?: MappingEdits;
  disabled?: boolean;
  onChange: (field: MappedField, col: number | null) => void;
  onShowCell: (cell: string) => void;
  onSave: () => void;
  onDiscard: () => void;
  /** Delete the sheet's saved mapping (offered when there is one). */
  onForget: () => void;
}

function choiceText(lang: Lang, c: ColumnChoice): string {
  return c.header
    ? tp(lang, "MAPPING_COLUMN", { col: c.letter, header: c.header.replace(/\s+/g, " ") })
    : tp(lang, "MAPPING_COLUMN_BLANK", { col: c.letter });
}

export function LayoutIssues({
  lang,
  issues,
  onShowCell,
}: {
  lang: Lang;
  issues: LayoutIssue[];
  onShowCell: (cell: string) => void;
}): JSX.Element | null {
  const styles = useStyles();
  if (issues.length === 0) return null;
  return (
    <section className={styles.issues} aria-label={tp(lang, "ISSUES_HEADING")}>
      {issues.map((issue, i) => (
        <MessageBar key={`${issue.field}-${i}`} intent={ISSUE_INTENT[issue.kind]} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{tp(lang, `ISSUE_${issue.kind}` as PaneKey)}</MessageBarTitle>
            {issue.message[lang]}
          </MessageBarBody>
          {issue.cell && (
            <MessageBarActions>
              <Button size="small" onClick={() => onShowCell(issue.cell!)}>
                {tp(lang, "ISSUE_SHOW", { cell: issue.cell })}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </section>
  );
}

function FieldPicker(props: {
  lang: Lang;
  slot: FieldSlot;
  choices: ColumnChoice[];
  edits?: MappingEdits;
  disabled?: boolean;
  onChange: (field: MappedField, col: number | null) => void;
  onShowCell: (cell: string) => void;
}): JSX.Element {
  const { lang, slot, choices, edits, disabled, onChange, onShowCell } = props;
  const styles = useStyles();
  const col = effectiveColumn(slot, edits);
  const current = col === undefined ? undefined : (choices.find((c) => c.col === col) ?? { col, letter: colName(col) });
  const value = current ? choiceText(lang, current) : tp(lang, "MAPPING_AUTO");
  const changed = col !== slot.detected;
  const detected =
    slot.detected === undefined
      ? tp(lang, "MAPPING_AUTO")
      : choiceText(
          lang,
          choices.find((c) => c.col === slot.detected) ?? { col: slot.detected, letter: colName(slot.detected) },
        );
  return (
    <Field
      label={tp(lang, `FIELD_${slot.field}` as PaneKey)}
      hint={changed ? <span className={styles.changed}>{tp(lang, "MAPPING_WAS", { was: detected })}</span> : undefined}
    >
      <Dropdown
        className={styles.dropdown}
        value={value}
        selectedOptions={[col === undefined ? AUTO : String(col)]}
        disabled={disabled}
        data-field={slot.field}
        onOptionSelect={(_, data) => {
          const v = data.optionValue;
          if (v === undefined) return;
          if (v === AUTO) {
            onChange(slot.field, null);
            return;
          }
          const c = Number(v);
          onChange(slot.field, c);
          onShowCell(headerCell(slot, c));
        }}
      >
        <Option value={AUTO} text={tp(lang, "MAPPING_AUTO")}>
          {tp(lang, "MAPPING_AUTO")}
        </Option>
        {choices.map((c) => (
          <Option key={c.col} value={String(c.col)} text={choiceText(lang, c)}>
            {choiceText(lang, c)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function MappingEditor(props: MappingEditorProps): JSX.Element {
  const { lang, form, headers, saved, edits, disabled, onChange, onShowCell, onSave, onDiscard, onForget } = props;
  const styles = useStyles();
  const slots = fieldSlots(form);
  const ind = slots.filter((s) => s.field.startsWith("ind."));
  const funds = slots.filter((s) => s.field.startsWith("funds."));
  const hr = form.indicatorHeaderRow ?? form.range.top;
  const indChoices = columnChoices(form, hr, headers, saved);
  const fundsChoices = form.funds ? columnChoices(form, form.funds.headerRow, headers, saved) : [];
  const changed = changedFields(form, edits);
  const picker = (slot: FieldSlot, choices: ColumnChoice[]) => (
    <FieldPicker
      key={slot.field}
      lang={lang}
      slot={slot}
      choices={choices}
      edits={edits}
      disabled={disabled}
      onChange={onChange}
      onShowCell={onShowCell}
    />
  );
  return (
    <div className={styles.root}>
      <Body1>{tp(lang, "MAPPING_INTRO")}</Body1>
      {saved && saved.length > 0 && (
        <div className={styles.footer}>
          <Badge appearance="tint" color="brand">
            {tp(lang, "MAPPING_STORED")}
          </Badge>
          <Button size="small" appearance="subtle" disabled={disabled} onClick={onForget}>
            {tp(lang, "MAPPING_FORGET")}
          </Button>
        </div>
      )}
      <LayoutIssues lang={lang} issues={form.issues} onShowCell={onShowCell} />
      <fieldset className={styles.section}>
        <legend className={styles.legend}>{tp(lang, "MAPPING_IND", { row: hr + 1 })}</legend>
        <div className={styles.grid}>{ind.map((s) => picker(s, indChoices))}</div>
      </fieldset>
      {form.funds && (
        <fieldset className={styles.section}>
          <legend className={styles.legend}>{tp(lang, "MAPPING_FUNDS", { row: form.funds.headerRow + 1 })}</legend>
          <div className={styles.grid}>{funds.map((s) => picker(s, fundsChoices))}</div>
        </fieldset>
      )}
      <div className={styles.footer}>
        <Button appearance="primary" disabled={disabled} onClick={onSave}>
          {tp(lang, "MAPPING_SAVE")}
        </Button>
        {changed.length > 0 && (
          <>
            <Button disabled={disabled} onClick={onDiscard}>
              {tp(lang, "MAPPING_DISCARD")}
            </Button>
            <Caption1>{tpCount(lang, "MAPPING_UNSAVED", changed.length)}</Caption1>
          </>
        )}
      </div>
    </div>
  );
}
