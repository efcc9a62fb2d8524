/** MISSING_ACTUAL — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (每项指标填写实际完成值). */
import { missingActual } from "../../../src/engine/checks/missing-actual";
import { codes, run } from "./base";

test("meta: error, cites the table", () => {
  expect(missingActual.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_TABLE" });
});

test("scored 20 with a blank actual; the review gives 0 for it", () => {
  const r = run((s) => (s.indicators[0].actual = null));
  expect(codes(r)).toEqual(["MISSING_ACTUAL@E11"]);
  expect(r.findings[0]).toMatchObject({ found: "20" });
  expect(r.indicators[0].review).toBe("0");
  expect(r.total.review).toBe("77");
});
