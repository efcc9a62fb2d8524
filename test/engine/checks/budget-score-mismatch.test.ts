/** BUDGET_SCORE_MISMATCH — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (得分 = 执行率 × 分值, 不超过分值). */
import { budgetScoreMismatch } from "../../../src/engine/checks/budget-score-mismatch";
import { codes, run } from "./base";

test("meta: warning, cites the self-evaluation table", () => {
  expect(budgetScoreMismatch.meta).toMatchObject({ severity: "warning", source: "SOURCE_MOF_TABLE" });
});

test("a stated 8 where 10 × 90% = 9", () => {
  const r = run((s) => {
    s.funds!.score = 8;
    s.total = { weight: 100, score: 96, grade: "优" };
  });
  expect(codes(r)).toEqual(["BUDGET_SCORE_MISMATCH@H3"]);
  expect(r.findings[0]).toMatchObject({ expected: "9", found: "8" });
  // The review recomputes the budget score: 9 + 88 = 97, not the stated 96.
  expect(r.total).toEqual({ stated: "96", computed: "96", review: "97" });
});

test("the block's own weight (20) is used: 20 × 90% = 18", () => {
  const r = run((s) => {
    s.funds!.weight = 20;
    s.funds!.score = 18;
    s.indicators[0].weight = 10;
    s.indicators[0].score = 10;
    s.total = { weight: 100, score: 96, grade: "优" };
  });
  expect(codes(r)).toEqual([]);
  expect(r.funds?.score).toBe("18");
});

test("compared at the stated precision, and both figures shown when they differ there", () => {
  // 10 × 87.65/100 = 8.765 → 8.77 (policy, 2 decimals); stated 8.8 agrees at one decimal.
  expect(
    codes(
      run(
        (s) => (
          (s.funds!.executed = 87.65),
          (s.funds!.rate = "87.65%"),
          (s.funds!.score = "8.8"),
          (s.total = { weight: 100, score: "96.8", grade: "优" })
        ),
      ),
    ),
  ).toEqual([]);
  const r = run((s) => {
    s.funds!.executed = 87.65;
    s.funds!.rate = "87.65%";
    s.funds!.score = "8.7";
    s.total = { weight: 100, score: "96.7", grade: "优" };
  });
  expect(r.findings[0].message.zh).toBe("预算执行率得分 8.7 ≠ 8.77（10 × 87.65% = 8.77；保留 1 位小数为 8.8）");
});
