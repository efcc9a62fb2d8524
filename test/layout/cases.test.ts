/**
 * The three shared real tables (test/data/cases/*.xlsx, transcribed in their own layouts) through
 * perf-check --json, field by field against the right answers computed by hand in
 * test/data/cases/README.md. Rules: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) — 执行率 =
 * 全年执行数/全年预算数, its score 执行率 × the block's weight, capped; a quantitative indicator met
 * scores full, missed 完成值/指标值 × 分值; a deadline is met or missed by its dates.
 */
import path from "path";
import { core } from "../../src/engine/checks";
import { JForm, runJson } from "../helpers/xlsx-builders";

const CASES = path.resolve(__dirname, "../data/cases");

async function formOf(file: string): Promise<JForm> {
  const run = await runJson(["--lang", "en", path.join(CASES, file)]);
  expect(run.doc.files).toHaveLength(1);
  expect(run.doc.files[0].error).toBeUndefined();
  expect(run.doc.files[0].forms).toHaveLength(1);
  return run.doc.files[0].forms[0];
}

/**
 * The README's right answers are the core pack's findings (the arithmetic); the review pack's notes
 * on these tables, and their review totals, are asserted in test/engine/checks/cases.test.ts.
 */
const arithmetic = new Set<string>(core.checks.map((c) => c.meta.code));
const findingsOf = (f: JForm) =>
  f.findings.filter((x) => arithmetic.has(x.code)).map((x) => [x.code, x.cell, x.expected, x.found]);
const indicatorAt = (f: JForm, cell: string) => f.indicators.find((i) => i.cell === cell);

describe("yongde-2022.xlsx (云南 公开14表: two-row indicator header, total row 24 with its label in column G)", () => {
  it("执行率 100%, budget score 10; total stated 96 = the stated scores' 96, grade 优; row 24 is the total, not an indicator", async () => {
    const f = await formOf("yongde-2022.xlsx");
    expect([f.funds?.rate, f.funds?.score, f.funds?.statedScore]).toEqual(["1", "10", "10"]);
    expect([f.total.stated, f.total.computed, f.grade.stated, f.grade.computed]).toEqual(["96", "96", "优", "优"]);
    expect(f.indicators.some((i) => i.cell === "I24")).toBe(false);
  });

  it("row 16 (≧100 %, done 100%): rule 10, stated 7; row 19 (═100 %, done 98%): rule 9.8, stated 9; both with no 偏差原因 — and nothing else", async () => {
    const f = await formOf("yongde-2022.xlsx");
    expect([indicatorAt(f, "I16")?.computed, indicatorAt(f, "I19")?.computed]).toEqual(["10", "9.8"]);
    expect(findingsOf(f)).toEqual([
      ["INDICATOR_SCORE_MISMATCH", "I16", "10", "7"],
      ["MISSING_REASON", "J16", undefined, "7"],
      ["INDICATOR_SCORE_MISMATCH", "I19", "9.8", "9"],
      ["MISSING_REASON", "J19", undefined, "9"],
    ]);
    expect((f as JForm & { layoutIssues?: unknown[] }).layoutIssues ?? []).toEqual([]);
  });
});

describe("fuwumaoyi-2020.xlsx (湖北式: budget block worth 20, weights only in labels)", () => {
  it("执行率 100%, budget score 20 (weight 20, not 10): no 得分 20 超过分值 10", async () => {
    const f = await formOf("fuwumaoyi-2020.xlsx");
    expect([f.funds?.rate, f.funds?.score, f.funds?.statedScore]).toEqual(["1", "20", "20"]);
    expect(f.findings.filter((x) => x.code === "SCORE_EXCEEDS_WEIGHT")).toEqual([]);
  });

  it("row 10: 60 + 40 = 100 ≠ the stated 80; row 19: weights 20 + 60 + 40 = 120 ≠ 100 and scores 120 ≠ the stated 100; never 其下指标分值合计 0", async () => {
    const f = await formOf("fuwumaoyi-2020.xlsx");
    expect(findingsOf(f)).toEqual([
      ["WEIGHT_SUM", "A10", "100", "80"],
      ["WEIGHT_SUM", "G19", "120", "100"],
      ["TOTAL_MISMATCH", "G19", "120", "100"],
    ]);
    expect([f.total.stated, f.total.computed]).toEqual(["100", "120"]);
  });
});

describe("jinzhai-dept-2023.xlsx (安徽 部门整体 form in project layout; the published copy has no total row)", () => {
  it("the name under 部门 is found", async () => {
    const f = await formOf("jinzhai-dept-2023.xlsx");
    expect(f.name).toBe("金寨县茶谷和美丽乡村建设服务中心");
  });

  it("执行率 338.31 / 329.77 = 102.59%, budget score 10 (capped), OVER_EXECUTION on row 5", async () => {
    const f = await formOf("jinzhai-dept-2023.xlsx");
    expect(Number(f.funds?.rate).toFixed(4)).toBe("1.0259");
    expect(f.funds?.score).toBe("10");
    expect(findingsOf(f).filter((x) => x[0] === "OVER_EXECUTION")).toEqual([
      ["OVER_EXECUTION", "F5", "329.77", "338.31"],
    ]);
  });

  it("row 14: 3061 against ≥2000 is over 130% with no 偏差原因; rows 18-19 (9月前 done 7月, 11月前 done 10月) are met: full marks, no INDICATOR_SCORE_MISMATCH", async () => {
    const f = await formOf("jinzhai-dept-2023.xlsx");
    expect(findingsOf(f).filter((x) => x[0] === "MISSING_REASON")).toEqual([
      ["MISSING_REASON", "I14", undefined, "3061"],
    ]);
    expect([indicatorAt(f, "H18")?.computed, indicatorAt(f, "H19")?.computed]).toEqual(["5", "5"]);
    expect(f.findings.filter((x) => x.code === "INDICATOR_SCORE_MISMATCH")).toEqual([]);
  });

  it("the copy ends inside the 成本指标 rows: nothing about the total or the weight sum, and a layout issue says why (test/data/cases/README.md)", async () => {
    const f = await formOf("jinzhai-dept-2023.xlsx");
    expect(f.findings.map((x) => x.code).filter((c) => /TOTAL|WEIGHT_SUM|GRADE/.test(c))).toEqual([]);
    expect(findingsOf(f).map((x) => x[0])).toEqual(["OVER_EXECUTION", "MISSING_REASON"]);
    const issues = (f as unknown as { layoutIssues: { field: string; cell?: string; message: string }[] }).layoutIssues;
    expect(issues.map((i) => [i.field, i.cell])).toEqual([["total.score", "A19"]]);
    expect(issues[0].message).toContain("on row 19");
  });
});
