/**
 * QUANTITY_TARGET_NO_FIGURE: a 数量指标 whose 年度指标值 states no figure ("按计划完成", blank):
 * nothing to count the actual against. Source: 《中央部门项目支出核心绩效目标和指标设置及取值指引
 * （试行）》(财预〔2021〕101号) on 数量指标: they state how much is delivered, as a number.
 */
import type { Check } from "./types";
import { hasFigure, isQuantity } from "./indicator-kinds";
import { textOf } from "./values";

export const quantityTarget: Check = {
  meta: {
    code: "QUANTITY_TARGET_NO_FIGURE",
    severity: "warning",
    title: "CHECK_QUANTITY_TARGET_NO_FIGURE",
    source: "SOURCE_GUIDE_QUANTITY",
    fix: "FIX_QUANTITY_TARGET_NO_FIGURE",
    messages: ["QUANTITY_TARGET_NO_FIGURE", "QUANTITY_TARGET_BLANK"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const { ind, target } of ev.indicators) {
      if (!ind.target || !isQuantity(ind)) continue;
      if (target.kind === "blank") ctx.report(ind.target, "QUANTITY_TARGET_BLANK", { name: ind.level3 });
      else if (target.kind === "text" && !hasFigure(target.text)) {
        const found = textOf(target);
        ctx.report(ind.target, "QUANTITY_TARGET_NO_FIGURE", { name: ind.level3, found }, undefined, found);
      }
    }
  },
};
