/**
 * COST_TARGET_LOWER_BOUND: a 成本指标 whose 年度指标值 is a lower bound ("≥50万元", "不低于", "以上"):
 * a cost target caps spending, so it is written as an upper bound (≤). Source: 《中央部门项目支出
 * 核心绩效目标和指标设置及取值指引（试行）》(财预〔2021〕101号) on 成本指标: a cost control ceiling.
 */
import type { Check } from "./types";
import { isCost } from "./indicator-kinds";
import { compactText } from "../value";
import { textOf } from "./values";

/** A lower bound written in words inside a text that is not read as one figure. */
const LOWER_BOUND_TEXT = /≥|>=|>|不低于|不少于|不小于|至少|以上|高于|大于|多于/;

export const costTarget: Check = {
  meta: {
    code: "COST_TARGET_LOWER_BOUND",
    severity: "warning",
    title: "CHECK_COST_TARGET_LOWER_BOUND",
    source: "SOURCE_GUIDE_COST",
    fix: "FIX_COST_TARGET_LOWER_BOUND",
    messages: ["COST_TARGET_LOWER_BOUND"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const { ind, target } of ev.indicators) {
      if (!ind.target || !isCost(ind)) continue;
      const lower =
        target.kind === "number"
          ? target.op === ">=" || target.op === ">"
          : target.kind === "text" && LOWER_BOUND_TEXT.test(compactText(target.text));
      if (!lower) continue;
      const found = textOf(target);
      ctx.report(ind.target, "COST_TARGET_LOWER_BOUND", { name: ind.level3, found }, undefined, found);
    }
  },
};
