/** FUNDS_BREAKDOWN — source: 财预〔2020〕10号 附件 项目支出绩效自评表 (年度资金总额 = 其中各项之和). */
import { fundsBreakdown } from "../../../src/engine/checks/funds-breakdown";
import { codes, run } from "./base";

test("meta: error, cites the table", () => {
  expect(fundsBreakdown.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_TABLE" });
});

test("其中 rows adding to 95 of a 100 budget, per column", () => {
  const r = run((s) => {
    s.funds!.parts = [
      { label: "其中：财政拨款", initial: 100, budget: 80, executed: 70 },
      { label: "上年结转资金", initial: null, budget: 15, executed: 20 },
    ];
  });
  expect(codes(r)).toEqual(["FUNDS_BREAKDOWN@D4"]);
  expect(r.findings[0].message).toEqual({
    zh: "“其中”各项合计 95 ≠ 年度资金总额 100（全年预算数）",
    en: "The 其中 rows add up to 95, not the total 100 (annual budget)",
  });
});

test("an empty breakdown is not checked", () => {
  expect(codes(run((s) => (s.funds!.parts = [{ label: "其他资金" }])))).toEqual([]);
});
