/** Scoring rules of 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) and the three policies. */
import { Decimal } from "../../src/engine/decimal";
import { getPolicy, policyFromJson } from "../../src/engine/policy";
import {
  assetUse,
  budgetScore,
  budgetVariance,
  carryoverRate,
  execRate,
  grade,
  indicatorScore,
  qualitativeBand,
  sumExact,
  type IndicatorScore,
} from "../../src/engine/rules";
import type { CellValue, IndicatorKind, Policy } from "../../src/engine/types";
import { readValue } from "../../src/engine/value";

const national = getPolicy("national");
const linear = getPolicy("linear");
const spendRatio = getPolicy("spend-ratio");
const d = (s: string | number) => new Decimal(String(s));

function score(
  target: CellValue,
  actual: CellValue,
  weight: number,
  policy: Policy = national,
  kind?: IndicatorKind,
  level2?: string,
): IndicatorScore {
  return indicatorScore(
    { target: readValue(target), actual: readValue(actual), weight: d(weight), kind, level2 },
    policy,
  );
}

function scored(r: IndicatorScore) {
  if (r.status !== "scored") throw new Error(`expected scored, got ${JSON.stringify(r)}`);
  return r;
}

describe("execRate (执行率 = 全年执行数/全年预算数, 财预〔2020〕10号)", () => {
  it("seed 000 创新创业人才积分落户: exact fraction and explain", () => {
    const r = execRate(53.861, 19.978525)!;
    expect(r.value.eq(r.exact)).toBe(true);
    expect(r.exact.eq(d("19.978525").div(d("53.861")))).toBe(true);
    expect(r.explain).toBe("19.978525/53.861 = 37.09%");
  });
  it("null (not an exception) when the budget is 0, blank or missing", () => {
    expect(execRate(0, 5)).toBeNull();
    expect(execRate("0", 5)).toBeNull();
    expect(execRate(null, 5)).toBeNull();
    expect(execRate(undefined, 5)).toBeNull();
    expect(execRate("", 5)).toBeNull();
    expect(execRate("—", 5)).toBeNull();
    expect(execRate(10, null)).toBeNull();
  });
  it("accepts Decimals and numeric text", () => {
    expect(execRate(d("200"), "50")!.exact.eq(d("0.25"))).toBe(true);
  });
});

describe("budgetScore (执行率 × 10, capped at 10, 财预〔2020〕10号)", () => {
  it("seed 000: 10 × 37.09% = 3.71", () => {
    const r = budgetScore(execRate(53.861, 19.978525)!.exact, national);
    expect(r.value.toString()).toBe("3.71");
    expect(r.explain).toBe("10 × 37.09% = 3.71");
  });
  it("capped at the weight when the rate exceeds 100%", () => {
    const r = budgetScore(d("1.05"), national);
    expect(r.value.eq(10)).toBe(true);
    expect(r.exact.eq(10)).toBe(true);
    expect(r.explain).toContain("满分 10");
  });
  it("negative rates → 0", () => {
    expect(budgetScore(d("-0.2"), national).value.eq(0)).toBe(true);
  });
  it("custom weight (部门整体 固定资产利用率 分值 2)", () => {
    expect(budgetScore(d("0.5"), national, 2).value.eq(1)).toBe(true);
  });
  it("rounding follows the policy: truncate at 1 decimal (seed 002 服务大厅 9.971 → 9.9)", () => {
    const truncating = policyFromJson({ name: "t1", rounding: { decimals: 1, mode: "truncate" } });
    const rate = execRate(423.9, 422.67)!.exact;
    expect(budgetScore(rate, truncating).value.toString()).toBe("9.9");
    expect(budgetScore(rate, national).value.toString()).toBe("9.97");
  });
});

