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

  // The Excel adapter (src/excel): errors, progress steps, the findings sheet, the ribbon

  // Errors
  ERR_PROTECTED: {
    zh: "工作表“{sheet}”受保护，未做任何更改。请先在“审阅 > 撤销工作表保护”后重试。",
    en: 'Sheet "{sheet}" is protected; nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.',
  },
  ERR_ACCESS_DENIED: {
    zh: "Excel 拒绝了更改（工作表或工作簿受保护，或文件为只读），未做任何更改。",
    en: "Excel refused the change (the sheet or workbook is protected, or the file is read-only); nothing was changed.",
  },
  ERR_EDIT_MODE: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试；未做任何更改。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing and try again; nothing was changed.",
  },
  ERR_TOO_LARGE: {
    zh: "工作表“{sheet}”的数据量超出了 Excel 单次请求的上限，未做任何更改。请删除使用区域外多余的行列后重试。",
    en: 'Sheet "{sheet}" holds more data than Excel allows in one request; nothing was changed. Delete unused rows and columns beyond the form and try again.',
  },
  ERR_EXCEL: { zh: "Excel 返回错误（{code}）：{detail}", en: "Excel returned an error ({code}): {detail}" },
  ERR_ROLLED_BACK: {
    zh: "写入工作表时出错，已恢复原状：{detail}",
    en: "Writing to the sheet failed; the sheet was restored as it was: {detail}",
  },
  ERR_ROLLBACK_FAILED: {
    zh: "写入工作表时出错，且未能完全恢复（{detail}）。原始内容已保存，请点击“撤销”恢复。",
    en: "Writing to the sheet failed and could not be fully undone ({detail}). The original content is saved: click Revert to restore it.",
  },
  ERR_STALE_PREVIEW: {
    zh: "预览之后单元格 {cell} 已被修改，未写入任何内容。请重新预览。",
    en: "Cell {cell} changed after the preview; nothing was written. Preview again.",
  },
  ERR_CANCELLED: { zh: "已取消，未做任何更改。", en: "Cancelled; nothing was changed." },
  ERR_SHEET_NOT_FOUND: { zh: "找不到工作表“{sheet}”。", en: 'Sheet "{sheet}" was not found.' },
  ERR_BAD_CELL: { zh: "“{cell}”不是有效的单元格地址。", en: '"{cell}" is not a valid cell address.' },
  ERR_BAD_STORE: {
    zh: "工作簿中保存的复核数据（{key}）已损坏，已忽略：{detail}",
    en: "The check data saved in the workbook ({key}) is damaged and was ignored: {detail}",
  },
  ERR_NOTHING_TO_REVERT: { zh: "没有可撤销的更改。", en: "There is nothing to revert." },

  // Progress steps
  STEP_READ: { zh: "读取工作表", en: "Reading the sheet" },
  STEP_ANALYZE: { zh: "识别并复核自评表", en: "Detecting and checking the forms" },
  STEP_READ_CELLS: { zh: "读取待修改的单元格", en: "Reading the cells to change" },
  STEP_WRITE: { zh: "写入工作表", en: "Writing to the sheet" },
  STEP_ROLLBACK: { zh: "恢复原状", en: "Restoring the sheet" },
  STEP_DONE: { zh: "完成", en: "Done" },

  // Findings sheet (where notes are not supported)
  FINDINGS_SHEET: { zh: "复核结果", en: "复核结果" },
  FINDINGS_HEAD_SHEET: { zh: "工作表 / Sheet", en: "工作表 / Sheet" },
  FINDINGS_HEAD_CELL: { zh: "单元格 / Cell", en: "单元格 / Cell" },
  FINDINGS_HEAD_SEVERITY: { zh: "级别 / Severity", en: "级别 / Severity" },
  FINDINGS_HEAD_MESSAGE: { zh: "说明 / Message", en: "说明 / Message" },
  NOTES_UNSUPPORTED: {
    zh: "此版本的 Excel 不支持备注，问题已列在工作表“{sheet}”中。",
    en: 'This version of Excel has no notes API; the findings are listed on sheet "{sheet}".',
  },

  // Ribbon command summary
  VALIDATE_SUMMARY: {
    zh: "“{sheet}”复核完成：{forms} 张表，{error} 个错误，{warning} 个警告，{info} 个提示。",
    en: '"{sheet}" checked: {forms} form(s), {error} error(s), {warning} warning(s), {info} info.',
  },
  VALIDATE_NO_FORMS: {
    zh: "在工作表“{sheet}”中没有找到绩效自评表。",
    en: 'No performance self-evaluation form was found on sheet "{sheet}".',
  },
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
