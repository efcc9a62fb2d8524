/**
 * WEIGHT_SUM — source: 财预〔2020〕10号 (权重原则上预算执行率 10%、产出 50%、效益 30%、满意度 10%；总分 100),
 * and the hierarchy of score tables (a parent's weight is its children's sum).
 */
import { checkForm } from "../../../src/engine/checks";
import { weightSum } from "../../../src/engine/checks/weight-sum";
import { national } from "../../../src/engine/policy";
import { scoreTable } from "../../helpers/form-builder";
import { codes, run } from "./base";

test("meta: error, cites the weights rule", () => {
  expect(weightSum.meta).toMatchObject({ severity: "error", source: "SOURCE_MOF_WEIGHTS" });
});

test("a level-1 label stating 60 over indicators weighing 50 (20 + 15 + 15)", () => {
  const r = run((s) => (s.groupWeights = { 产出指标: "60" }));
  // WEIGHT_SUM (core); WEIGHT_PLAN (review pack, info): the label's 60 against national's 50 for 产出.
  expect(codes(r)).toEqual(["WEIGHT_SUM@A11", "WEIGHT_PLAN@A11"]);
  expect(r.findings[0]).toMatchObject({ expected: "50", found: "60" });
});

test("the total row's 分值 100 against 10 + 95 when one weight is 25 instead of 20", () => {
  const r = run((s) => (s.indicators[0].weight = 25));
  expect(codes(r)).toContain("WEIGHT_SUM@F16");
  expect(r.findings.find((f) => f.cell === "F16")).toMatchObject({ expected: "105", found: "100" });
});

test("without a total weight the sum must be 100; with the right weights nothing", () => {
  expect(codes(run((s) => (s.total = { score: 97, grade: "优" })))).toEqual([]);
});

test("a score table: a parent of 10 over children 5 + 6, and the total row's level weights", () => {
  const form = scoreTable(
    [
      ["投入", 10, "预算编制", 5, 5],
      ["投入", 10, "目标设置", 6, 5],
    ],
    { weights: [10, 10], score: 10 },
  );
  const r = checkForm(form, national);
  const ws = r.findings.filter((f) => f.code === "WEIGHT_SUM");
  expect(ws.map((f) => [f.cell, f.expected, f.found])).toEqual([
    ["B3", "11", "10"],
    ["D5", "11", "10"],
  ]);
});

describe("a copy cut off inside its table (ProjectForm.truncated; test/data/cases/README.md, jinzhai-dept-2023)", () => {
  // The base form without its 满意度 row: 产出 20 + 15 + 15, then 效益 30, where the copy ends.
  const cut = (groupWeights: Record<string, string>, truncated: boolean, effectWeight = 30) =>
    run((s) => {
      s.indicators.pop();
      s.indicators[3].weight = effectWeight;
      s.total = null;
      s.groupWeights = groupWeights;
      s.truncated = truncated;
    });

  test("the last group's label against its rows is not summed (its rows run on past the copy); an earlier group's still is", () => {
    const whole = cut({ 产出指标: "60", 效益指标: "40" }, false);
    expect(codes(whole).filter((c) => c.startsWith("WEIGHT_SUM"))).toEqual(["WEIGHT_SUM@A11", "WEIGHT_SUM@A14", "WEIGHT_SUM@F14"]);
    const r = cut({ 产出指标: "60", 效益指标: "40" }, true);
    expect(codes(r).filter((c) => c.startsWith("WEIGHT_SUM"))).toEqual(["WEIGHT_SUM@A11"]);
    expect(r.findings[0]).toMatchObject({ expected: "50", found: "60" });
  });

  test("WEIGHT_PLAN (review pack): the last group's weight summed from its rows is not planned; a weight its label states is", () => {
    // 效益 rows weighing 20 (the copy's one 效益 row) against national's 30; whole, the form also lacks 满意度 (A10).
    expect(codes(cut({}, false, 20)).filter((c) => c.startsWith("WEIGHT_PLAN"))).toEqual([
      "WEIGHT_PLAN@A10",
      "WEIGHT_PLAN@A14",
    ]);
    expect(codes(cut({}, true, 20)).filter((c) => c.startsWith("WEIGHT_PLAN"))).toEqual([]);
    const stated = cut({ 效益指标: "40" }, true);
    expect(codes(stated).filter((c) => c.startsWith("WEIGHT_PLAN"))).toEqual(["WEIGHT_PLAN@A14"]);
    expect(stated.findings.find((f) => f.code === "WEIGHT_PLAN")).toMatchObject({ expected: "30", found: "40" });
  });
});
