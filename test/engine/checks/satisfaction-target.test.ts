/**
 * SATISFACTION_NOT_PERCENT — source: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》
 * (财预〔2021〕101号) on 满意度指标: obtained by survey, stated as a percentage.
 */
import { satisfactionTarget } from "../../../src/engine/checks/satisfaction-target";
import { codes, run } from "./base";

test("meta: warning, cites the 101号 guide on satisfaction", () => {
  expect(satisfactionTarget.meta).toMatchObject({ severity: "warning", source: "SOURCE_GUIDE_SATISFACTION" });
});

test("满意, 较高 and a bare 90 are not percentages; on the target cell", () => {
  for (const t of ["满意", "较高", "90"]) {
    const r = run((s) => (s.indicators[4].target = t));
    expect([t, codes(r).filter((c) => c.startsWith("SATISFACTION"))]).toEqual([t, ["SATISFACTION_NOT_PERCENT@D15"]]);
  }
  expect(
    run((s) => (s.indicators[4].target = "满意")).findings.find((f) => f.code === "SATISFACTION_NOT_PERCENT")?.message,
  ).toEqual({
    zh: "满意度指标“满意度”的指标值“满意”不是百分比",
    en: 'Satisfaction indicator "满意度": the target "满意" is not a percentage',
  });
});

test("a blank target says so; ≥90%, 0.9 formatted as a percent, 90%以上 and a percentage in prose pass", () => {
  const blank = run((s) => (s.indicators[4].target = null));
  expect(blank.findings.find((f) => f.code === "SATISFACTION_NOT_PERCENT")?.message.zh).toBe(
    "满意度指标“满意度”的指标值“空”不是百分比",
  );
  // seed000's 社会满意度 target states its percentage inside prose.
  for (const t of ["≥90%", { value: 0.9, numFmt: "0%" }, "90%以上", "无差错少投诉，社会满意度90%以上"])
    expect(codes(run((s) => (s.indicators[4].target = t))).filter((c) => c.startsWith("SATISFACTION"))).toEqual([]);
});
