/**
 * The check side of issue 11's kinds, each on its smallest input, through detection and the
 * checks (src/layout/analyze.ts): weights read from the form and its labels, a self-score stated
 * outside a total row, figures compared as displayed, split targets, hidden templates.
 * Rules: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) — 执行率 = 全年执行数/全年预算数, its score
 * 执行率 × the block's weight, capped; weights add up to the total (100); 总分 = the sum of the scores.
 */
import type { CellValue } from "../../src/engine/types";
import { national, policyFromJson } from "../../src/engine/policy";
import { buildPlan } from "../../src/engine/plan";
import { analyzeGrid } from "../../src/layout/analyze";
import { gridOf } from "../helpers/grid-builders";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
/** national with the core pack alone: these kinds are about the arithmetic (the review pack's notes are tested in test/engine/checks). */
const arithmetic = policyFromJson({ extends: "national", name: "national", packs: ["core"] });
const check = (rows: CellValue[][], opts: Parameters<typeof gridOf>[1] = {}) => {
  const grid = gridOf(rows, opts);
  return { grid, ...analyzeGrid(grid, arithmetic) };
};
const codes = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.code}@${f.cell}`);

describe("kind 5: a budget block worth other than 10 (fuwumaoyi: 预算执行情况(万元)(20分), 得分(20分*执行率))", () => {
  const rows: CellValue[][] = [
    ["项目名称", "某项目"],
    ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
    [null, 100, 90, "90%", 18],
    HEADER,
    ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 80, 80],
    ["总分", null, null, null, null, 100, 98],
  ];
  it("the weight is read from the form: budget score 18 = 90% × 20, no 得分 18 超过分值 10", () => {
    const r = check(rows, { merges: ["A2:A3"] });
    expect([r.results[0].funds?.weight, r.results[0].funds?.score]).toEqual(["20", "18"]);
    expect(codes(r)).toEqual([]);
  });

  it("from the score header alone when the label states none; annotated copies multiply by 20, not 10", () => {
    const alone = rows.map((row) => [...row]);
    alone[1][0] = "预算执行情况(万元)";
    const r = check(alone, { merges: ["A2:A3"] });
    expect(r.results[0].funds?.weight).toBe("20");
    const plan = buildPlan("Sheet1", r.grid, r.results, {
      target: "review-column",
      formulas: "native",
      lang: "zh",
      policy: national,
    });
    const budget = plan.writes.find((w) => w.kind === "budget-score");
    expect(budget?.formula).toContain("*20");
  });
});

describe("kind 6: no 分值 column, weights only in labels", () => {
  it("产出指标(60分) + 效益指标(40分) ≠ 年度绩效目标(80分) is reported; never 其下指标分值合计 0", () => {
    const r = check(
      [
        ["项目名称", "某项目"],
        ["年度绩效目标(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [null, "产出指标(60分)", "数量指标", "培训人数", "≥10人", "12人", 60],
        [null, "效益指标(40分)", "社会效益指标", "带动就业", "显著", "显著", 40],
        ["总分", null, null, null, null, null, 100],
      ],
      { merges: ["A2:A4"] },
    );
    expect(r.findings.map((f) => [f.code, f.cell, f.expected, f.found])).toEqual([["WEIGHT_SUM", "A2", "100", "80"]]);
  });

  it("the labels 产出指标 60分 and 产出指标（权重60%）say the same", () => {
    for (const [a, b] of [
      ["产出指标 60分", "效益指标 40分"],
      ["产出指标（权重60%）", "效益指标（权重40%）"],
    ]) {
      const r = check([
        ["项目名称", "某项目"],
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "得分"],
        [a, "数量指标", "培训人数", "≥10人", "12人", 60],
        [b, "社会效益指标", "带动就业", "显著", "显著", 40],
        ["总分", null, null, null, null, 100],
      ]);
      expect([a, codes(r)]).toEqual([a, []]);
    }
  });
});

describe("kind 2: each block under its own header states its weight (年度绩效目标1(40分), 年度绩效目标2(40分))", () => {
  it("a block whose rows add up to 30, not 40, is reported at its label; the total is one", () => {
    const r = check(
      [
        ["项目名称", "某项目"],
        ["年度绩效目标1(40分)", ...HEADER],
        [null, "产出指标", "数量指标", "培训人数", "≥10人", "12人", 30, 30],
        ["年度绩效目标2(60分)", ...HEADER],
        [null, "效益指标", "社会效益指标", "带动就业", "显著", "显著", 60, 58],
        ["总分", null, null, null, null, null, 90, 88],
      ],
      { merges: ["A2:A3", "A4:A5"] },
    );
    expect(r.results).toHaveLength(1);
    expect(
      r.findings.filter((f) => f.code !== "MISSING_REASON").map((f) => [f.code, f.cell, f.expected, f.found]),
    ).toEqual([["WEIGHT_SUM", "A2", "30", "40"]]);
  });
});

describe("kind 4c: a self-score stated outside a total row", () => {
  it("自评得分 98 in the head block against the 94 the rows give: TOTAL_MISMATCH at that cell", () => {
    const r = check([
      ["项目支出绩效自评表"],
      ["项目名称", "某项目", "自评得分", 98],
      HEADER,
      ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 60, 60],
      ["效益指标", "社会效益指标", "带动就业", "显著", "较显著", 40, 34],
      ["总分", null, null, null, null, 100, 94],
    ]);
    expect(
      r.findings.filter((f) => f.code !== "MISSING_REASON").map((f) => [f.code, f.cell, f.expected, f.found]),
    ).toEqual([["TOTAL_MISMATCH", "D2", "94", "98"]]);
  });
});

describe("kind 7: split columns and system exports", () => {
  it("权重占比 written as percents (60%, 40%) are 60 and 40 points; 折算得分 is the score", () => {
    const r = check([
      ["项目名称", "某项目"],
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "单项指标得分", "权重占比", "折算得分"],
      ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 100, "60%", 60],
      ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 100, "40%", 40],
      ["总分", null, null, null, null, null, "100%", 100],
    ]);
    expect(r.results[0].indicators.map((i) => [i.weight, i.stated, i.computed])).toEqual([
      ["60", "60", "60"],
      ["40", "40", "40"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("指标性质 ≤ over 指标值 5 and 度量单位 %: 3% meets the ceiling, full marks (not 10 × 3/5)", () => {
    const r = check([
      ["项目名称", "某项目"],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"],
      ["产出指标", "质量指标", "返工率", "≤", 5, "%", "3%", 100, 100],
      ["总分", null, null, null, null, null, null, 100, 100],
    ]);
    expect(r.results[0].indicators.map((i) => [i.target, i.computed, i.kind])).toEqual([["≤5%", "100", "lower"]]);
    expect(codes(r)).toEqual([]);
  });
});

describe("kind 11: figures compared as displayed (cached formula results carry float noise)", () => {
  it("a weight =G24*0.07 cached as 7.000000000000001 is 7: no WEIGHT_SUM 100.000000000000001 ≠ 100", () => {
    const r = check([
      ["项目名称", "某项目"],
      HEADER,
      ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 7.000000000000001, 7],
      ["效益指标", "社会效益指标", "带动就业", "显著", "显著", 93, 93],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("其中 rows adding up to 53.860999999999994 are the 53.861 shown: no FUNDS_BREAKDOWN", () => {
    const r = check([
      ["项目名称", "某项目"],
      ["项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 53.861, 53.861, 53.861, 10, "100%", 10],
      [null, "其中：财政拨款", 50.861, 50.861, 50.861],
      [null, "上年结转资金", 2.9999999999999964, 2.9999999999999964, 2.9999999999999964],
      HEADER,
      ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 90, 90],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(codes(r)).toEqual([]);
  });
});

describe("kind 12: a hidden, empty template sheet", () => {
  it("gives no finding (it gave WEIGHT_SUM, total 0, 差); the same form on a visible sheet is still checked", () => {
    const rows: CellValue[][] = [
      ["项目名称", null],
      HEADER,
      ["产出指标", "数量指标", "培训人数", null, null, 50, null],
      ["总分", null, null, null, null, 100, null],
    ];
    const hidden = check(rows, { hidden: true });
    expect([hidden.findings, hidden.results[0].total.computed, hidden.results[0].grade.computed]).toEqual([
      [],
      undefined,
      undefined,
    ]);
    expect(codes(check(rows))).toContain("WEIGHT_SUM@F4");
  });
});

describe("figures as displayed stay finite", () => {
  it("the largest double as a weight, an amount and a score is read, not rounded to Infinity", () => {
    const big = Number.MAX_VALUE;
    const r = check([
      ["项目名称", "某项目"],
      ["项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", big, big, big, 10, "100%", 10],
      HEADER,
      ["产出指标", "数量指标", "培训人数", "≥10人", "12人", big, big],
    ]);
    expect(r.results[0].indicators[0].weight).toBe(`179769313486232${"0".repeat(294)}`);
  });
});
