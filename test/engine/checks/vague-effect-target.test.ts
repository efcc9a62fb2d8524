/**
 * VAGUE_EFFECT_TARGET — source: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》
 * (财预〔2021〕101号): effect indicators measurable — quantified where possible, else a checkable standard.
 */
import { vagueEffectTarget } from "../../../src/engine/checks/vague-effect-target";
import { codes, run } from "./base";

test("meta: warning, cites the 101号 guide on effect indicators", () => {
  expect(vagueEffectTarget.meta).toMatchObject({ severity: "warning", source: "SOURCE_GUIDE_EFFECT" });
});

test("较好, 提高, 明显, 有效 with no measure, on the 效益 row's target cell", () => {
  for (const [target, word] of [
    ["效果较好", "较好"],
    ["群众获得感提高", "提高"],
    ["明显改善", "明显"],
    ["有效", "有效"],
  ]) {
    const r = run((s) => (s.indicators[3].target = target));
    expect([target, codes(r)]).toEqual([target, ["VAGUE_EFFECT_TARGET@D14"]]);
    expect(r.findings[0].message.zh).toBe(`效益指标“服务水平”的指标值“${target}”只有“${word}”一类程度词，没有衡量标准`);
  }
});

test("a measure makes it measurable: 满意率提高到95%, 受益人数提高10%", () => {
  expect(codes(run((s) => (s.indicators[3].target = "群众满意率提高到95%")))).toEqual([]);
  expect(codes(run((s) => (s.indicators[3].target = "受益人数较上年提高10%")))).toEqual([]);
});

test("only 效益 rows: a 质量指标 target 明显 is not this rule's", () => {
  const r = run((s) => {
    s.indicators[1].target = "质量明显提升";
    s.indicators[1].actual = "达成";
  });
  expect(codes(r).filter((c) => c.startsWith("VAGUE"))).toEqual([]);
});
