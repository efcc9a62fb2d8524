/**
 * QUALITATIVE_BAND — source: 财预〔2020〕10号 (定性指标：达成、部分达成并具有一定效果、未达成且效果较差，
 * 分别在分值的 100–80%（含）、80–60%（含）、60–0% 区间确定).
 */
import { qualitativeBand } from "../../../src/engine/checks/qualitative-band";
import { codes, run } from "./base";

test("meta: warning, cites the qualitative bands", () => {
  expect(qualitativeBand.meta).toMatchObject({ severity: "warning", source: "SOURCE_MOF_QUALITATIVE" });
});

test("达成 (actual 显著) scored 20 on 30: the band is 24–30", () => {
  const r = run((s) => {
    s.indicators[3].score = 20;
    s.total = { weight: 100, score: 89, grade: "良" };
  });
  expect(codes(r)).toEqual(["QUALITATIVE_BAND@G14"]);
  expect(r.findings[0]).toMatchObject({ expected: "24–30", found: "20" });
  expect(r.findings[0].message).toEqual({
    zh: "定性指标“达成”应得 24–30 分，填报 20",
    en: "Qualitative indicator (met) should score 24–30; stated 20",
  });
  // The review clamps the stated 20 into the band: 24; total 97 − 28 + 24 = 93.
  expect(r.indicators[3].review).toBe("24");
  expect(r.total.review).toBe("93");
});

test("部分达成 scored 20 on 30 is inside its band 18–24: no finding, kept", () => {
  const r = run((s) => {
    s.indicators[3].actual = "部分达成";
    s.indicators[3].score = 20;
    s.total = { weight: 100, score: 89, grade: "良" };
  });
  expect(codes(r)).toEqual([]);
  expect(r.indicators[3]).toMatchObject({ range: ["18", "24"], review: "20" });
});
