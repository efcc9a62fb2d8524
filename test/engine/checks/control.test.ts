/**
 * The base form every check test changes: no finding, and the figures computed by hand
 * (财预〔2020〕10号: 执行率 = 执行数/预算数; 得分 = 执行率 × 分值; 总分 = 各项得分之和).
 */
import { run, codes } from "./base";

test("the well-formed form has no finding, and its figures are the hand-computed ones", () => {
  const r = run();
  expect(codes(r)).toEqual([]);
  expect(r.funds).toMatchObject({ rate: "0.9", score: "9", statedScore: "9", weight: "10" });
  expect(r.total).toEqual({ stated: "97", computed: "97", review: "97" });
  expect(r.grade).toEqual({ stated: "优", computed: "优", review: "优" });
  expect(r.scored).toBe(true);
  expect(r.policy).toBe("national");
  expect(r.packs).toEqual(["core", "review"]);
});
