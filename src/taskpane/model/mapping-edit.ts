/**
 * The mapping editor's model: which column each field is read from, the user's changes, and
 * the MappingForm documents that "Save mapping" stores (built as mappingFromForm builds them,
 * with the user's changes on top). Pure.
 */
import type { FormResult } from "../../engine/checks";
import type { ProjectForm } from "../../engine/model";
import { address, colName } from "../../engine/address";
import { FUNDS_ORDER } from "../../layout/headers";
import type { FundsColumn, IndicatorColumn } from "../../layout/headers";
import type { MappedColumn, MappedField, MappingForm } from "../../layout/mapping";

export const IND_FIELDS: readonly IndicatorColumn[] = [
  "level1",
  "level2",
  "level3",
  "target",
  "actual",
  "weight",
  "score",
  "reason",
];
export const FUNDS_FIELDS: readonly FundsColumn[] = FUNDS_ORDER;

/**
 * Shown header texts by 0-based sheet row, each an array indexed by 0-based sheet column.
 * Supplied by the port (SheetAnalysis.headerTexts) for every form's indicator and funds header rows.
 */
export type HeaderTexts = Record<number, (string | undefined)[]>;

/** A field's new column, or null: not mapped (detection decides). */
export type MappingEdits = Partial<Record<MappedField, number | null>>;

/** A stable key for a form across re-analysis: its header row (or top-left when it has none). */
export function formKey(form: {
  range: { top: number; left: number };
  kind: string;
  indicatorHeaderRow?: number;
}): string {
  const hr = form.kind === "project" ? form.indicatorHeaderRow : undefined;
  return hr !== undefined ? `h${hr}` : `${form.kind}:${form.range.top}:${form.range.left}`;
}

/** A project form whose mapping can be edited: it has an indicator header (not a stale placeholder). */
export function isMappable(form: FormResult["form"]): form is ProjectForm {
  return form.kind === "project" && form.indicatorHeaderRow !== undefined;
}

export interface FieldSlot {
  field: MappedField;
  /** Sheet row of the header this field's column is named on. */
  headerRow: number;
  /** The column detection (or the stored mapping) settled, if any. */
  detected?: number;
}

/** The fields of a form's mapping, indicators first, then the funds block's. */
export function fieldSlots(form: ProjectForm): FieldSlot[] {
  const hr = form.indicatorHeaderRow ?? form.range.top;
  const slots: FieldSlot[] = IND_FIELDS.map((k) => ({
    field: `ind.${k}` as MappedField,
    headerRow: hr,
    detected: form.columns[k],
  }));
  if (form.funds) {
    const fr = form.funds.headerRow;
    for (const k of FUNDS_FIELDS)
      slots.push({ field: `funds.${k}` as MappedField, headerRow: fr, detected: form.funds.columns[k] });
  }
  return slots;
}

/** The column a field has once the user's edits apply (undefined: not mapped). */
export function effectiveColumn(slot: FieldSlot, edits: MappingEdits | undefined): number | undefined {
  const e = edits?.[slot.field];
  if (e === undefined) return slot.detected;
  return e === null ? undefined : e;
}

/** Edits that actually change something. */
export function changedFields(form: ProjectForm, edits: MappingEdits | undefined): MappedField[] {
  if (!edits) return [];
  return fieldSlots(form)
    .filter((s) => s.field in edits && effectiveColumn(s, edits) !== s.detected)
    .map((s) => s.field);
}

/**
 * A header's text when known: from the port's header texts, else from a saved mapping that
 * recorded this very column on this very row.
 */
export function headerTextAt(
  headers: HeaderTexts | undefined,
  saved: MappingForm[] | undefined,
  row: number,
  col: number,
): string | undefined {
  const rowTexts = headers?.[row];
  if (rowTexts && col < rowTexts.length) {
    // A hole in the row is a blank cell.
    const v = rowTexts[col];
    return typeof v === "string" ? v.trim() : "";
  }
  for (const mf of saved ?? []) {
    for (const [k, v] of Object.entries(mf.fields) as [MappedField, MappedColumn][]) {
      const r = k.startsWith("ind.") ? mf.headerRow : mf.fundsHeaderRow;
      if (r === row && v.col === col && v.header !== undefined) return v.header;
    }
  }
  return undefined;
}

export interface ColumnChoice {
  col: number;
  letter: string;
  /** The header text on the field's header row, "" when blank, undefined when unknown. */
  header?: string;
}

/** The columns a field may be read from: every column of the form, with its text on the field's header row. */
export function columnChoices(
  form: ProjectForm,
  row: number,
  headers: HeaderTexts | undefined,
  saved: MappingForm[] | undefined,
): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  for (let c = form.range.left; c <= form.range.right; c++) {
    out.push({ col: c, letter: colName(c), header: headerTextAt(headers, saved, row, c) });
  }
  return out;
}

/** The MappingForm for one form: what detection settled (as mappingFromForm builds it) plus the edits. */
export function buildMappingForm(
  form: ProjectForm,
  edits: MappingEdits | undefined,
  headers: HeaderTexts | undefined,
  saved: MappingForm[] | undefined,
): MappingForm {
  const fields: MappingForm["fields"] = {};
  for (const slot of fieldSlots(form)) {
    const col = effectiveColumn(slot, edits);
    if (col === undefined) continue;
    const header = headerTextAt(headers, saved, slot.headerRow, col);
    fields[slot.field] = header === undefined ? { col } : { col, header };
  }
  const hr = form.indicatorHeaderRow ?? form.range.top;
  return { ...form.range, headerRow: hr, fundsHeaderRow: form.funds?.headerRow, fields };
}

/**
 * The sheet's mapping to save: every editable project form, edited or not, so that saving
 * pins what the user has seen. Stale placeholders of an old mapping are dropped (saving is
 * the user confirming the mapping again).
 */
export function buildSheetMapping(
  results: FormResult[],
  editsByForm: Record<string, MappingEdits>,
  headers: HeaderTexts | undefined,
  saved: MappingForm[] | undefined,
): MappingForm[] {
  return results
    .map((r) => r.form)
    .filter(isMappable)
    .map((f) => buildMappingForm(f, editsByForm[formKey(f)], headers, saved));
}

/** The header cell of a field's column: what the sheet highlights when a column is chosen. */
export function headerCell(slot: FieldSlot, col: number): string {
  return address(slot.headerRow, col);
}
