/**
 * 复核总分 of the three shared cases (test/data/cases/README.md), asserted twice: on FormModels built
 * here as the cases' README reads each table, and on the cases as perf-check reads them. Hand computations by 财预〔2020〕10号: 执行率 × 分值 (capped); a
 * quantitative indicator met scores full, a missed one 完成值/指标值 × 分值; a qualitative one keeps
 * its stated score inside its band; a row with no 分值 keeps its stated score.
 */
import { checkForm } from "../../../src/engine/checks";
import { getPolicy } from "../../../src/engine/policy";
import path from "path";
import { projectForm } from "../../helpers/form-builder";
import { runJson } from "../../helpers/xlsx-builders";

test("yongde-2022 (云南 公开14表): 复核 99.8 against the stated 96 (偏差 −3.8)", () => {
  // Split targets (指标性质 | 指标值 | 度量单位) read as one text, as the case's README reads them.
  const form = projectForm({
    funds: { budget: 387664.62, executed: 387664.62, weight: 10, rate: { value: 1, numFmt: "0%" }, score: 10 },
    indicators: [
      { l1: "产出指标", l2: "数量指标", l3: "学生受资助人数", target: "≥735人次", actual: 735, weight: 10, score: 10 },
      { l2: "质量指标", l3: "营养改善计划覆盖率", target: "≥100%", actual: "100%", weight: 10, score: 10 },
      { l2: "时效指标", l3: "资金到位及时率", target: "≥100%", actual: "100%", weight: 10, score: 7 },
      { l2: "成本指标", l3: "生均补助标准达标率", target: "=100%", actual: "100%", weight: 10, score: 10 },
      {
        l1: "效益指标",
        l2: "经济效益指标",
        l3: "减轻贫困学生家庭经济负担",
        target: "有效",
        actual: "有效",
        weight: 10,
        score: 10,
      },
      { l2: "社会效益指标", l3: "政策知晓率", target: "=100%", actual: "98%", weight: 10, score: 9 },
      { l2: "可持续影响指标", l3: "促进学校教育事业健康发展", target: "≥100%", actual: "100%", weight: 10, score: 10 },
      {
        l1: "满意度指标",
        l2: "服务对象满意度指标等",
        l3: "学生满意度",
        target: "≥95%",
        actual: "100%",
        weight: 10,
        score: 10,
      },
      { l3: "家长满意度", target: "≥95%", actual: "100%", weight: 10, score: 10 },
    ],
    total: { weight: 100, score: 96, grade: "优" },
  });
  const r = checkForm(form, getPolicy("national"));
  // By hand: 10 (100% × 10) + 10 + 10 + 10 (资金到位及时率 met: full, stated 7) + 10 (成本 =100%, met)
  // + 10 (有效 = 有效: 达成, stated 10 in 8–10) + 9.8 (政策知晓率 10 × 98/100, stated 9) + 10 + 10 + 10 = 99.8.
  expect(r.total).toEqual({ stated: "96", computed: "96", review: "99.8" });
  expect(r.self).toEqual({ total: "96", grade: "优", from: "stated" });
  expect(r.deviation).toBe("-3.8");
  expect(r.grade.review).toBe("优");
});

test("fuwumaoyi-2020 (湖北式, budget 20 / indicators 80, no 分值 column) under budget-20: 复核 120", () => {
  const form = projectForm({
    funds: { budget: 285.84, executed: 285.84, rate: { value: 1, numFmt: "0%" }, score: 20 },
    groupWeights: { 产出指标: "60", 效益指标: "40" },
    indicators: [
      { l1: "产出指标", l2: "数量指标", l3: "服务外包在岸(万美元)", target: 20000, actual: 23333.56, score: 10 },
      { l3: "服务外包离岸(万美元)", target: 4500, actual: 4557.51, score: 10 },
      { l3: "支持服务贸易、服务外包企业数量", target: 3, actual: 3, score: 10 },
      {
        l2: "质量指标",
        l3: "企业国际质量提升",
        target: "获得目的国(地区)受众欢迎",
        actual: "受目的国受众欢迎显著",
        score: 10,
      },
      { l2: "时效指标", l3: "预算资金执行率", target: "90%", actual: "100%", score: 10 },
      { l3: "资金拨付及时性", target: "98%以上", actual: "100%", score: 10 },
      {
        l1: "效益指标",
        l2: "社会效益指标",
        l3: "企业把握政治导向和文化方向情况",
        target: "企业把握正确政治导向和文化方向情况的评价",
        actual: "企业较好把握正确政治导向和文化方向情况的评价",
        score: 20,
      },
      {
        l2: "可持续影响指标",
        l3: "推动企业走出去方面发挥的作用",
        target: "是否利于企业走出去",
        actual: "有利于推动企业走出去",
        score: 20,
      },
    ],
    total: { score: 100 },
  });
  const r = checkForm(form, getPolicy("budget-20"));
  // By hand: 20 (budget-20: 20 分 × 100%) + 10 × 6 + 20 × 2 (no 分值 column: each stated score is kept) = 120;
  // the stated 100 is not the sum 120 (the case's TOTAL_MISMATCH).
  expect(r.total).toEqual({ stated: "100", computed: "120", review: "120" });
  expect(r.funds).toMatchObject({ weight: "20", score: "20" });
  expect(r.findings.map((f) => f.code)).toContain("TOTAL_MISMATCH");
  expect(r.findings.map((f) => f.code)).not.toContain("SCORE_EXCEEDS_WEIGHT");
  expect(r.deviation).toBe("-20");
});

