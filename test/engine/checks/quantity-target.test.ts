/**
 * QUANTITY_TARGET_NO_FIGURE — source: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》
 * (财预〔2021〕101号) on 数量指标: they state how much is delivered, as figures.
 */
import { quantityTarget } from "../../../src/engine/checks/quantity-target";
import { codes, run } from "./base";

test("meta: warning, cites the 101号 guide on quantity indicators", () => {
  expect(quantityTarget.meta).toMatchObject({ severity: "warning", source: "SOURCE_GUIDE_QUANTITY" });
});

test("a 数量指标 target with no figure, on its target cell; the words are the cell's", () => {
  const r = run((s) => (s.indicators[0].target = "按计划完成"));
  expect(codes(r).filter((c) => c.startsWith("QUANTITY"))).toEqual(["QUANTITY_TARGET_NO_FIGURE@D11"]);
  expect(r.findings.find((f) => f.code === "QUANTITY_TARGET_NO_FIGURE")?.message).toEqual({
    zh: "数量指标“培训人数”的指标值“按计划完成”没有数字，无法衡量完成数量",
    en: 'Quantity indicator "培训人数": the target "按计划完成" states no figure to count against',
  });
});

test("a blank 数量指标 target is reported as blank", () => {
  const r = run((s) => (s.indicators[0].target = null));
  expect(r.findings.filter((f) => f.code === "QUANTITY_TARGET_NO_FIGURE").map((f) => f.message.zh)).toEqual([
    "数量指标“培训人数”未填指标值",
  ]);
});

test("figures in words or prose count: 三次, 不少于 100 人次 in a sentence; other 二级指标 are not its business", () => {
  expect(codes(run((s) => (s.indicators[0].target = "开展培训三次")))).toEqual([]);
  expect(codes(run((s) => (s.indicators[0].target = "全年培训不少于100人次，覆盖各街道")))).toEqual([]);
  // 质量指标 with a text target: not a quantity indicator (its target is a standard).
  const r = run((s) => (s.indicators[1].target = "符合验收标准"));
  expect(codes(r).filter((c) => c.startsWith("QUANTITY"))).toEqual([]);
});
