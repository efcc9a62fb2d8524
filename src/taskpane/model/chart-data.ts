/**
 * Chart data: per level-1 indicator, the sum of the stated scores of its rows against its
 * weight (the weight stated in the label, "产出指标 (50)", else the sum of the rows' weights).
 * The budget execution score comes first when the form has a funds block. Exact decimals. Pure.
 */
import type { FormResult } from "../../engine/checks";
import { Decimal, formatDecimal, toDecimal } from "../../engine/decimal";
import type { Lang } from "../../i18n/strings";
import { tp } from "../strings";

export interface ChartBar {
  key: string;
  label: string;
  score: number;
  weight: number;
  scoreText: string;
  weightText: string;
  /** Cell of the group's label (or the budget score), for "show in sheet". */
  cell?: string;
}

function dec(s: string | undefined): Decimal | null {
  if (s === undefined) return null;
  try {
    return toDecimal(s);
  } catch {
    return null;
  }
}

function sum(xs: (Decimal | null)[]): Decimal {
  return xs.reduce<Decimal>((a, x) => (x ? a.plus(x) : a), new Decimal(0));
}

function bar(key: string, label: string, score: Decimal, weight: Decimal, cell?: string): ChartBar {
  return {
    key,
    label,
    score: score.toNumber(),
    weight: weight.toNumber(),
    scoreText: formatDecimal(score),
    weightText: formatDecimal(weight),
    cell,
  };
}

/** The bars of one form's chart; empty when the form states no score at all. */
export function chartBars(result: FormResult, lang: Lang): ChartBar[] {
  const bars: ChartBar[] = [];
  const form = result.form;
  const byRow = new Map(result.indicators.map((i) => [i.row, i]));
  if (form.kind === "project") {
    const funds = result.funds;
    const budgetScore = dec(funds?.statedScore);
    const budgetWeight = dec(funds?.weight);
    if (budgetScore && budgetWeight) {
      bars.push(bar("budget", tp(lang, "CHART_BUDGET"), budgetScore, budgetWeight, form.funds?.total?.score?.cell));
    }
    form.groups.forEach((g, i) => {
      const rows = g.rows.map((r) => byRow.get(r)).filter((r): r is NonNullable<typeof r> => r !== undefined);
      if (!rows.some((r) => r.stated !== undefined)) return;
      const score = sum(rows.map((r) => dec(r.stated)));
      const weight = dec(g.statedWeight) ?? sum(rows.map((r) => dec(r.weight)));
      const cell = g.labelCell ?? form.indicators.find((ind) => ind.row === g.rows[0])?.level2Cell;
      bars.push(bar(`g${i}`, g.name, score, weight, cell));
    });
  } else {
    const groups = new Map<string, typeof result.indicators>();
    for (const ind of result.indicators) {
      const list = groups.get(ind.level1) ?? [];
      list.push(ind);
      groups.set(ind.level1, list);
    }
    let i = 0;
    for (const [name, rows] of groups) {
      if (rows.some((r) => r.stated !== undefined)) {
        bars.push(bar(`g${i}`, name, sum(rows.map((r) => dec(r.stated))), sum(rows.map((r) => dec(r.weight)))));
      }
      i++;
    }
  }
  return bars;
}

/** Sum of the bars' scores and weights, exact. */
export function chartTotal(bars: ChartBar[]): { scoreText: string; weightText: string } {
  return {
    scoreText: formatDecimal(sum(bars.map((b) => dec(b.scoreText)))),
    weightText: formatDecimal(sum(bars.map((b) => dec(b.weightText)))),
  };
}
