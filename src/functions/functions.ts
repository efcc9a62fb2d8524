/*
 * PERF.* Excel custom functions: thin wrappers over src/engine/perf.ts.
 * The namespace (PERF) comes from the manifest; custom-functions-metadata-plugin reads the
 * JSDoc below and generates functions.json and the CustomFunctions.associate calls.
 */
import * as perf from "../engine/perf";

function unwrap<T>(r: T | perf.PerfError): T {
  if (perf.isPerfError(r)) {
    const code = r.error === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    throw new CustomFunctions.Error(code, r.message);
  }
  return r;
}

/**
 * 执行率 = 全年执行数/全年预算数。Execution rate = executed / budget.
 * @customfunction EXECRATE
 * @param {any} budget 全年预算数 / full-year budget
 * @param {any} executed 全年执行数 / full-year executed amount
 * @param {string} [policy] 评分规则：national、linear、spend-ratio / scoring policy name
 * @returns {number} 执行率（小数，未舍入）/ execution rate as a fraction, unrounded
 */
export function execRate(budget: any, executed: any, policy?: string): number {
  return unwrap(perf.execRate(budget, executed, policy));
}

/**
 * 预算执行率得分 = 执行率 × 分值，不超过分值。Budget execution score = rate × weight, capped at the weight.
 * @customfunction EXECSCORE
 * @param {any} budget 全年预算数 / full-year budget
 * @param {any} executed 全年执行数 / full-year executed amount
 * @param {any} [weight] 分值，默认 10 / weight, default 10
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {number} 得分 / score
 */
export function execScore(budget: any, executed: any, weight?: any, policy?: string): number {
  return unwrap(perf.execScore(budget, executed, weight, policy));
}

/**
 * 指标得分：达成得满分，未达成按 完成值/指标值 × 分值。Indicator score: full when met, otherwise actual/target × weight.
 * @customfunction SCORE
 * @param {any} target 年度指标值，如“≥90%” / target, e.g. "≥90%"
 * @param {any} actual 实际完成值 / actual value
 * @param {any} weight 分值 / weight
 * @param {string} [kind] 指标类型：auto、higher、lower、equal、cost、qualitative / indicator kind
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {number} 得分 / score
 */
export function score(target: any, actual: any, weight: any, kind?: string, policy?: string): number {
  return unwrap(perf.score(target, actual, weight, kind, policy));
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
 * 评价等级：优 ≥90，良 ≥80，中 ≥60，差 <60。Grade of a total score.
 * @customfunction GRADE
 * @param {any} totalScore 总分 / total score
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {string} 优、良、中或差 / grade
 */
export function grade(totalScore: any, policy?: string): string {
  return unwrap(perf.grade(totalScore, policy));
}

/**
 * 读出文字中的数值（百分数取小数）。The number in a text such as "≥90%" (a percent as its fraction).
 * @customfunction VALUE
 * @param {any} text 单元格内容 / cell content
 * @returns {number} 数值 / number
 */
export function value(text: any): number {
  return unwrap(perf.value(text));
}

/**
 * 说明得分的计算过程。Explains how an indicator's score is reached.
 * @customfunction EXPLAIN
 * @param {any} target 年度指标值 / target
 * @param {any} actual 实际完成值 / actual value
 * @param {any} weight 分值 / weight
 * @param {string} [kind] 指标类型 / indicator kind
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {string} 计算说明 / explanation
 */
export function explain(target: any, actual: any, weight: any, kind?: string, policy?: string): string {
  return unwrap(perf.explain(target, actual, weight, kind, policy));
}

/**
 * 结转结余率 = 结转结余/调整后预算。Carry-over rate = carry-over / adjusted budget.
 * @customfunction CARRYOVERRATE
 * @param {any} carryover 结转结余 / carry-over and balance
 * @param {any} budget 调整后预算 / adjusted budget
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {number} 结转结余率 / carry-over rate
 */
export function carryoverRate(carryover: any, budget: any, policy?: string): number {
  return unwrap(perf.carryoverRate(carryover, budget, policy));
}

/**
 * 预决算差异率 = (实际支出 − 年初预算)/年初预算。Budget variance = (actual − initial budget) / initial budget.
 * @customfunction BUDGETVARIANCE
 * @param {any} actual 实际支出 / actual spending
 * @param {any} initialBudget 年初预算 / initial budget
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {number} 预决算差异率 / budget variance
 */
export function budgetVariance(actual: any, initialBudget: any, policy?: string): number {
  return unwrap(perf.budgetVariance(actual, initialBudget, policy));
}

/**
 * 固定资产利用率 = 实际在用固定资产/固定资产原值。Fixed-asset use = assets in use / total fixed assets.
 * @customfunction ASSETUSE
 * @param {any} inUse 实际在用固定资产 / fixed assets in use
 * @param {any} totalAssets 固定资产原值 / total fixed assets
 * @param {string} [policy] 评分规则 / scoring policy name
 * @returns {number} 固定资产利用率 / fixed-asset use rate
 */
export function assetUse(inUse: any, totalAssets: any, policy?: string): number {
  return unwrap(perf.assetUse(inUse, totalAssets, policy));
}
