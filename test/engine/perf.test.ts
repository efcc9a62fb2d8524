/** PERF.* function bodies: seed 002 department figures and the error shapes Excel sees. */
import { Decimal, agreesAtPrecision, toDecimal } from "../../src/engine/decimal";
import * as perf from "../../src/engine/perf";
import { policyFromJson } from "../../src/engine/policy";
import { readValue } from "../../src/engine/value";

const SEED002 = "seed 002_a0c86900c2b5e58b.txt 北京海外学人中心 2021年度部门整体绩效评价";

function expectNumber(x: number | string | perf.PerfError): number {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return x;
}

/** The result agrees with a printed percent ("93.58%") at its printed precision. */
function agreesWithPrinted(result: number | perf.PerfError, printedText: string): boolean {
  const p = readValue(printedText);
  if (p.kind !== "number") throw new Error(printedText);
  return agreesAtPrecision(
    p.value,
    toDecimal(expectNumber(result)),
    p.printedDecimals + (p.percent ? 2 : 0),
    "half-up",
  );
}

describe(`${SEED002} (部门整体 figures from the PERF functions)`, () => {
  it("预算执行率 93.58% = 18099.19/19340.51", () => {
    expect(agreesWithPrinted(perf.execRate(19340.51, 18099.19), "93.58%")).toBe(true);
  });
  it("结转结余率 6.42% = 1241.32/19340.51", () => {
    expect(agreesWithPrinted(perf.carryoverRate(1241.32, 19340.51), "6.42%")).toBe(true);
  });
  it("预决算差异率 −15.52% = (18099.19 − 21425.30)/21425.30", () => {
    expect(agreesWithPrinted(perf.budgetVariance(18099.19, "21425.30"), "-15.52%")).toBe(true);
  });
  it("固定资产利用率 99.18% = 3281.72/3308.91", () => {
    expect(agreesWithPrinted(perf.assetUse(3281.72, 3308.91), "99.18%")).toBe(true);
  });
  it("固定资产利用率 score 1.98 (rate × weight 2, EXECSCORE with weight 2)", () => {
    expect(agreesWithPrinted(perf.execScore(3308.91, 3281.72, 2), "1.98")).toBe(true);
  });
});

describe("rates are unrounded, scores rounded by the policy (财预〔2020〕10号)", () => {
  it("EXECRATE returns the exact fraction as a JS number", () => {
    const r = expectNumber(perf.execRate(53.861, 19.978525));
    expect(r).toBe(Number(new Decimal("19.978525").div("53.861").toString()));
  });
  it("EXECSCORE: seed 000 3.71; capped at the weight; default weight 10", () => {
    expect(perf.execScore(53.861, 19.978525)).toBe(3.71);
    expect(perf.execScore(100, 120)).toBe(10);
    expect(perf.execScore("100", "50", "6")).toBe(3);
  });
  it("SCORE: seed 000 审核人数 0.26; seed 003 宣传费 with spend-ratio 1.97", () => {
    expect(perf.score("5000人", "164人", 8)).toBe(0.26);
    expect(perf.score("13 万元", "12.83 万元", 2, "cost", "spend-ratio")).toBe(1.97);
    expect(perf.score("13 万元", "12.83 万元", 2, "成本", "national")).toBe(2);
  });
  it("SCORE: an Excel percent cell arrives as a fraction", () => {
    expect(perf.score("≥95%", 0.9, 10)).toBe(9.47);
  });
  it("TOTAL: exact sum of numbers and numeric texts, ignoring dashes, text, blanks, booleans", () => {
    expect(
      perf.total(
        [[0.1, 0.2]],
        [
          ["0.3", "—", null],
          ["显著", true, ""],
        ],
      ),
    ).toBe(0.6);
    expect(perf.total([[3.71, 0.26, 5.6, 5, 5, 5, 6, 4, 10, 30, 10]])).toBe(84.57); // seed 000 总分
    expect(perf.total()).toBe(0);
  });
  it("GRADE at the band edges", () => {
    expect(perf.grade(89.99)).toBe("良");
    expect(perf.grade(90)).toBe("优");
    expect(perf.grade("80")).toBe("良");
    expect(perf.grade(60)).toBe("中");
    expect(perf.grade(59.99)).toBe("差");
  });
  it("GRADE under budget-20 (湖北式 form: 预算执行 20 + 指标 80, full marks 100): graded, not thrown", () => {
    // budget-20 states weights.indicators (80) and no output/effect/satisfaction split: full marks 20 + 80 = 100.
    expect(perf.grade(95, "budget-20")).toBe("优");
    expect(perf.grade(100, "budget-20")).toBe("优");
    expect(perf.isPerfError(perf.grade(100.01, "budget-20"))).toBe(true);
  });
  it("NUMBER (function id VALUE): the number in a text, percent as fraction", () => {
    expect(perf.numberIn("≥90%")).toBe(0.9);
    expect(perf.numberIn("21.84 万 元")).toBe(21.84);
    expect(perf.numberIn(5)).toBe(5);
  });
  it("EXPLAIN, in the language asked", () => {
    expect(perf.explain("5000人", "164人", 8)).toBe("8 × 164/5000 = 0.2624 → 0.26");
    expect(perf.explain("≥5000人", "3万元", 10)).toContain("单位不一致");
    expect(perf.explain("≥5000人", "3万元", 10, "", "", "en")).toContain("units differ");
  });
});

