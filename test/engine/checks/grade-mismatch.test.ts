/**
 * GRADE_MISMATCH — source: 财预〔2020〕10号 (90（含）以上为优，80（含）–90 为良，60（含）–80 为中，60 以下为差).
 */
import { gradeMismatch } from "../../../src/engine/checks/grade-mismatch";
import { getPolicy, policyFromJson } from "../../../src/engine/policy";
import { codes, run } from "./base";

test("meta: error, cites the grade bands", () => {
  expect(gradeMismatch.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_GRADES" });
});

test("良 stated for a total of 97", () => {
  const r = run((s) => (s.total = { weight: 100, score: 97, grade: "良" }));
  expect(codes(r)).toEqual(["GRADE_MISMATCH@B17"]);
  expect(r.findings[0]).toMatchObject({ expected: "优", found: "良" });
});

test("优秀 names 优; a policy's own bands decide", () => {
  expect(codes(run((s) => (s.total = { weight: 100, score: 97, grade: "优秀" })))).toEqual([]);
  const strict = policyFromJson({
    name: "strict",
    grades: [
      { min: 98, grade: "优", en: "Excellent" },
      { min: 80, grade: "良", en: "Good" },
      { min: 60, grade: "中", en: "Fair" },
      { min: 0, grade: "差", en: "Poor" },
    ],
  });
  expect(codes(run((s) => (s.total = { weight: 100, score: 97, grade: "优" }), strict))).toEqual([
    "GRADE_MISMATCH@B17",
  ]);
  expect(getPolicy("national").grades[0]).toMatchObject({ min: 90, grade: "优" });
});

test("the computed grade follows the scores' sum, not a wrong stated total (84.57 is 良 even when 90 is stated)", () => {
  const r = run((s) => {
    s.indicators[3].score = 15.57;
    s.indicators[3].reason = "部分完成";
    s.indicators[3].actual = "部分达成";
    s.total = { weight: 100, score: 90, grade: "优" };
  });
  // 9 + 20 + 15 + 15 + 15.57 + 10 = 84.57.
  expect(r.total).toMatchObject({ stated: "90", computed: "84.57" });
  expect(r.grade).toMatchObject({ stated: "优", computed: "良" });
  expect(codes(r)).toContain("TOTAL_MISMATCH@G16");
});
