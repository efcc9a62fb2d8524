/**
 * The well-formed project form every check test starts from (no finding under any pack: its effect
 * target states a checkable standard, not a word of degree), and
 * helpers to run the checks on a changed copy. Its figures, by hand: 执行率 90/100 = 90%, budget
 * score 10 × 90% = 9; indicators 20 + 15 + 15 + 28 + 10 = 88 on weights 90; total 97, 优.
 */
import { checkForm, type FormResult } from "../../../src/engine/checks";
import { getPolicy } from "../../../src/engine/policy";
import type { Policy } from "../../../src/engine/types";
import { projectForm, type ProjectSpec } from "../../helpers/form-builder";

export function good(): ProjectSpec {
  return {
    funds: { initial: 100, budget: 100, executed: 90, weight: 10, rate: { value: 0.9, numFmt: "0.00%" }, score: 9 },
    indicators: [
      { l1: "产出指标", l2: "数量指标", l3: "培训人数", target: "≥100人", actual: "120人", weight: 20, score: 20 },
      { l2: "质量指标", l3: "合格率", target: "≥95%", actual: "95%", weight: 15, score: 15 },
      { l2: "时效指标", l3: "办结时间", target: "≤30天", actual: "28天", weight: 15, score: 15 },
      {
        l1: "效益指标",
        l2: "社会效益指标",
        l3: "服务水平",
        target: "服务点全部达到服务规范",
        actual: "显著",
        weight: 30,
        score: 28,
        reason: "个别服务点仍在完善",
      },
      {
        l1: "满意度指标",
        l2: "服务对象满意度指标",
        l3: "满意度",
        target: "≥90%",
        actual: "96%",
        weight: 10,
        score: 10,
      },
    ],
    total: { weight: 100, score: 97, grade: "优" },
  };
}

/** Check a spec (changed by `edit`) under a policy. */
export function run(
  edit: (s: ProjectSpec) => void = () => undefined,
  policy: Policy | string = "national",
): FormResult {
  const spec = good();
  edit(spec);
  return checkForm(projectForm(spec), typeof policy === "string" ? getPolicy(policy) : policy);
}

/** "CODE@CELL" of each finding, in order. */
export function codes(r: FormResult): string[] {
  return r.findings.map((f) => `${f.code}@${f.cell}`);
}

/** The base form re-weighted as a budget block of 20 (score 18 = 20 × 90%) and 10 on its first indicator: total 96. */
export function budgetBlockOf20(s: ProjectSpec): void {
  s.funds!.weight = 20;
  s.funds!.score = 18;
  s.indicators[0].weight = 10;
  s.indicators[0].score = 10;
  s.total = { weight: 100, score: 96, grade: "优" };
}