describe("error shapes", () => {
  const isErr = (x: unknown, kind: "value" | "na") => perf.isPerfError(x) && x.error === kind;
  it("a blank required input → na", () => {
    expect(isErr(perf.execRate(null, 5), "na")).toBe(true);
    expect(isErr(perf.execRate(10, ""), "na")).toBe(true);
    expect(isErr(perf.execScore(undefined, 5), "na")).toBe(true);
    expect(isErr(perf.score("≥90%", null, 10), "na")).toBe(true);
    expect(isErr(perf.score("≥90%", "95%", " "), "na")).toBe(true);
    expect(isErr(perf.grade(null), "na")).toBe(true);
    expect(isErr(perf.numberIn(""), "na")).toBe(true);
    expect(isErr(perf.explain(null, "95%", 10), "na")).toBe(true);
    expect(isErr(perf.carryoverRate(null, 1), "na")).toBe(true);
    expect(isErr(perf.budgetVariance(1, null), "na")).toBe(true);
    expect(isErr(perf.assetUse(null, 1), "na")).toBe(true);
  });
  it('unreadable input ("abc") → value', () => {
    expect(isErr(perf.execRate("abc", 5), "value")).toBe(true);
    expect(isErr(perf.execScore(10, 5, "abc"), "value")).toBe(true);
    expect(isErr(perf.score("≥90%", "95%", "abc"), "value")).toBe(true);
    expect(isErr(perf.score("≥90%", "95%", 10, "sideways"), "value")).toBe(true);
    expect(isErr(perf.grade("abc"), "value")).toBe(true);
    expect(isErr(perf.numberIn("abc"), "value")).toBe(true);
    expect(isErr(perf.execRate(true, 5), "value")).toBe(true);
  });
  it("a zero budget → value", () => {
    expect(isErr(perf.execRate(0, 5), "value")).toBe(true);
    expect(isErr(perf.carryoverRate(5, 0), "value")).toBe(true);
  });
  it("unknown policy → value, message listing the policies in Chinese and English", () => {
    const r = perf.execScore(10, 5, 10, "beijing");
    expect(isErr(r, "value")).toBe(true);
    if (perf.isPerfError(r)) {
      expect(r.message).toContain("未知的评分规则");
      expect(r.message).toContain("unknown policy");
      expect(r.message).toContain("spend-ratio");
    }
    for (const e of [perf.execScore(10, 5, 10, "x"), perf.score("1", "1", 1, "", "x"), perf.grade(1, "x")]) {
      expect(isErr(e, "value")).toBe(true);
    }
  });
  it("out of range → value, saying which input and why (GRADE(101), ASSETUSE(120,100), negatives)", () => {
    const msg = (x: unknown) => (perf.isPerfError(x) && x.error === "value" ? x.message : `not an error: ${String(x)}`);
    expect(msg(perf.grade(101))).toBe(
      "总分 101 不在 0–100 之间（评分规则“national”的满分为 100） / total 101 is outside 0–100 (full marks under policy \"national\": 100)",
    );
    expect(msg(perf.grade(-0.5))).toContain("总分 -0.5 不在 0–100 之间");
    expect(perf.grade(100)).toBe("优");
    expect(perf.grade(0)).toBe("差");
    expect(msg(perf.assetUse(120, 100))).toBe(
      "在用固定资产 120 大于固定资产原值 100，超出有效范围 / assets in use 120 is more than the total fixed assets 100: out of range",
    );
    expect(perf.assetUse(100, 100)).toBe(1);
    expect(msg(perf.carryoverRate(6, 5))).toContain("结转结余 6 大于调整后预算 5");
    expect(msg(perf.execRate(-10, 5))).toContain("全年预算数 -10 为负数");
    expect(msg(perf.execScore(10, -5))).toContain("全年执行数 -5 为负数");
    expect(msg(perf.score("≥90%", "95%", -2))).toContain("分值 -2 为负数");
    expect(msg(perf.budgetVariance(-1, 5))).toContain("actual spending -1 is negative");
    // Over-execution is a real rate (a warning in the checks, not an impossible figure).
    expect(perf.execRate(100, 120)).toBe(1.2);
  });
  it("messages are bilingual 中文 / English", () => {
    const r = perf.execRate(null, 5);
    expect(perf.isPerfError(r) && r.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ [A-Za-z]/);
  });
});

