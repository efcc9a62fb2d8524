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
  WEIGHT_SUM_TOTAL: {
    zh: "分值合计 {expected} ≠ 总分值 {found}",
    en: "Weights add up to {expected}, not the stated {found}",
  },
  WEIGHT_SUM_GROUP: {
    zh: "“{name}”标注 {found} 分，其下指标分值合计 {expected}",
    en: '"{name}" states {found} points; its indicators add up to {expected}',
  },
  WEIGHT_SUM_PARENT: {
    zh: "“{name}”分值 {found} ≠ 下级分值之和 {expected}",
    en: '"{name}" weight {found} ≠ sum of its sub-indicators {expected}',
  },
  WEIGHT_SUM_INDICATORS: {
    zh: "绩效指标标注 {found} 分，各指标分值合计 {expected}",
    en: "Indicators state {found} points; their weights add up to {expected}",
  },
  EXECRATE_MISMATCH: {
    zh: "执行率 {found} ≠ 执行数/预算数 {expected}（{explain}）",
    en: "Execution rate {found} ≠ executed/budget {expected} ({explain})",
  },
  BUDGET_SCORE_MISMATCH: {
    zh: "预算执行率得分 {found} ≠ {expected}（{explain}{atPrecision}）",
    en: "Budget execution score {found} ≠ {expected} ({explain}{atPrecision})",
  },
  INDICATOR_SCORE_MISMATCH: {
    zh: "得分 {found} ≠ 按规则计算的 {expected}（{explain}{atPrecision}）",
    en: "Score {found} ≠ the rule's {expected} ({explain}{atPrecision})",
  },
  AT_PRECISION: { zh: "；保留 {decimals} 位小数为 {value}", en: "; {value} to {decimals} decimals" },
  AT_PRECISION_WHOLE: { zh: "；取整为 {value}", en: "; {value} in whole points" },
  QUALITATIVE_BAND: {
    zh: "定性指标“{achievement}”应得 {lo}–{hi} 分，填报 {found}",
    en: "Qualitative indicator ({achievement}) should score {lo}–{hi}; stated {found}",
  },
  MISSING_ACTUAL: { zh: "已评分 {found}，但实际完成值为空", en: "Scored {found} but 实际完成值 (actual) is blank" },
  MISSING_REASON_LOST: {
    zh: "扣分（{found}/{weight}）但未填写偏差原因",
    en: "Points lost ({found}/{weight}) with no 偏差原因 (reason)",
  },
  MISSING_REASON_OVER: {
    zh: "完成值超过指标值 {ratio}% 以上，未说明偏差原因",
    en: "Actual exceeds the target by {ratio}% or more with no 偏差原因 (reason)",
  },
  FUNDS_BREAKDOWN: {
    zh: "“其中”各项合计 {expected} ≠ 年度资金总额 {found}（{column}）",
    en: "The 其中 rows add up to {expected}, not the total {found} ({column})",
  },
  OVER_EXECUTION: { zh: "执行数 {found} 超过预算数 {expected}", en: "Executed {found} exceeds the budget {expected}" },
  MISSING_TOTAL: { zh: "表中没有“总分”行", en: "The form has no 总分 (total) row" },
  GRADE_MISMATCH: {
    zh: "等级“{found}”与总分 {total} 对应的“{expected}”不符",
    en: 'Grade "{found}" does not match "{expected}" for total {total}',
  },
  UNREADABLE_VALUE: { zh: "无法读取：{detail}", en: "Could not read: {detail}" },
  UNREADABLE_WEIGHT: { zh: "分值“{found}”不是数字", en: 'Weight "{found}" is not a number' },
  UNREADABLE_SCORE: { zh: "得分“{found}”不是数字", en: 'Score "{found}" is not a number' },
  UNREADABLE_RATE: { zh: "执行率“{found}”无法读取", en: 'Execution rate "{found}" cannot be read' },
  UNREADABLE_AMOUNT: { zh: "金额“{found}”不是数字", en: 'Amount "{found}" is not a number' },

  // The checks (src/engine/checks/*.ts): name, what to do, where the rule comes from
  CHECK_SCORE_EXCEEDS_WEIGHT: { zh: "得分超过分值", en: "Score above its weight" },
  CHECK_TOTAL_MISMATCH: { zh: "总分与各项得分之和不符", en: "Total is not the sum of the scores" },
  CHECK_WEIGHT_SUM: { zh: "分值合计不符", en: "Weights do not add up" },
  CHECK_EXECRATE_MISMATCH: { zh: "执行率计算错误", en: "Execution rate miscalculated" },
  CHECK_BUDGET_SCORE_MISMATCH: { zh: "预算执行率得分计算错误", en: "Budget execution score miscalculated" },
  CHECK_INDICATOR_SCORE_MISMATCH: { zh: "定量指标得分与规则不符", en: "Quantitative score differs from the rule" },
  CHECK_QUALITATIVE_BAND: { zh: "定性指标得分超出档次区间", en: "Qualitative score outside its band" },
  CHECK_MISSING_ACTUAL: { zh: "有得分但无实际完成值", en: "Scored without an actual value" },
  CHECK_MISSING_REASON: { zh: "缺少偏差原因", en: "No reason given for a deviation" },
  CHECK_FUNDS_BREAKDOWN: { zh: "资金“其中”各项合计不符", en: "Funds breakdown does not add up" },
  CHECK_OVER_EXECUTION: { zh: "执行数超过预算数", en: "Spending above the budget" },
  CHECK_MISSING_TOTAL: { zh: "缺少总分行", en: "No total row" },
  CHECK_GRADE_MISMATCH: { zh: "等级与总分不符", en: "Grade does not match the total" },
  CHECK_UNREADABLE_VALUE: { zh: "数值无法读取", en: "Value cannot be read" },
  FIX_SCORE_EXCEEDS_WEIGHT: {
    zh: "得分不得超过该项分值：按完成情况重新评分",
    en: "A score cannot exceed its weight: score the item again from its result",
  },
  FIX_TOTAL_MISMATCH: {
    zh: "总分应为预算执行率得分与各指标得分之和：重新合计",
    en: "The total is the budget score plus every indicator score: add them up again",
  },
  FIX_WEIGHT_SUM: {
    zh: "调整分值，使各级分值之和等于上级分值，总分值为 100",
    en: "Adjust the weights so each level adds up to its parent and the whole to 100",
  },
  FIX_EXECRATE_MISMATCH: {
    zh: "执行率 = 全年执行数 ÷ 全年预算数：按资金表数字重新计算",
    en: "Execution rate = executed ÷ annual budget: recompute it from the funds table",
  },
  FIX_BUDGET_SCORE_MISMATCH: {
    zh: "预算执行率得分 = 执行率 × 分值（不超过分值）：重新计算",
    en: "Budget score = execution rate × weight (at most the weight): recompute it",
  },
  FIX_INDICATOR_SCORE_MISMATCH: {
    zh: "完成指标值得满分，未完成的按 完成值/指标值 × 分值 计分；或在偏差原因中说明另行评分的依据",
    en: "Met scores full marks, missed scores actual/target × weight; or explain another basis in the reason column",
  },
  FIX_QUALITATIVE_BAND: {
    zh: "定性指标按达成（80%–100%）、部分达成（60%–80%）、未达成（0–60%）的分值区间评分",
    en: "Score qualitative indicators in the band of their achievement: met 80–100%, partly met 60–80%, not met 0–60%",
  },
  FIX_MISSING_ACTUAL: {
    zh: "填写实际完成值，或说明该指标为何无法衡量",
    en: "Fill in the actual value, or explain why the indicator cannot be measured",
  },
  FIX_MISSING_REASON: {
    zh: "在“偏差原因分析及改进措施”中说明扣分或大幅超额完成的原因",
    en: "Explain the lost points or the large overshoot in the reason column",
  },
  FIX_FUNDS_BREAKDOWN: {
    zh: "核对“其中”各项金额，使其合计等于年度资金总额",
    en: "Check the breakdown amounts so they add up to the year's total",
  },
  FIX_OVER_EXECUTION: {
    zh: "核对执行数与预算数；如确有超支，说明原因及资金来源",
    en: "Check the executed and budget amounts; if spending really exceeded the budget, explain why and how it was funded",
  },
  FIX_MISSING_TOTAL: { zh: "在指标表末加“总分”行", en: "Add a 总分 (total) row below the indicators" },
  FIX_GRADE_MISMATCH: {
    zh: "按总分确定等级：90 分（含）以上为优，80（含）–90 为良，60（含）–80 为中，60 以下为差",
    en: "Grade by the total: 90 and above 优, 80–90 良, 60–80 中, below 60 差",
  },
  FIX_UNREADABLE_VALUE: {
    zh: "把该单元格改为数字（单位写在表头或另一列），或按列映射指定正确的列",
    en: "Make the cell a number (units in the header or another column), or map the right column",
  },
  SOURCE_MOF_SCORING: {
    zh: "财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）单位自评：定量指标完成指标值的记全部分值，未完成的按完成值与指标值的比例记分",
    en: "MOF Measures for Project Expenditure Performance Evaluation (Cai Yu [2020] No. 10), self-evaluation: a quantitative indicator met scores its full weight, one missed scores actual/target of it",
  },
  SOURCE_MOF_QUALITATIVE: {
    zh: "财预〔2020〕10号 单位自评：定性指标按达成、部分达成并具有一定效果、未达成且效果较差三档，分别在分值的 100–80%（含）、80–60%（含）、60–0% 区间确定",
    en: "Cai Yu [2020] No. 10, self-evaluation: qualitative indicators scored in three bands of the weight — met 100–80%, partly met 80–60%, not met 60–0%",
  },
  SOURCE_MOF_WEIGHTS: {
    zh: "财预〔2020〕10号 单位自评：原则上预算执行率 10%、产出指标 50%、效益指标 30%、服务对象满意度指标 10%，总分 100",
    en: "Cai Yu [2020] No. 10, self-evaluation: weights in principle budget execution 10%, outputs 50%, effects 30%, satisfaction 10%; total 100",
  },
  SOURCE_MOF_TOTAL: {
    zh: "财预〔2020〕10号 单位自评：总分由各项指标得分汇总形成",
    en: "Cai Yu [2020] No. 10, self-evaluation: the total is the sum of the indicator scores",
  },
  SOURCE_MOF_TABLE: {
    zh: "财预〔2020〕10号 附件《项目支出绩效自评表》：执行率 = 全年执行数/全年预算数，预算执行率得分 = 执行率 × 分值；年度资金总额含其中各项；各指标填写实际完成值",
    en: "Cai Yu [2020] No. 10, annex: the project self-evaluation form — execution rate = executed/annual budget, its score = rate × weight; the year's total includes its breakdown; every indicator states its actual value",
  },
  SOURCE_MOF_REASON: {
    zh: "财预〔2020〕10号 单位自评：未完成绩效目标或偏离绩效目标较大的，要分析并说明原因；完成值高于指标值较多的，要分析原因",
    en: "Cai Yu [2020] No. 10, self-evaluation: a target missed or departed from widely, or far exceeded, must have its reason analysed and stated",
  },
  SOURCE_MOF_GRADES: {
    zh: "财预〔2020〕10号：评分与评级相结合，90（含）–100 分为优、80（含）–90 分为良、60（含）–80 分为中、60 分以下为差",
    en: "Cai Yu [2020] No. 10: scores and grades together — 90–100 优, 80–90 良, 60–80 中, below 60 差",
  },
  SOURCE_TOOL_UNREADABLE: {
    zh: "本工具：规则需要的数值读不出时如实报告，不猜测、不跳过",
    en: "This tool: a value a rule needs that cannot be read is reported, never guessed or skipped",
  },
  PACK_CORE: { zh: "自评表计算核对", en: "Self-evaluation arithmetic" },

  // The review pack (src/engine/checks/, pack "review"): review-quality rules and regional data
  PACK_REVIEW: { zh: "复核要点", en: "Review points" },
  SOURCE_PACK_REVIEW: {
    zh: "财预〔2021〕101号 指引（指标值的写法）、财预〔2020〕10号、地区表样与公开的复核实践",
    en: "Cai Yu [2021] No. 101 guide (how targets are written), Cai Yu [2020] No. 10, regional templates and published review practice",
  },
  VALUE_BLANK: { zh: "空", en: "blank" },
  CHECK_QUANTITY_TARGET_NO_FIGURE: { zh: "数量指标的指标值没有数字", en: "Quantity target states no figure" },
  QUANTITY_TARGET_NO_FIGURE: {
    zh: "数量指标“{name}”的指标值“{found}”没有数字，无法衡量完成数量",
    en: 'Quantity indicator "{name}": the target "{found}" states no figure to count against',
  },
  QUANTITY_TARGET_BLANK: {
    zh: "数量指标“{name}”未填指标值",
    en: 'Quantity indicator "{name}" has no target',
  },
  FIX_QUANTITY_TARGET_NO_FIGURE: {
    zh: "把数量指标的指标值写成数字和单位，如“≥500人次”",
    en: 'Write the quantity target as a number with its unit, e.g. "≥500人次"',
  },
  SOURCE_GUIDE_QUANTITY: {
    zh: "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：数量指标反映预期提供的公共产品和服务的数量，以数值表述",
    en: "MOF guide to setting core performance targets and indicators of central departments' project expenditure (trial) (Cai Yu [2021] No. 101): quantity indicators state how much is delivered, as figures",
  },
  CHECK_COST_TARGET_LOWER_BOUND: { zh: "成本指标写成下限（≥）", en: "Cost target written as a lower bound" },
  COST_TARGET_LOWER_BOUND: {
    zh: "成本指标“{name}”的指标值“{found}”是下限；成本指标应为控制上限（≤）",
    en: 'Cost indicator "{name}": the target "{found}" is a lower bound; a cost target is a ceiling (≤)',
  },
  FIX_COST_TARGET_LOWER_BOUND: {
    zh: "把成本指标写成控制上限，如“≤50万元”",
    en: 'Write the cost target as a ceiling, e.g. "≤50万元"',
  },
  SOURCE_GUIDE_COST: {
    zh: "财预〔2021〕101号 指引：成本指标反映成本控制要求，指标值为控制上限（≤）",
    en: "Cai Yu [2021] No. 101 guide: cost indicators state the cost to be kept within, a ceiling (≤)",
  },
  CHECK_VAGUE_EFFECT_TARGET: { zh: "效益指标的指标值无法衡量", en: "Effect target cannot be measured" },
  VAGUE_EFFECT_TARGET: {
    zh: "效益指标“{name}”的指标值“{found}”只有“{word}”一类程度词，没有衡量标准",
    en: 'Effect indicator "{name}": the target "{found}" is a word of degree ("{word}") with no measure',
  },
  FIX_VAGUE_EFFECT_TARGET: {
    zh: "写明可衡量的指标值：能量化的给出数值（如“受益人数≥1000人”“投诉率≤1%”），不能量化的写明可核验的标准",
    en: 'State a measurable target: a figure where possible ("受益人数≥1000人", "投诉率≤1%"), else a standard that can be verified',
  },
  SOURCE_GUIDE_EFFECT: {
    zh: "财预〔2021〕101号 指引：效益指标应可衡量，能量化的尽量量化，不能量化的以可衡量、可核验的方式表述；本工具据此把“较好”“提高”“明显”“有效”等没有衡量标准的程度词视为不可衡量",
    en: 'Cai Yu [2021] No. 101 guide: effect indicators are set to be measurable, quantified where possible, else described in a checkable way; this tool reads words of degree with no measure ("较好", "提高", "明显", "有效") as unmeasurable',
  },
  CHECK_SATISFACTION_NOT_PERCENT: { zh: "满意度指标值不是百分比", en: "Satisfaction target not a percentage" },
  SATISFACTION_NOT_PERCENT: {
    zh: "满意度指标“{name}”的指标值“{found}”不是百分比",
    en: 'Satisfaction indicator "{name}": the target "{found}" is not a percentage',
  },
  FIX_SATISFACTION_NOT_PERCENT: {
    zh: "满意度以调查中满意的比例衡量：指标值写成百分比（如“≥90%”），完成值写调查结果",
    en: 'Satisfaction is the share of satisfied respondents: write the target as a percentage ("≥90%") and the survey result as the actual',
  },
  SOURCE_GUIDE_SATISFACTION: {
    zh: "财预〔2021〕101号 指引：满意度指标反映服务对象对项目实施效果的满意程度，一般通过问卷调查取得，以百分比表述；财预〔2020〕10号：服务对象满意度原则上占 10 分",
    en: "Cai Yu [2021] No. 101 guide: satisfaction indicators state how satisfied the beneficiaries are, usually from a survey, as a percentage; Cai Yu [2020] No. 10: satisfaction is in principle worth 10 points",
  },
  CHECK_DUPLICATE_INDICATOR: { zh: "指标重复", en: "Indicator set twice" },
  DUPLICATE_INDICATOR: {
    zh: "指标“{name}”与 {first} 的指标重复",
    en: 'Indicator "{name}" repeats the one in {first}',
  },
  FIX_DUPLICATE_INDICATOR: {
    zh: "删除或合并重复的指标，把分值分给其他指标",
    en: "Remove or merge the repeated indicator and give its points to others",
  },
  SOURCE_REVIEW_DUPLICATE: {
    zh: "复核实践：财政部门公开的绩效自评抽查复核通报把同一指标重复设置列为指标设置问题；财预〔2021〕101号 指引要求指标精简、突出重点",
    en: "Review practice: finance bureaus' published spot-check notices on self-evaluations list an indicator set twice as a fault of target setting; the Cai Yu [2021] No. 101 guide asks for few, focused indicators",
  },
  CHECK_FULL_MARKS_NO_REASON: { zh: "全部满分且未说明", en: "Full marks everywhere, nothing explained" },
  FULL_MARKS_NO_REASON: {
    zh: "全部 {n} 项指标均为满分，偏差原因一栏全部为空",
    en: "All {n} indicators score full marks and the reason column is empty throughout",
  },
  FIX_FULL_MARKS_NO_REASON: {
    zh: "逐项核实完成值与指标值；确实全部完成的，在偏差原因中写明依据（验收、统计或调查结果）",
    en: "Check each actual against its target; where all were really met, state the evidence (acceptance, statistics, survey) in the reason column",
  },
  SOURCE_REVIEW_FULL_MARKS: {
    zh: "财预〔2020〕10号：绩效评价应科学公正，偏离绩效目标的须分析说明原因；复核实践：财政部门公开的自评抽查通报把普遍满分而不作说明的自评列为自评不实的迹象",
    en: "Cai Yu [2020] No. 10: evaluation is to be fair and deviations from the targets explained; review practice: bureaus' published spot-check notices single out self-evaluations scored full everywhere with nothing explained",
  },
  CHECK_LOW_EXECUTION_NO_REASON: { zh: "执行率偏低未说明原因", en: "Low execution rate unexplained" },
  LOW_EXECUTION_NO_REASON: {
    zh: "执行率 {rate} 低于 {threshold}，偏差原因中没有说明资金执行情况",
    en: "Execution rate {rate} is below {threshold} and no reason given speaks of the funds",
  },
  FIX_LOW_EXECUTION_NO_REASON: {
    zh: "在偏差原因中说明资金未按预算执行的原因（如项目进度、资金结转）及改进措施",
    en: "Explain in the reason column why the funds were not spent as budgeted (progress, carry-over) and what will change",
  },
  SOURCE_SICHUAN_LOW_EXECUTION: {
    zh: "四川省项目支出绩效自评表的填报要求：预算执行率低于 90% 的须说明原因；财预〔2020〕10号：偏离绩效目标的须分析说明原因",
    en: "Sichuan project self-evaluation form: an execution rate below 90% must be explained; Cai Yu [2020] No. 10: deviations from the targets are explained",
  },
  CHECK_WEIGHT_PLAN: { zh: "分值分配与规则集不同", en: "Weights differ from the policy's" },
  WEIGHT_PLAN_BUDGET: {
    zh: "预算执行率分值 {found}，规则集“{policy}”为 {expected}",
    en: 'Budget execution is worth {found}; policy "{policy}" sets {expected}',
  },
  WEIGHT_PLAN_GROUP: {
    zh: "“{name}”分值 {found}，规则集“{policy}”为 {expected}",
    en: '"{name}" is worth {found}; policy "{policy}" sets {expected}',
  },
  WEIGHT_PLAN_GROUP_MISSING: {
    zh: "指标表没有“{name}”，规则集“{policy}”为其设 {expected} 分",
    en: 'The indicator table has no "{name}"; policy "{policy}" sets {expected} for it',
  },
  WEIGHT_PLAN_INDICATORS: {
    zh: "绩效指标分值合计 {found}，规则集“{policy}”为 {expected}",
    en: 'The indicators are worth {found}; policy "{policy}" sets {expected}',
  },
  FIX_WEIGHT_PLAN: {
    zh: "按规则集分配分值（财预〔2020〕10号 原则上 10/50/30/10），或用 --policy 选用与本地表样一致的规则集",
    en: "Weight the parts as the policy does (Cai Yu [2020] No. 10: in principle 10/50/30/10), or choose the policy of the local template with --policy",
  },
  CHECK_TOTAL_CAP: { zh: "总分超过执行率对应的上限", en: "Total above the cap for its execution rate" },
  TOTAL_CAP: {
    zh: "执行率 {rate} 低于 {below}，按规则集“{policy}”总分不得高于 {expected}，填报 {found}",
    en: 'Execution rate {rate} is below {below}: under policy "{policy}" the total is at most {expected}; stated {found}',
  },
  FIX_TOTAL_CAP: {
    zh: "按执行率对应的上限调整总分，或说明适用的地区规定",
    en: "Lower the total to the cap for its execution rate, or state which local rule applies",
  },
  SOURCE_POLICY_CAP: {
    zh: "所用规则集（地区规定）按执行率设定的总分上限；内置规则集均不设上限",
    en: "The policy in force (a province's rule) caps the total by execution rate; no built-in policy sets a cap",
  },

  // Cells without a figure to check (src/engine/checks/formula-not-calculated.ts, total-not-number.ts)
  FORMULA_NOT_CALCULATED: {
    zh: "公式 {formula} 没有保存的计算结果（文件不是由 Excel 或 WPS 保存的）：在 Excel 或 WPS 中打开并保存工作簿后才能复核这个数字",
    en: "The formula {formula} has no saved result (the file was not saved by Excel or WPS): this figure can be checked once the workbook is opened and saved in Excel or WPS",
  },
  TOTAL_ERROR_VALUE: {
    zh: "总分单元格是错误值 {found}（公式出错），无法与各项得分之和核对",
    en: "The total cell holds the error value {found} (its formula fails); it cannot be checked against the scores",
  },
  TOTAL_TEXT: {
    zh: "总分“{found}”不是数字，无法与各项得分之和核对",
    en: 'The total "{found}" is not a number; it cannot be checked against the scores',
  },
  TOTAL_BLANK: {
    zh: "总分单元格为空（各项得分之和为 {expected}）",
    en: "The total cell is blank (the scores add up to {expected})",
  },
  CHECK_FORMULA_NOT_CALCULATED: { zh: "公式没有计算结果", en: "Formula never calculated" },
  CHECK_TOTAL_NOT_NUMBER: { zh: "总分不是数字", en: "Total is not a number" },
  FIX_FORMULA_NOT_CALCULATED: {
    zh: "在 Excel 或 WPS 中打开工作簿并保存（保存时会计算并存下每个公式的结果），再复核",
    en: "Open the workbook in Excel or WPS and save it (saving calculates and stores every formula's result), then check again",
  },
  FIX_TOTAL_NOT_NUMBER: {
    zh: "在总分单元格填写各项得分之和，或修正出错的公式",
    en: "Put the sum of the scores in the total cell, or fix its failing formula",
  },

  // Review scores (src/engine/checks/evaluate.ts): how each 复核得分 was reached
  REVIEW_NO_WEIGHT: {
    zh: "分值无法读取，沿用自评得分 {found}",
    en: "weight cannot be read; the stated score {found} is kept",
  },
  REVIEW_NO_ACTUAL: { zh: "实际完成值为空，复核得分 0", en: "no actual value; review score 0" },
  REVIEW_KEPT: { zh: "沿用自评得分 {found}", en: "the stated score {found} is kept" },
  REVIEW_BAND_NO_SCORE: {
    zh: "定性指标未填得分，取档次下限（{lo}–{hi}）",
    en: "qualitative, no stated score: the band's lower bound ({lo}–{hi})",
  },
  REVIEW_BAND_KEPT: {
    zh: "定性指标，自评得分 {found} 在档次 {lo}–{hi} 内，予以保留",
    en: "qualitative: the stated {found} lies in the band {lo}–{hi} and is kept",
  },
  REVIEW_BAND_CLAMPED: {
    zh: "定性指标，自评得分 {found} 超出档次 {lo}–{hi}，按 {value} 计",
    en: "qualitative: the stated {found} lies outside the band {lo}–{hi}; counted as {value}",
  },
  REVIEW_UNREADABLE: {
    zh: "无法按规则复核（{reason}），沿用自评得分 {found}",
    en: "cannot be re-scored ({reason}); the stated score {found} is kept",
  },
  REVIEW_NO_RATE: {
    zh: "执行率无法计算，沿用自评得分 {found}",
    en: "the execution rate cannot be computed; the stated score {found} is kept",
  },
  REVIEW_SCORE_TABLE: {
    zh: "评分表无指标值，沿用自评得分 {found}（不超过分值）",
    en: "a score table states no targets; the stated score {found} is kept (at most the weight)",
  },

  // Scoring rules' explanations and reasons (src/engine/rules.ts)
  EXPLAIN_FULL: { zh: "完成值 {rel} 指标值: 满分 {weight}", en: "actual {rel} target: full marks {weight}" },
  EXPLAIN_BUDGET_CAPPED: { zh: "{head} > {weight}: 满分 {value}", en: "{head} > {weight}: full marks {value}" },
  EXPLAIN_ACTUAL_AS_PERCENT: { zh: "（完成值按百分数读）", en: " (actual read as a percent)" },
  EXPLAIN_TARGET_AS_PERCENT: { zh: "（指标值按百分数读）", en: " (target read as a percent)" },
  EXPLAIN_QUALITATIVE: {
    zh: "定性指标，{achievement}：得分应在 {lo}–{hi} 之间",
    en: "qualitative, {achievement}: score between {lo} and {hi}",
  },
  EXPLAIN_QUALITATIVE_UNCLEAR: {
    zh: "定性指标，完成情况无法判断：得分应在 {lo}–{hi} 之间",
    en: "qualitative, achievement unclear: score between {lo} and {hi}",
  },
  // Deadline (时效) scoring (src/engine/rules.ts deadlineScore)
  EXPLAIN_DEADLINE_MET: {
    zh: "时效指标：完成时间“{actual}”不晚于“{target}”，满分 {weight}",
    en: 'deadline "{target}" met ("{actual}"): full marks {weight}',
  },
  EXPLAIN_DEADLINE_MISSED: {
    zh: "时效指标：完成时间“{actual}”晚于“{target}”，未达成：得分应在 {lo}–{hi} 之间",
    en: 'deadline "{target}" missed ("{actual}"): score between {lo} and {hi}',
  },
  EXPLAIN_DEADLINE_UNCLEAR: {
    zh: "时效指标：无法比较完成时间“{actual}”与“{target}”：得分应在 {lo}–{hi} 之间",
    en: 'deadline "{target}" against "{actual}" cannot be compared: score between {lo} and {hi}',
  },
  ACHIEVEMENT_met: { zh: "达成", en: "met" },
  ACHIEVEMENT_mostly: { zh: "基本达成", en: "mostly met" },
  ACHIEVEMENT_partial: { zh: "部分达成", en: "partly met" },
  ACHIEVEMENT_unmet: { zh: "未达成", en: "not met" },
  RULE_TARGET_BLANK: { zh: "指标值为空", en: "target is blank" },
  RULE_ACTUAL_BLANK: { zh: "完成值为空", en: "actual is blank" },
  RULE_TARGET_DASH: { zh: "指标值为“{text}”（不适用）", en: 'target is "{text}" (not applicable)' },
  RULE_ACTUAL_DASH: { zh: "完成值为“{text}”（不适用）", en: 'actual is "{text}" (not applicable)' },
  RULE_TARGET_ERROR: { zh: "指标值是错误值 {text}", en: "target is the error {text}" },
  RULE_ACTUAL_ERROR: { zh: "完成值是错误值 {text}", en: "actual is the error {text}" },
  RULE_TARGET_NOT_NUMBER: {
    zh: "指标值“{text}”不是数字，无法按 {kind} 评分",
    en: 'target "{text}" is not a number; cannot score as {kind}',
  },
  RULE_ACTUAL_NOT_NUMBER: {
    zh: "完成值“{text}”不是数字，无法按 {kind} 评分",
    en: 'actual "{text}" is not a number; cannot score as {kind}',
  },
  RULE_UNITS_DIFFER: {
    zh: "单位不一致：指标值“{target}”，完成值“{actual}”",
    en: 'units differ: target "{target}", actual "{actual}"',
  },
  RULE_WEIGHT_NOT_NUMBER: { zh: "分值不是数字", en: "weight is not a number" },
  RULE_WEIGHT_NEGATIVE: { zh: "分值为负数", en: "weight is negative" },

  // PERF custom functions (src/engine/perf.ts, src/functions): their arguments, errors and answers
  PERF_ARG_budget: { zh: "全年预算数", en: "budget" },
  PERF_ARG_executed: { zh: "全年执行数", en: "executed" },
  PERF_ARG_weight: { zh: "分值", en: "weight" },
  PERF_ARG_total: { zh: "总分", en: "total" },
  PERF_ARG_target: { zh: "指标值", en: "target" },
  PERF_ARG_actual: { zh: "完成值", en: "actual" },
  PERF_ARG_carryover: { zh: "结转结余", en: "carry-over" },
  PERF_ARG_adjustedBudget: { zh: "调整后预算", en: "adjusted budget" },
  PERF_ARG_spending: { zh: "实际支出", en: "actual spending" },
  PERF_ARG_initialBudget: { zh: "年初预算", en: "initial budget" },
  PERF_ARG_inUse: { zh: "在用固定资产", en: "assets in use" },
  PERF_ARG_totalAssets: { zh: "固定资产原值", en: "total fixed assets" },
  PERF_ARG_cell: { zh: "单元格", en: "the cell" },
  PERF_BLANK: { zh: "{arg}为空", en: "{arg} is blank" },
  PERF_NOT_NUMBER: { zh: "{arg}“{text}”不是数字", en: '{arg} "{text}" is not a number' },
  PERF_DASH: { zh: "{arg}为“{text}”（不适用）", en: '{arg} is "{text}" (not applicable)' },
  PERF_NOT_FINITE: { zh: "{arg}不是有限数", en: "{arg} is not a finite number" },
  PERF_ZERO: { zh: "{arg}为 0，无法计算", en: "{arg} is 0; cannot divide" },
  PERF_NEGATIVE: { zh: "{arg} {value} 为负数，超出有效范围", en: "{arg} {value} is negative: out of range" },
  PERF_OVER: {
    zh: "{arg} {value} 大于{limitArg} {limit}，超出有效范围",
    en: "{arg} {value} is more than the {limitArg} {limit}: out of range",
  },
  PERF_TOTAL_RANGE: {
    zh: "总分 {value} 不在 0–{full} 之间（评分规则“{policy}”的满分为 {full}）",
    en: 'total {value} is outside 0–{full} (full marks under policy "{policy}": {full})',
  },
  PERF_POLICY_NOT_NAME: { zh: "评分规则应为名称文本，而不是 {value}", en: "policy must be a name, not {value}" },
  PERF_KIND_UNKNOWN: {
    zh: "未知的指标类型“{text}”，可用：auto、higher、lower、equal、cost、qualitative",
    en: 'unknown indicator kind "{text}"; use auto, higher, lower, equal, cost or qualitative',
  },
  PERF_CANNOT_SCORE: { zh: "无法评分：{reason}", en: "cannot score: {reason}" },
  PERF_QUALITATIVE_RULE: {
    zh: "档次依据财预〔2020〕10号：达成 {met}、部分达成 {partial}、未达成 {unmet}（占分值）",
    en: "bands per Cai Yu [2020] No. 10: met {met}, partly met {partial}, not met {unmet} of the weight",
  },
  PERF_POLICY_UNREAD: {
    zh: "无法读取工作簿的评分规则：{detail}",
    en: "the workbook's scoring policy could not be read: {detail}",
  },

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
  // Notes in annotated copies (src/cli/annotate.ts, src/xlsx/annotate.ts)
  REVIEW_NOTE_AUTHOR: { zh: "perf-check 复核", en: "perf-check" },
  REVIEW_NOTE_APPENDED: { zh: "—— perf-check 复核 ——", en: "—— perf-check ——" },
  REVIEW_GRADE: { zh: "复核等级", en: "Checked grade" },
  REVIEW_LITERAL: {
    zh: "{cell}“{text}”是文字，公式读不到，按 {value} 写入公式（改动该单元格后请重新复核）",
    en: '{cell} "{text}" is text a formula cannot read: written into the formula as {value} (check again after editing that cell)',
  },
  REVIEW_VALUE_ONLY: {
    zh: "复核得分为 perf-check 计算的值：{explain}",
    en: "Checked score as perf-check computed it: {explain}",
  },

  // Layout detection (src/layout/detect.ts): what could not be placed
  LAYOUT_AMBIGUOUS: {
    zh: "{cellA}“{a}”与 {cellB}“{b}”都可能是该列；已用 {cellA}",
    en: 'Both {cellA} "{a}" and {cellB} "{b}" could be this column; using {cellA}',
  },
  LAYOUT_TRUNCATED: {
    zh: "表头“{text}”不完整，按位置识别为{header}",
    en: 'Header "{text}" is truncated; read as {header} by position',
  },
  LAYOUT_FUNDS_COLUMN: { zh: "资金表缺少“{header}”列", en: "Funds block has no {header} column" },
  LAYOUT_FUNDS_TOTAL: { zh: "资金表没有“年度资金总额”行", en: "Funds block has no 年度资金总额 (total) row" },
  LAYOUT_IND_COLUMN: { zh: "指标表缺少“{header}”列", en: "Indicator table has no {header} column" },
  LAYOUT_INFERRED_L1: {
    zh: "一级指标为空，按二级指标“{level2}”归入“{level1}”",
    en: 'Level-1 cell is blank; grouped under {level1} from its level-2 "{level2}"',
  },
  LAYOUT_NO_TOTAL: { zh: "未找到“总分”行", en: "No 总分 (total) row found" },
  LAYOUT_CUT_OFF: {
    zh: "表格在第 {row} 行（工作表最后一行）的指标中结束，没有“满意度指标”和“总分”行：副本不完整，不核对总分和分值合计",
    en: "The table ends inside its indicators on row {row} (the sheet's last row), before any 满意度指标 and with no 总分 row: an incomplete copy; the total and the weights' sum are not checked",
  },
  LAYOUT_NO_ROWS: { zh: "指标表没有指标行", en: "The indicator table has no indicator rows" },
  LAYOUT_NO_NAME: { zh: "未找到项目名称", en: "No 项目名称 (project name) found" },
  LAYOUT_NO_SCORE: { zh: "评分表缺少“得分”列", en: "Score table has no 得分 column" },
  // Layout detection of the templates in use (src/layout: header band, funds block, indicator body)
  LAYOUT_BUDGET_FROM_INITIAL: {
    zh: "资金表没有“全年预算数”列，按“{header}”列作预算数",
    en: "Funds block has no 全年预算数 column; {header} is used as the budget",
  },
  LAYOUT_SCORE_NO_HEADER: {
    zh: "得分列没有表头，按 {cell} 列的数字读取",
    en: "The score column has no header; the numbers in column {cell} are read as scores",
  },
  LAYOUT_WEIGHTS_FROM_LABELS: {
    zh: "指标表没有“分值”列，分值取自一级指标标签（如“产出指标(60分)”）",
    en: "The indicator table has no 分值 column; weights are read from the level-1 labels (e.g. 产出指标(60分))",
  },
  LAYOUT_STALE_FORM: {
    zh: "保存的映射指向第 {row} 行的指标表头，但该行已不是表头；映射未应用，请重新确认",
    en: "The saved mapping points at an indicator header on row {row}, which is no longer there; not applied — please confirm the mapping again",
  },

  // Column mapping documents (src/layout/mapping.ts)
  MAP_INVALID: { zh: "映射文件无效：", en: "Invalid mapping: " },
  MAP_NOT_OBJECT: { zh: "不是 JSON 对象", en: "not a JSON object" },
  MAP_VERSION: { zh: "version 应为 {version}", en: "version must be {version}" },
  MAP_NO_SHEETS: { zh: "缺少 sheets", en: "missing sheets" },
  MAP_SHEETS_OBJECT: { zh: "sheets 应为以工作表名为键的对象", en: "sheets must be an object keyed by sheet name" },
  MAP_NO_FORMS: { zh: "工作表“{sheet}”缺少 forms 数组", en: 'sheet "{sheet}" has no forms array' },
  MAP_FORM_OBJECT: { zh: "{where} 应为对象", en: "{where}: a form must be an object" },
  MAP_RANGE: { zh: "{where} 的 range 不是单元格区域", en: "{where}: range is not a cell range" },
  MAP_ROW: {
    zh: "{where} 的 {name} 应为 1 至 {max} 的整数（工作表行号）",
    en: "{where}: {name} must be a sheet row number (a whole number from 1 to {max})",
  },
  MAP_FIELDS_OBJECT: { zh: "{where} 的 fields 应为对象", en: "{where}: fields must be an object" },
  MAP_UNKNOWN_FIELD: { zh: "{where} 的字段“{field}”未知", en: '{where}: unknown field "{field}"' },
  MAP_BAD_COLUMN: {
    zh: "{where} 字段 {field} 的列“{col}”无效",
    en: '{where}: field {field} has an invalid column "{col}"',
  },
  MAP_HEADER_TEXT: {
    zh: "{where} 字段 {field} 的 header 应为文本",
    en: "{where}: field {field} has a header that is not text",
  },
  MAP_STALE: {
    zh: "映射字段 {field} 未应用：{why}（列可能已移动）",
    en: "Mapped field {field} not applied: {why} (columns may have moved)",
  },
  MAP_STALE_NO_FUNDS: { zh: "该表没有资金表头", en: "this form has no funds header" },
  MAP_STALE_OUTSIDE: {
    zh: "第 {col} 列在工作表的已用区域之外",
    en: "column {col} lies outside the sheet's used range",
  },
  MAP_STALE_HEADER: {
    zh: "保存时该列表头为“{was}”，现为“{now}”",
    en: 'the header was "{was}" when saved and is now "{now}"',
  },

  // perf-check's own lines (src/cli/main.ts)
  CLI_POLICY_JSON: {
    zh: "策略文件不是有效 JSON：{file}：{detail}",
    en: "policy file is not valid JSON: {file}: {detail}",
  },
  CLI_MAPPING_READ: { zh: "无法读取映射文件 {file}：{detail}", en: "cannot read mapping file {file}: {detail}" },
  CLI_MAPPING_JSON: { zh: "映射文件不是有效 JSON：{file}", en: "mapping file is not valid JSON: {file}" },
  CLI_LANG: { zh: "--lang 只能是 zh 或 en", en: "--lang must be zh or en" },
  CLI_NO_SUCH_PATH: { zh: "路径不存在", en: "no such file or folder" },
  CLI_NO_FILES: {
    zh: "没有找到可检查的工作簿（.xlsx、.xlsm、.xls、.et、.ods）：{paths}",
    en: "no workbook to check (.xlsx, .xlsm, .xls, .et, .ods) in {paths}",
  },
  CLI_FAILED: { zh: "处理失败：{detail}", en: "failed: {detail}" },
  CLI_ERROR: { zh: "错误", en: "error" },
  CLI_TOTAL: { zh: "总分", en: "total" },
  CLI_ANNOTATED: { zh: "批注副本", en: "Annotated copies" },
  CLI_REPORT: { zh: "报告", en: "Report" },
  CLI_SUMMARY: {
    zh: "{files}（已检查 {checked}，其中 {converted} 个经 LibreOffice 转换；无法读取 {unreadable}；跳过 {skipped}），{forms}，{errors}，{warnings}",
    en: "{files} ({checked} checked, {converted} of them converted with LibreOffice; {unreadable} unreadable; {skipped} skipped), {forms}, {errors}, {warnings}",
  },
  CLI_SHEET_TOO_LARGE: {
    zh: "工作表“{sheet}”有 {rows}×{cols} 个单元格，超过上限 {limit}",
    en: 'sheet "{sheet}" has {rows}×{cols} cells, over the limit of {limit}',
  },
  CLI_WRITE_NO_SHEET: {
    zh: "无法写出批注副本：exceljs 读不到工作表“{sheet}”",
    en: 'cannot write the annotated copy: exceljs cannot load sheet "{sheet}"',
  },

  // perf-check: counts, file statuses, usage and help (src/cli/main.ts, src/cli/output.ts)
  CLI_COUNT_FILES: { zh: "{n} 个文件", en: "{n} files" },
  CLI_COUNT_FILES_ONE: { zh: "{n} 个文件", en: "{n} file" },
  CLI_COUNT_FORMS: { zh: "{n} 张表", en: "{n} forms" },
  CLI_COUNT_FORMS_ONE: { zh: "{n} 张表", en: "{n} form" },
  CLI_COUNT_ERRORS: { zh: "{n} 个错误", en: "{n} errors" },
  CLI_COUNT_ERRORS_ONE: { zh: "{n} 个错误", en: "{n} error" },
  CLI_COUNT_WARNINGS: { zh: "{n} 个警告", en: "{n} warnings" },
  CLI_COUNT_WARNINGS_ONE: { zh: "{n} 个警告", en: "{n} warning" },
  CLI_STATUS_checked: { zh: "已检查", en: "checked" },
  CLI_STATUS_converted: { zh: "已转换并检查", en: "converted and checked" },
  CLI_STATUS_unreadable: { zh: "无法读取", en: "unreadable" },
  CLI_STATUS_skipped: { zh: "已跳过", en: "skipped" },
  CLI_CONVERTED_NOTE: { zh: "经 LibreOffice 转换后检查", en: "checked after conversion with LibreOffice" },
  CLI_SKIPPED: { zh: "跳过", en: "skipped" },
  CLI_LAYOUT: { zh: "布局", en: "Layout" },
  CLI_LAYOUT_FIELD: { zh: "{field}（{kind}）", en: "{field} ({kind})" },
  CLI_NO_FORM: {
    zh: "没有找到绩效自评表：在 {sheets} 个工作表（{names}）中没有识别出指标表头行（一级指标、二级指标与指标值或实际完成值）或评分表表头（一、二、三级指标与分值、得分）",
    en: "no performance self-evaluation form found: none of the {sheets} sheets ({names}) has an indicator header row (一级指标, 二级指标 with 指标值 or 实际完成值) or a score-table header (一/二/三级指标 with 分值, 得分)",
  },
  CLI_NO_FORM_TITLE: {
    zh: "；{cell} 有标题“{title}”，但其下的表头未能识别（可用 --mapping 指定列）",
    en: '; {cell} has the title "{title}" but the header rows below it were not understood (name the columns with --mapping)',
  },
  CLI_NO_SHEETS: { zh: "工作簿中没有工作表", en: "the workbook has no worksheets" },
  CLI_REPORT_FORMAT: {
    zh: "--report 的格式由扩展名决定，可用 .html（网页）、.csv（表格）或 .xlsx（工作簿）：{file}",
    en: "--report takes its format from the extension, .html (web page), .csv (table) or .xlsx (workbook): {file}",
  },
  CLI_REPORT_IS_DIR: {
    zh: "--report 需要一个文件名，{file} 是文件夹",
    en: "--report needs a file name; {file} is a folder",
  },
  CLI_WRITE_IS_FILE: {
    zh: "--write 需要一个文件夹，{dir} 是文件",
    en: "--write needs a folder; {dir} is a file",
  },
  CLI_OUTPUT_IS_INPUT: {
    zh: "输出文件 {file} 是输入文件之一，不会覆盖它",
    en: "the output file {file} is one of the inputs; it is not overwritten",
  },
  CLI_REPORT_WRITE: { zh: "无法写出报告 {file}：{detail}", en: "cannot write the report {file}: {detail}" },
  CLI_UNKNOWN_OPTION: {
    zh: "未知选项 {option}（见 perf-check --help）",
    en: "unknown option {option} (see perf-check --help)",
  },
  CLI_OPTION_ARGUMENT: { zh: "选项 {option} 需要一个值", en: "option {option} needs a value" },
  CLI_NO_PATHS: {
    zh: "请指定要检查的文件或文件夹，或用 --rules 列出规则（见 perf-check --help）",
    en: "name the files or folders to check, or list the rules with --rules (see perf-check --help)",
  },
  CLI_HELP: {
    zh: `用法：perf-check [选项] 路径...
      perf-check --rules [--policy <名称|文件>] [--lang <zh|en>]

不用 Excel 批量复核项目支出绩效自评表。路径是文件或文件夹（递归查找）：
读取 .xlsx、.xlsm；装有 LibreOffice 时把 .xls（Excel 97-2003）、.et（WPS）、.ods 转换后读取。
文件夹中的符号链接、临时锁定文件（~$…）、本工具写出的副本和其他表格文件逐个列为“跳过”并说明原因。

选项：
  --json                  在标准输出打印一个 JSON 文档（数字为精确的十进制字符串）
  --policy <名称|文件>     计分规则集：national（默认）、linear、spend-ratio、budget-20，或 JSON 规则集文件
  --mapping <文件>         列映射 JSON（任务窗格保存的格式）
  --write <文件夹>         为每个工作簿写一份带批注的副本（原文件不改动）
  --report <文件>          写报告：.html（网页）、.csv（表格）或 .xlsx（工作簿）
  --rules                 列出所用规则集、规则包和每条检查（代码、名称、级别、依据）后退出
  --lang <zh|en>          输出语言，默认 zh
  -h, --help              显示本帮助

退出码：
  0  所有文件都已检查，没有错误级问题
  1  至少有一个错误级问题（包括没有找到自评表的工作簿，代码 NO_FORM）
  2  有文件无法读取（包括没有 LibreOffice 时的 .xls/.et/.ods）或用法错误；其余文件照常检查并报告
  跳过的文件不影响退出码。

环境变量：SOFFICE=soffice 的路径（设为 none 则不使用 LibreOffice）`,
    en: `Usage: perf-check [options] PATH...
       perf-check --rules [--policy <name|file>] [--lang <zh|en>]

Checks 项目支出绩效自评表 (project expenditure performance self-evaluation forms) in bulk, without Excel.
PATH is a file or a folder (searched recursively): .xlsx and .xlsm are read; with LibreOffice installed,
.xls (Excel 97-2003), .et (WPS) and .ods are converted and read. In folders, symbolic links, lock files (~$…),
the copies this tool writes and other spreadsheet files are each listed as skipped, with the reason.

Options:
  --json                  print one JSON document on stdout (numbers as exact decimal strings)
  --policy <name|file>    scoring policy: national (default), linear, spend-ratio, budget-20, or a JSON policy file
  --mapping <file>        column mapping JSON (as the task pane saves it)
  --write <folder>        write an annotated copy of each workbook there (the originals are not changed)
  --report <file>         write a report: .html (web page), .csv (table) or .xlsx (workbook)
  --rules                 list the policy, its rule packs and every check (code, name, severity, source), then exit
  --lang <zh|en>          language of the output, zh by default
  -h, --help              show this help

Exit status:
  0  every file was checked and has no error finding
  1  at least one error finding (a workbook with no form counts: code NO_FORM)
  2  a file could not be read (.xls/.et/.ods without LibreOffice included) or bad usage; the other
     files are still checked and reported
  Skipped files do not change the exit status.

Environment: SOFFICE=path of soffice (none: do not use LibreOffice)`,
  },

  // perf-check: what it was handed and LibreOffice conversion (src/cli/inputs.ts, src/cli/libreoffice.ts)
  INPUT_SKIP_SYMLINK: {
    zh: "符号链接，文件夹扫描不跟随；要检查它请直接指定目标文件",
    en: "a symbolic link; folder scans do not follow links: name the target itself to check it",
  },
  INPUT_SKIP_LOCK: {
    zh: "Excel/WPS 打开工作簿时生成的临时锁定文件，不是工作簿",
    en: "a lock file Excel or WPS keeps while a workbook is open, not a workbook",
  },
  INPUT_SKIP_OWN_COPY: {
    zh: "perf-check 写出的批注副本（*.checked.xlsx、*.checked.xlsm），不作为输入",
    en: "an annotated copy perf-check wrote (*.checked.xlsx, *.checked.xlsm), never read as input",
  },
  INPUT_SKIP_OUTPUT_DIR: {
    zh: "本次运行的 --write 输出文件夹，不作为输入",
    en: "this run's --write output folder, never read as input",
  },
  INPUT_SKIP_OUTPUT_FILE: { zh: "本次运行的 --report 报告文件", en: "this run's --report file" },
  INPUT_SKIP_NOT_FILE: { zh: "不是普通文件", en: "not a regular file" },
  INPUT_SKIP_UNLISTABLE: { zh: "无法列出文件夹内容：{detail}", en: "cannot list the folder: {detail}" },
  INPUT_SKIP_BINARY: {
    zh: "Excel 二进制工作簿（.xlsb）不支持：请在 Excel 中另存为 .xlsx",
    en: "Excel binary workbooks (.xlsb) are not supported: save it as .xlsx in Excel",
  },
  INPUT_SKIP_TEMPLATE: {
    zh: "模板文件（{ext}），不是填报的表：请用它生成工作簿并另存为 .xlsx",
    en: "a template ({ext}), not a filled-in form: save a workbook made from it as .xlsx",
  },
  INPUT_SKIP_TEXT: {
    zh: "文本表格（{ext}）没有表格布局，无法复核：请提供 .xlsx 工作簿",
    en: "a text table ({ext}) keeps no form layout to check: provide the .xlsx workbook",
  },
  INPUT_SKIP_FORMAT: {
    zh: "不支持的格式（{ext}）：请另存为 .xlsx",
    en: "an unsupported format ({ext}): save it as .xlsx",
  },
  CONVERT_NO_SOFFICE: {
    zh: "读取 {ext} 文件需要 LibreOffice：请安装 LibreOffice Calc（Debian/Ubuntu：apt-get install libreoffice-calc-nogui；其他系统见 libreoffice.org），或在 Excel/WPS 中另存为 .xlsx",
    en: "reading {ext} files needs LibreOffice: install LibreOffice Calc (Debian/Ubuntu: apt-get install libreoffice-calc-nogui; elsewhere see libreoffice.org), or save it as .xlsx in Excel or WPS",
  },
  CONVERT_FAILED: {
    zh: "LibreOffice 无法转换此文件（已损坏、加密或不是表格？）：{detail}",
    en: "LibreOffice could not convert it (corrupt, encrypted or not a spreadsheet?): {detail}",
  },
  CONVERT_TIMEOUT: {
    zh: "LibreOffice 转换在 {seconds} 秒内没有完成，已停止",
    en: "LibreOffice did not finish converting it within {seconds} s; stopped",
  },

  // Opening workbooks in perf-check (src/cli/read.ts)
  READ_EMPTY: { zh: "文件为空", en: "the file is empty" },
  READ_TOO_BIG: { zh: "文件超过 {limit} 字节上限", en: "the file is larger than the {limit}-byte limit" },
  READ_ENCRYPTED: {
    zh: "文件已加密（设置了打开密码）或是旧版 .xls 格式；请另存为不加密的 .xlsx",
    en: "the workbook is password-protected (encrypted) or a legacy .xls file; save it as an unencrypted .xlsx",
  },
  READ_TEXT: { zh: "不是 .xlsx 文件（看起来是文本或 CSV）", en: "not an .xlsx file (it looks like text or CSV)" },
  READ_NOT_ZIP: { zh: "不是 .xlsx 文件（不是 zip 格式）", en: "not an .xlsx file (not a zip archive)" },
  READ_ZIP_CORRUPT: {
    zh: "文件已损坏（zip 无法读取：{detail}）",
    en: "the file is corrupt (zip unreadable: {detail})",
  },
  READ_NOT_WORKBOOK: {
    zh: "不是 Excel 工作簿（缺少 xl/workbook.xml）",
    en: "not an Excel workbook (no xl/workbook.xml)",
  },
  READ_BOMB: {
    zh: "解压后大小超过上限 {limit} 字节，未读取（疑似压缩炸弹）",
    en: "uncompressed size exceeds the {limit}-byte limit; not read (possible zip bomb)",
  },
  READ_BOMB_STATED: {
    zh: "解压后大小 {total} 字节超过上限 {limit}，未读取（疑似压缩炸弹）",
    en: "uncompressed size {total} bytes exceeds the {limit}-byte limit; not read (possible zip bomb)",
  },
  READ_CELLS: {
    zh: "工作表 {member} 至少有 {cells} 个有内容的单元格（含合并区域），超过上限 {limit}，未读取",
    en: "worksheet {member} has at least {cells} cells with content (merged areas included), over the limit of {limit}; not read",
  },
  READ_MEMBER_LIES: {
    zh: "zip 成员 {member} 解压后超过其声明的 {size} 字节，未读取（疑似压缩炸弹）",
    en: "zip member {member} inflates to more than its stated {size} bytes; not read (possible zip bomb)",
  },
  READ_MEMBER_CORRUPT: {
    zh: "文件已损坏（{member} 无法解压：{detail}）",
    en: "the file is damaged ({member} cannot be inflated: {detail})",
  },
  // Damaged zip members (src/xlsx/zip.ts inflateEntry, src/xlsx/package.ts): what they contradict
  ZIP_NO_END: {
    zh: "找不到 zip 的结尾目录，文件可能在下载或复制时被截断",
    en: "end of central directory not found; the file may have been cut short in a download or copy",
  },
  ZIP_NO_END64: { zh: "找不到 zip64 的结尾目录", en: "zip64 end of central directory not found" },
  ZIP_DIRECTORY_PAST_END: {
    zh: "中央目录超出文件末尾，文件可能不完整",
    en: "central directory beyond the end of the file; the file may be cut short",
  },
  ZIP_DIRECTORY_CORRUPT: { zh: "中央目录项已损坏", en: "central directory entry corrupt" },
  ZIP_TWO_MEMBERS: { zh: "有两个同名的部件 {name}", en: "two members named {name}" },
  ZIP_NO_LOCAL_HEADER: { zh: "找不到部件 {name} 的本地文件头", en: "local header of {name} not found" },
  ZIP_MEMBER_PAST_END: {
    zh: "部件 {name} 超出文件末尾，文件可能不完整",
    en: "{name} runs past the end of the file; the file may be cut short",
  },
  READ_DAMAGED: {
    zh: "文件已损坏（{member}：{detail}）",
    en: "the file is damaged ({member}: {detail})",
  },
  READ_DAMAGED_CRC: {
    zh: "CRC-32 校验值为 {actual}，与声明的 {stated} 不符",
    en: "its CRC-32 is {actual}, not the stated {stated}",
  },
  READ_DAMAGED_SIZE: {
    zh: "解压后为 {actual} 字节，与声明的 {stated} 字节不符",
    en: "it inflates to {actual} bytes, not the stated {stated}",
  },
  READ_DAMAGED_OVERRUN: {
    zh: "解压后超过声明的 {stated} 字节，且数据流随后结束或出错",
    en: "it inflates past its stated {stated} bytes, then its stream ends or breaks",
  },
  READ_METHOD: {
    zh: "文件使用了不支持的压缩方式（{member}）",
    en: "the file uses an unsupported compression method ({member})",
  },
  READ_NOT_FILE: { zh: "不是普通文件", en: "not a regular file" },
  READ_IO: { zh: "无法读取文件：{detail}", en: "cannot read the file: {detail}" },
  READ_PARSE: { zh: "工作簿无法解析：{detail}", en: "the workbook cannot be parsed: {detail}" },

  // The web checker (src/web): the page, its table, dialog and downloads
  WEB_TITLE: { zh: "绩效自评表复核（网页版）", en: "Performance self-evaluation check (web)" },
  WEB_INTRO: {
    zh: "在本机浏览器中检查自评表：文件不上传，不离开这台电脑，页面不联网。",
    en: "Checks self-evaluation forms in this browser: files are not uploaded and never leave this computer; the page uses no network.",
  },
  WEB_SWITCH_LANG: { zh: "English", en: "中文" },
  WEB_POLICY: { zh: "评分规则", en: "Scoring policy" },
  WEB_POLICY_USED: { zh: "评分规则：{policy}。", en: "Policy: {policy}." },
  WEB_DROP: { zh: "把工作簿或文件夹拖到这里", en: "Drop workbooks or a folder here" },
  WEB_PICK_FILES: { zh: "选择文件", en: "Choose files" },
  WEB_PICK_FOLDER: { zh: "选择文件夹", en: "Choose a folder" },
  WEB_READS: {
    zh: "读取 .xlsx 和 .xlsm；.xls、.et 请先在 Excel 或 WPS 中另存为 .xlsx。",
    en: "Reads .xlsx and .xlsm; save .xls and .et files as .xlsx in Excel or WPS first.",
  },
  WEB_NEEDS_LIBREOFFICE: {
    zh: "浏览器中无法读取 {ext} 文件（网页版没有 LibreOffice）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
    en: "{ext} files cannot be read in a browser (there is no LibreOffice here); save it as .xlsx in Excel or WPS and check that",
  },
  WEB_DROP_UNREADABLE: {
    zh: "浏览器没有交出这些拖入的项目：{paths}",
    en: "The browser did not hand over these dropped items: {paths}",
  },
  WEB_PROGRESS_LABEL: { zh: "检查进度", en: "Progress" },
  WEB_PROGRESS: { zh: "正在检查 {done}/{total}：{file}", en: "Checking {done} of {total}: {file}" },
  WEB_CANCELLED: { zh: "已取消：{n} 个文件未检查。", en: "Cancelled: {n} file(s) not checked." },
  WEB_CANCELLED_FILE: { zh: "检查已取消，未读取", en: "not checked: the check was cancelled" },
  WEB_WORKER_FAILED: { zh: "检查程序意外停止：{detail}", en: "the checker stopped unexpectedly: {detail}" },
  WEB_DONE: {
    zh: "已检查 {files} 个文件，{forms} 张表：{errors} 个错误，{warnings} 个警告。",
    en: "Checked {files} file(s), {forms} form(s): {errors} error(s), {warnings} warning(s).",
  },
  WEB_PROBLEM_FILES: { zh: "未检查或没有表的文件（{n}）", en: "Files not checked or with no form ({n})" },
  WEB_STATUS_UNREADABLE: { zh: "无法读取", en: "Unreadable" },
  WEB_STATUS_SKIPPED: { zh: "已跳过", en: "Skipped" },
  WEB_STATUS_CANCELLED: { zh: "未检查", en: "Not checked" },
  WEB_DOWNLOADS: { zh: "下载", en: "Downloads" },
  WEB_EXPORT_JSON: { zh: "JSON（同 perf-check --json）", en: "JSON (as perf-check --json)" },
  WEB_EXPORT_HTML: { zh: "HTML 报告", en: "HTML report" },
  WEB_EXPORT_CSV: { zh: "CSV 报告", en: "CSV report" },
  WEB_EXPORT_XLSX: { zh: "Excel 报告", en: "Excel report" },
  WEB_EXPORT_COPIES: { zh: "全部批注副本（zip，{n} 个）", en: "All annotated copies (zip, {n})" },
  WEB_EXPORT_COPY: { zh: "下载此工作簿的批注副本", en: "Download this workbook's annotated copy" },
  WEB_PREPARING: { zh: "正在生成…", en: "Preparing…" },
  WEB_DOWNLOAD_FAILED: { zh: "无法生成下载：{detail}", en: "Could not prepare the download: {detail}" },
  WEB_REPORT_FILE: { zh: "绩效自评复核报告", en: "performance-check-report" },
  WEB_COPIES_ZIP: { zh: "批注副本", en: "annotated-copies" },
  WEB_FORMS: { zh: "自评表（{n}）", en: "Forms ({n})" },
  WEB_TABLE: { zh: "自评表列表", en: "Forms" },
  WEB_FILTER: { zh: "筛选（文件、工作表、项目）", en: "Filter (file, sheet, project)" },
  WEB_SHOW: { zh: "显示", en: "Show" },
  WEB_SHOW_ALL: { zh: "全部表", en: "All forms" },
  WEB_SHOW_ERRORS: { zh: "有错误的表", en: "Forms with errors" },
  WEB_SHOW_WARNINGS: { zh: "有警告的表", en: "Forms with warnings" },
  WEB_SHOW_CLEAN: { zh: "没有问题的表", en: "Forms with no findings" },
  WEB_ROWS: { zh: "显示 {shown} / 共 {total} 张表", en: "{shown} of {total} forms shown" },
  WEB_COL_SELF: { zh: "自评得分", en: "Self score" },
  WEB_COL_REVIEW: { zh: "复核得分", en: "Review score" },
  WEB_COL_DEVIATION: { zh: "偏差", en: "Deviation" },
  WEB_COL_SELF_GRADE: { zh: "自评等级", en: "Self grade" },
  WEB_COL_REVIEW_GRADE: { zh: "复核等级", en: "Review grade" },
  WEB_UNSCORED: { zh: "未评分", en: "Unscored" },
  WEB_FINDINGS: { zh: "问题（{n}）", en: "Findings ({n})" },
  WEB_SEVERITY: { zh: "级别", en: "Severity" },
  WEB_CHECK: { zh: "检查项", en: "Check" },
  WEB_FIX: { zh: "修改建议", en: "How to fix" },
  WEB_EXPECTED_FOUND: { zh: "应为 {expected}，填报 {found}", en: "expected {expected}, stated {found}" },
  WEB_LAYOUT_ISSUES: { zh: "识别表格时的问题（{n}）", en: "Layout problems ({n})" },
  WEB_CLOSE: { zh: "关闭", en: "Close" },

  // The web checker's batch summary above its table (src/web/components/BatchSummary.tsx); the
  // charts, lists and remaining labels are the report's (REPORT_*), drawn from the same counts
  WEB_SUMMARY: { zh: "汇总", en: "Summary" },
  WEB_SUMMARY_RUNNING: {
    zh: "检查中：已完成 {done}/{total} 个文件，以下数字随检查更新",
    en: "Checking: {done} of {total} files done; the figures below follow",
  },
  WEB_SUMMARY_COUNTS: { zh: "汇总数字", en: "Counts" },
  WEB_SUMMARY_FILES: { zh: "文件", en: "Files" },
  WEB_SUMMARY_CHECKED: { zh: "已检查", en: "Checked" },
  WEB_SUMMARY_FORMS: { zh: "表", en: "Forms" },
  WEB_SUMMARY_PROJECT_FORMS: { zh: "其中自评表", en: "Project forms" },
  WEB_SUMMARY_SCORE_TABLES: { zh: "其中评分表", en: "Score tables" },
  WEB_SUMMARY_DATA: { zh: "显示数据表", en: "Show the data as a table" },
  WEB_SUMMARY_OPEN: { zh: "打开 {name} 的问题", en: "Open the findings of {name}" },

  // The perf-check report (src/report/)
  REPORT_title: { zh: "绩效自评表复核报告", en: "Performance self-evaluation check report" },
  REPORT_file: { zh: "文件", en: "File" },
  REPORT_sheet: { zh: "工作表", en: "Sheet" },
  REPORT_range: { zh: "区域", en: "Range" },
  REPORT_name: { zh: "项目名称", en: "Name" },
  REPORT_total: { zh: "总分", en: "Total" },
  REPORT_grade: { zh: "等级", en: "Grade" },
  REPORT_errors: { zh: "错误", en: "Errors" },
  REPORT_warnings: { zh: "警告", en: "Warnings" },
  REPORT_info: { zh: "提示", en: "Info" },
  REPORT_cell: { zh: "单元格", en: "Cell" },
  REPORT_code: { zh: "代码", en: "Code" },
  REPORT_message: { zh: "说明", en: "Message" },
  REPORT_expected: { zh: "应为", en: "Expected" },
  REPORT_found: { zh: "填报", en: "Found" },
  REPORT_unreadable: { zh: "无法读取的文件", en: "Files that could not be read" },
  REPORT_gradeChart: { zh: "等级分布", en: "Grade distribution" },
  REPORT_files: { zh: "文件", en: "Files" },
  REPORT_status: { zh: "状态", en: "Status" },
  REPORT_forms: { zh: "表数", en: "Forms" },
  REPORT_note: { zh: "说明", en: "Note" },
  REPORT_severity: { zh: "级别", en: "Severity" },
  REPORT_layout: { zh: "布局问题（识别表格时）", en: "Layout problems (reading the form)" },
  REPORT_field: { zh: "字段", en: "Field" },
  REPORT_kind: { zh: "类型", en: "Kind" },
  REPORT_fileFindings: { zh: "文件问题", en: "File findings" },
  REPORT_noFindings: { zh: "未发现问题", en: "No findings" },
  REPORT_stated: { zh: "填报", en: "stated" },
  REPORT_computed: { zh: "复核", en: "checked" },

  // The reviewer's reports and rules listing (src/report/): head, summary, charts, workbook sheets
  RULES_POLICY: { zh: "规则集", en: "Policy" },
  RULES_PACK: { zh: "规则包", en: "Rule pack" },
  RULES_SOURCE: { zh: "依据", en: "Source" },
  REPORT_policy: { zh: "规则集", en: "Policy" },
  REPORT_packs: { zh: "规则包", en: "Rule packs" },
  REPORT_date: { zh: "日期", en: "Date" },
  REPORT_version: { zh: "版本", en: "Version" },
  REPORT_self: { zh: "自评得分", en: "Self score" },
  REPORT_review: { zh: "复核得分", en: "Review score" },
  REPORT_deviation: { zh: "偏差", en: "Deviation" },
  REPORT_selfGrade: { zh: "自评等级", en: "Self grade" },
  REPORT_reviewGrade: { zh: "复核等级", en: "Review grade" },
  REPORT_unscored: { zh: "未评分", en: "Unscored" },
  REPORT_check: { zh: "检查项", en: "Check" },
  REPORT_fix: { zh: "修改建议", en: "What to do" },
  REPORT_legend: { zh: "级别说明", en: "Severities" },
  REPORT_legend_error: { zh: "计算或填报错误，须改正", en: "a miscalculation or misstatement to correct" },
  REPORT_legend_warning: { zh: "可能有误或不合要求，须核实", en: "possibly wrong or irregular: check it" },
  REPORT_legend_info: { zh: "供复核参考", en: "for the reviewer's attention" },
  REPORT_annotated: { zh: "批注副本", en: "Annotated copy" },
  REPORT_rate: { zh: "执行率", en: "Execution rate" },
  REPORT_formsTitle: { zh: "各表得分", en: "Forms" },
  REPORT_overview: { zh: "汇总", en: "Summary" },
  REPORT_details: { zh: "各表问题", en: "Findings by form" },
  REPORT_gradesChart: { zh: "自评等级与复核等级（表数）", en: "Self and review grades (forms)" },
  REPORT_rateChart: { zh: "执行率分布（表数）", en: "Spread of execution rates (forms)" },
  REPORT_noRate: { zh: "无执行率", en: "No rate" },
  REPORT_bandRange: { zh: "{lo}%–{hi}%", en: "{lo}%–{hi}%" },
  REPORT_bandOpen: { zh: "{lo}% 及以上", en: "{lo}% and above" },
  REPORT_deviations: {
    zh: "自评与复核相差 {n} 分及以上的表",
    en: "Forms whose self and review totals differ by {n} or more",
  },
  REPORT_highSelfLowRate: {
    zh: "自评 {self} 分及以上而执行率低于 {rate}% 的表",
    en: "Forms self-scored {self} or more with an execution rate below {rate}%",
  },
  REPORT_allFull: { zh: "全部指标满分的表", en: "Forms at full marks on every indicator" },
  REPORT_none: { zh: "无", en: "None" },
  REPORT_count: { zh: "表数", en: "Forms" },
  REPORT_selfNote: {
    zh: "自评得分为表中填报的总分，未填总分的为填报的各项得分之和；复核得分按规则集重新计分；偏差 = 自评 − 复核。未填任何得分的表记为“未评分”。",
    en: "The self score is the stated 总分, else the sum of the stated scores; the review score is the policy's re-scoring; deviation = self − review. A form with no score filled in counts as unscored.",
  },
  // Findings about a whole file (src/report/rules.ts): their names and fix hints in the reports
  CHECK_NO_FORM: { zh: "未找到绩效自评表", en: "No self-evaluation form found" },
  FIX_NO_FORM: {
    zh: "确认工作簿中有绩效自评表；表头未能识别时，用 --mapping 指定各列",
    en: "Make sure the workbook holds a self-evaluation form; where its headers are not understood, name the columns with --mapping",
  },
  CHECK_FILE_ERROR: { zh: "文件无法读取", en: "File cannot be read" },
  FIX_FILE_ERROR: {
    zh: "按说明修复文件，或在 Excel/WPS 中另存为 .xlsx，再检查",
    en: "Repair the file as the message says, or save it as .xlsx in Excel or WPS, and check it again",
  },
  CHECK_FILE_SKIPPED: { zh: "文件未检查", en: "File not checked" },
  FIX_FILE_SKIPPED: {
    zh: "要检查它，请另存为 .xlsx，或在命令行直接指定该文件",
    en: "To check it, save it as .xlsx, or name the file on the command line",
  },
  REPORT_summaryForms: {
    zh: "；其中自评表 {projects} 张，评分表 {tables} 张，未评分 {unscored} 张；{infos} 个提示",
    en: "; project forms: {projects}, score tables: {tables}, unscored: {unscored}; notes: {infos}",
  },
  REPORT_sheetFindings: { zh: "问题", en: "Findings" },
  REPORT_sheetForms: { zh: "表格", en: "Forms" },
  REPORT_sheetFiles: { zh: "文件", en: "Files" },
  REPORT_sheetGrades: { zh: "等级分布", en: "Grades" },
  REPORT_sheetDeviations: { zh: "偏差", en: "Deviations" },
  REPORT_sheetHighSelf: { zh: "高分低执行", en: "High self, low rate" },
  REPORT_sheetAllFull: { zh: "全部满分", en: "Full marks" },
  REPORT_sheetRates: { zh: "执行率分布", en: "Execution rates" },
  REPORT_sheetRules: { zh: "规则", en: "Rules" },
  REPORT_source: { zh: "依据", en: "Source" },
  CLI_POLICY_LINE: {
    zh: "规则集：{name}（{label}）；规则包：{packs}",
    en: "Policy: {name} ({label}); rule packs: {packs}",
  },
  CLI_FORM_SCORES: {
    zh: "自评 {self} / 复核 {review} / 偏差 {deviation}",
    en: "self {self} / review {review} / deviation {deviation}",
  },

  // The task pane (src/taskpane)

  PANE_TITLE: { zh: "绩效自评表复核", en: "Performance self-evaluation check" },
  PANE_SHEET: { zh: "工作表：{sheet}", en: "Sheet: {sheet}" },

  // Policy
  POLICY_LABEL: { zh: "评分规则（随工作簿保存）", en: "Scoring policy (saved with the workbook)" },
  POLICY_CUSTOM: { zh: "自定义规则“{name}”", en: 'Custom policy "{name}"' },
  POLICY_SAVED: {
    zh: "评分规则已改为“{label}”，已重新复核。",
    en: 'Scoring policy set to "{label}"; the sheet was checked again.',
  },

  // Actions
  ACTIONS_LABEL: { zh: "操作", en: "Actions" },
  ACTION_REFRESH: { zh: "重新读取", en: "Refresh" },
  ACTION_REFRESH_HINT: {
    zh: "重新读取当前工作表并检查（不修改工作表）",
    en: "Read the active sheet again and check it (changes nothing)",
  },
  ACTION_VALIDATE: { zh: "复核并标记", en: "Validate" },
  ACTION_VALIDATE_HINT: {
    zh: "检查当前工作表，并在有问题的单元格上标记颜色和批注",
    en: "Check the active sheet and flag each finding on its cell (fill and note)",
  },
  ACTION_WRITE: { zh: "写入公式", en: "Write formulas" },
  ACTION_WRITE_HINT: {
    zh: "在执行率、得分和总分单元格中写入计算公式",
    en: "Write formulas into the rate, score and total cells",
  },
  ACTION_CLEAR: { zh: "清除标记", en: "Clear flags" },
  ACTION_CLEAR_HINT: { zh: "移除本加载项添加的填充色和批注", en: "Remove the fills and notes this add-in added" },
  ACTION_REVERT: { zh: "撤销修改", en: "Revert" },
  ACTION_REVERT_HINT: {
    zh: "把本加载项写入或标记过的单元格恢复原状",
    en: "Restore every cell this add-in wrote or flagged",
  },
  ACTION_REVERT_NONE: { zh: "没有可撤销的修改", en: "Nothing to revert" },
  FORMULA_STYLE: { zh: "公式类型", en: "Formula style" },
  STYLE_PERF: { zh: "PERF 函数", en: "PERF functions" },
  STYLE_NATIVE: { zh: "Excel 原生公式", en: "Native Excel formulas" },
  STYLE_HINT: {
    zh: "原生公式在未安装本加载项的电脑上也能计算",
    en: "Native formulas also calculate where this add-in is not installed",
  },

  // Progress and results
  BUSY_ANALYZE: { zh: "正在读取工作表…", en: "Reading the sheet…" },
  BUSY_VALIDATE: { zh: "正在复核并标记…", en: "Validating and flagging…" },
  BUSY_PREVIEW: { zh: "正在准备公式…", en: "Preparing formulas…" },
  BUSY_APPLY: { zh: "正在写入公式…", en: "Writing formulas…" },
  BUSY_CLEAR: { zh: "正在清除标记…", en: "Clearing flags…" },
  BUSY_REVERT: { zh: "正在撤销修改…", en: "Reverting…" },
  BUSY_MAPPING: { zh: "正在保存映射…", en: "Saving the mapping…" },
  BUSY_POLICY: { zh: "正在保存评分规则…", en: "Saving the policy…" },
  PROGRESS_STEP: { zh: "{label}（{done}/{total}）", en: "{label} ({done}/{total})" },
  CANCEL: { zh: "取消", en: "Cancel" },
  CANCEL_OPERATION: { zh: "取消当前操作", en: "Cancel the running operation" },
  CANCELLED: { zh: "操作已取消，工作表未改动。", en: "Cancelled; the sheet was not changed." },
  ERROR_TITLE: { zh: "出错了", en: "Something went wrong" },
  DISMISS: { zh: "关闭消息", en: "Dismiss message" },
  DONE_TITLE: { zh: "完成", en: "Done" },
  DONE_VALIDATE: {
    zh: "已复核：{counts}。问题已标记在单元格上。",
    en: "Validated: {counts}. The findings are flagged on their cells.",
  },
  DONE_VALIDATE_CLEAN: { zh: "已复核，未发现问题。", en: "Validated: no findings." },
  DONE_WRITE: { zh: "已写入 {n} 个公式。", en: "Wrote {n} formulas." },
  DONE_WRITE_ONE: { zh: "已写入 {n} 个公式。", en: "Wrote 1 formula." },
  DONE_NOTHING_TO_WRITE: {
    zh: "没有需要写入的公式：相关单元格已是相同公式或填有文字。",
    en: "Nothing to write: the cells already hold the same formulas or hold text.",
  },
  DONE_CLEAR: { zh: "已清除 {n} 个标记。", en: "Cleared {n} flags." },
  DONE_CLEAR_ONE: { zh: "已清除 {n} 个标记。", en: "Cleared 1 flag." },
  DONE_REVERT: { zh: "已恢复 {n} 个单元格。", en: "Restored {n} cells." },
  DONE_REVERT_ONE: { zh: "已恢复 {n} 个单元格。", en: "Restored 1 cell." },
  DONE_MAPPING: {
    zh: "映射已保存到工作簿，并已按新映射重新检查。",
    en: "Mapping saved in the workbook; the sheet was checked again with it.",
  },
  DONE_MAPPING_DELETED: {
    zh: "已删除保存的映射，已按自动识别重新检查。",
    en: "The saved mapping was deleted; the sheet was checked again as detected.",
  },

  // Issue 12, kept records (src/excel/store.ts matchRecords): changes whose sheet is not found
  KEPT_RECORDS_TITLE: { zh: "部分修改记录已保留", en: "Some records were kept" },
  KEPT_RECORDS: {
    zh: "{n} 张工作表的修改记录找不到对应的工作表，已保留在工作簿中，未撤销也未清除：{sheets}。把工作表改回原名后再试一次。",
    en: "The records of {n} sheet(s) match no sheet of this workbook and were kept, neither reverted nor cleared: {sheets}. Give the sheet its old name back and try again.",
  },
  KEPT_RECORD: { zh: "“{sheet}”（{cells} 个单元格）", en: '"{sheet}" ({cells} cells)' },

  // Issue 12, features this Excel lacks (src/excel/requirements.ts OPTIONAL)
  FEATURES_MISSING_TITLE: { zh: "此版本的 Excel 缺少以下功能", en: "This version of Excel lacks" },
  FEATURE_notes: {
    zh: "批注（需要 {set}）：问题改为列在“复核结果”工作表中，单元格只填色。",
    en: "notes ({set}): the findings are listed on the sheet 复核结果 instead, and cells are only filled.",
  },
  FEATURE_merges: {
    zh: "读取合并单元格（需要 {set}）：识别表格时看不到合并区域，表头可能认错，请在“列映射”中核对。",
    en: "reading merged cells ({set}): detection does not see merged areas and may misread headers; check the Columns tab.",
  },
  FEATURE_fillPattern: {
    zh: "区分白色填充与无填充（需要 {set}）：清除标记时，单元格原有的白色填充按无填充处理。",
    en: "telling a white fill from none ({set}): Clear flags treats a white fill a cell had as none.",
  },

  // Counts
  COUNT_ERRORS: { zh: "{n} 个错误", en: "{n} errors" },
  COUNT_ERRORS_ONE: { zh: "{n} 个错误", en: "1 error" },
  COUNT_WARNINGS: { zh: "{n} 个警告", en: "{n} warnings" },
  COUNT_WARNINGS_ONE: { zh: "{n} 个警告", en: "1 warning" },
  COUNT_INFOS: { zh: "{n} 个提示", en: "{n} notes" },
  COUNT_INFOS_ONE: { zh: "{n} 个提示", en: "1 note" },
  LIST_SEPARATOR: { zh: "、", en: ", " },

  // Forms
  FORMS_HEADING: { zh: "自评表", en: "Forms" },
  FORMS_COUNT: { zh: "当前工作表识别到 {n} 张表", en: "{n} forms found on the active sheet" },
  FORMS_COUNT_ONE: { zh: "当前工作表识别到 {n} 张表", en: "1 form found on the active sheet" },
  FORMS_NONE: {
    zh: "当前工作表中没有识别到自评表。请切换到自评表所在的工作表，然后点击“重新读取”。",
    en: "No self-evaluation form was found on the active sheet. Switch to the sheet that holds one, then click Refresh.",
  },
  FORM_UNNAMED: { zh: "未命名的表", en: "Untitled form" },
  FORM_RANGE: { zh: "区域 {range}", en: "Range {range}" },
  KIND_project: { zh: "项目支出绩效自评表", en: "Project expenditure form" },
  "KIND_score-table": { zh: "绩效评价评分表", en: "Evaluation score table" },
  FORM_NO_ISSUES: { zh: "无问题", en: "No findings" },

  // Issue 12, the form card (src/taskpane/components/FormList.tsx): the totals and the grades
  FORM_SELF_SCORE: { zh: "自评得分", en: "Self-evaluated" },
  FORM_REVIEW_SCORE: { zh: "复核得分", en: "Reviewed" },
  FORM_UNSCORED: { zh: "未评分", en: "Not scored" },
  FORM_NO_FIGURE: { zh: "—", en: "—" },
  FORM_GRADE: { zh: "等级 {grade}", en: "grade {grade}" },

  // Tabs
  TABS_LABEL: { zh: "所选表的详情", en: "Details of the selected form" },
  TAB_FINDINGS: { zh: "问题", en: "Findings" },
  TAB_MAPPING: { zh: "列映射", en: "Columns" },
  TAB_CHART: { zh: "得分图", en: "Chart" },

  // Findings
  FINDINGS_HINT: {
    zh: "点击问题或按 Enter 可在工作表中选中对应单元格。",
    en: "Click a finding or press Enter on it to select its cell in the sheet.",
  },
  FINDINGS_NONE: { zh: "没有发现问题。", en: "No findings." },
  FINDINGS_FORM: { zh: "{name}：{counts}", en: "{name}: {counts}" },
  FINDINGS_SEVERITY: { zh: "{severity}（{n}）", en: "{severity} ({n})" },
  FINDING_EXPECTED: { zh: "应为 {value}", en: "Expected {value}" },
  FINDING_FOUND: { zh: "填报 {value}", en: "Found {value}" },

  // Mapping
  MAPPING_INTRO: {
    zh: "若某个字段识别错了列，请选择正确的列并保存。映射保存在工作簿中，下次复核时使用。",
    en: "If a field was read from the wrong column, choose the right one and save. The mapping is stored in the workbook and used from then on.",
  },
  MAPPING_IND: { zh: "绩效指标（表头在第 {row} 行）", en: "Indicators (header on row {row})" },
  MAPPING_FUNDS: { zh: "项目资金（表头在第 {row} 行）", en: "Project funds (header on row {row})" },
  MAPPING_AUTO: { zh: "（不指定，自动识别）", en: "(not set: detect automatically)" },
  MAPPING_COLUMN: { zh: "{col} 列：{header}", en: "Column {col}: {header}" },
  MAPPING_COLUMN_BLANK: { zh: "{col} 列", en: "Column {col}" },
  MAPPING_WAS: { zh: "已更改，原为 {was}", en: "Changed; was {was}" },
  MAPPING_SAVE: { zh: "保存映射", en: "Save mapping" },
  MAPPING_DISCARD: { zh: "放弃更改", en: "Discard changes" },
  MAPPING_UNSAVED: { zh: "有 {n} 处未保存的更改", en: "{n} unsaved changes" },
  MAPPING_UNSAVED_ONE: { zh: "有 {n} 处未保存的更改", en: "1 unsaved change" },
  MAPPING_STORED: { zh: "工作簿中已保存此工作表的映射。", en: "A saved mapping is in use for this sheet." },
  MAPPING_FORGET: { zh: "删除已保存的映射", en: "Delete the saved mapping" },
  MAPPING_NOT_PROJECT: {
    zh: "评分表按层级自动识别，无需映射列。",
    en: "Score tables are read by their levels; they need no column mapping.",
  },
  ISSUES_HEADING: { zh: "识别说明", en: "Layout notes" },
  ISSUE_missing: { zh: "缺少字段", en: "Missing" },
  ISSUE_ambiguous: { zh: "不确定", en: "Ambiguous" },
  "ISSUE_stale-mapping": { zh: "映射已失效", en: "Stale mapping" },
  ISSUE_inferred: { zh: "推断", en: "Inferred" },
  ISSUE_SHOW: { zh: "查看 {cell}", en: "Show {cell}" },
  "FIELD_ind.level1": { zh: "一级指标", en: "Level-1 indicator" },
  "FIELD_ind.level2": { zh: "二级指标", en: "Level-2 indicator" },
  "FIELD_ind.level3": { zh: "三级指标", en: "Level-3 indicator" },
  "FIELD_ind.target": { zh: "年度指标值", en: "Target" },
  "FIELD_ind.actual": { zh: "实际完成值", en: "Actual" },
  "FIELD_ind.weight": { zh: "分值", en: "Weight" },
  "FIELD_ind.score": { zh: "得分", en: "Score" },
  "FIELD_ind.reason": { zh: "偏差原因", en: "Reason for deviation" },
  "FIELD_funds.initial": { zh: "年初预算数", en: "Initial budget" },
  "FIELD_funds.budget": { zh: "全年预算数", en: "Annual budget" },
  "FIELD_funds.executed": { zh: "全年执行数", en: "Executed" },
  "FIELD_funds.weight": { zh: "分值", en: "Weight" },
  "FIELD_funds.rate": { zh: "执行率", en: "Execution rate" },
  "FIELD_funds.score": { zh: "得分", en: "Score" },
  "FIELD_funds.total": { zh: "年度资金总额", en: "Total annual funds" },
  "FIELD_total.score": { zh: "总分", en: "Total score" },
  FIELD_name: { zh: "项目名称", en: "Project name" },
  FIELD_score: { zh: "得分", en: "Score" },
  FIELD_mapping: { zh: "列映射", en: "Column mapping" },

  // Chart
  CHART_TITLE: { zh: "{name}：各一级指标得分与分值", en: "{name}: score per level-1 indicator against its weight" },
  CHART_BUDGET: { zh: "预算执行率", en: "Budget execution" },
  CHART_VALUE: { zh: "{score} / {weight}", en: "{score} / {weight}" },
  CHART_BAR: { zh: "{label}：得分 {score}，分值 {weight}", en: "{label}: score {score} of {weight}" },
  CHART_TOTAL: { zh: "合计：得分 {score}，分值 {weight}", en: "Total: score {score} of {weight}" },
  CHART_LEGEND_SCORE: { zh: "得分", en: "Score" },
  CHART_LEGEND_WEIGHT: { zh: "分值", en: "Weight" },
  CHART_TABLE: { zh: "以表格查看", en: "Show as a table" },
  CHART_COL_NAME: { zh: "一级指标", en: "Level-1 indicator" },
  CHART_COL_SCORE: { zh: "得分", en: "Score" },
  CHART_COL_WEIGHT: { zh: "分值", en: "Weight" },
  CHART_COL_SHARE: { zh: "得分率", en: "Share" },
  CHART_TOTAL_ROW: { zh: "合计", en: "Total" },
  CHART_NONE: { zh: "此表没有填报得分，无法绘图。", en: "This form has no stated scores to chart." },

  // Write dialog
  WRITE_TITLE: { zh: "替换已填写的单元格？", en: "Replace typed numbers?" },
  WRITE_INTRO: {
    zh: "将写入 {total} 个公式，其中以下 {n} 个单元格已填有数字或公式：",
    en: "{total} formulas are ready to write. These {n} cells already hold a typed number or a formula:",
  },
  WRITE_TEXT_KEPT: { zh: "另有 {n} 个填有文字的单元格保持不变。", en: "{n} more cells hold text and are left alone." },
  WRITE_COL_CELL: { zh: "单元格", en: "Cell" },
  WRITE_COL_NOW: { zh: "现有内容", en: "Now" },
  WRITE_COL_NEW: { zh: "将写入", en: "Formula" },
  WRITE_COL_RESULT: { zh: "计算值", en: "Value" },
  WRITE_REPLACE: { zh: "一并替换", en: "Replace them too" },
  WRITE_KEEP: { zh: "保留已填数字", en: "Keep typed numbers" },

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

  // Issue 16, WPS 表格 (src/wps): the ribbon (ribbon.xml getLabel; 清除标记 and 撤销修改 are ACTION_CLEAR and
  // ACTION_REVERT), its messages, the pane without PERF functions
  WPS_RIBBON_TAB: { zh: "绩效复核", en: "Performance check" },
  WPS_RIBBON_GROUP: { zh: "绩效自评表", en: "Self-evaluation forms" },
  WPS_RIBBON_VALIDATE: { zh: "复核工作表", en: "Validate sheet" },
  WPS_RIBBON_PANE: { zh: "打开窗格", en: "Open pane" },
  WPS_CLEARED: { zh: "已清除 {n} 个标记。", en: "Cleared {n} flag(s)." },
  WPS_REVERT_CONFIRM: {
    zh: "把本加载项写入或标记过的每个单元格恢复原状（值、公式、格式、填充、批注）？",
    en: "Restore every cell this add-in wrote or flagged (values, formulas, formats, fills, notes)?",
  },
  WPS_REVERTED: { zh: "已恢复 {n} 个单元格。", en: "Restored {n} cell(s)." },
  WPS_KEPT: {
    zh: "找不到工作表的记录保留在工作簿中：{sheets}。",
    en: "Records whose sheet is not found are kept in the workbook: {sheets}.",
  },
  WPS_KEPT_SHEET: { zh: "“{sheet}”（{cells} 个单元格）", en: '"{sheet}" ({cells} cells)' },
  WPS_FAILED: { zh: "操作失败：{detail}", en: "It failed: {detail}" },
  STYLE_PERF_MISSING: {
    zh: "此版本的 WPS 不运行加载项函数（需要 12.1.0.20540 或更高版本）：请写入原生公式。",
    en: "This WPS runs no add-in functions (12.1.0.20540 or later needed): write native formulas.",
  },
} as const satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof STRINGS;

/** Template parameters; a Bilingual value is filled in each language with its own text. */
export type Params = Record<string, string | number | undefined | Bilingual>;

/** Each template split once into literal text (even places) and parameter names (odd places). */
const COMPILED = new Map<string, string[]>();

function fill(template: string, params: Params, lang: Lang): string {
  let parts = COMPILED.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    COMPILED.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    if (v !== undefined) out += typeof v === "object" ? v[lang] : String(v);
    out += parts[i + 1];
  }
  return out;
}

/** One string in one language. */
export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  return fill(STRINGS[key][lang], params, lang);
}

/** Both languages, for messages stored on findings. */
export function both(key: StringKey, params: Params = {}): Bilingual {
  return { zh: fill(STRINGS[key].zh, params, "zh"), en: fill(STRINGS[key].en, params, "en") };
}
