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
  /** The header band's last row (a band of one row: the header row). */
  headerRow: number;
  /** The header band's first row, when the band has more than one row. */
  headerTop?: number;
  columns: Partial<Record<"initial" | "budget" | "executed" | "weight" | "rate" | "score", number>>;
  total?: FundsRow;
  parts: FundsRow[];
  /**
   * The block's weight stated in a label, not in a 分值 cell: "预算执行情况(万元)(20分)" or the score
   * header "得分(20分*执行率)" → value "20" and the label's cell.
   */
  statedWeight?: { value: string; cell: string };
  /** "pairs": amounts written as label/value pairs on a row ("预算数 | 100 | 执行数 | 80"), no header row. */
  layout?: "columns" | "pairs";
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
  /** A target split over columns: its operator (指标性质 "≥", "≤", "=") and its unit (度量单位). */
  targetOp?: Field;
  unit?: Field;
  /** A system export's raw score (单项指标得分) beside the converted score (折算得分) in `score`. */
  rawScore?: Field;
}

/**
 * Indicator rows under one label left of the level columns that may state their weight:
 * "年度绩效目标(80分)", "绩效指标 (90)", "年度绩效目标1(40分)".
 */
export interface IndicatorSection {
  name: string;
  statedWeight?: string;
  labelCell: string;
  rows: number[];
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
  | "ind.targetOp"
  | "ind.unit"
  | "ind.rawScore"
  | "statedScore"
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
  /** The indicator header band's last row (where the columns are named; a one-row band: the header row). */
  indicatorHeaderRow?: number;
  /** Every header band of the indicator table, [first, last] row: more than one when a header repeats inside the form. */
  headerBands?: [number, number][];
  columns: Partial<
    Record<
      | "level1"
      | "level2"
      | "level3"
      | "target"
      | "actual"
      | "weight"
      | "score"
      | "reason"
      | "targetOp"
      | "unit"
      | "rawScore",
      number
    >
  >;
  /** "绩效指标 (90)": the stated sum of the indicator weights (one section over the whole table). */
  indicatorsStatedWeight?: { value: string; cell: string };
  /** Labelled blocks of indicator rows ("年度绩效目标1(40分)", "年度绩效目标2(40分)"), when the table has them. */
  sections?: IndicatorSection[];
  /**
   * Where the indicator weights are read: "column" (a 分值/权重 column) or "labels" (no such column;
   * the level-1 labels state them, "产出指标(60分)").
   */
  weightsFrom?: "column" | "labels";
  /** A self-score stated outside a total row (自评得分 98 in the head block or beside the title): value is the figure. */
  statedScore?: Field;
  /**
   * A copy cut off inside its indicator table (detection, layout/total.ts isCutOff): no 总分 row,
   * the indicator rows run to the sheet's last row with content and stop before the 满意度指标
   * group. Neither the total nor the weights' sum can be checked (MISSING_TOTAL and the sum
   * against 100 are not reported; a layout issue says why).
   */
  truncated?: boolean;
  indicators: IndicatorRow[];
  groups: Level1Group[];
  total?: TotalRow;
  issues: LayoutIssue[];
  /** Per field, 0..1. */
  confidence: Partial<Record<FieldName, number>>;
  /** On a hidden sheet and empty: an unused template (see isHiddenTemplate). */
  hiddenTemplate?: boolean;
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
  hiddenTemplate?: boolean;
}

export type FormModel = ProjectForm | ScoreTableForm;

/**
 * A form on a hidden sheet with nothing filled in (no amount, actual or score): an unused template.
 * Detection marks it; checks report nothing on it.
 */
export function isHiddenTemplate(form: FormModel): boolean {
  return form.hiddenTemplate === true;
}
