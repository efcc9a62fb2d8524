/**
 * Header vocabulary of real templates: the synonyms and truncations accountants use.
 * Pure data and matching helpers.
 */

const NORM_CACHE = new Map<string, string>();
const CACHE_LIMIT = 20000;

/** Remove all white space (incl. full-width and line breaks) and unify brackets/colons. Memoized: templates repeat their labels. */
export function norm(s: string): string {
  const hit = NORM_CACHE.get(s);
  if (hit !== undefined) return hit;
  const n = s
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/：/g, ":");
  if (NORM_CACHE.size >= CACHE_LIMIT) NORM_CACHE.clear();
  NORM_CACHE.set(s, n);
  return n;
}

export type IndicatorColumn = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason";
export type FundsColumn = "initial" | "budget" | "executed" | "weight" | "rate" | "score";

/** Exact synonyms first, in order of preference. */
export const INDICATOR_HEADERS: Record<IndicatorColumn, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标名称", "具体指标"],
  target: ["年度指标值", "指标值", "年度目标值", "目标值", "预期指标值", "计划指标值"],
  actual: ["实际完成值", "实际值", "全年实际值", "完成值", "实际完成", "全年完成值"],
  weight: ["分值", "权重", "标准分值", "指标分值"],
  score: ["得分", "自评得分", "评分", "实际得分", "自评分"],
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

export const TOTAL_LABELS = /^(总分|合计|总计|合计得分|总得分|自评总分)$/;
export const GRADE_LABELS = /^(等级|评价等级|自评等级|绩效等级|评定等级)[:：]?$/;
export const FORM_TITLE = /项目支出绩效自评表|绩效自评表|项目绩效自评/;
export const NAME_LABELS = /^(项目名称|名称)$/;
export const FUNDS_TOTAL_LABELS = /^(年度资金总额|年度总金额|资金总额|年度资金|合计|总额)$/;
export const FUNDS_PART_LABELS = /^(其中|上年结转|其他资金|财政拨款|当年财政拨款)/;

/** How well a header text names a column: 1 exact synonym, 0.9 synonym inside, 0 none. */
const MATCH_CACHE = new WeakMap<string[], Map<string, number>>();

export function headerMatch(text: string, synonyms: string[]): number {
  let cache = MATCH_CACHE.get(synonyms);
  if (!cache) {
    cache = new Map();
    MATCH_CACHE.set(synonyms, cache);
  }
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const score = matchScore(norm(text), synonyms);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, score);
  return score;
}

function matchScore(t: string, synonyms: string[]): number {
  if (!t) return 0;
  for (const s of synonyms) if (t === s) return 1;
  for (const s of synonyms) if (s.length >= 2 && t.includes(s)) return 0.9;
  return 0;
}

/** Level-1 label with its weight: "产出指标 (50分)", "产出指标(50)". */
export function splitWeightLabel(text: string): { name: string; weight?: string } {
  const t = norm(text);
  const m = /^(.*?)\((\d+(?:\.\d+)?)分?\)$/.exec(t);
  if (m && m[1]) return { name: m[1], weight: m[2] };
  return { name: t };
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

const KINDS_CACHE = new Map<string, number>();

/**
 * All header kinds a (trimmed) cell text names, as one bitmask: the same answers as the
 * headerMatch calls it stands for, one memoized lookup per text.
 */
export function headerKinds(t: string): number {
  const hit = KINDS_CACHE.get(t);
  if (hit !== undefined) return hit;
  let k = 0;
  if (/^[一二三四]级指标$/.test(norm(t))) k |= HK_SUBLEVEL;
  if (
    headerMatch(t, INDICATOR_HEADERS.level1) ||
    headerMatch(t, INDICATOR_HEADERS.level2) ||
    headerMatch(t, INDICATOR_HEADERS.level3)
  )
    k |= HK_LEVEL;
  if (headerMatch(t, INDICATOR_HEADERS.target) || headerMatch(t, INDICATOR_HEADERS.actual)) k |= HK_MEASURE;
  if (headerMatch(t, INDICATOR_HEADERS.score)) k |= HK_SCORE;
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
