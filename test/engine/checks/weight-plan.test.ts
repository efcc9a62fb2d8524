/**
 * WEIGHT_PLAN — source: 财预〔2020〕10号 (原则上 预算执行率 10、产出 50、效益 30、满意度 10), and a regional
 * policy's own weights: budget-20 (the 湖北式 2020 项目自评表: 预算执行情况 20 分, 年度绩效目标 80 分).
 */
import { weightPlan } from "../../../src/engine/checks/weight-plan";
import { checkForm } from "../../../src/engine/checks";
import { getPolicy } from "../../../src/engine/policy";
import { projectForm, type ProjectSpec } from "../../helpers/form-builder";
import { budgetBlockOf20, codes, good, run } from "./base";

test("meta: info (in principle), cites the national weights", () => {
  expect(weightPlan.meta).toMatchObject({ severity: "info", source: "SOURCE_MOF_WEIGHTS" });
});

test("the base form is 10 / 50 / 30 / 10: nothing under national", () => {
  expect(codes(run())).toEqual([]);
});

test("a budget block of 20 and 产出 of 40 under national: both noted, with the policy's figures", () => {
  const r = run(budgetBlockOf20);
  expect(codes(r)).toEqual(["WEIGHT_PLAN@F3", "WEIGHT_PLAN@A11"]);
  expect(r.findings.map((f) => [f.expected, f.found])).toEqual([
    ["10", "20"],
    ["50", "40"],
  ]);
  expect(r.findings[1].message.zh).toBe("“产出指标”分值 40，规则集“national”为 50");
});

test("budget-20 sets 20 and 80 without a split: the 10-point block is noted there, the level-1 groups never", () => {
  const p = getPolicy("budget-20");
  expect(p.weights).toEqual({ budget: 20, indicators: 80 });
  const r = run(() => undefined, p);
  // Base form: block 10 (≠ 20), indicators 20 + 15 + 15 + 30 + 10 = 90 (≠ 80).
  expect(codes(r)).toEqual(["WEIGHT_PLAN@F3", "WEIGHT_PLAN@F11"]);
  expect(r.findings[1].message.zh).toBe("绩效指标分值合计 90，规则集“budget-20”为 80");
});

test("a block weight stated only in its label (预算执行情况(20分)) is compared too, at the label", () => {
  const spec = good();
  spec.funds!.weight = undefined;
  spec.funds!.score = 18;
  spec.indicators[0].weight = 10;
  spec.indicators[0].score = 10;
  spec.total = { weight: 100, score: 96, grade: "优" };
  const form = projectForm(spec);
  form.funds!.statedWeight = { value: "20", cell: "A3" };
  const r = checkForm(form, getPolicy("national"));
  expect(r.findings.filter((f) => f.code === "WEIGHT_PLAN").map((f) => [f.cell, f.expected, f.found])).toEqual([
    ["A3", "10", "20"],
    ["A11", "50", "40"],
  ]);
  expect(checkForm(form, getPolicy("budget-20")).findings.map((f) => f.code)).toEqual([]);
});

describe("a part the table leaves out (财预〔2020〕10号: 产出 50, 效益 30, 满意度 10 in principle; tryout: yongde with its 满意度 rows deleted)", () => {
  // The base form without its 效益 row (30 points moved to 产出's first row so the weights still add to 100).
  const noEffect = (s: ProjectSpec) => {
    s.indicators.splice(3, 1);
    s.indicators[0].weight = 50;
    s.indicators[0].score = 50;
    s.total = { weight: 100, score: 99, grade: "优" };
  };

  test("no 效益指标 rows: noted by name at the indicator header's level-1 cell, worth 0 against the policy's 30", () => {
    const r = run(noEffect);
    const missing = r.findings.filter((f) => f.message.zh.includes("没有"));
    expect(missing.map((f) => [f.code, f.cell, f.expected, f.found])).toEqual([["WEIGHT_PLAN", "A10", "30", "0"]]);
    expect(missing[0].message.zh).toBe("指标表没有“效益指标”，规则集“national”为其设 30 分");
  });

  test("not on a cut-off copy (its later parts are beyond the copy), nor under a policy that sets no part weights", () => {
    const cut = run((s) => {
      noEffect(s);
      s.total = null;
      s.truncated = true;
    });
    expect(cut.findings.filter((f) => f.message.zh.includes("没有"))).toEqual([]);
    expect(run(noEffect, getPolicy("budget-20")).findings.filter((f) => f.message.zh.includes("没有"))).toEqual([]);
  });
});
