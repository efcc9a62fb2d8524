/**
 * TOTAL_NOT_NUMBER — source: 财预〔2020〕10号 单位自评 (总分由各项指标得分汇总形成). Issue 10: a total
 * cell holding an error value (#VALUE!, #REF!), text or nothing was not reported.
 */
import { totalNotNumber } from "../../../src/engine/checks/total-not-number";
import { codes, run } from "./base";

test("meta: error, cites the total rule", () => {
  expect(totalNotNumber.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_TOTAL" });
});

test("an error value: #REF! and #VALUE!, with the sum the scores give (97)", () => {
  for (const err of ["#REF!", "#VALUE!"]) {
    const r = run(
      (s) => (s.total = { weight: 100, score: { value: err, formula: "=SUM(G11:G15)+Sheet2!A1" }, grade: "优" }),
    );
    expect(codes(r)).toEqual(["TOTAL_NOT_NUMBER@G16"]);
    expect(r.findings[0]).toMatchObject({ severity: "error", expected: "97", found: err });
    expect(r.findings[0].message.zh).toBe(`总分单元格是错误值 ${err}（公式出错），无法与各项得分之和核对`);
  }
});

test("text", () => {
  const r = run((s) => (s.total = { weight: 100, score: "见附表", grade: "优" }));
  expect(codes(r)).toEqual(["TOTAL_NOT_NUMBER@G16"]);
  expect(r.findings[0].message).toEqual({
    zh: "总分“见附表”不是数字，无法与各项得分之和核对",
    en: 'The total "见附表" is not a number; it cannot be checked against the scores',
  });
});

test("nothing, on a form that states scores", () => {
  const r = run((s) => (s.total = { weight: 100, score: null, grade: "优" }));
  expect(codes(r)).toEqual(["TOTAL_NOT_NUMBER@G16"]);
  expect(r.findings[0].message.en).toBe("The total cell is blank (the scores add up to 97)");
});

test("a blank template (no score filled in anywhere) is not reported; a numeric total is not", () => {
  const blank = run((s) => {
    s.funds!.score = null;
    for (const i of s.indicators) i.score = null;
    s.total = { weight: 100, score: null, grade: null };
  });
  expect(blank.scored).toBe(false);
  expect(codes(blank)).not.toContain("TOTAL_NOT_NUMBER@G16");
  expect(codes(run())).toEqual([]);
});
