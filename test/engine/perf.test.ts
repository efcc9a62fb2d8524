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
  it("VALUE: the number in a text, percent as fraction", () => {
    expect(perf.value("≥90%")).toBe(0.9);
    expect(perf.value("21.84 万 元")).toBe(21.84);
    expect(perf.value(5)).toBe(5);
  });
  it("EXPLAIN", () => {
    expect(perf.explain("5000人", "164人", 8)).toBe("8 × 164/5000 = 0.2624 → 0.26");
    expect(perf.explain("显著", "显著", 15)).toContain("12–15");
    expect(perf.explain("≥5000人", "3万元", 10)).toContain("单位不一致");
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
    expect(isErr(perf.value(""), "na")).toBe(true);
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
    expect(isErr(perf.value("abc"), "value")).toBe(true);
    expect(isErr(perf.execRate(true, 5), "value")).toBe(true);
  });
  it("a zero budget → value", () => {
    expect(isErr(perf.execRate(0, 5), "value")).toBe(true);
    expect(isErr(perf.carryoverRate(5, 0), "value")).toBe(true);
  });
  it("unknown policy → value, message listing the policies in Chinese and English", () => {
    const r = perf.execRate(10, 5, "beijing");
    expect(isErr(r, "value")).toBe(true);
    if (perf.isPerfError(r)) {
      expect(r.message).toContain("未知的评分规则");
      expect(r.message).toContain("unknown policy");
      expect(r.message).toContain("spend-ratio");
    }
    for (const e of [
      perf.execScore(10, 5, 10, "x"),
      perf.score("1", "1", 1, "", "x"),
      perf.grade(1, "x"),
      perf.assetUse(1, 2, "x"),
    ]) {
      expect(isErr(e, "value")).toBe(true);
    }
  });
  it("a qualitative indicator → value error stating the allowed range", () => {
    const r = perf.score("≥50个", "基本达成", 15);
    expect(isErr(r, "value")).toBe(true);
    if (perf.isPerfError(r)) {
      expect(r.message).toContain("9–15");
      expect(r.message).toContain("between 9 and 15");
    }
  });
  it("messages are bilingual 中文 / English", () => {
    const r = perf.execRate(null, 5);
    expect(perf.isPerfError(r) && r.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ [A-Za-z]/);
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
