/**
 * Shared value types of the engine. Pure data: no Office, no DOM, no fs.
 *
 * Every number a rule touches is a decimal.js Decimal; binary floating point
 * never enters a rule.
 */
import type Decimal from "decimal.js";

/** A raw cell value as both Office.js and exceljs can give it (errors as their "#…" text). */
export type CellValue = string | number | boolean | null;

/** Comparison a target states: "≥90%" is ">=", "≤4小时" is "<=", "5000人" is "none". */
export type Operator = ">=" | "<=" | ">" | "<" | "=" | "none";

/** Achievement a qualitative actual text expresses ("显著" → met, "基本达成" → mostly, "部分达成" → partial). */
export type Achievement = "met" | "mostly" | "partial" | "unmet";

/** What a cell holds, read the way an accountant typed it. */
export type ParsedValue =
  | { kind: "blank" }
  /** "—", "-", "/", "无": a deliberate "not applicable". */
  | { kind: "dash"; text: string }
  | {
      kind: "number";
      op: Operator;
      /** Exact value; a percent is stored as its fraction ("≥90%" → 0.9). */
      value: Decimal;
      unit: string;
      percent: boolean;
      /** "700 余人次", "90%以上": the number is a bound or an approximation. */
      approx: boolean;
      /** Decimals as printed (for "100.00%" that is 2, of the percent figure). */
      printedDecimals: number;
      text: string;
    }
  | { kind: "text"; text: string; achievement?: Achievement }
  | { kind: "error"; text: string };

export type RoundingMode = "half-up" | "truncate";

export interface GradeBand {
  /** Lowest total (inclusive) for this grade. */
  min: number;
  grade: string;
  /** English label. */
  en: string;
}

/**
 * A locality's scoring rules, as data. Never scatter these as constants: every rule
 * takes a Policy.
 */
export interface Policy {
  name: string;
  label: { zh: string; en: string };
  /** Source of the policy (regulation or form). */
  source: string;
  /**
   * Points per part of the form: the budget block, and the level-1 groups where the policy sets
   * them (财预〔2020〕10号: 10 / 50 / 30 / 10). `indicators`: the indicators' whole share where a
   * template states it without a split (a budget block of 20 with 80 for the indicators).
   */
  weights: { budget: number; output?: number; effect?: number; satisfaction?: number; indicators?: number };
  /**
   * A "≤" (reverse) indicator whose actual is over its target:
   * - "inverse": 指标值/完成值 × 分值 (财预〔2020〕10号 practice, Beijing's form);
   * - "linear": over by x% loses x% of the weight, 0 at double the target.
   */
  reverse: "inverse" | "linear";
  /**
   * Cost indicators (二级指标 成本指标, target a control amount):
   * - "as-reverse": within the amount scores full, over it as `reverse`;
   * - "spend-ratio": 完成值/指标值 × 分值, capped at the weight (Baotou forms).
   */
  cost: "as-reverse" | "spend-ratio";
  rounding: { decimals: number; mode: RoundingMode };
  /** Highest band first. */
  grades: GradeBand[];
  /** Fractions of the weight: 达成 [0.8,1], 部分达成 [0.6,0.8), 未达成 [0,0.6). */
  qualitativeBands: { met: [number, number]; partial: [number, number]; unmet: [number, number] };
  /** 完成值 ≥ this × 指标值 wants a 偏差原因 (over-achievement). */
  overshootRatio: number;
  /** Rule packs the checks run (src/engine/checks/packs.ts), in order; none means ["core"]. */
  packs?: readonly string[];
  /** 执行率 (a fraction) below which the form must explain it (LOW_EXECUTION_NO_REASON); none: no such rule. */
  explainRateBelow?: number;
  /**
   * A province's cap on the total by 执行率 band: a rate below `below` (a fraction) caps the review
   * total at `max` points. Lowest band first or not, the lowest cap that applies wins (TOTAL_CAP).
   */
  totalCaps?: readonly { below: number; max: number }[];
}

/** A rule's answer: the value and a short human explanation. */
export interface RuleResult {
  /** Rounded by the policy's rounding (what a cell shows). */
  value: Decimal;
  /** Before rounding: stated figures are compared against this at their own printed precision. */
  exact: Decimal;
  /** zh-CN, e.g. "8 × 164/5000 = 0.2624 → 0.26" or "完成值 ≥ 指标值: 满分 15". */
  explain: string;
  /** en-US, e.g. "actual ≥ target: full marks 15". */
  explainEn: string;
}

/** How an indicator is scored. "auto" derives it from the target's operator and 二级指标. */
export type IndicatorKind = "auto" | "higher" | "lower" | "equal" | "cost" | "qualitative";
