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
