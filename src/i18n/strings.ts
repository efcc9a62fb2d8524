/**
 * The one string table: every text a user reads, zh-CN first, en-US second.
 * Templates take {name} placeholders.
 */
export type Lang = "zh" | "en";

export interface Bilingual {
  zh: string;
  en: string;
}

export const STRINGS = {
  // Findings (src/engine/checks.ts)
  SCORE_EXCEEDS_WEIGHT: { zh: "得分 {found} 超过分值 {weight}", en: "Score {found} exceeds its weight {weight}" },
  TOTAL_MISMATCH: { zh: "总分 {found} ≠ 各项得分之和 {expected}", en: "Total {found} ≠ sum of the scores {expected}" },
  WEIGHT_SUM_TOTAL: { zh: "分值合计 {expected} ≠ 总分值 {found}", en: "Weights add up to {expected}, not the stated {found}" },
  WEIGHT_SUM_GROUP: { zh: "“{name}”标注 {found} 分，其下指标分值合计 {expected}", en: '"{name}" states {found} points; its indicators add up to {expected}' },
  WEIGHT_SUM_PARENT: { zh: "“{name}”分值 {found} ≠ 下级分值之和 {expected}", en: '"{name}" weight {found} ≠ sum of its sub-indicators {expected}' },
  WEIGHT_SUM_INDICATORS: { zh: "绩效指标标注 {found} 分，各指标分值合计 {expected}", en: "Indicators state {found} points; their weights add up to {expected}" },
  EXECRATE_MISMATCH: { zh: "执行率 {found} ≠ 执行数/预算数 {expected}（{explain}）", en: "Execution rate {found} ≠ executed/budget {expected} ({explain})" },
  BUDGET_SCORE_MISMATCH: { zh: "预算执行率得分 {found} ≠ {expected}（{explain}）", en: "Budget execution score {found} ≠ {expected} ({explain})" },
  INDICATOR_SCORE_MISMATCH: { zh: "得分 {found} ≠ 按规则计算的 {expected}（{explain}）", en: "Score {found} ≠ the rule's {expected} ({explain})" },
  QUALITATIVE_BAND: { zh: "定性指标“{achievement}”应得 {lo}–{hi} 分，填报 {found}", en: "Qualitative indicator ({achievement}) should score {lo}–{hi}; stated {found}" },
  MISSING_ACTUAL: { zh: "已评分 {found}，但实际完成值为空", en: "Scored {found} but 实际完成值 (actual) is blank" },
  MISSING_REASON_LOST: { zh: "扣分（{found}/{weight}）但未填写偏差原因", en: "Points lost ({found}/{weight}) with no 偏差原因 (reason)" },
  MISSING_REASON_OVER: { zh: "完成值超过指标值 {ratio}% 以上，未说明偏差原因", en: "Actual exceeds the target by {ratio}% or more with no 偏差原因 (reason)" },
  FUNDS_BREAKDOWN: { zh: "“其中”各项合计 {expected} ≠ 年度资金总额 {found}（{column}）", en: "The 其中 rows add up to {expected}, not the total {found} ({column})" },
  OVER_EXECUTION: { zh: "执行数 {found} 超过预算数 {expected}", en: "Executed {found} exceeds the budget {expected}" },
  MISSING_TOTAL: { zh: "表中没有“总分”行", en: "The form has no 总分 (total) row" },
  GRADE_MISMATCH: { zh: "等级“{found}”与总分 {total} 对应的“{expected}”不符", en: 'Grade "{found}" does not match "{expected}" for total {total}' },
  UNREADABLE_VALUE: { zh: "无法读取：{detail}", en: "Could not read: {detail}" },
  UNREADABLE_WEIGHT: { zh: "分值“{found}”不是数字", en: 'Weight "{found}" is not a number' },
  UNREADABLE_SCORE: { zh: "得分“{found}”不是数字", en: 'Score "{found}" is not a number' },
  UNREADABLE_RATE: { zh: "执行率“{found}”无法读取", en: 'Execution rate "{found}" cannot be read' },
  UNREADABLE_AMOUNT: { zh: "金额“{found}”不是数字", en: 'Amount "{found}" is not a number' },

  // Columns
  COL_initial: { zh: "年初预算数", en: "initial budget" },
  COL_budget: { zh: "全年预算数", en: "annual budget" },
  COL_executed: { zh: "全年执行数", en: "executed" },

  // Severity
  SEV_error: { zh: "错误", en: "Error" },
  SEV_warning: { zh: "警告", en: "Warning" },
  SEV_info: { zh: "提示", en: "Info" },

  // Review columns in annotated copies
  REVIEW_RATE: { zh: "复核执行率", en: "Checked rate" },
  REVIEW_SCORE: { zh: "复核得分", en: "Checked score" },
  REVIEW_TOTAL: { zh: "复核总分", en: "Checked total" },
  QUALITATIVE_RANGE: { zh: "定性 {lo}–{hi}", en: "qualitative {lo}–{hi}" },
} as const satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof STRINGS;

export type Params = Record<string, string | number | undefined>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? "" : String(v);
  });
}

/** One string in one language. */
export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  return fill(STRINGS[key][lang], params);
}

/** Both languages, for messages stored on findings. */
export function both(key: StringKey, params: Params = {}): Bilingual {
  return { zh: fill(STRINGS[key].zh, params), en: fill(STRINGS[key].en, params) };
}
