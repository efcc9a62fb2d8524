/**
 * A column mapping the user corrected once: which column holds which field, per form.
 * It serializes to a small JSON document that the add-in stores in the workbook and the
 * CLI reads from a file. A mapping that no longer fits the sheet is reported, not applied.
 * Pure.
 */
import type { FieldName, LayoutIssue, ProjectForm } from "../engine/model";
import { address, colName, Grid, parseAddress, parseRange, rangeAddress } from "./grid";
import { norm } from "./headers";
import { both } from "../i18n/strings";
import type { Params, StringKey } from "../i18n/strings";
import type { FundsColumn, IndicatorColumn } from "./headers";

export const MAPPING_VERSION = 1;

/** Columns a mapping may set: "ind.<column>" on the indicator header row, "funds.<column>" on the funds header. */
export type MappedField = `ind.${IndicatorColumn}` | `funds.${FundsColumn}`;

export interface MappedColumn {
  col: number;
  /** The header text seen when the mapping was saved; a different header now means stale. */
  header?: string;
}

export interface MappingForm {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Indicator header row (0-based). */
  headerRow: number;
  fundsHeaderRow?: number;
  fields: Partial<Record<MappedField, MappedColumn>>;
}

export interface SheetMapping {
  forms: MappingForm[];
}

/** The JSON document: 1-based rows and column letters, as a person reads a sheet. */
export interface MappingDoc {
  version: number;
  sheets: Record<
    string,
    {
      forms: {
        range: string;
        headerRow: number;
        fundsHeaderRow?: number;
        fields: Record<string, { col: string; header?: string }>;
      }[];
    }
  >;
}

export class MappingError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "MappingError";
  }
}

const FIELD_RE =
  /^(ind\.(level1|level2|level3|target|actual|weight|score|reason)|funds\.(initial|budget|executed|weight|rate|score))$/;

/** Excel's sheet limits: rows 1…1048576, columns A…XFD. */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** A column's letters ("J", "$J", "xfd") → 0-based index; null for anything else ("J1", "Sheet!J", "XFE"). */
function colIndex(letters: string): number | null {
  if (!/^\$?[A-Za-z]{1,3}$/.test(letters)) return null;
  const p = parseAddress(`${letters}1`);
  return p && p.col < MAX_COLS ? p.col : null;
}

/** "A1:I24" (or one cell) inside the sheet's limits → box; null for anything else. */
function rangeBox(a: string): ReturnType<typeof parseRange> {
  if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(a.trim())) return null;
  const box = parseRange(a.trim());
  return box && box.bottom < MAX_ROWS && box.right < MAX_COLS ? box : null;
}

const isRow = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_ROWS;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Validate and read a mapping document (JSON already parsed). Throws MappingError. */
export function parseMappingDoc(json: unknown): Map<string, SheetMapping> {
  const bad = (key: StringKey, params: Params = {}): never => {
    const m = both(key, params);
    const head = both("MAP_INVALID");
    throw new MappingError(`${head.zh}${m.zh}`, `${head.en}${m.en}`);
  };
  if (!json || typeof json !== "object") bad("MAP_NOT_OBJECT");
  const doc = json as Partial<MappingDoc>;
  if (doc.version !== MAPPING_VERSION) bad("MAP_VERSION", { version: MAPPING_VERSION });
  if (!doc.sheets || typeof doc.sheets !== "object") bad("MAP_NO_SHEETS");
  if (!isObject(doc.sheets)) bad("MAP_SHEETS_OBJECT");
  const out = new Map<string, SheetMapping>();
  for (const [sheet, sm] of Object.entries(doc.sheets as MappingDoc["sheets"])) {
    if (!sm || !Array.isArray(sm.forms)) bad("MAP_NO_FORMS", { sheet });
    const forms: MappingForm[] = sm.forms.map((f: unknown, i: number) => {
      const where = `${sheet} #${i + 1}`;
      if (!isObject(f)) return bad("MAP_FORM_OBJECT", { where });
      const box = typeof f.range === "string" ? rangeBox(f.range) : null;
      if (!box) return bad("MAP_RANGE", { where });
      if (!isRow(f.headerRow)) return bad("MAP_ROW", { where, name: "headerRow", max: MAX_ROWS });
      if (f.fundsHeaderRow !== undefined && !isRow(f.fundsHeaderRow)) {
        return bad("MAP_ROW", { where, name: "fundsHeaderRow", max: MAX_ROWS });
      }
      if (f.fields !== undefined && !isObject(f.fields)) return bad("MAP_FIELDS_OBJECT", { where });
      const fields: MappingForm["fields"] = {};
      for (const [k, v] of Object.entries((f.fields ?? {}) as Record<string, unknown>)) {
        if (!FIELD_RE.test(k)) bad("MAP_UNKNOWN_FIELD", { where, field: k });
        const spec = isObject(v) ? v : undefined;
        const col = spec && typeof spec.col === "string" ? colIndex(spec.col) : null;
        if (col === null) bad("MAP_BAD_COLUMN", { where, field: k, col: String(spec?.col) });
        if (spec?.header !== undefined && typeof spec.header !== "string") bad("MAP_HEADER_TEXT", { where, field: k });
        fields[k as MappedField] = { col: col as number, header: spec?.header as string | undefined };
      }
      return {
        ...box,
        headerRow: f.headerRow - 1,
        fundsHeaderRow: f.fundsHeaderRow === undefined ? undefined : (f.fundsHeaderRow as number) - 1,
        fields,
      };
    });
    out.set(sheet, { forms });
  }
  return out;
}