describe("indicatorScore: higher (≥) indicators, 财预〔2020〕10号", () => {
  it("met → full weight", () => {
    const r = scored(score("≥3000", 3225, 15));
    expect(r.value.eq(15)).toBe(true);
    expect(r.met).toBe(true);
    expect(r.kind).toBe("higher");
    expect(r.explain).toBe("完成值 ≥ 指标值: 满分 15");
  });
  it("missed → 完成值/指标值 × 分值 (seed 000 审核人数 8 × 164/5000)", () => {
    const r = scored(score("5000人", "164人", 8));
    expect(r.exact.eq(d("0.2624"))).toBe(true);
    expect(r.value.toString()).toBe("0.26");
    expect(r.met).toBe(false);
    expect(r.explain).toBe("8 × 164/5000 = 0.2624 → 0.26");
  });
  it("no arrow when rounding does not change the figure (seed 000 接听电话时长)", () => {
    expect(scored(score("5000分钟", "4000分钟", 7)).explain).toBe("7 × 4000/5000 = 5.6");
  });
  it("a percent target reads a bare actual > 1 as percent (seed 002 特聘岗位 “≥80%” vs “≥80”)", () => {
    expect(scored(score("≥80%", "≥80", 20)).value.eq(20)).toBe(true);
    expect(scored(score("≥80%", 98, 10)).value.eq(10)).toBe(true);
    expect(scored(score("≥80%", 60, 10)).value.toString()).toBe("7.5");
  });
  it("a percent target compares a fraction actual directly (an Excel percent cell passes 0.95)", () => {
    expect(scored(score("≥90%", 0.95, 10)).met).toBe(true);
    expect(scored(score("≥90%", 0.45, 10)).value.eq(5)).toBe(true);
  });
  it("an actual with its own operator means the stated bound (seed 002 信息化运维费 ≥98% vs ≥97%)", () => {
    const r = scored(score("≥98%", "≥97%", 10));
    expect(r.exact.eq(d("9.7").div(d("0.98")))).toBe(true);
    expect(r.value.toString()).toBe("9.9");
    expect(r.explain).toBe("10 × 97%/98% = 9.898 → 9.9");
  });
  it("a bare number target means at least", () => {
    expect(scored(score("5000人", "6000人", 8)).value.eq(8)).toBe(true);
  });
});

describe("indicatorScore: lower (≤, reverse) indicators and the policies", () => {
  it("within → full weight", () => {
    const r = scored(score("≤4小时", "3小时", 20));
    expect(r.kind).toBe("lower");
    expect(r.value.eq(20)).toBe(true);
    expect(r.explain).toBe("完成值 ≤ 指标值: 满分 20");
  });
  it("over the target: national inverse 指标值/完成值 × 分值 (Beijing form), linear loses x%", () => {
    const n = scored(score("≤4小时", "5小时", 10, national));
    const l = scored(score("≤4小时", "5小时", 10, linear));
    const s = scored(score("≤4小时", "5小时", 10, spendRatio));
    expect(n.value.eq(8)).toBe(true); // 10 × 4/5
    expect(n.explain).toBe("10 × 4/5 = 8");
    expect(l.value.eq(d("7.5"))).toBe(true); // over by 25% loses 25%
    expect(l.explain).toBe("10 × (1 − (5−4)/4) = 7.5");
    expect(s.value.eq(n.value)).toBe(true); // spend-ratio is national for non-cost indicators
  });
  it("linear gives 0 at double the target and beyond; inverse never reaches 0", () => {
    expect(scored(score("≤4小时", "8小时", 10, linear)).value.eq(0)).toBe(true);
    expect(scored(score("≤4小时", "12小时", 10, linear)).value.eq(0)).toBe(true);
    expect(scored(score("≤4小时", "8小时", 10, national)).value.eq(5)).toBe(true);
  });
  it("以下 / 以内 targets are lower", () => {
    expect(scored(score("5%以下", "10%", 10)).kind).toBe("lower");
    expect(scored(score("3天以内", "2天", 10)).met).toBe(true);
  });
  it("a zero target over → 0", () => {
    expect(scored(score("≤0次", "2次", 10)).value.eq(0)).toBe(true);
  });
});

