/**
 * FORMULA_NOT_CALCULATED: a cell a rule reads holds a formula with no saved result. Excel and WPS
 * store each formula's result when they save; a workbook written by a program (a report
 * generator, a script) often stores the formula alone, and its cells read as blank. Read as blank
 * they would be checked as blank in silence (a form of such scores shows "总分 —/0 差" and no
 * finding); instead each is reported: its figure can be checked once the workbook has been opened
 * and saved in Excel or WPS.
 * Source: this tool's own guarantee — nothing a rule needs is skipped in silence.
 */
import type { Field, FormModel } from "../model";
import type { Check } from "./types";

/** Every cell of a form that a rule reads as a figure: amounts, rates, weights, scores, totals, grades. */
export function figureCells(form: FormModel): Field[] {
  const cells: (Field | undefined)[] = [];
  if (form.kind === "project") {
    for (const r of [form.funds?.total, ...(form.funds?.parts ?? [])])
      if (r) cells.push(r.initial, r.budget, r.executed, r.weight, r.rate, r.score);
    for (const i of form.indicators) cells.push(i.target, i.actual, i.weight, i.score);
  } else {
    for (const r of form.rows) cells.push(...r.levels.map((l) => l.weight), r.score);
    cells.push(...(form.total?.levelWeights ?? []));
  }
  cells.push(form.total?.weight, form.total?.score, form.total?.grade);
  const seen = new Set<string>();
  return cells.filter((f): f is Field => {
    if (!f || seen.has(f.cell)) return false;
    seen.add(f.cell);
    return true;
  });
}

/** A formula cell whose result was never saved (no cached value). */
export function uncalculated(f: Field | undefined): boolean {
  return !!f?.formula && (f.value === null || f.value === undefined);
}

export const formulaNotCalculated: Check = {
  meta: {
    code: "FORMULA_NOT_CALCULATED",
    severity: "warning",
    title: "CHECK_FORMULA_NOT_CALCULATED",
    source: "SOURCE_TOOL_UNREADABLE",
    fix: "FIX_FORMULA_NOT_CALCULATED",
    messages: ["FORMULA_NOT_CALCULATED"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    for (const f of figureCells(ctx.form))
      if (uncalculated(f)) ctx.report(f, "FORMULA_NOT_CALCULATED", { formula: f.formula }, undefined, f.formula);
  },
};
