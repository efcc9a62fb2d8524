/** BUDGET_SCORE_MISMATCH — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (得分 = 执行率 × 分值, 不超过分值). */
import { budgetScoreMismatch } from "../../../src/engine/checks/budget-score-mismatch";
import { budgetBlockOf20, codes, run } from "./base";

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
  const r = run(budgetBlockOf20);
  // No core finding; under national (10 / 50 / 30 / 10) the review pack notes the block's 20 and 产出's
  // 40 (info); under budget-20 (20 for the budget, 80 for the indicators: 10 + 15 + 15 + 30 + 10) nothing.
  expect(codes(r)).toEqual(["WEIGHT_PLAN@F3", "WEIGHT_PLAN@A11"]);
  expect(r.funds?.score).toBe("18");
  expect(codes(run(budgetBlockOf20, "budget-20"))).toEqual([]);
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
    // 87.65% is under 90% with no reason given: the review pack's LOW_EXECUTION_NO_REASON, no score finding.
  ).toEqual(["LOW_EXECUTION_NO_REASON@G3"]);
  const r = run((s) => {
    s.funds!.executed = 87.65;
    s.funds!.rate = "87.65%";
    s.funds!.score = "8.7";
    s.total = { weight: 100, score: "96.7", grade: "优" };
  });
  expect(r.findings.find((f) => f.code === "BUDGET_SCORE_MISMATCH")?.message.zh).toBe(
    "预算执行率得分 8.7 ≠ 8.77（10 × 87.65% = 8.77；保留 1 位小数为 8.8）",
  );
});
