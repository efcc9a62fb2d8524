/** EXECRATE_MISMATCH — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (执行率 = 全年执行数/全年预算数). */
import { execRateMismatch } from "../../../src/engine/checks/execrate-mismatch";
import { codes, run } from "./base";

test("meta: error, cites the self-evaluation table", () => {
  expect(execRateMismatch.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_TABLE" });
});

test("a stated 92.00% where 90/100 = 90.00%", () => {
  const r = run((s) => (s.funds!.rate = { value: 0.92, numFmt: "0.00%" }));
  expect(codes(r)).toEqual(["EXECRATE_MISMATCH@G3"]);
  expect(r.findings[0]).toMatchObject({ expected: "90.00%", found: "92.00%" });
  expect(r.findings[0].message.zh).toBe("执行率 92.00% ≠ 执行数/预算数 90.00%（90/100 = 90.00%）");
});

test("a rate stated as the percent figure 90 (no percent format) is read as 90% and agrees", () => {
  expect(codes(run((s) => (s.funds!.rate = 90)))).toEqual([]);
});

test("a 其中 row with its own amounts and a wrong rate", () => {
  const r = run((s) => (s.funds!.parts = [{ budget: 50, executed: 40, rate: "90%" }]));
  expect(codes(r)).toContain("EXECRATE_MISMATCH@G4");
});
