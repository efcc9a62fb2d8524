/**
 * FormModel: what layout detection found on a sheet, every field with its cell.
 * Rows and columns are 0-based sheet coordinates; `cell` is the A1 address.
 */
import type { CellValue } from "./types";

export interface CellPos {
  row: number;
  col: number;
}

export interface Field extends CellPos {
  /** A1 address, e.g. "H14". */
  cell: string;
  value: CellValue;
  formula?: string;
  numFmt?: string;
  /** 0..1: how sure detection is that this cell holds this field. */
  confidence: number;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A row of the funds block (年度资金总额, 其中:财政拨款, 上年结转资金, 其他资金). */
export interface FundsRow {
  row: number;
  label: string;
  /** true for the 其中 / breakdown rows. */
  part: boolean;
  initial?: Field;
  budget?: Field;
  executed?: Field;
  weight?: Field;
  rate?: Field;
  score?: Field;
}

export interface FundsBlock {
  headerRow: number;
  columns: Partial<Record<"initial" | "budget" | "executed" | "weight" | "rate" | "score", number>>;
  total?: FundsRow;
  parts: FundsRow[];
}

export interface IndicatorRow {
  row: number;
  level1: string;
  level2: string;
  level3: string;
  /** Where the level names were read (a merged master or an earlier row). */
  level1Cell?: string;
  level2Cell?: string;
  level3Cell?: string;
  target?: Field;
  actual?: Field;
  weight?: Field;
  score?: Field;
  reason?: Field;
}

/** A level-1 group of the indicator table ("产出指标 (50分)"). */
export interface Level1Group {
  name: string;
  /** Weight stated in the label, "(50分)" → "50". */
  statedWeight?: string;
  labelCell?: string;
  rows: number[];
  /** The level-1 name was inferred (blank cell under a recognisable 二级指标). */
  inferred?: boolean;
}

export type FieldName =
  | "name"
  | "funds.initial"
  | "funds.budget"
  | "funds.executed"
  | "funds.weight"
  | "funds.rate"
  | "funds.score"
  | "ind.level1"
  | "ind.level2"
  | "ind.level3"
  | "ind.target"
  | "ind.actual"
  | "ind.weight"
  | "ind.score"
  | "ind.reason"
  | "total.weight"
  | "total.score"
  | "total.grade";

export interface LayoutIssue {
  field: FieldName | string;
  kind: "missing" | "ambiguous" | "stale-mapping" | "inferred";
  message: { zh: string; en: string };
  cell?: string;
}

export interface TotalRow {
  row: number;
  labelCell: string;
  weight?: Field;
  score?: Field;
  grade?: Field;
}

export interface ProjectForm {
  kind: "project";
  sheet: string;
  range: RangeBox;
  name?: Field;
  funds?: FundsBlock;
  indicatorHeaderRow?: number;
  columns: Partial<
    Record<"level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason", number>
  >;
  /** "绩效指标 (90)": the stated sum of the indicator weights. */
  indicatorsStatedWeight?: { value: string; cell: string };
  indicators: IndicatorRow[];
  groups: Level1Group[];
  total?: TotalRow;
  issues: LayoutIssue[];
  /** Per field, 0..1. */
  confidence: Partial<Record<FieldName, number>>;
}

/** One level of a score-table row: its name and weight cells. */
export interface ScoreLevel {
  name: string;
  nameCell?: string;
  weight?: Field;
}

export interface ScoreTableRow {
  row: number;
  /** levels[0] is 一级 … levels[n-1] the leaf. */
  levels: ScoreLevel[];
  score?: Field;
}

export interface ScoreTableForm {
  kind: "score-table";
  sheet: string;
  range: RangeBox;
  name?: Field;
  depth: number;
  /** Per level: name column and weight column. */
  levelColumns: { name: number; weight?: number }[];
  scoreColumn: number;
  rows: ScoreTableRow[];
  total?: TotalRow & { levelWeights: Field[] };
  issues: LayoutIssue[];
  confidence: Partial<Record<string, number>>;
}

export type FormModel = ProjectForm | ScoreTableForm;
