/**
 * TOTAL_NOT_NUMBER: the 总分 cell holds no total — an error value (#VALUE!, #REF!: its formula
 * fails), text, or nothing while the form states scores — so neither the total nor the grade can
 * be checked against the scores. A formula whose result was never saved is FORMULA_NOT_CALCULATED's.
 * Source: 财预〔2020〕10号 单位自评 (总分由各项指标得分汇总形成).
 */
import { formatDecimal } from "../decimal";
import { uncalculated } from "./formula-not-calculated";
import type { Check } from "./types";
import { isBlank } from "./values";

/** Excel's error values, as a cell shows them. */
const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export const totalNotNumber: Check = {
  meta: {
    code: "TOTAL_NOT_NUMBER",
    severity: "error",
    title: "CHECK_TOTAL_NOT_NUMBER",
    source: "SOURCE_MOF_TOTAL",
    fix: "FIX_TOTAL_NOT_NUMBER",
    messages: ["TOTAL_ERROR_VALUE", "TOTAL_TEXT", "TOTAL_BLANK"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const field = ev.form.total?.score;
    if (!field || ev.totals.stated || uncalculated(field)) return;
    const expected = ev.scored ? formatDecimal(ev.totals.computed) : undefined;
    if (isBlank(field)) {
      if (ev.scored) ctx.report(field, "TOTAL_BLANK", { expected }, expected);
      return;
    }
    const shown = String(field.value).trim();
    ctx.report(field, ERROR_VALUE.test(shown) ? "TOTAL_ERROR_VALUE" : "TOTAL_TEXT", { found: shown }, expected, shown);
  },
};
