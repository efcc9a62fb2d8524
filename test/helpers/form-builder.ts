/**
 * FormModels built directly, for the check modules' own tests: a project form laid out in fixed
 * columns (A 一级, B 二级, C 三级, D 指标值, E 完成值, F 分值, G 得分, H 偏差原因; funds block:
 * C 年初预算数, D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分), so each check is tested on the
 * figures it reads, apart from layout detection. Test-only; pure.
 */
import type { CellValue } from "../../src/engine/types";
import type { Field, FundsRow, IndicatorRow, Level1Group, ProjectForm, ScoreTableForm } from "../../src/engine/model";
import { address } from "../../src/layout/grid";

export type Cell = CellValue | { value: CellValue; numFmt?: string; formula?: string };

function field(row: number, col: number, c: Cell | undefined): Field | undefined {
  if (c === undefined) return undefined;
  const d = c !== null && typeof c === "object" ? c : { value: c };
  return { row, col, cell: address(row, col), value: d.value, numFmt: d.numFmt, formula: d.formula, confidence: 1 };
}

export interface FundsSpec {
  initial?: Cell;
  budget?: Cell;
  executed?: Cell;
  weight?: Cell;
  rate?: Cell;
  score?: Cell;
}

export interface IndicatorSpec {
  l1?: string;
  l2?: string;
  l3?: string;
  target?: Cell;
  actual?: Cell;
  weight?: Cell;
  score?: Cell;
  reason?: Cell;
}

export interface ProjectSpec {
  funds?: FundsSpec & { parts?: (FundsSpec & { label?: string })[] };
  indicators: IndicatorSpec[];
  /** Stated weights of level-1 groups by name: { 产出指标: "50" }. */
  groupWeights?: Record<string, string>;
  total?: { weight?: Cell; score?: Cell; grade?: Cell } | null;
  indicatorsStatedWeight?: string;
  /** The copy ends inside its indicator rows (detection sets this; see ProjectForm.truncated). */
  truncated?: boolean;
}

const FUNDS_COL = { initial: 2, budget: 3, executed: 4, weight: 5, rate: 6, score: 7 } as const;
const IND_COL = { l1: 0, l2: 1, l3: 2, target: 3, actual: 4, weight: 5, score: 6, reason: 7 } as const;
/** Row (0-based) of the funds total row; parts follow. The indicator header is row 9; indicators from row 10. */
export const FUNDS_ROW = 2;
export const FIRST_INDICATOR_ROW = 10;

function fundsRow(row: number, s: FundsSpec, label: string, part: boolean): FundsRow {
  return {
    row,
    label,
    part,
    initial: field(row, FUNDS_COL.initial, s.initial),
    budget: field(row, FUNDS_COL.budget, s.budget),
    executed: field(row, FUNDS_COL.executed, s.executed),
    weight: field(row, FUNDS_COL.weight, s.weight),
    rate: field(row, FUNDS_COL.rate, s.rate),
    score: field(row, FUNDS_COL.score, s.score),
  };
}

/** A project form from a compact spec. Level names continue from the row above when omitted. */
export function projectForm(spec: ProjectSpec, sheet = "表"): ProjectForm {
  const indicators: IndicatorRow[] = [];
  const groups: Level1Group[] = [];
  let l1 = "产出指标";
  let l2 = "数量指标";
  spec.indicators.forEach((s, i) => {
    const row = FIRST_INDICATOR_ROW + i;
    if (s.l1 !== undefined) l1 = s.l1;
    if (s.l2 !== undefined) l2 = s.l2;
    let g = groups[groups.length - 1];
    if (!g || g.name !== l1) {
      g = { name: l1, statedWeight: spec.groupWeights?.[l1], labelCell: address(row, IND_COL.l1), rows: [] };
      groups.push(g);
    }
    g.rows.push(row);
    indicators.push({
      row,
      level1: l1,
      level2: l2,
      level3: s.l3 ?? `指标${i + 1}`,
      target: field(row, IND_COL.target, s.target),
      actual: field(row, IND_COL.actual, s.actual),
      weight: field(row, IND_COL.weight, s.weight),
      score: field(row, IND_COL.score, s.score),
      reason: field(row, IND_COL.reason, s.reason ?? null),
    });
  });
  const totalRow = FIRST_INDICATOR_ROW + spec.indicators.length;
  const t = spec.total === undefined ? {} : spec.total;
  const f = spec.funds;
  return {
    kind: "project",
    sheet,
    range: { top: 0, left: 0, right: 7, bottom: totalRow + 1 },
    name: field(0, 1, "测试项目"),
    funds: f
      ? {
          headerRow: FUNDS_ROW - 1,
          columns: { ...FUNDS_COL },
          total: fundsRow(FUNDS_ROW, f, "年度资金总额", false),
          parts: (f.parts ?? []).map((p, i) => fundsRow(FUNDS_ROW + 1 + i, p, p.label ?? "其中：财政拨款", true)),
        }
      : undefined,
    indicatorHeaderRow: FIRST_INDICATOR_ROW - 1,
    columns: { level1: 0, level2: 1, level3: 2, target: 3, actual: 4, weight: 5, score: 6, reason: 7 },
    ...(spec.truncated ? { truncated: true } : {}),
    indicatorsStatedWeight: spec.indicatorsStatedWeight
      ? { value: spec.indicatorsStatedWeight, cell: address(FIRST_INDICATOR_ROW - 1, 0) }
      : undefined,
    indicators,
    groups,
    total:
      t === null
        ? undefined
        : {
            row: totalRow,
            labelCell: address(totalRow, 0),
            weight: field(totalRow, IND_COL.weight, t.weight),
            score: field(totalRow, IND_COL.score, t.score),
            grade: field(totalRow + 1, 1, t.grade),
          },
    issues: [],
    confidence: {},
  };
}

/** A two-level score table: rows of [level-1 name, level-1 weight, level-2 name, level-2 weight, score]. */
export function scoreTable(
  rows: [string, Cell, string, Cell, Cell][],
  total?: { weights: [Cell, Cell]; score: Cell },
  sheet = "评分表",
): ScoreTableForm {
  const first = 2;
  const seen = new Map<string, Field | undefined>();
  const out = rows.map(([n1, w1, n2, w2, s], i) => {
    const row = first + i;
    if (!seen.has(n1)) seen.set(n1, field(row, 1, w1));
    return {
      row,
      levels: [
        { name: n1, nameCell: `L1:${n1}`, weight: seen.get(n1) },
        { name: n2, nameCell: address(row, 2), weight: field(row, 3, w2) },
      ],
      score: field(row, 4, s),
    };
  });
  const totalRow = first + rows.length;
  return {
    kind: "score-table",
    sheet,
    range: { top: 0, left: 0, right: 4, bottom: totalRow },
    depth: 2,
    levelColumns: [
      { name: 0, weight: 1 },
      { name: 2, weight: 3 },
    ],
    scoreColumn: 4,
    rows: out,
    total: total
      ? {
          row: totalRow,
          labelCell: address(totalRow, 0),
          score: field(totalRow, 4, total.score),
          levelWeights: [field(totalRow, 1, total.weights[0])!, field(totalRow, 3, total.weights[1])!],
          weight: field(totalRow, 1, total.weights[0]),
        }
      : undefined,
    issues: [],
    confidence: {},
  };
}
