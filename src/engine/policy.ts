/**
 * Scoring policies as data. Every rule takes a Policy; nothing here is a scattered constant.
 */
import type { GradeBand, Policy } from "./types";

/** A policy lookup or a policy document failed. `issues` lists every problem found. */
export class PolicyError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly issues: { path: string; zh: string; en: string }[];
  constructor(zh: string, en: string, issues: { path: string; zh: string; en: string }[] = []) {
    super(`${zh} / ${en}`);
    this.name = "PolicyError";
    this.zh = zh;
    this.en = en;
    this.issues = issues;
  }
}

function deepFreeze<T>(o: T): T {
  if (typeof o === "object" && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

const GRADES: GradeBand[] = [
  { min: 90, grade: "优", en: "Excellent" },
  { min: 80, grade: "良", en: "Good" },
  { min: 60, grade: "中", en: "Fair" },
  { min: 0, grade: "差", en: "Poor" },
];

/** 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号). */
export const national: Policy = deepFreeze({
  name: "national",
  label: { zh: "全国通行（财预〔2020〕10号）", en: "National (MOF 2020 No. 10)" },
  source:
    "财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）；反向指标超标按 指标值/完成值 × 分值（北京市项目支出绩效自评表）",
  weights: { budget: 10, output: 50, effect: 30, satisfaction: 10 },
  reverse: "inverse",
  cost: "as-reverse",
  rounding: { decimals: 2, mode: "half-up" },
  grades: GRADES,
  qualitativeBands: { met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] },
  overshootRatio: 1.3,
  // The arithmetic of the form, then the review-quality rules (src/engine/checks/packs.ts).
  packs: ["core", "review"],
  // 四川 项目支出绩效自评表: an 执行率 under 90% is to be explained (LOW_EXECUTION_NO_REASON).
  explainRateBelow: 0.9,
} as Policy);

/** As national, but a "≤" indicator over its target loses in proportion: over by x% loses x%, 0 at double. */
export const linear: Policy = deepFreeze({
  ...national,
  name: "linear",
  label: { zh: "反向指标线性扣分", en: "Linear penalty for reverse indicators" },
  source: "财预〔2020〕10号；反向指标超出指标值 x% 扣减分值的 x%，超出一倍得 0 分",
  reverse: "linear",
} as Policy);

/** Baotou forms: cost indicators scored 完成值/指标值 × 分值, capped at the weight. */
export const spendRatio: Policy = deepFreeze({
  ...national,
  name: "spend-ratio",
  label: { zh: "成本指标按支出比例（包头）", en: "Cost indicators by spend ratio (Baotou)" },
  source:
    "包头市 2021 年度项目支出绩效自评表：成本指标得分 = 完成值/指标值 × 分值（不超过分值）；其余同财预〔2020〕10号",
  cost: "spend-ratio",
} as Policy);

/**
 * A budget block worth 20 and the indicators 80 (得分 = 20 分 × 执行率), as the 2020 湖北式 项目自评表 of
 * a district 商务局 states it (test/data/cases/fuwumaoyi-2020.xlsx: 预算执行情况(20分), 年度绩效目标(80分));
 * the template sets no split of the 80 among the level-1 groups. Otherwise as national.
 */
export const budget20: Policy = deepFreeze({
  ...national,
  name: "budget-20",
  label: { zh: "预算执行 20 分、绩效目标 80 分（湖北式自评表）", en: "Budget 20, indicators 80 (Hubei-style form)" },
  source:
    "湖北式 2020 年市级服务贸易发展资金项目自评表（区商务局公开）：预算执行情况 20 分，得分 = 20 分 × 执行率；年度绩效目标 80 分；其余同财预〔2020〕10号",
  weights: { budget: 20, indicators: 80 },
} as Policy);

export const POLICIES: Readonly<Record<string, Policy>> = Object.freeze({
  national,
  linear,
  "spend-ratio": spendRatio,
  "budget-20": budget20,
});

export const POLICY_NAMES: readonly string[] = Object.freeze(Object.keys(POLICIES));

/**
 * A policy's full marks: the budget weight plus the indicators' (weights.indicators, else the
 * level-1 groups' output + effect + satisfaction): 100 under 财预〔2020〕10号 and under budget-20.
 */
export function fullMarksOf(p: Policy): number {
  const w = p.weights;
  return w.budget + (w.indicators ?? (w.output ?? 0) + (w.effect ?? 0) + (w.satisfaction ?? 0));
}

/** undefined or "" → national; unknown → PolicyError listing the names. */
export function getPolicy(name?: string | null): Policy {
  const key = (name ?? "").trim();
  if (key === "") return national;
  const p = Object.prototype.hasOwnProperty.call(POLICIES, key) ? POLICIES[key] : undefined;
  if (!p) {
    throw new PolicyError(
      `未知的评分规则“${key}”，可用：${POLICY_NAMES.join("、")}`,
      `unknown policy "${key}"; available: ${POLICY_NAMES.join(", ")}`,
    );
  }
  return p;
}

type Issue = { path: string; zh: string; en: string };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const TOP_KEYS = [
  "extends",
  "name",
  "label",
  "source",
  "weights",
  "reverse",
  "cost",
  "rounding",
  "grades",
  "qualitativeBands",
  "overshootRatio",
  "packs",
  "explainRateBelow",
  "totalCaps",
];

/**
 * A policy from a JSON document: `{ "extends": "national", "name": "...", "rounding": {...}, ... }`.
 * Fields not given come from `extends` (default national). Every field is checked; all problems are
 * reported together in one PolicyError.
 */
export function policyFromJson(obj: unknown): Policy {
  if (typeof obj === "string") {
    try {
      obj = JSON.parse(obj);
    } catch (e) {
      throw new PolicyError(
        `评分规则不是有效的 JSON：${(e as Error).message}`,
        `policy is not valid JSON: ${(e as Error).message}`,
      );
    }
  }
  if (!isObject(obj)) throw new PolicyError("评分规则必须是 JSON 对象", "a policy must be a JSON object");
  const issues: Issue[] = [];
  const bad = (path: string, zh: string, en: string) =>
    issues.push({ path, zh: `${path}：${zh}`, en: `${path}: ${en}` });

  for (const k of Object.keys(obj)) {
    if (!TOP_KEYS.includes(k)) bad(k, "未知字段", "unknown field");
  }

  let base: Policy = national;
  if (obj.extends !== undefined) {
    if (typeof obj.extends !== "string") bad("extends", "应为规则名称字符串", "must be a policy name string");
    else if (!Object.prototype.hasOwnProperty.call(POLICIES, obj.extends))
      bad(
        "extends",
        `未知的规则“${obj.extends}”，可用：${POLICY_NAMES.join("、")}`,
        `unknown policy "${obj.extends}"; available: ${POLICY_NAMES.join(", ")}`,
      );
    else base = POLICIES[obj.extends];
  }

  const str = (path: string, v: unknown): string | undefined => {
    if (typeof v !== "string" || v.trim() === "") {
      bad(path, "应为非空字符串", "must be a non-empty string");
      return undefined;
    }
    return v;
  };
  const num = (path: string, v: unknown, lo: number, hi: number, integer = false): number | undefined => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
      const what = integer ? "integer" : "number";
      bad(path, `应为 ${lo} 到 ${hi} 之间的${integer ? "整数" : "数"}`, `must be a ${what} between ${lo} and ${hi}`);
      return undefined;
    }
    return v;
  };
  const oneOf = <T extends string>(path: string, v: unknown, allowed: readonly T[]): T | undefined => {
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      bad(path, `应为 ${allowed.join(" 或 ")}`, `must be one of ${allowed.join(", ")}`);
      return undefined;
    }
    return v as T;
  };
  const unknownKeys = (path: string, o: Record<string, unknown>, keys: string[]) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) bad(`${path}.${k}`, "未知字段", "unknown field");
  };

  const out: Policy = {
    ...base,
    label: { ...base.label },
    weights: { ...base.weights },
    totalCaps: base.totalCaps?.map((c) => ({ ...c })),
    rounding: { ...base.rounding },
    grades: base.grades.map((g) => ({ ...g })),
    qualitativeBands: {
      met: [...base.qualitativeBands.met],
      partial: [...base.qualitativeBands.partial],
      unmet: [...base.qualitativeBands.unmet],
    },
  };

  if (obj.name === undefined) bad("name", "缺少规则名称", "missing the policy name");
  else {
    const n = str("name", obj.name);
    if (n !== undefined) out.name = n;
  }
  if (obj.source !== undefined) {
    const s = str("source", obj.source);
    if (s !== undefined) out.source = s;
  }
  if (obj.label !== undefined) {
    if (!isObject(obj.label)) bad("label", "应为 {zh, en} 对象", "must be an object {zh, en}");
    else {
      unknownKeys("label", obj.label, ["zh", "en"]);
      if (obj.label.zh !== undefined) out.label.zh = str("label.zh", obj.label.zh) ?? out.label.zh;
      if (obj.label.en !== undefined) out.label.en = str("label.en", obj.label.en) ?? out.label.en;
    }
  } else if (out.name !== base.name) {
    out.label = { zh: out.name, en: out.name };
  }
  if (obj.weights !== undefined) {
    if (!isObject(obj.weights))
      bad(
        "weights",
        "应为 {budget, output, effect, satisfaction, indicators} 对象",
        "must be an object {budget, output, effect, satisfaction, indicators}",
      );
    else {
      const keys = ["budget", "output", "effect", "satisfaction", "indicators"] as const;
      unknownKeys("weights", obj.weights, [...keys]);
      for (const k of keys) {
        if (obj.weights[k] !== undefined) {
          const v = num(`weights.${k}`, obj.weights[k], 0, 100);
          if (v !== undefined) out.weights[k] = v;
        }
      }
    }
  }
  if (obj.reverse !== undefined)
    out.reverse = oneOf("reverse", obj.reverse, ["inverse", "linear"] as const) ?? out.reverse;
  if (obj.cost !== undefined) out.cost = oneOf("cost", obj.cost, ["as-reverse", "spend-ratio"] as const) ?? out.cost;
  if (obj.rounding !== undefined) {
    if (!isObject(obj.rounding)) bad("rounding", "应为 {decimals, mode} 对象", "must be an object {decimals, mode}");
    else {
      unknownKeys("rounding", obj.rounding, ["decimals", "mode"]);
      if (obj.rounding.decimals !== undefined)
        out.rounding.decimals = num("rounding.decimals", obj.rounding.decimals, 0, 10, true) ?? out.rounding.decimals;
      if (obj.rounding.mode !== undefined)
        out.rounding.mode =
          oneOf("rounding.mode", obj.rounding.mode, ["half-up", "truncate"] as const) ?? out.rounding.mode;
    }
  }
  if (obj.grades !== undefined) {
    if (!Array.isArray(obj.grades) || obj.grades.length === 0)
      bad("grades", "应为非空数组，最高等级在前", "must be a non-empty array, highest band first");
    else {
      const grades: GradeBand[] = [];
      obj.grades.forEach((g: unknown, i: number) => {
        const path = `grades[${i}]`;
        if (!isObject(g)) {
          bad(path, "应为 {min, grade, en} 对象", "must be an object {min, grade, en}");
          return;
        }
        unknownKeys(path, g, ["min", "grade", "en"]);
        const min = num(`${path}.min`, g.min, -1e9, 1e9);
        const grade = str(`${path}.grade`, g.grade);
        const en = str(`${path}.en`, g.en);
        if (min !== undefined && grade !== undefined && en !== undefined) grades.push({ min, grade, en });
      });
      for (let i = 1; i < grades.length; i++) {
        if (!(grades[i].min < grades[i - 1].min))
          bad(
            `grades[${i}].min`,
            "等级下限须从高到低严格递减",
            "band minimums must strictly decrease (highest band first)",
          );
      }
      if (grades.length === obj.grades.length) out.grades = grades;
    }
  }
  if (obj.qualitativeBands !== undefined) {
    if (!isObject(obj.qualitativeBands))
      bad("qualitativeBands", "应为 {met, partial, unmet} 对象", "must be an object {met, partial, unmet}");
    else {
      const keys = ["met", "partial", "unmet"] as const;
      unknownKeys("qualitativeBands", obj.qualitativeBands, [...keys]);
      for (const k of keys) {
        const v = obj.qualitativeBands[k];
        if (v === undefined) continue;
        const path = `qualitativeBands.${k}`;
        if (
          !Array.isArray(v) ||
          v.length !== 2 ||
          !v.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= 1) ||
          v[0] > v[1]
        )
          bad(
            path,
            "应为 [下限, 上限]，0 ≤ 下限 ≤ 上限 ≤ 1（分值的比例）",
            "must be [lo, hi] with 0 ≤ lo ≤ hi ≤ 1 (fractions of the weight)",
          );
        else out.qualitativeBands[k] = [v[0], v[1]];
      }
    }
  }
  if (obj.overshootRatio !== undefined)
    out.overshootRatio = num("overshootRatio", obj.overshootRatio, 1, 100) ?? out.overshootRatio;
  if (obj.packs !== undefined) {
    // Pack names are resolved when the checks run (src/engine/checks/packs.ts), which throws on unknown names.
    if (
      !Array.isArray(obj.packs) ||
      obj.packs.length === 0 ||
      obj.packs.some((p) => typeof p !== "string" || !p.trim())
    )
      bad("packs", "应为规则包名称组成的非空数组", "must be a non-empty array of rule pack names");
    else out.packs = obj.packs.map((p: string) => p.trim());
  }

  if (obj.explainRateBelow !== undefined)
    out.explainRateBelow = num("explainRateBelow", obj.explainRateBelow, 0, 10) ?? out.explainRateBelow;
  if (obj.totalCaps !== undefined) {
    if (!Array.isArray(obj.totalCaps)) bad("totalCaps", "应为 [{below, max}] 数组", "must be an array of {below, max}");
    else {
      const caps: { below: number; max: number }[] = [];
      obj.totalCaps.forEach((c: unknown, i: number) => {
        const path = `totalCaps[${i}]`;
        if (!isObject(c)) return bad(path, "应为 {below, max} 对象", "must be an object {below, max}");
        unknownKeys(path, c, ["below", "max"]);
        const below = num(`${path}.below`, c.below, 0, 10);
        const max = num(`${path}.max`, c.max, 0, 1000);
        if (below !== undefined && max !== undefined) caps.push({ below, max });
      });
      if (caps.length === obj.totalCaps.length) out.totalCaps = caps;
    }
  }

  if (issues.length > 0) {
    throw new PolicyError(
      `评分规则有误：${issues.map((i) => i.zh).join("；")}`,
      `invalid policy: ${issues.map((i) => i.en).join("; ")}`,
      issues,
    );
  }
  return out;
}
