/**
 * INDICATOR_SCORE_MISMATCH — source: 财预〔2020〕10号 (定量指标：完成指标值的记全部分值，未完成的按
 * 完成值与指标值的比例记分); reverse (≤) targets scored 指标值/完成值 × 分值 under national.
 */
import { indicatorScoreMismatch } from "../../../src/engine/checks/indicator-score-mismatch";
import { codes, run } from "./base";

test("meta: warning, cites the scoring rule", () => {
  expect(indicatorScoreMismatch.meta).toMatchObject({ severity: "warning", source: "SOURCE_MOF_SCORING" });
});

test("missed: 80 of ≥100 people on a weight of 20 scores 16, not the stated 20", () => {
  const r = run((s) => {
    s.indicators[0].actual = "80人";
    s.indicators[0].reason = "疫情影响";
  });
  expect(codes(r)).toEqual(["INDICATOR_SCORE_MISMATCH@G11"]);
  expect(r.findings[0]).toMatchObject({ expected: "16", found: "20" });
  expect(r.findings[0].message.zh).toBe("得分 20 ≠ 按规则计算的 16（20 × 80/100 = 16）");
  expect(r.indicators[0]).toMatchObject({ computed: "16", review: "16" });
  // Review total: 97 − 20 + 16.
  expect(r.total.review).toBe("93");
});

test("the issue's example: 7 × 4000/5000 = 5.6, stated 5 in whole points — both 5.6 and 6 shown", () => {
  const r = run((s) => {
    s.indicators[1] = {
      l2: "质量指标",
      l3: "时长",
      target: "5000分钟",
      actual: "4000分钟",
      weight: 15,
      score: 10,
      reason: "未完成",
    };
  });
  const f = r.findings.find((x) => x.code === "INDICATOR_SCORE_MISMATCH")!;
  expect(f.message.zh).toBe("得分 10 ≠ 按规则计算的 12（15 × 4000/5000 = 12）");
  const r2 = run((s) => {
    s.indicators[1] = {
      l2: "质量指标",
      l3: "时长",
      target: "5000分钟",
      actual: "4000分钟",
      weight: 7,
      score: 5,
      reason: "未完成",
    };
  });
  const f2 = r2.findings.find((x) => x.code === "INDICATOR_SCORE_MISMATCH")!;
  expect(f2).toMatchObject({ expected: "5.6", found: "5" });
  expect(f2.message).toEqual({
    zh: "得分 5 ≠ 按规则计算的 5.6（7 × 4000/5000 = 5.6；取整为 6）",
    en: "Score 5 ≠ the rule's 5.6 (7 × 4000/5000 = 5.6; 6 in whole points)",
  });
});

test("a reverse (≤) target overshot: 33 days on ≤30 scores 15 × 30/33 = 13.64 under national", () => {
  const r = run((s) => {
    s.indicators[2].actual = "33天";
    s.indicators[2].reason = "审批延迟";
  });
  expect(r.findings.find((f) => f.code === "INDICATOR_SCORE_MISMATCH")).toMatchObject({
    expected: "13.64",
    found: "15",
  });
});