describe("qualitative indicators (财预〔2020〕10号: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight)", () => {
  it("SCORE answers the band of the achievement as text, as Write formulas labels it", () => {
    expect(perf.score("达成", "达成", 10)).toBe("定性 8–10");
    expect(perf.score("达成", "达成", 10, "", "", "en")).toBe("qualitative 8–10");
    expect(perf.score("≥50个", "基本达成", 15)).toBe("定性 9–15");
    expect(perf.score("显著", "部分达成", 10, "qualitative")).toBe("定性 6–8");
  });
  it("EXPLAIN gives the achievement, the band and the rule with its source", () => {
    expect(perf.explain("达成", "达成", 10)).toBe(
      "定性指标，达成：得分应在 8–10 之间；档次依据财预〔2020〕10号：达成 80%–100%、部分达成 60%–80%、未达成 0%–60%（占分值）",
    );
    expect(perf.explain("显著", "显著", 15, "", "", "en")).toContain(
      "score between 12 and 15; bands per Cai Yu [2020] No. 10: met 80%–100%",
    );
  });
});

describe("the workbook's policy (the functions wait until it is known)", () => {
  it("is not known until set; whenDefaultPolicyKnown resolves with the policy set", async () => {
    // A fresh module copy: this file's earlier tests have set it.
    let copy: typeof perf | undefined;
    const g = globalThis as Record<string, unknown>;
    const saved = g.__perfDefaultPolicy;
    delete g.__perfDefaultPolicy;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        copy = require("../../src/engine/perf") as typeof perf;
      });
      expect(copy!.isDefaultPolicyKnown()).toBe(false);
      const known = copy!.whenDefaultPolicyKnown();
      copy!.setDefaultPolicy("spend-ratio");
      expect((await known).name).toBe("spend-ratio");
      expect(copy!.isDefaultPolicyKnown()).toBe(true);
    } finally {
      g.__perfDefaultPolicy = saved;
    }
  });
});

describe("default policy (task pane sets the workbook's policy; an explicit argument wins)", () => {
  afterEach(() => perf.setDefaultPolicy("national"));
  it("setDefaultPolicy changes what an omitted policy means", () => {
    expect(perf.getDefaultPolicy().name).toBe("national");
    expect(perf.score("≤4小时", "5小时", 10)).toBe(8);
    perf.setDefaultPolicy("linear");
    expect(perf.getDefaultPolicy().name).toBe("linear");
    expect(perf.score("≤4小时", "5小时", 10)).toBe(7.5);
    expect(perf.score("≤4小时", "5小时", 10, "", "national")).toBe(8);
  });
  it("accepts a policy object (from policyFromJson)", () => {
    perf.setDefaultPolicy(policyFromJson({ name: "one-decimal", rounding: { decimals: 1, mode: "truncate" } }));
    expect(perf.execScore(423.9, 422.67)).toBe(9.9);
    expect(perf.execScore(423.9, 422.67, undefined, "national")).toBe(9.97);
  });
  it("unknown name throws PolicyError", () => {
    expect(() => perf.setDefaultPolicy("nope")).toThrow(/unknown policy/);
    expect(perf.getDefaultPolicy().name).toBe("national");
  });
});
