/**
 * WEIGHT_PLAN: a form whose parts are weighted otherwise than its policy sets (severity info: the
 * national rule says "in principle"). The budget block against weights.budget; each level-1 group
 * (产出, 效益, 满意度: its stated weight, else its rows' 分值 summed) against weights.output, .effect
 * and .satisfaction where the policy sets them, and a part the table leaves out as worth 0 (a form
 * with no 效益指标 rows); all 分值 of the indicators against weights.indicators where it sets that.
 * Not for a sum a cut-off copy leaves incomplete (its last group's rows summed, all 分值, the parts
 * after the cut: weight-sum.ts cutShort). Sources: 财预〔2020〕10号 (原则上 预算执行率 10%、产出 50%、
 * 效益 30%、满意度 10%); a regional policy's own source (policy.source) where its weights differ.
 */
import { address, parseA1 } from "../address";
import { formatDecimal, toDecimal } from "../decimal";
import { sumExact } from "../rules";
import { compactText } from "../value";
import type { Policy } from "../types";
import type { Check } from "./types";
import { cutShort } from "./weight-sum";
import { Decimal } from "./values";

const GROUPS: [RegExp, "output" | "effect" | "satisfaction", string][] = [
  [/产出/, "output", "产出指标"],
  [/效益/, "effect", "效益指标"],
  [/满意/, "satisfaction", "满意度指标"],
];

/** The policy part a level-1 label names, if any. */
function groupKey(name: string): "output" | "effect" | "satisfaction" | undefined {
  const t = compactText(name);
  return GROUPS.find(([re]) => re.test(t))?.[1];
}

export const weightPlan: Check = {
  meta: {
    code: "WEIGHT_PLAN",
    severity: "info",
    title: "CHECK_WEIGHT_PLAN",
    source: "SOURCE_MOF_WEIGHTS",
    fix: "FIX_WEIGHT_PLAN",
    messages: ["WEIGHT_PLAN_BUDGET", "WEIGHT_PLAN_GROUP", "WEIGHT_PLAN_GROUP_MISSING", "WEIGHT_PLAN_INDICATORS"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind !== "project") return;
    const w: Policy["weights"] = ctx.policy.weights;
    const policy = ctx.policy.name;
    const f = ev.funds;
    // The block's weight as the form states it: a 分值 cell, else its label ("预算执行情况(20分)").
    const label = f?.block.statedWeight;
    const labelAt = label && parseA1(label.cell);
    const stated = f?.total.weight ?? (label && labelAt ? { ...labelAt, cell: label.cell } : undefined);
    if (f && stated && !f.weight.eq(w.budget)) {
      const found = formatDecimal(f.weight);
      ctx.report(stated, "WEIGHT_PLAN_BUDGET", { found, expected: w.budget, policy }, String(w.budget), found);
    }
    const weightByRow = new Map<number, Decimal>();
    for (const i of ev.indicators) if (i.weight) weightByRow.set(i.ind.row, i.weight);
    const form = ev.form;
    for (const g of form.groups) {
      const key = groupKey(g.name);
      const expected = key ? w[key] : undefined;
      if (expected === undefined || !g.labelCell) continue;
      const rows = g.rows.filter((r) => weightByRow.has(r));
      if (!g.statedWeight && (rows.length === 0 || cutShort(form, g.rows))) continue;
      const weight = g.statedWeight ? toDecimal(g.statedWeight) : sumExact(rows.map((r) => weightByRow.get(r)!));
      if (weight.eq(expected)) continue;
      const found = formatDecimal(weight);
      const first = form.indicators.find((i) => i.row === g.rows[0]);
      ctx.report(
        { cell: g.labelCell, row: first?.row ?? form.range.top, col: form.columns.level1 ?? form.range.left },
        "WEIGHT_PLAN_GROUP",
        { name: g.name, found, expected, policy },
        String(expected),
        found,
      );
    }
    // A level-1 part the policy weighs that the table leaves out: worth 0 here (not on a cut-off copy,
    // whose later parts are missing from the copy, nor where no level-1 label names a part).
    const present = new Set(form.groups.map((g) => groupKey(g.name)));
    if (!form.truncated && [...present].some((k) => k !== undefined)) {
      const headerRow = form.indicatorHeaderRow ?? form.range.top;
      const col = form.columns.level1 ?? form.range.left;
      for (const [, key, name] of GROUPS) {
        const expected = w[key];
        if (!expected || present.has(key)) continue;
        ctx.report(
          { cell: address(headerRow, col), row: headerRow, col },
          "WEIGHT_PLAN_GROUP_MISSING",
          { name, expected, policy },
          String(expected),
          "0",
        );
      }
    }
    const all = w.indicators;
    const firstWeighted = ev.indicators.find((i) => i.weight)?.ind.weight;
    if (all !== undefined && firstWeighted && !form.truncated && !ev.indicatorWeights.eq(all)) {
      const found = formatDecimal(ev.indicatorWeights);
      ctx.report(firstWeighted, "WEIGHT_PLAN_INDICATORS", { found, expected: all, policy }, String(all), found);
    }
  },
};
