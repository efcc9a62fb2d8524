/**
 * A column mapping the user corrected once: which column holds which field, per form.
 * It serializes to a small JSON document that the add-in stores in the workbook and the
 * CLI reads from a file. A mapping that no longer fits the sheet is reported, not applied.
 * Pure.
 */
import type { FieldName, LayoutIssue, ProjectForm } from "../engine/model";
import { address, colName, Grid, parseAddress, parseRange, rangeAddress } from "./grid";
import { norm } from "./headers";
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

const FIELD_RE = /^(ind\.(level1|level2|level3|target|actual|weight|score|reason)|funds\.(initial|budget|executed|weight|rate|score))$/;

function colIndex(letters: string): number | null {
  const p = parseAddress(`${letters}1`);
  return p ? p.col : null;
}

/** Validate and read a mapping document (JSON already parsed). Throws MappingError. */
export function parseMappingDoc(json: unknown): Map<string, SheetMapping> {
  const bad = (zh: string, en: string): never => {
    throw new MappingError(`映射文件无效：${zh}`, `Invalid mapping: ${en}`);
  };
  if (!json || typeof json !== "object") bad("不是 JSON 对象", "not a JSON object");
  const doc = json as Partial<MappingDoc>;
  if (doc.version !== MAPPING_VERSION) bad(`version 应为 ${MAPPING_VERSION}`, `version must be ${MAPPING_VERSION}`);
  if (!doc.sheets || typeof doc.sheets !== "object") bad("缺少 sheets", "missing sheets");
  const out = new Map<string, SheetMapping>();
  for (const [sheet, sm] of Object.entries(doc.sheets as MappingDoc["sheets"])) {
    if (!sm || !Array.isArray(sm.forms)) bad(`工作表“${sheet}”缺少 forms 数组`, `sheet "${sheet}" has no forms array`);
    const forms: MappingForm[] = sm.forms.map((f, i) => {
      const where = `${sheet} #${i + 1}`;
      const box = typeof f.range === "string" ? parseRange(f.range) : null;
      if (!box) bad(`${where} 的 range 不是单元格区域`, `${where}: range is not a cell range`);
      if (!Number.isInteger(f.headerRow) || f.headerRow < 1) bad(`${where} 的 headerRow 应为正整数`, `${where}: headerRow must be a positive integer`);
      if (f.fundsHeaderRow !== undefined && (!Number.isInteger(f.fundsHeaderRow) || f.fundsHeaderRow < 1)) {
        bad(`${where} 的 fundsHeaderRow 应为正整数`, `${where}: fundsHeaderRow must be a positive integer`);
      }
      const fields: MappingForm["fields"] = {};
      for (const [k, v] of Object.entries(f.fields ?? {})) {
        if (!FIELD_RE.test(k)) bad(`${where} 的字段“${k}”未知`, `${where}: unknown field "${k}"`);
        const col = v && typeof v.col === "string" ? colIndex(v.col) : null;
        if (col === null) bad(`${where} 字段 ${k} 的列“${String(v?.col)}”无效`, `${where}: field ${k} has an invalid column "${String(v?.col)}"`);
        fields[k as MappedField] = { col: col as number, header: typeof v.header === "string" ? v.header : undefined };
      }
      return {
        ...(box as NonNullable<typeof box>),
        headerRow: f.headerRow - 1,
        fundsHeaderRow: f.fundsHeaderRow === undefined ? undefined : f.fundsHeaderRow - 1,
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
          if (v) fields[k] = v.header === undefined ? { col: colName(v.col) } : { col: colName(v.col), header: v.header };
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
export function resolveOverrides(grid: Grid, mf: MappingForm, headerRow: number, fundsRow: number | undefined): Overrides {
  const out: Overrides = { ind: {}, funds: {}, mapped: [], issues: [] };
  for (const [k, v] of Object.entries(mf.fields) as [MappedField, MappedColumn][]) {
    const [part, name] = k.split(".") as ["ind" | "funds", string];
    const row = part === "ind" ? headerRow : fundsRow;
    if (row === undefined) {
      out.issues.push(stale(k, address(mf.top, v.col), "该表没有资金表头", "this form has no funds header"));
      continue;
    }
    if (v.header !== undefined && norm(grid.text(row, v.col)) !== norm(v.header)) {
      out.issues.push(
        stale(
          k,
          address(row, v.col),
          `保存时该列表头为“${v.header}”，现为“${grid.text(row, v.col)}”`,
          `the header was "${v.header}" when saved and is now "${grid.text(row, v.col)}"`,
        ),
      );
      continue;
    }
    if (part === "ind") out.ind[name as IndicatorColumn] = v.col;
    else out.funds[name as FundsColumn] = v.col;
    out.mapped.push(k as FieldName);
  }
  return out;
}

function stale(field: string, cell: string, zh: string, en: string): LayoutIssue {
  return {
    field,
    kind: "stale-mapping",
    cell,
    message: { zh: `映射字段 ${field} 未应用：${zh}（列可能已移动）`, en: `Mapped field ${field} not applied: ${en} (columns may have moved)` },
  };
}
