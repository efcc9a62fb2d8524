/**
 * TOTAL_CAP and the capped 复核总分 — source: the policy's (a province caps the total by 执行率 band;
 * no built-in policy does, so these tests use a policy document that states the band).
 */
import { totalCap } from "../../../src/engine/checks/total-cap";
import { policyFromJson } from "../../../src/engine/policy";
import { codes, run } from "./base";

const capped = policyFromJson({
  name: "cap-test",
  source: "a policy document capping the total at 80 below 60% and at 90 below 80%",
  totalCaps: [
    { below: 0.8, max: 90 },
    { below: 0.6, max: 80 },
  ],
});

test("meta: warning, the source is the policy's", () => {
  expect(totalCap.meta).toMatchObject({ severity: "warning", source: "SOURCE_POLICY_CAP" });
});

/** 执行率 50/100 = 50%, budget score 5; indicators 88; total 93. */
const half = (policy = capped) =>
  run((s) => {
    s.funds!.executed = 50;
    s.funds!.rate = { value: 0.5, numFmt: "0.00%" };
    s.funds!.score = 5;
    s.funds!.parts = [];
    s.indicators[3].reason = "资金拨付延迟";
    s.total = { weight: 100, score: 93, grade: "优" };
  }, policy);

test("50% falls in both bands; the lowest cap (80) applies to the stated 93 and to the review total", () => {
  const r = half();
  expect(codes(r)).toEqual(["TOTAL_CAP@G16"]);
  expect(r.findings[0].message.zh).toBe("执行率 50.00% 低于 60%，按规则集“cap-test”总分不得高于 80，填报 93");
  // Review by hand: 5 + 20 + 15 + 15 + 28 + 10 = 93, capped at 80.
  expect(r.total).toEqual({ stated: "93", computed: "93", review: "80" });
  expect(r.grade.review).toBe("良");
});

test("90% is in no band: nothing capped; no caps in the policy (national): nothing either", () => {
  const r = run(() => undefined, capped);
  expect(codes(r)).toEqual([]);
  expect(r.total.review).toBe("97");
  expect(half(policyFromJson({ name: "plain" })).total.review).toBe("93");
});

test("caps in a policy file are checked field by field", () => {
  expect(() => policyFromJson({ name: "x", totalCaps: [{ below: 0.6 }] })).toThrow(/totalCaps\[0\]\.max/);
  expect(() => policyFromJson({ name: "x", totalCaps: { below: 0.6, max: 80 } })).toThrow(/totalCaps/);
});
