/**
 * The shapes of checking: findings, per-form results, and the contract every check module
 * fulfils (src/engine/checks/*.ts, one module per finding code, modelled on ESLint's rules:
 * meta + a function that reports).
 */
import type { Bilingual, StringKey } from "../../i18n/strings";
import type { FormModel } from "../model";
import type { IndicatorScore } from "../rules";
import type { Policy } from "../types";
import type { Evaluation } from "./evaluate";

export type FindingCode =
  | "SCORE_EXCEEDS_WEIGHT"
  | "TOTAL_MISMATCH"
  | "WEIGHT_SUM"
  | "EXECRATE_MISMATCH"
  | "BUDGET_SCORE_MISMATCH"
  | "INDICATOR_SCORE_MISMATCH"
  | "QUALITATIVE_BAND"
  | "MISSING_ACTUAL"
  | "MISSING_REASON"
  | "FUNDS_BREAKDOWN"
  | "OVER_EXECUTION"
  | "MISSING_TOTAL"
  | "GRADE_MISMATCH"
  | "UNREADABLE_VALUE"
  | "FORMULA_NOT_CALCULATED"
  | "TOTAL_NOT_NUMBER"
  // The review pack (review-quality rules and the policy's regional data)
  | "QUANTITY_TARGET_NO_FIGURE"
  | "COST_TARGET_LOWER_BOUND"
  | "VAGUE_EFFECT_TARGET"
  | "SATISFACTION_NOT_PERCENT"
  | "DUPLICATE_INDICATOR"
  | "FULL_MARKS_NO_REASON"
  | "LOW_EXECUTION_NO_REASON"
  | "WEIGHT_PLAN"
  | "TOTAL_CAP";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell at fault. */
  cell: string;
  /** 0-based sheet row and column of that cell. */
  row: number;
  col: number;
  message: Bilingual;
  /** The figure the rule expects, as text (a number, a percent, a grade). */
  expected?: string;
  /** The figure the form states, as text. */
  found?: string;
}

/** One indicator row's figures. Numbers are exact decimal strings. */
export interface IndicatorResult {
  row: number;
  /** The 得分 cell, when the form has a score column. */
  cell?: string;
  level1: string;
  level2: string;
  level3: string;
  target?: string;
  actual?: string;
  weight?: string;
  /** The unit's score (自评得分) as displayed. */
  stated?: string;
  /** The rule's score, rounded by the policy (quantitative rows). */
  computed?: string;
  /** The exact (unrounded) rule value. */
  exact?: string;
  /**
   * 复核得分: the score a reviewer gives under the policy. Quantitative: the rule's score;
   * qualitative: the stated score inside its band, else clamped into it; a row the rules
   * cannot score keeps its stated score (capped at the weight).
   */
  review?: string;
  status: IndicatorScore["status"] | "no-weight";
  kind?: string;
  /** Qualitative rows: allowed score range. */
  range?: [string, string];
  /** How the rule's figure is reached. */
  explain?: Bilingual;
  /** How the review score is reached. */
  reviewExplain?: Bilingual;
}

/** The funds block's figures. Numbers are exact decimal strings; rates are fractions. */
export interface FundsResult {
  budget?: string;
  executed?: string;
  rate?: string;
  /** The budget-execution score under the policy (also its review score). */
  score?: string;
  statedRate?: string;
  statedScore?: string;
  /** The budget block's weight: stated on the form, else the policy's. */
  weight?: string;
  explainRate?: Bilingual;
  explainScore?: Bilingual;
}

export interface FormResult {
  form: FormModel;
  funds?: FundsResult;
  /** false when the unit filled in no score at all (no indicator, budget or total score): 未评分. */
  scored: boolean;
  total: {
    /** The total the form states (总分 cell). */
    stated?: string;
    /** The sum of the scores the form states (budget score included). */
    computed?: string;
    /** 复核总分: the sum of the review scores. */
    review?: string;
  };
  grade: {
    /** The grade cell's text. */
    stated?: string;
    /** The grade of `total.computed` (the stated scores' sum). */
    computed?: string;
    /** The grade of `total.review`. */
    review?: string;
  };
  /**
   * 自评总分, the unit's own total: the stated 总分, else the sum of the stated scores (`from` says
   * which), with its grade under the policy. Absent on an unscored form (未评分).
   */
  self?: { total: string; grade: string; from: "stated" | "sum" };
  /** 偏差 = 自评总分 − 复核总分 (self.total − total.review); absent on an unscored form. */
  deviation?: string;
  indicators: IndicatorResult[];
  findings: Finding[];
  /** The policy and rule packs the form was checked under. */
  policy: string;
  packs: string[];
}

/** What a check module declares about itself. */
export interface CheckMeta {
  code: FindingCode;
  severity: Severity;
  /** Short name of the check (reports, `perf-check --rules`). */
  title: StringKey;
  /** Where the rule comes from: regulation, template note, or public practice. */
  source: StringKey;
  /** What the unit should do about a finding. */
  fix: StringKey;
  /** The message keys the check reports with. */
  messages: readonly StringKey[];
  /** Which forms it applies to. */
  forms: readonly FormModel["kind"][];
}

/** A cell a finding points at. */
export interface At {
  row: number;
  col: number;
  cell: string;
}

export interface CheckContext {
  form: FormModel;
  evaluation: Evaluation;
  policy: Policy;
  /**
   * Report a finding at a cell, its message from the string table (Bilingual params are filled per
   * language), with the figure expected and the one found.
   */
  report(
    at: At,
    message: StringKey,
    params?: import("../../i18n/strings").Params,
    expected?: string,
    found?: string,
  ): void;
}

export interface Check {
  meta: CheckMeta;
  run(ctx: CheckContext): void;
}
