/**
 * Header vocabulary of real templates: the synonyms, truncations and label patterns accountants use.
 * A new template is mostly data here: a synonym, a label variant, a group label. Pure data and
 * matching helpers.
 */
import { memoize } from "../engine/memo";
import { TRADITIONAL_GATE } from "./traditional-gate";

/** A traditional character the vocabulary's simplified words are made of: only such texts go through OpenCC. */
const MAYBE_TRADITIONAL = new RegExp(`[${TRADITIONAL_GATE}]`, "u");

let converter: ((text: string) => string) | undefined;
/**
 * Traditional → simplified (OpenCC's t2cn tables): 總分 → 总分, 實際完成值 → 实际完成值. Loaded on
 * the first traditional text: building OpenCC's dictionaries costs more than reading a workbook
 * of simplified forms (npm run bench).
 */
function toSimplified(text: string): string {
  if (!converter) {
    // Loaded only when a text needs it (a require, not an import, for that reason).
    const { Converter } = require("opencc-js/t2cn") as typeof import("opencc-js/t2cn");
    converter = Converter({ from: "t", to: "cn" });
  }
  return converter(text);
}

/**
 * A header or label text as the vocabulary is written: all white space removed (full-width, line
 * breaks), invisible characters removed (zero-width space/joiners, soft hyphen, word joiner, BOM),
 * traditional characters simplified, full-width brackets and colons unified. Memoized: templates
 * repeat their labels.
 */
export function norm(s: string): string {
  return normMemo(s);
}

const CACHE_LIMIT = 20000;
const normMemo = memoize((s: string): string => {
  const n = s
    .replace(/[\s\u3000\u00a0\u200b-\u200d\u2060\u00ad\ufeff]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/：/g, ":");
  return MAYBE_TRADITIONAL.test(n) ? toSimplified(n) : n;
}, CACHE_LIMIT);

/** The columns a mapping may name (the pane's column editor lists these). */
export type IndicatorColumn = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason";
/**
 * Columns some templates split out: the target's operator (指标性质 "≥", "≤"), its unit (度量单位), and
 * a system export's raw score (单项指标得分) beside the converted score (折算得分) that counts.
 */
export type IndicatorPartColumn = "targetOp" | "unit" | "rawScore";
export type FundsColumn = "initial" | "budget" | "executed" | "weight" | "rate" | "score";

/** Exact synonyms first, in order of preference. A synonym inside a longer header scores 0.9. */
export const INDICATOR_HEADERS: Record<IndicatorColumn, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标名称", "具体指标"],
  target: ["年度指标值", "指标值", "年度目标值", "目标值", "预期指标值", "计划指标值"],
  actual: ["实际完成值", "实际值", "全年实际值", "完成值", "实际完成", "全年完成值"],
  weight: ["分值", "权重", "标准分值", "指标分值", "权重占比", "指标权重"],
  score: ["得分", "自评得分", "评分", "实际得分", "自评分", "折算得分"],
  reason: [
    "偏差原因分析及改进措施",
    "未完成原因分析",
    "偏差原因",
    "偏差原因分析",
    "未完成原因分析及改进措施",
    "原因分析",
    "偏差原因及改进措施",
  ],
};

/**
 * Words that name a column only as the whole header: short, generic words that occur inside many
 * other headers and labels ("项目" in 项目名称, "值" in 指标值).
 */
export const INDICATOR_EXACT_HEADERS: Partial<Record<IndicatorColumn | IndicatorPartColumn, string[]>> = {
  level1: ["项目", "一级", "指标类型", "指标大类"],
  level2: ["类别", "二级", "指标类别"],
  level3: ["三级", "指标", "指标内容", "绩效指标名称"],
  target: ["值", "数值", "目标"],
  unit: ["单位"],
  targetOp: ["符号", "运算符"],
};

