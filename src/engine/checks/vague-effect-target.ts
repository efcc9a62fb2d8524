/**
 * VAGUE_EFFECT_TARGET: a 效益指标 whose 年度指标值 is a word of degree with no measure ("明显提高",
 * "效果较好", "有效"): no reviewer can tell whether it was met. Source: 《中央部门项目支出核心绩效
 * 目标和指标设置及取值指引（试行）》(财预〔2021〕101号): effect indicators are set so they can be
 * measured — quantified where possible, else described by a checkable standard. The list of words
 * of degree is this tool's reading of that rule.
 */
import type { Check } from "./types";
import { hasFigure, isEffect } from "./indicator-kinds";
import { compactText } from "../value";

/** Words of degree that measure nothing on their own. */
const VAGUE = [
  "较好",
  "较高",
  "较大",
  "良好",
  "提高",
  "提升",
  "明显",
  "显著",
  "有效",
  "改善",
  "增强",
  "加强",
  "促进",
  "推动",
  "进一步",
  "逐步",
  "持续",
  "不断",
  "大幅",
  "一定",
];

export const vagueEffectTarget: Check = {
  meta: {
    code: "VAGUE_EFFECT_TARGET",
    severity: "warning",
    title: "CHECK_VAGUE_EFFECT_TARGET",
    source: "SOURCE_GUIDE_EFFECT",
    fix: "FIX_VAGUE_EFFECT_TARGET",
    messages: ["VAGUE_EFFECT_TARGET"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const { ind, target } of ev.indicators) {
      if (!ind.target || target.kind !== "text" || !isEffect(ind) || hasFigure(target.text)) continue;
      const text = compactText(target.text);
      const word = VAGUE.find((w) => text.includes(w));
      if (!word) continue;
      ctx.report(
        ind.target,
        "VAGUE_EFFECT_TARGET",
        { name: ind.level3, found: target.text, word },
        undefined,
        target.text,
      );
    }
  },
};
