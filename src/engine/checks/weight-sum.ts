/**
 * WEIGHT_SUM: weights that do not add up. On a project form: a level-1 label's stated weight
 * ("产出指标 (50分)") against its indicators' 分值 (when the form has a 分值 column; without one the
 * labels are the weights); a stated indicator total ("绩效指标 (90)", "年度绩效目标(80分)") against
 * all weights, and each labelled section's ("年度绩效目标1(40分)") against its rows'; the 总分 row's
 * 分值 (else 100) against every weight, the budget block's included. On a copy cut off inside its
 * table (ProjectForm.truncated) no sum its missing rows would complete is checked: not its last
 * group's, nor the indicators' or the total's. On a score table: each parent's weight against its
 * children's, and the total row's weight per level against that level. Source: 财预〔2020〕10号
 * (权重: 预算执行率 10%, 产出 50%, 效益 30%, 满意度 10%; 总分 100).
 */
import { formatDecimal, toDecimal } from "../decimal";
import { sumExact } from "../rules";
import type { ProjectForm } from "../model";
import type { Check, CheckContext } from "./types";
import type { ProjectEvaluation, ScoreTableEvaluation } from "./evaluate";
import { Decimal, weightOf } from "./values";

const ZERO = new Decimal(0);

/**
 * Whether a sum over `rows` is incomplete because the copy is cut off (ProjectForm.truncated):
 * the rows reach the form's last indicator row, whose group runs on past the sheet's end
 * (test/data/cases/README.md, jinzhai-dept-2023). Such a sum is neither checked nor planned.
 */
export function cutShort(form: ProjectForm, rows: readonly number[]): boolean {
  const last = form.indicators[form.indicators.length - 1]?.row;
  return form.truncated === true && last !== undefined && rows.includes(last);
}

function projectSums(ctx: CheckContext, ev: ProjectEvaluation): void {
  const form = ev.form;
  const weightByRow = new Map<number, Decimal>();
  for (const i of ev.indicators) if (i.weight) weightByRow.set(i.ind.row, i.weight);
  // Without a 分值 column the labels are the weights: there is nothing to add up under them (never "合计 0").
  const perIndicator = form.columns.weight !== undefined && form.weightsFrom !== "labels";
  for (const g of perIndicator ? form.groups : []) {
    if (!g.statedWeight || !g.labelCell || cutShort(form, g.rows)) continue;
    const sum = sumExact(g.rows.map((r) => weightByRow.get(r) ?? ZERO));
    if (sum.eq(toDecimal(g.statedWeight))) continue;
    const first = form.indicators.find((i) => i.row === g.rows[0]);
    const expected = formatDecimal(sum);
    ctx.report(
      { cell: g.labelCell, row: first?.row ?? form.range.top, col: form.columns.level1 ?? form.range.left },
      "WEIGHT_SUM_GROUP",
      { name: g.name, found: g.statedWeight, expected },
      expected,
      g.statedWeight,
    );
  }
  // Labelled sections ("年度绩效目标1(40分)", "年度绩效目标2(40分)"): each against the weights of its rows.
  for (const s of form.sections ?? []) {
    if (!s.statedWeight || cutShort(form, s.rows)) continue;
    const inSection = new Set(s.rows);
    const sum = perIndicator
      ? sumExact(s.rows.map((r) => weightByRow.get(r) ?? ZERO))
      : sumExact(
          form.groups.flatMap((g) =>
            g.statedWeight && g.rows.some((r) => inSection.has(r)) ? [toDecimal(g.statedWeight)] : [],
          ),
        );
    if (sum.eq(toDecimal(s.statedWeight))) continue;
    const expected = formatDecimal(sum);
    const at = { cell: s.labelCell, row: s.rows[0] ?? form.range.top, col: form.range.left };
    ctx.report(at, "WEIGHT_SUM_GROUP", { name: s.name, found: s.statedWeight, expected }, expected, s.statedWeight);
  }
  const sw = form.indicatorsStatedWeight;
  if (sw && !form.truncated && !toDecimal(sw.value).eq(ev.indicatorWeights)) {
    const expected = formatDecimal(ev.indicatorWeights);
    ctx.report(
      { cell: sw.cell, row: form.indicatorHeaderRow ?? form.range.top, col: form.range.left },
      "WEIGHT_SUM_INDICATORS",
      { found: sw.value, expected },
      expected,
      sw.value,
    );
  }
  const all = ev.indicatorWeights.plus(ev.budgetWeight);
  const totalWeight = weightOf(form.total?.weight);
  const wrong = totalWeight ? !totalWeight.eq(all) : !all.eq(100) && form.indicators.length > 0 && !form.truncated;
  const at = form.total?.weight ?? form.total?.score ?? form.indicators[form.indicators.length - 1]?.weight;
  if (wrong && at) {
    const found = totalWeight ? formatDecimal(totalWeight) : "100";
    const expected = formatDecimal(all);
    ctx.report(at, "WEIGHT_SUM_TOTAL", { expected, found }, expected, found);
  }
}

function scoreTableSums(ctx: CheckContext, ev: ScoreTableEvaluation): void {
  const { levels, form } = ev;
  for (let i = 0; i < levels.length - 1; i++) {
    for (const node of levels[i].values()) {
      const pw = weightOf(node.weight);
      if (!pw || !node.weight) continue;
      const kids = [...levels[i + 1].values()].filter((k) => k.parent === node.key);
      const sum = sumExact(kids.map((k) => weightOf(k.weight) ?? ZERO));
      if (!kids.length || sum.eq(pw)) continue;
      const expected = formatDecimal(sum);
      const found = formatDecimal(pw);
      ctx.report(node.weight, "WEIGHT_SUM_PARENT", { name: node.name, found, expected }, expected, found);
    }
  }
  const levelSums = levels.map((m) => sumExact([...m.values()].map((n) => weightOf(n.weight) ?? ZERO)));
  if (form.total) {
    form.total.levelWeights.forEach((f, i) => {
      const w = weightOf(f);
      if (!w || !levelSums[i] || w.eq(levelSums[i])) return;
      const expected = formatDecimal(levelSums[i]);
      const found = formatDecimal(w);
      ctx.report(f, "WEIGHT_SUM_TOTAL", { expected, found }, expected, found);
    });
  } else if (levelSums[0] && !levelSums[0].eq(100) && form.rows.length) {
    const f = form.rows[0].levels[0]?.weight;
    const expected = formatDecimal(levelSums[0]);
    if (f) ctx.report(f, "WEIGHT_SUM_TOTAL", { expected, found: "100" }, expected, "100");
  }
}

export const weightSum: Check = {
  meta: {
    code: "WEIGHT_SUM",
    severity: "error",
    title: "CHECK_WEIGHT_SUM",
    source: "SOURCE_MOF_WEIGHTS",
    fix: "FIX_WEIGHT_SUM",
    messages: ["WEIGHT_SUM_GROUP", "WEIGHT_SUM_INDICATORS", "WEIGHT_SUM_TOTAL", "WEIGHT_SUM_PARENT"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind === "project") projectSums(ctx, ev);
    else scoreTableSums(ctx, ev);
  },
};