test("jinzhai-dept-2023 (安徽, no total row): 复核 70 on weights 70", () => {
  const form = projectForm({
    funds: { initial: 329.77, budget: 329.77, executed: 338.31, weight: 10, rate: { value: 1.0259, numFmt: "0.00%" } },
    indicators: [
      { l1: "产出指标", l2: "数量指标", l3: "开展精品示范村建设数量", target: "≤4", actual: 4, weight: 10, score: 10 },
      { l3: "建设美丽宜居自然村庄数量", target: "≥200", actual: 202, weight: 10, score: 10 },
      { l3: "完成农村户用卫生厕所改造数量", target: "≥2000", actual: 3061, weight: 10, score: 10 },
      { l3: "新建省级中心村数量", target: "≥10", actual: 10, weight: 10, score: 10 },
      { l2: "质量指标", l3: "美丽宜居自然村庄验收通过率", target: "≥95%", actual: "100%", weight: 5, score: 5 },
      { l3: "户用卫生厕所改造验收通过率", target: "≥95%", actual: "100%", weight: 5, score: 5 },
      { l2: "时效指标", l3: "完成美丽宜居自然村庄验收时间", target: "9月前", actual: "7月", weight: 5, score: 5 },
      { l3: "完成户用卫生厕所改造验收时间", target: "11月前", actual: "10月", weight: 5, score: 5 },
    ],
    total: null,
  });
  const r = checkForm(form, getPolicy("national"));
  // By hand: 10 (338.31/329.77 = 102.59%, capped at the weight 10) + 10 + 10 + 10 + 10 + 5 + 5 + 5 (done 7月,
  // before 9月: met) + 5 (done 10月, before 11月: met) = 70; no 总分 row, so 自评 = the stated scores' sum
  // (no budget score stated) = 60; 偏差 60 − 70 = −10.
  expect(r.total).toEqual({ computed: "60", review: "70" });
  expect(r.self).toEqual({ total: "60", grade: "中", from: "sum" });
  expect(r.deviation).toBe("-10");
});

describe("the cases as perf-check reads them (detection of these layouts on main): the same review totals", () => {
  const CASES = path.resolve(__dirname, "../../data/cases");
  const read = async (file: string, policy = "national") => {
    const { doc } = await runJson(["--policy", policy, path.join(CASES, file)]);
    return doc.files[0].forms[0];
  };
  it("yongde: 自评 96, 复核 99.8, 偏差 −3.8 (the hand computation above)", async () => {
    const f = await read("yongde-2022.xlsx");
    expect([f.self?.total, f.total.review, f.deviation]).toEqual(["96", "99.8", "-3.8"]);
  });
  it("fuwumaoyi: the block's own 20 read from its label, under national and budget-20 alike: 复核 120", async () => {
    for (const p of ["national", "budget-20"]) {
      const f = await read("fuwumaoyi-2020.xlsx", p);
      expect([p, f.self?.total, f.total.review, f.deviation, f.funds?.score]).toEqual([p, "100", "120", "-20", "20"]);
    }
  });
  it("jinzhai: 自评 60 (the stated scores' sum), 复核 70, 偏差 −10", async () => {
    const f = await read("jinzhai-dept-2023.xlsx");
    expect([f.self?.total, f.self?.from, f.total.review, f.deviation]).toEqual(["60", "sum", "70", "-10"]);
  });
  it("the review pack's notes on them: yongde's 效益 target 有效; the split 满意度 targets read as ≥95% (no note)", async () => {
    const f = await read("yongde-2022.xlsx");
    const review = f.findings.filter((x) => !["INDICATOR_SCORE_MISMATCH", "MISSING_REASON"].includes(x.code));
    expect(review.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "WEIGHT_PLAN@A14", // 产出 40, national 50
      "VAGUE_EFFECT_TARGET@E18",
      "WEIGHT_PLAN@A22", // 满意度 20, national 10
    ]);
  });
});
