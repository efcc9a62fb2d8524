/** OVER_EXECUTION — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (执行数 against 预算数; the score caps at the weight). */
import { overExecution } from "../../../src/engine/checks/over-execution";
import { codes, run } from "./base";

test("meta: warning", () => {
  expect(overExecution.meta).toMatchObject({ severity: "warning", source: "SOURCE_MOF_TABLE" });
});

test("executed 110 of 100: flagged; the budget score caps at 10", () => {
  const r = run((s) => {
    s.funds!.executed = 110;
    s.funds!.rate = { value: 1.1, numFmt: "0.00%" };
    s.funds!.score = 10;
    s.total = { weight: 100, score: 98, grade: "优" };
  });
  expect(codes(r)).toEqual(["OVER_EXECUTION@E3"]);
  expect(r.funds?.score).toBe("10");
});
