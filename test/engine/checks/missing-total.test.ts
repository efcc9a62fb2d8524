/** MISSING_TOTAL — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (总分 row). */
import { missingTotal } from "../../../src/engine/checks/missing-total";
import { codes, run } from "./base";

test("meta: warning", () => {
  expect(missingTotal.meta).toMatchObject({ severity: "warning", source: "SOURCE_MOF_TABLE" });
});

test("no total row: flagged below the last score; the sums are still given", () => {
  const r = run((s) => (s.total = null));
  expect(codes(r)).toEqual(["MISSING_TOTAL@G16"]);
  expect(r.total).toEqual({ computed: "97", review: "97" });
});

test("a copy cut off inside its indicator rows (ProjectForm.truncated, set by detection): no MISSING_TOTAL, and the weights are not summed against 100", () => {
  // test/data/cases/README.md, jinzhai-dept-2023: the published copy ends inside its 产出指标 rows (row 19).
  const r = run((s) => {
    s.total = null;
    s.indicators.pop();
  });
  expect(codes(r)).toContain("MISSING_TOTAL@G15");
  expect(codes(r).some((c) => c.startsWith("WEIGHT_SUM"))).toBe(true);
  const cut = run((s) => {
    s.total = null;
    s.indicators.pop();
    s.truncated = true;
  });
  expect(codes(cut)).toEqual([]);
});
