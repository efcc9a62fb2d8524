/**
 * LOW_EXECUTION_NO_REASON — source: the 四川 项目支出绩效自评表 (an 执行率 below 90% is to be
 * explained; the threshold is the policy's explainRateBelow) and 财预〔2020〕10号 (deviations explained).
 */
import { lowExecution } from "../../../src/engine/checks/low-execution";
import { policyFromJson } from "../../../src/engine/policy";
import type { Policy } from "../../../src/engine/types";
import { codes, run } from "./base";

test("meta: warning, cites the 四川 form", () => {
  expect(lowExecution.meta).toMatchObject({ severity: "warning", source: "SOURCE_SICHUAN_LOW_EXECUTION" });
});

/** 执行率 80/100 = 80%; budget score 8; total 96. */
const low = (reason?: string, policy: Policy | string = "national") =>
  run((s) => {
    s.funds!.executed = 80;
    s.funds!.rate = { value: 0.8, numFmt: "0.00%" };
    s.funds!.score = 8;
    s.total = { weight: 100, score: 96, grade: "优" };
    if (reason !== undefined) s.indicators[3].reason = reason;
  }, policy);

test("80% with no reason about the funds: on the rate cell", () => {
  const r = low();
  expect(codes(r)).toEqual(["LOW_EXECUTION_NO_REASON@G3"]);
  expect(r.findings[0].message.zh).toBe("执行率 80.00% 低于 90%，偏差原因中没有说明资金执行情况");
  expect(r.findings[0].found).toBe("80.00%");
});

test("a reason that speaks of the funds explains it; one about something else does not", () => {
  expect(codes(low("部分资金结转至下年支付"))).toEqual([]);
  expect(codes(low("个别服务点仍在完善"))).toEqual(["LOW_EXECUTION_NO_REASON@G3"]);
});

test("exactly 90% is not below; a policy without the rule, or with its own threshold", () => {
  expect(codes(run())).toEqual([]); // the base form's 90%
  const none = policyFromJson({ name: "no-rule", explainRateBelow: 0 });
  expect(codes(low(undefined, none))).toEqual([]);
  const stricter = policyFromJson({ name: "stricter", explainRateBelow: 0.95 });
  expect(codes(run(() => undefined, stricter))).toEqual(["LOW_EXECUTION_NO_REASON@G3"]);
});