/** Serialize mappings back into the JSON document. */
export function toMappingDoc(sheets: Map<string, SheetMapping>): MappingDoc {
  const doc: MappingDoc = { version: MAPPING_VERSION, sheets: {} };
  for (const [sheet, sm] of sheets) {
    doc.sheets[sheet] = {
      forms: sm.forms.map((f) => {
        const fields: Record<string, { col: string; header?: string }> = {};
        for (const [k, v] of Object.entries(f.fields)) {
          if (v)
            fields[k] = v.header === undefined ? { col: colName(v.col) } : { col: colName(v.col), header: v.header };
        }
        return {
          range: rangeAddress(f),
          headerRow: f.headerRow + 1,
          ...(f.fundsHeaderRow === undefined ? {} : { fundsHeaderRow: f.fundsHeaderRow + 1 }),
          fields,
        };
      }),
    };
  }
  return doc;
}

/** The mapping that reproduces what detection (or the user) settled for a form. */
export function mappingFromForm(grid: Grid, form: ProjectForm): MappingForm {
  const fields: MappingForm["fields"] = {};
  const hr = form.indicatorHeaderRow ?? form.range.top;
  for (const [k, col] of Object.entries(form.columns)) {
    if (col === undefined) continue;
    fields[`ind.${k}` as MappedField] = { col, header: grid.text(hr, col) };
  }
  if (form.funds) {
    for (const [k, col] of Object.entries(form.funds.columns)) {
      if (col === undefined) continue;
      fields[`funds.${k}` as MappedField] = { col, header: grid.text(form.funds.headerRow, col) };
    }
  }
  return { ...form.range, headerRow: hr, fundsHeaderRow: form.funds?.headerRow, fields };
}

export interface Overrides {
  ind: Partial<Record<IndicatorColumn, number>>;
  funds: Partial<Record<FundsColumn, number>>;
  mapped: FieldName[];
  issues: LayoutIssue[];
}

/**
 * The columns a mapping sets for a form, checked against the sheet: a field whose header
 * changed since the mapping was saved is reported and left to detection.
 */
export function resolveOverrides(
  grid: Grid,
  mf: MappingForm,
  headerRow: number,
  fundsRow: number | undefined,
): Overrides {
  const out: Overrides = { ind: {}, funds: {}, mapped: [], issues: [] };
  for (const [k, v] of Object.entries(mf.fields) as [MappedField, MappedColumn][]) {
    const [part, name] = k.split(".") as ["ind" | "funds", string];
    const row = part === "ind" ? headerRow : fundsRow;
    if (row === undefined) {
      out.issues.push(stale(k, address(mf.top, v.col), "MAP_STALE_NO_FUNDS", {}));
      continue;
    }
    if (!grid.inside(row, v.col)) {
      // Nothing is there to read: applying it would point fields at cells off the sheet's used range.
      out.issues.push(stale(k, address(row, v.col), "MAP_STALE_OUTSIDE", { col: colName(v.col) }));
      continue;
    }
    if (v.header !== undefined && norm(grid.text(row, v.col)) !== norm(v.header)) {
      out.issues.push(stale(k, address(row, v.col), "MAP_STALE_HEADER", { was: v.header, now: grid.text(row, v.col) }));
      continue;
    }
    if (part === "ind") out.ind[name as IndicatorColumn] = v.col;
    else out.funds[name as FundsColumn] = v.col;
    out.mapped.push(k as FieldName);
  }
  return out;
}

function stale(field: string, cell: string, key: StringKey, params: Params): LayoutIssue {
  const why = both(key, params);
  return {
    field,
    kind: "stale-mapping",
    cell,
    message: {
      zh: both("MAP_STALE", { field, why: why.zh }).zh,
      en: both("MAP_STALE", { field, why: why.en }).en,
    },
  };
}
