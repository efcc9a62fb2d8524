/**
 * DUPLICATE_INDICATOR — source: public 复核 practice (bureaus' published spot-check notices list an
 * indicator set twice as a fault of target setting); 财预〔2021〕101号 guide: few, focused indicators.
 */
import { duplicateIndicator } from "../../../src/engine/checks/duplicate-indicator";
import { codes, run } from "./base";

test("meta: warning, cites the review practice", () => {
  expect(duplicateIndicator.meta).toMatchObject({ severity: "warning", source: "SOURCE_REVIEW_DUPLICATE" });
});

test("the same 三级指标 twice (spaces aside), on the later name cell, naming the first", () => {
  const r = run((s) => (s.indicators[2].l3 = "培训 人数"));
  expect(codes(r)).toEqual(["DUPLICATE_INDICATOR@C13"]);
  expect(r.findings[0]).toMatchObject({ expected: "C11", found: "培训 人数" });
  expect(r.findings[0].message.zh).toBe("指标“培训 人数”与 C11 的指标重复");
});

test("three times: reported twice, each naming the first; distinct names are not", () => {
  const r = run((s) => {
    s.indicators[1].l3 = "培训人数";
    s.indicators[2].l3 = "培训人数";
  });
  expect(codes(r)).toEqual(["DUPLICATE_INDICATOR@C12", "DUPLICATE_INDICATOR@C13"]);
  expect(r.findings.map((f) => f.expected)).toEqual(["C11", "C11"]);
  expect(codes(run())).toEqual([]);
});
