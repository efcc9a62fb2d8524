/**
 * 复核得分 (review scores, src/engine/checks/evaluate.ts): what a reviewer gives each row under the
 * policy, summed into 复核总分 beside the unit's own total. Sources: 财预〔2020〕10号 — quantitative by
 * rule (完成值/指标值 × 分值), qualitative within the band of its achievement (100–80%, 80–60%, 60–0%),
 * 预算执行率得分 = 执行率 × 分值; the total is the sum.
 */
import { checkForm } from "../../../src/engine/checks";
import { national } from "../../../src/engine/policy";
import { projectForm } from "../../helpers/form-builder";
import { good, run } from "./base";

test("a form the unit did not score: scored false, no computed total or grade (未评分), review still given", () => {
  const spec = good();
  for (const i of spec.indicators) i.score = null;
  spec.funds!.score = null;
  spec.total = { weight: 100, score: null, grade: null };
  const r = checkForm(projectForm(spec), national);
  expect(r.scored).toBe(false);
  expect(r.total.computed).toBeUndefined();
  expect(r.grade.computed).toBeUndefined();
  // Review by hand: 9 + 20 + 15 + 15 + (qualitative, no stated score: band's lower bound 24) + 10 = 93.
  expect(r.total.review).toBe("93");
  expect(r.grade.review).toBe("优");
  expect(r.indicators[3].reviewExplain?.zh).toBe("定性指标未填得分，取档次下限（24–30）");
});

test("a blank budget score: the stated sum is 88 (中 would mislead), the review recomputes 9 → 97", () => {
  const r = run((s) => {
    s.funds!.score = null;
    s.total = { weight: 100, score: 88, grade: "良" };
  });
  expect(r.total).toEqual({ stated: "88", computed: "88", review: "97" });
  expect(r.grade).toEqual({ stated: "良", computed: "良", review: "优" });
});

test("every row explains its review score in both languages", () => {
  const r = run();
  expect(r.indicators.map((i) => i.reviewExplain?.zh)).toEqual([
    "完成值 ≥ 指标值: 满分 20",
    "完成值 ≥ 指标值: 满分 15",
    "完成值 ≤ 指标值: 满分 15",
    "定性指标，自评得分 28 在档次 24–30 内，予以保留",
    "完成值 ≥ 指标值: 满分 10",
  ]);
  expect(r.indicators[0].reviewExplain?.en).toBe("actual ≥ target: full marks 20");
});

test("policy decides the review: a ≤ target overshot, inverse (national) vs linear", () => {
  const edit = (s: ReturnType<typeof good>) => {
    s.indicators[2].actual = "40天";
    s.indicators[2].reason = "审批延迟";
  };
  // national: 15 × 30/40 = 11.25; linear: 15 × (1 − 10/30) = 10.
  expect(run(edit, "national").indicators[2].review).toBe("11.25");
  expect(run(edit, "linear").indicators[2].review).toBe("10");
});

test("自评总分 is the stated 总分, else the stated scores' sum; 偏差 = 自评 − 复核; none when unscored", () => {
  // Stated 总分 97; review 97 (control): 偏差 0.
  expect(run()).toMatchObject({ self: { total: "97", grade: "优", from: "stated" }, deviation: "0" });
  // No 总分 cell filled: the sum of the stated scores, 9 + 88 = 97.
  expect(run((s) => (s.total = { weight: 100, score: null, grade: null }))).toMatchObject({
    self: { total: "97", grade: "优", from: "sum" },
  });
  // A blank budget score: stated 88 (良) against the review's 97 → 偏差 88 − 97 = −9.
  const r = run((s) => {
    s.funds!.score = null;
    s.total = { weight: 100, score: 88, grade: "良" };
  });
  expect(r.self).toEqual({ total: "88", grade: "良", from: "stated" });
  expect(r.deviation).toBe("-9");
  const spec = good();
  for (const i of spec.indicators) i.score = null;
  spec.funds!.score = null;
  spec.total = { weight: 100, score: null, grade: null };
  const unscored = checkForm(projectForm(spec), national);
  expect(unscored.self).toBeUndefined();
  expect(unscored.deviation).toBeUndefined();
});