describe("indicatorScore: cost indicators (二级指标 成本指标) and the policies", () => {
  const cost = (t: CellValue, a: CellValue, w: number, p: Policy) => scored(score(t, a, w, p, "auto", "成本指标"));
  it("level2 containing 成本 makes an auto indicator cost", () => {
    expect(cost("≤9万元", "9万元", 10, national).kind).toBe("cost");
  });
  it("under the control amount: national full, spend-ratio 完成值/指标值 × 分值 (seed 003 包头)", () => {
    expect(cost("≤10万元", "8万元", 10, national).value.eq(10)).toBe(true);
    expect(cost("≤10万元", "8万元", 10, linear).value.eq(10)).toBe(true);
    const s = cost("≤10万元", "8万元", 10, spendRatio);
    expect(s.value.eq(8)).toBe(true);
    expect(s.met).toBe(false);
  });
  it("over the control amount: national inverse, linear loses x%, spend-ratio capped at the weight", () => {
    expect(cost("≤10万元", "12万元", 10, national).value.toString()).toBe("8.33");
    expect(cost("≤10万元", "12万元", 10, linear).value.eq(8)).toBe(true);
    const s = cost("≤10万元", "12万元", 10, spendRatio);
    expect(s.value.eq(10)).toBe(true);
    expect(s.met).toBe(true);
  });
  it("explicit kind cost works without level2", () => {
    expect(scored(score("13 万元", "12.83 万元", 2, spendRatio, "cost")).explain).toBe("2 × 12.83/13 = 1.9738 → 1.97");
  });
});

describe("indicatorScore: equal (=) indicators", () => {
  it("equal → full; below as higher; above as lower", () => {
    expect(scored(score("=10", "10", 10)).explain).toBe("完成值 = 指标值: 满分 10");
    expect(scored(score("=10", "8", 10)).value.eq(8)).toBe(true);
    expect(scored(score("=10", "12.5", 10)).value.eq(8)).toBe(true); // 10 × 10/12.5
    expect(scored(score("=10", "12.5", 10, linear)).value.eq(d("7.5"))).toBe(true);
  });
});

describe("indicatorScore: units", () => {
  it("different units → unreadable with a bilingual reason", () => {
    const r = score("≥5000人", "3万元", 10);
    expect(r.status).toBe("unreadable");
    if (r.status === "unreadable") {
      expect(r.reason.zh).toContain("单位");
      expect(r.reason.en).toContain("units");
    }
  });
  it("万元 vs 元 is not comparable", () => {
    expect(score("≤9万元", "90000元", 10).status).toBe("unreadable");
  });
  it("a typo'd unit that starts with the other compares (seed 002 ≤20分钟钟 vs ≤20分钟)", () => {
    expect(scored(score("≤20分钟钟", "≤20分钟", 5)).value.eq(5)).toBe(true);
  });
});

describe("indicatorScore: qualitative", () => {
  it("达成 [80%,100%] of the weight (seed 003 显著 vs 显著)", () => {
    const r = score("显著", "显著", 15);
    expect(r.status).toBe("qualitative");
    if (r.status === "qualitative") {
      expect(r.achievement).toBe("met");
      expect([r.lo.toString(), r.hi.toString()]).toEqual(["12", "15"]);
    }
  });
  it("基本达成 → [60%,100%] (seed 002 海创 资助孵化海创数量)", () => {
    const r = score("≥50个", "基本达成", 15);
    expect(r.status).toBe("qualitative");
    if (r.status === "qualitative") {
      expect(r.achievement).toBe("mostly");
      expect([r.lo.toString(), r.hi.toString()]).toEqual(["9", "15"]);
      expect(r.explain).toContain("9–15");
    }
  });
  it("部分达成 → [60%,80%), 未达成 → [0,60%)", () => {
    const p = score("得到提升", "部分达成", 10);
    const u = score("得到提升", "未达成", 10);
    expect(p.status === "qualitative" && [p.lo.toString(), p.hi.toString()]).toEqual(["6", "8"]);
    expect(u.status === "qualitative" && [u.lo.toString(), u.hi.toString()]).toEqual(["0", "6"]);
  });
  it("unknown achievement → [0, weight]", () => {
    const r = score("按计划推进", "已推进", 20);
    expect(r.status === "qualitative" && r.achievement === undefined && [r.lo.toString(), r.hi.toString()]).toEqual([
      "0",
      "20",
    ]);
  });
  it("actual text equal to the target text (spaces ignored) → met", () => {
    const r = score("阶段性成果报告12份；总结报告4份", "阶段性成果报告 12 份；总结报告 4 份", 10);
    expect(r.status === "qualitative" && r.achievement).toBe("met");
  });
  it("explicit kind qualitative on numbers", () => {
    expect(score("≥90%", "95%", 10, national, "qualitative").status).toBe("qualitative");
  });
  it("explicit numeric kind on text → unreadable", () => {
    expect(score("显著", "显著", 10, national, "higher").status).toBe("unreadable");
  });
});

