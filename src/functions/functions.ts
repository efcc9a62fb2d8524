/*
 * PERF.* Excel custom functions: thin wrappers over src/engine/perf.ts.
 * The namespace (PERF) comes from the manifest; custom-functions-metadata-plugin reads the
 * JSDoc below and generates functions.json and the CustomFunctions.associate calls.
 *
 * Ids are what a saved workbook stores for a function ("The id is used as the invariant identifier
 * for the custom function stored in the document. It should not change": custom-functions-metadata
 * specification), so they never change; a name may. PERF.VALUE was renamed PERF.NUMBER (Excel has
 * a built-in VALUE, and the custom-functions naming guidance says not to reuse built-in names)
 * under its old id, VALUE, so cells saved with it keep working.
 *
 * The scores and the grade depend on the workbook's policy: with no policy argument they wait
 * until it is known (src/excel/workbook-policy.ts) and answer with it; the rates depend on none.
 */
import * as perf from "../engine/perf";
import { t } from "../i18n/strings";
import { displayLang } from "../excel/display-language";
import { workbookPolicy } from "../excel/workbook-policy";

const ERROR_CODES = {
  na: "#N/A",
  value: "#VALUE!",
} as const satisfies Record<perf.PerfError["error"], `${CustomFunctions.ErrorCode}`>;

function unwrap<T>(r: T | perf.PerfError): T {
  if (perf.isPerfError(r))
    throw new CustomFunctions.Error(ERROR_CODES[r.error] as CustomFunctions.ErrorCode, r.message);
  return r;
}

function given(x: unknown): boolean {
  return x !== null && x !== undefined && !(typeof x === "string" && x.trim() === "");
}

/** `fn` once the workbook's policy is known (an explicit policy argument needs no wait). */
async function withPolicy<T>(policy: unknown, fn: () => T | perf.PerfError): Promise<T> {
  if (!given(policy)) {
    try {
      await workbookPolicy();
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new CustomFunctions.Error(
        ERROR_CODES.na as CustomFunctions.ErrorCode,
        `${t("zh", "PERF_POLICY_UNREAD", { detail })} / ${t("en", "PERF_POLICY_UNREAD", { detail })}`,
      );
    }
  }
  return unwrap(fn());
}

/**
 * 执行率 = 全年执行数/全年预算数。Execution rate = executed / budget.
 * @customfunction EXECRATE
 * @param {any} budget 全年预算数 / full-year budget
 * @param {any} executed 全年执行数 / full-year executed amount
 * @returns {number} 执行率（小数，未舍入）/ execution rate as a fraction, unrounded
 */
export function execRate(budget: any, executed: any): number {
  return unwrap(perf.execRate(budget, executed));
}

/**
 * 预算执行率得分 = 执行率 × 分值，不超过分值，按评分规则舍入。Budget execution score = rate × weight, capped at the weight, rounded by the policy.
 * @customfunction EXECSCORE
 * @param {any} budget 全年预算数 / full-year budget
 * @param {any} executed 全年执行数 / full-year executed amount
 * @param {any} [weight] 分值，默认为评分规则的预算执行率分值 / weight, default the policy's budget weight
 * @param {string} [policy] 评分规则，默认为工作簿的规则 / scoring policy, default the workbook's
 * @returns {Promise<number>} 得分 / score
 */
export async function execScore(budget: any, executed: any, weight?: any, policy?: string): Promise<number> {
  return withPolicy(policy, () => perf.execScore(budget, executed, weight, policy));
}

/**
 * 指标得分：达成得满分，未达成按 完成值/指标值 × 分值；定性指标给出其档次的得分区间。Indicator score: full when met, otherwise actual/target × weight; a qualitative indicator gives its band's score range.
 * @customfunction SCORE
 * @param {any} target 年度指标值，如“≥90%” / target, e.g. "≥90%"
 * @param {any} actual 实际完成值 / actual value
 * @param {any} weight 分值 / weight
 * @param {string} [kind] 指标类型：auto、higher、lower、equal、cost、qualitative / indicator kind
 * @param {string} [policy] 评分规则，默认为工作簿的规则 / scoring policy, default the workbook's
 * @returns {Promise<any>} 得分，或定性指标的得分区间（如“定性 12–15”）/ score, or a qualitative indicator's range ("qualitative 12–15")
 */