export const INDICATOR_PART_HEADERS: Record<IndicatorPartColumn, string[]> = {
  targetOp: ["指标性质", "指标方向", "比较符号"],
  unit: ["度量单位", "计量单位", "指标单位"],
  rawScore: ["单项指标得分", "单项得分", "指标得分"],
};

export const FUNDS_HEADERS: Record<FundsColumn, string[]> = {
  initial: ["年初预算数", "年初预算", "年初数"],
  budget: ["全年预算数", "全年预算", "调整后预算数", "预算数"],
  executed: ["全年执行数", "全年执行", "执行数", "实际支出数"],
  weight: ["分值", "权重"],
  rate: ["执行率", "预算执行率"],
  score: ["得分", "评分", "自评得分"],
};

/** Truncated funds headers ("全年", "执行") resolve to the first unmatched column they begin. */
export const FUNDS_ORDER: FundsColumn[] = ["initial", "budget", "executed", "weight", "rate", "score"];

export const EXTRA_HEADERS = ["序号", "备注", "说明", "指标说明"];

/**
 * Group labels a header band carries above its sub-labels (绩效指标 over 一级/二级/三级指标, 年度指标值
 * over 指标性质/指标值/度量单位): header words that name no column by themselves.
 */
export const GROUP_LABELS =
  /^(绩效指标|评价指标|指标|年度指标值|年度目标值|指标值|目标值|年度绩效目标|绩效目标|年度指标|预算执行情况|资金情况|项目资金)/;

/**
 * The total row's label, after a trailing colon and a stated weight are cut off ("总分：",
 * "总分（100分）", "得分合计"); traditional characters are simplified by norm (總分).
 */
export const TOTAL_LABELS = /^(总分|合计|总计|合计得分|总得分|自评总分|得分合计|综合得分|总分合计|综合评分|评价总分)$/;
export const GRADE_LABELS = /^(等级|评价等级|自评等级|绩效等级|评定等级|评价结果|自评结果)[:：]?$/;
/** A grade written in a cell of its own ("优", "良好"). */
export const GRADE_WORDS = /^(优|良|中|差|优秀|良好|中等|合格|较差|不合格)$/;
export const FORM_TITLE = /项目支出绩效自评表|绩效自评表|项目绩效自评|绩效自评价表/;
/**
 * Labels of a form's name, best first: the project's own name, then a special fund's, then — for a
 * 部门整体 form laid out like a project form — the department's.
 */
export const NAME_LABELS: RegExp[] = [
  /^(项目名称|名称)$/,
  /^(专项名称|专项资金名称|资金名称|专项资金)$/,
  /^(部门|部门名称|单位)$/,
];
/**
 * A label left of the level columns over a block of indicator rows, stating their weight:
 * "绩效指标 (90)", "年度绩效目标(80分)", "年度绩效目标1(40分)" (the name, once the weight is cut off).
 */
export const SECTION_LABELS = /^(绩效指标|年度绩效目标|绩效目标|年度绩效指标|年度目标|绩效目标及指标)\d*$/;
/** A stated self-score outside a total row: in the head block or beside the title. */
export const SELF_SCORE_LABELS = /^(自评得分|自评分|自评总分|自评分数|综合自评得分|自评综合得分)$/;
export const FUNDS_TOTAL_LABELS = /^(年度资金总额|年度总金额|资金总额|年度资金|合计|总额)$/;
export const FUNDS_PART_LABELS = /^(其中|上年结转|其他资金|财政拨款|当年财政拨款)/;
/** Labels of the head block of a project form: title, name, 主管部门, 实施单位, 项目负责人. */
export const HEAD_BLOCK_LABELS = new RegExp(
  `${FORM_TITLE.source}|^(项目名称|专项名称|专项资金名称|部门)$|^(项目)?主管部门(及代码)?$|^实施单位$|^项目负责人$`,
);

