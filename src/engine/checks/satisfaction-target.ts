/**
 * SATISFACTION_NOT_PERCENT: a 满意度指标 whose 年度指标值 is not a percentage ("满意", "较高", "90"):
 * satisfaction is the share of satisfied respondents in a survey, so its target is a percent
 * ("≥90%"). Source: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》(财预〔2021〕101号)
 * on 满意度指标 (obtained by survey, stated as a percentage); 财预〔2020〕10号 weighs 服务对象满意度 10.
 */
import { both } from "../../i18n/strings";
import type { Check } from "./types";
import { isSatisfaction } from "./indicator-kinds";
import { compactText } from "../value";
import { textOf } from "./values";

const PERCENT_FIGURE = /[0-9]+(?:\.[0-9]+)?%/;

export const satisfactionTarget: Check = {
  meta: {
    code: "SATISFACTION_NOT_PERCENT",
    severity: "warning",
    title: "CHECK_SATISFACTION_NOT_PERCENT",
    source: "SOURCE_GUIDE_SATISFACTION",
    fix: "FIX_SATISFACTION_NOT_PERCENT",
    messages: ["SATISFACTION_NOT_PERCENT"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    for (const { ind, target } of ev.indicators) {
      if (!ind.target || !isSatisfaction(ind) || target.kind === "dash") continue;
      if (target.kind === "number" && target.percent) continue;
      // A percentage inside prose ("无差错少投诉，社会满意度90%以上") states one too.
      if (target.kind === "text" && PERCENT_FIGURE.test(compactText(target.text))) continue;
      const found = textOf(target);
      ctx.report(
        ind.target,
        "SATISFACTION_NOT_PERCENT",
        { name: ind.level3, found: found ?? both("VALUE_BLANK") },
        undefined,
        found,
      );
    }
  },
};
