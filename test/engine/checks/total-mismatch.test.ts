/** TOTAL_MISMATCH — source: 财预〔2020〕10号 (总分由各项指标得分汇总形成). */
import { totalMismatch } from "../../../src/engine/checks/total-mismatch";
import { codes, run } from "./base";

test("meta: error, cites the total rule", () => {
  expect(totalMismatch.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_TOTAL" });
});

test("a stated total of 95 where the scores add up to 97 (9 + 20 + 15 + 15 + 28 + 10)", () => {
  const r = run((s) => (s.total = { weight: 100, score: 95, grade: "优" }));
  expect(codes(r)).toEqual(["TOTAL_MISMATCH@G16"]);
  expect(r.findings[0]).toMatchObject({ expected: "97", found: "95" });
  expect(r.total).toEqual({ stated: "95", computed: "97", review: "97" });
});

test("compared at the stated total's precision: 97.0 agrees, 96.9 does not", () => {
  expect(codes(run((s) => (s.total = { weight: 100, score: "97.0", grade: "优" })))).toEqual([]);
  expect(codes(run((s) => (s.total = { weight: 100, score: "96.9", grade: "优" })))).toEqual(["TOTAL_MISMATCH@G16"]);
});