/** How well a header text names a column: 1 exact synonym, 0.9 synonym inside, 0 none. */
const MATCH_CACHE = new WeakMap<string[], WeakMap<string[], Map<string, number>>>();

export function headerMatch(text: string, synonyms: string[], exact: string[] = NONE): number {
  let bySynonyms = MATCH_CACHE.get(synonyms);
  if (!bySynonyms) {
    bySynonyms = new WeakMap();
    MATCH_CACHE.set(synonyms, bySynonyms);
  }
  let cache = bySynonyms.get(exact);
  if (!cache) {
    cache = new Map();
    bySynonyms.set(exact, cache);
  }
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const t = norm(text);
  const score = exact.includes(t) || exact.includes(headOf(t)) ? 1 : matchScore(t, synonyms);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, score);
  return score;
}

const NONE: string[] = [];

/**
 * A header without its annotation: "预算数(A)" → "预算数", "得分(20分*执行率)" → "得分",
 * "执行率(B/A)" → "执行率". A header that is all annotation is kept.
 */
export function headOf(t: string): string {
  const m = /^([^()]+)\([^()]*\)$/.exec(t);
  return m ? m[1] : t;
}

function matchScore(t: string, synonyms: string[]): number {
  if (!t) return 0;
  for (const s of synonyms) if (t === s) return 1;
  // The header's own name before an annotation decides ("得分(20分*执行率)" is a score, not a rate).
  const head = headOf(t);
  if (head !== t) {
    for (const s of synonyms) if (head === s || (s.length >= 2 && head.includes(s))) return 0.9;
    return 0;
  }
  for (const s of synonyms) if (s.length >= 2 && t.includes(s)) return 0.9;
  return 0;
}

/**
 * Points stated inside a label: "产出指标 (50分)", "产出指标(50)", "产出指标 60分", "产出指标（权重60%）",
 * "预算执行情况(万元)(20分)". Returns the label's name and the points as written, or the name alone.
 */
