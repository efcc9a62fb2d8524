/**
 * MISSING_REASON — source: 财预〔2020〕10号 (未完成绩效目标或偏离绩效目标较大的要分析并说明原因；
 * 完成值高于指标值较多的要分析原因); "较多" is the policy's overshootRatio (130%).
 */
import { missingReason } from "../../../src/engine/checks/missing-reason";
import { codes, run } from "./base";

test("meta: warning, cites the reason rule", () => {
  expect(missingReason.meta).toMatchObject({ severity: "warning", source: "SOURCE_MOF_REASON" });
});

test("points lost with no reason, on the reason cell", () => {
  const r = run((s) => (s.indicators[3].reason = null));
  expect(codes(r)).toEqual(["MISSING_REASON@H14"]);
  expect(r.findings[0].message.zh).toBe("扣分（28/30）但未填写偏差原因");
});

test("130 of ≥100 (130%) with no reason; 129 is not flagged", () => {
  expect(codes(run((s) => (s.indicators[0].actual = "130人")))).toEqual(["MISSING_REASON@H11"]);
  expect(codes(run((s) => (s.indicators[0].actual = "129人")))).toEqual([]);
});
