/**
 * COST_TARGET_LOWER_BOUND — source: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》
 * (财预〔2021〕101号) on 成本指标: the cost to be kept within, a ceiling (≤).
 */
import { costTarget } from "../../../src/engine/checks/cost-target";
import type { IndicatorSpec } from "../../helpers/form-builder";
import { codes, run } from "./base";

test("meta: warning, cites the 101号 guide on cost indicators", () => {
  expect(costTarget.meta).toMatchObject({ severity: "warning", source: "SOURCE_GUIDE_COST" });
});

/** The base form with its 时效 row turned into a cost row whose target is `target`. */
function cost(target: string, actual = "45万元") {
  return run((s) => {
    const row: IndicatorSpec = s.indicators[2];
    row.l2 = "成本指标";
    row.l3 = "培训成本";
    row.target = target;
    row.actual = actual;
    // 产出 stays 50: the cost row keeps its 15.
    s.indicators[3].l2 = "社会效益指标";
  });
}

test("≥, ≧, 不低于 and …以上 are lower bounds; on the target cell", () => {
  for (const t of ["≥50万元", "≧50万元", "不低于50万元", "50万元以上"])
    expect([t, codes(cost(t, "55万元")).filter((c) => c.startsWith("COST"))]).toEqual([
      t,
      ["COST_TARGET_LOWER_BOUND@D13"],
    ]);
  expect(cost("≥50万元", "55万元").findings.find((f) => f.code === "COST_TARGET_LOWER_BOUND")?.message.zh).toBe(
    "成本指标“培训成本”的指标值“≥50万元”是下限；成本指标应为控制上限（≤）",
  );
});

test("a ceiling is right: ≤50万元, 不超过50万元, 50万元以内; a bare amount too", () => {
  for (const t of ["≤50万元", "不超过50万元", "50万元以内", "50万元"])
    expect([t, codes(cost(t)).filter((c) => c.startsWith("COST"))]).toEqual([t, []]);
});

test("a lower bound in a sentence is found as well: 人均补助不低于500元/人", () => {
  expect(codes(cost("人均补助不低于500元/人，按季度发放", "按季度发放")).filter((c) => c.startsWith("COST"))).toEqual([
    "COST_TARGET_LOWER_BOUND@D13",
  ]);
});