export async function score(target: any, actual: any, weight: any, kind?: string, policy?: string): Promise<any> {
  return withPolicy(policy, () => perf.score(target, actual, weight, kind, policy, displayLang()));
}

/**
 * 精确求和（忽略“—”、文字和空白）。Exact sum of scores, ignoring dashes, text and blanks.
 * @customfunction TOTAL
 * @param {any[][][]} ranges 得分区域 / score ranges
 * @returns {number} 合计 / total
 */
export function total(ranges: any[][][]): number {
  return perf.total(...ranges);
}

/**
 * 评价等级，按评分规则的等级档次。Grade of a total score, by the policy's grade bands.
 * @customfunction GRADE
 * @param {any} totalScore 总分（0 至满分）/ total score (0 to full marks)
 * @param {string} [policy] 评分规则，默认为工作簿的规则 / scoring policy, default the workbook's
 * @returns {Promise<string>} 等级，如“优” / grade, e.g. "优"
 */
export async function grade(totalScore: any, policy?: string): Promise<string> {
  return withPolicy(policy, () => perf.grade(totalScore, policy));
}

/**
 * 读出文字中的数值（百分数取小数）。The number in a text such as "≥90%" (a percent as its fraction).
 * @customfunction VALUE NUMBER
 * @param {any} text 单元格内容 / cell content
 * @returns {number} 数值 / number
 */
export function numberIn(text: any): number {
  return unwrap(perf.numberIn(text));
}

/**
 * 说明得分的计算过程。Explains how an indicator's score is reached.
 * @customfunction EXPLAIN
 * @param {any} target 年度指标值 / target
 * @param {any} actual 实际完成值 / actual value
 * @param {any} weight 分值 / weight
 * @param {string} [kind] 指标类型 / indicator kind
 * @param {string} [policy] 评分规则，默认为工作簿的规则 / scoring policy, default the workbook's
 * @returns {Promise<string>} 计算说明 / explanation
 */
export async function explain(target: any, actual: any, weight: any, kind?: string, policy?: string): Promise<string> {
  return withPolicy(policy, () => perf.explain(target, actual, weight, kind, policy, displayLang()));
}

/**
 * 结转结余率 = 结转结余/调整后预算。Carry-over rate = carry-over / adjusted budget.
 * @customfunction CARRYOVERRATE
 * @param {any} carryover 结转结余 / carry-over and balance
 * @param {any} budget 调整后预算 / adjusted budget
 * @returns {number} 结转结余率 / carry-over rate
 */
export function carryoverRate(carryover: any, budget: any): number {
  return unwrap(perf.carryoverRate(carryover, budget));
}

/**
 * 预决算差异率 = (实际支出 − 年初预算)/年初预算。Budget variance = (actual − initial budget) / initial budget.
 * @customfunction BUDGETVARIANCE
 * @param {any} actual 实际支出 / actual spending
 * @param {any} initialBudget 年初预算 / initial budget
 * @returns {number} 预决算差异率 / budget variance
 */
export function budgetVariance(actual: any, initialBudget: any): number {
  return unwrap(perf.budgetVariance(actual, initialBudget));
}

/**
 * 固定资产利用率 = 实际在用固定资产/固定资产原值。Fixed-asset use = assets in use / total fixed assets.
 * @customfunction ASSETUSE
 * @param {any} inUse 实际在用固定资产（不超过原值）/ fixed assets in use (at most the total)
 * @param {any} totalAssets 固定资产原值 / total fixed assets
 * @returns {number} 固定资产利用率 / fixed-asset use rate
 */
export function assetUse(inUse: any, totalAssets: any): number {
  return unwrap(perf.assetUse(inUse, totalAssets));
}