export function splitWeightLabel(text: string): { name: string; weight?: string } {
  const t = norm(text);
  const paren = /^(.*?)\((?:权重|分值|满分)?:?(\d+(?:\.\d+)?)(?:分|%)?\)$/.exec(t);
  if (paren && paren[1]) return { name: paren[1], weight: paren[2] };
  const bare = /^(.*?\D)(?:权重|分值)?(\d+(?:\.\d+)?)分$/.exec(t);
  if (bare && bare[1] && !/[\d.]$/.test(bare[1])) return { name: bare[1].replace(/[:(]$/, ""), weight: bare[2] };
  return { name: t };
}

/** Points named anywhere in a header ("得分(20分*执行率)" → "20"); undefined when none. */
export function pointsIn(text: string): string | undefined {
  const m = /(\d+(?:\.\d+)?)分/.exec(norm(text));
  return m ? m[1] : undefined;
}

/**
 * A label cell's text without a trailing colon and a stated weight: "总分：" → "总分",
 * "总分（100分）" → "总分", "項目名稱:" → "项目名称".
 */
export function labelOf(text: string): string {
  const hit = LABEL_CACHE.get(text);
  if (hit !== undefined) return hit;
  const t = norm(text).replace(/:+$/, "");
  const label = splitWeightLabel(t).name.replace(/:+$/, "");
  if (LABEL_CACHE.size >= CACHE_LIMIT) LABEL_CACHE.clear();
  LABEL_CACHE.set(text, label);
  return label;
}

const LABEL_CACHE = new Map<string, string>();

/** A label and its value in one cell: "项目名称：某项目", "自评得分:98分". */
export function splitLabelValue(text: string): { label: string; value: string } | undefined {
  const t = norm(text);
  const i = t.indexOf(":");
  if (i <= 0 || i === t.length - 1) return undefined;
  return { label: t.slice(0, i), value: t.slice(i + 1) };
}

/** Level-1 category a level-2 name belongs to, when recognisable. */
export function level1Of(level2: string): string | undefined {
  const t = norm(level2);
  if (!t) return undefined;
  if (/数量|质量|时效|成本/.test(t)) return "产出指标";
  if (/满意度/.test(t)) return "满意度指标";
  if (/效益|可持续影响/.test(t)) return "效益指标";
  return undefined;
}

/** The canonical level-1 category of a level-1 label. */
export function level1Category(name: string): "output" | "effect" | "satisfaction" | undefined {
  const t = norm(name);
  if (/产出/.test(t)) return "output";
  if (/效益|效果/.test(t)) return "effect";
  if (/满意/.test(t)) return "satisfaction";
  return undefined;
}

/** Bits of headerKinds: which header vocabularies a cell's text belongs to. */
export const HK_LEVEL = 1; // 一/二/三级指标 synonyms (level1, level2 or level3)
export const HK_MEASURE = 2; // target or actual
export const HK_SCORE = 4; // indicator score
export const HK_FUNDS = 8; // funds initial, budget or rate
export const HK_SUBLEVEL = 16; // exactly "[一二三四]级指标" once normalized
export const HK_WEIGHT = 32; // indicator weight
export const HK_PART = 64; // a split target's operator or unit, a raw score
export const HK_GROUP = 128; // a group label of a header band (绩效指标, 年度指标值)
export const HK_REASON = 256; // the 偏差原因 column's header (a header, though no check needs it to find a form)

const KINDS_CACHE = new Map<string, number>();
const LEVEL_EXACT = [
  ...(INDICATOR_EXACT_HEADERS.level1 ?? []),
  ...(INDICATOR_EXACT_HEADERS.level2 ?? []),
  ...(INDICATOR_EXACT_HEADERS.level3 ?? []),
];

/**
 * All header kinds a (trimmed) cell text names, as one bitmask: the same answers as the
 * headerMatch calls it stands for, one memoized lookup per text.
 */
export function headerKinds(t: string): number {
  const hit = KINDS_CACHE.get(t);
  if (hit !== undefined) return hit;
  let k = 0;
  const n = norm(t);
  if (/^[一二三四]级指标$/.test(n)) k |= HK_SUBLEVEL;
  if (
    headerMatch(t, INDICATOR_HEADERS.level1) ||
    headerMatch(t, INDICATOR_HEADERS.level2) ||
    headerMatch(t, INDICATOR_HEADERS.level3) ||
    LEVEL_EXACT.includes(n)
  )
    k |= HK_LEVEL;
  if (headerMatch(t, INDICATOR_HEADERS.target) || headerMatch(t, INDICATOR_HEADERS.actual)) k |= HK_MEASURE;
  if (headerMatch(t, INDICATOR_HEADERS.score)) k |= HK_SCORE;
  if (headerMatch(t, INDICATOR_HEADERS.weight)) k |= HK_WEIGHT;
  if (
    headerMatch(t, INDICATOR_PART_HEADERS.targetOp) ||
    headerMatch(t, INDICATOR_PART_HEADERS.unit) ||
    headerMatch(t, INDICATOR_PART_HEADERS.rawScore) ||
    (INDICATOR_EXACT_HEADERS.unit ?? []).includes(n) ||
    (INDICATOR_EXACT_HEADERS.targetOp ?? []).includes(n)
  )
    k |= HK_PART;
  if (GROUP_LABELS.test(n)) k |= HK_GROUP;
  if (headerMatch(t, INDICATOR_HEADERS.reason)) k |= HK_REASON;
  if (
    headerMatch(t, FUNDS_HEADERS.initial) ||
    headerMatch(t, FUNDS_HEADERS.budget) ||
    headerMatch(t, FUNDS_HEADERS.rate)
  )
    k |= HK_FUNDS;
  if (KINDS_CACHE.size >= CACHE_LIMIT) KINDS_CACHE.clear();
  KINDS_CACHE.set(t, k);
  return k;
}