describe("indicatorScore: unreadable inputs", () => {
  it.each([
    [null, "90%", "指标值为空"],
    ["≥90%", null, "完成值为空"],
    ["≥90%", "—", "不适用"],
    ["≥90%", "#DIV/0!", "错误值"],
  ] as const)("%j vs %j → %s", (t, a, zh) => {
    const r = score(t, a, 10);
    expect(r.status).toBe("unreadable");
    if (r.status === "unreadable") expect(r.reason.zh).toContain(zh);
  });
  it("negative weight → unreadable", () => {
    expect(score("≥1", "1", -1).status).toBe("unreadable");
  });
});

describe("qualitativeBand (财预〔2020〕10号 bands)", () => {
  it.each([
    ["met", "8", "10"],
    ["mostly", "6", "10"],
    ["partial", "6", "8"],
    ["unmet", "0", "6"],
    [undefined, "0", "10"],
  ] as const)("%s of 10 → [%s, %s]", (a, lo, hi) => {
    const b = qualitativeBand(a, 10, national);
    expect([b.lo.toString(), b.hi.toString()]).toEqual([lo, hi]);
  });
});

describe("grade (优 ≥90, 良 ≥80, 中 ≥60, 差 <60)", () => {
  it.each([
    ["100", "优"],
    ["90", "优"],
    ["89.99", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
    ["0", "差"],
    ["-5", "差"],
  ])("%s → %s", (total, g) => {
    expect(grade(d(total), national).grade).toBe(g);
  });
  it("uses the policy's bands", () => {
    const p = policyFromJson({
      name: "g",
      grades: [
        { min: 85, grade: "A", en: "A" },
        { min: 0, grade: "B", en: "B" },
      ],
    });
    expect(grade(d("86"), p).grade).toBe("A");
    expect(grade(d("84.99"), p).grade).toBe("B");
  });
});

describe("sumExact", () => {
  it("adds without binary floating point error", () => {
    expect(sumExact([d("0.1"), d("0.2")]).toString()).toBe("0.3");
    expect(sumExact([]).toString()).toBe("0");
  });
});

describe("department rules (seed 002 部门整体绩效评价 figures)", () => {
  it("结转结余率 = 结转结余/调整后预算: 1241.32/19340.51 ≈ 6.42%", () => {
    const r = carryoverRate(1241.32, 19340.51)!;
    expect(r.explain).toBe("1241.32/19340.51 = 6.42%");
  });
  it("预决算差异率 = (实际支出 − 年初预算)/年初预算 is negative when under: −15.52%", () => {
    const r = budgetVariance(18099.19, 21425.3)!;
    expect(r.exact.isNegative()).toBe(true);
    expect(r.explain).toBe("(18099.19 − 21425.3)/21425.3 = -15.52%");
  });
  it("固定资产利用率 = 在用/原值: 99.18%", () => {
    expect(assetUse(3281.72, 3308.91)!.explain).toBe("3281.72/3308.91 = 99.18%");
  });
  it("null on a zero or blank denominator", () => {
    expect(carryoverRate(1, 0)).toBeNull();
    expect(budgetVariance(1, null)).toBeNull();
    expect(assetUse(1, "")).toBeNull();
  });
});
