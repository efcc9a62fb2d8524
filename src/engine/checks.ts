/**
 * Consistency checks on a FormModel: every inconsistency found, pointed at its cell,
 * explained in zh-CN and en-US, and nothing false. Pure.
 */
import { both, Bilingual, StringKey, Params } from "../i18n/strings";
import { agreesAtPrecision, Decimal, formatDecimal, printedDecimals, roundTo, toDecimal } from "./decimal";
import type { Field, IndicatorRow, ProjectForm, ScoreTableForm, FormModel } from "./model";
import { budgetScore, execRate, grade as gradeOf, indicatorScore, IndicatorScore, sumExact } from "./rules";
import type { ParsedValue, Policy } from "./types";
import { readValue } from "./value";
import { address } from "./address";

export type FindingCode =
  | "SCORE_EXCEEDS_WEIGHT"
  | "TOTAL_MISMATCH"
  | "WEIGHT_SUM"
  | "EXECRATE_MISMATCH"
  | "BUDGET_SCORE_MISMATCH"
  | "INDICATOR_SCORE_MISMATCH"
  | "QUALITATIVE_BAND"
  | "MISSING_ACTUAL"
  | "MISSING_REASON"
  | "FUNDS_BREAKDOWN"
  | "OVER_EXECUTION"
  | "MISSING_TOTAL"
  | "GRADE_MISMATCH"
  | "UNREADABLE_VALUE";

export type Severity = "error" | "warning" | "info";

export const SEVERITY: Record<FindingCode, Severity> = {
  SCORE_EXCEEDS_WEIGHT: "error",
  TOTAL_MISMATCH: "error",
  WEIGHT_SUM: "error",
  EXECRATE_MISMATCH: "error",
  BUDGET_SCORE_MISMATCH: "warning",
  INDICATOR_SCORE_MISMATCH: "warning",
  QUALITATIVE_BAND: "warning",
  MISSING_ACTUAL: "error",
  MISSING_REASON: "warning",
  FUNDS_BREAKDOWN: "error",
  OVER_EXECUTION: "warning",
  MISSING_TOTAL: "warning",
  GRADE_MISMATCH: "error",
  UNREADABLE_VALUE: "info",
};

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  cell: string;
  row: number;
  col: number;
  message: Bilingual;
  expected?: string;
  found?: string;
}

export interface IndicatorResult {
  row: number;
  cell?: string;
  level1: string;
  level2: string;
  level3: string;
  target?: string;
  actual?: string;
  weight?: string;
  stated?: string;
  /** Rule's score, rounded by the policy (quantitative rows). */
  computed?: string;
  /** The exact (unrounded) rule value. */
  exact?: string;
  status: IndicatorScore["status"] | "no-weight";
  kind?: string;
  /** Qualitative rows: allowed score range. */
  range?: [string, string];
  explain?: string;
}

export interface FundsResult {
  budget?: string;
  executed?: string;
  rate?: string;
  score?: string;
  statedRate?: string;
  statedScore?: string;
  weight?: string;
  explainRate?: string;
  explainScore?: string;
}

export interface FormResult {
  form: FormModel;
  funds?: FundsResult;
  total: { stated?: string; computed?: string };
  grade: { stated?: string; computed?: string };
  indicators: IndicatorResult[];
  findings: Finding[];
}

const ZERO = new Decimal(0);

/** A cell's number for arithmetic: plain numbers and numeric text; null otherwise. */
function num(f: Field | undefined): Decimal | null {
  if (!f) return null;
  // A plain JS number reads as itself (readValue would also format its shown text, unused here).
  if (typeof f.value === "number") return Number.isFinite(f.value) ? toDecimal(f.value) : null;
  const p = readValue(f.value, f.numFmt);
  return p.kind === "number" && p.op === "none" && !p.approx ? p.value : null;
}

/** A weight cell: 10, "10", "(10分)". */
function weightOf(f: Field | undefined): Decimal | null {
  if (!f) return null;
  const n = num(f);
  if (n) return n;
  if (typeof f.value === "string") {
    const m = /^\s*[（(]?\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]?\s*$/.exec(f.value);
    if (m) return toDecimal(m[1]);
  }
  return null;
}

function isBlank(f: Field | undefined): boolean {
  if (!f) return true;
  const v = f.value;
  if (v === null || v === undefined) return true;
  if (typeof v === "number" || typeof v === "boolean") return false;
  const p = readValue(f.value, f.numFmt);
  return p.kind === "blank";
}

function isDash(f: Field | undefined): boolean {
  if (f && (typeof f.value === "number" || typeof f.value === "boolean" || f.value === null || f.value === undefined))
    return false;
  return !!f && readValue(f.value, f.numFmt).kind === "dash";
}

/** A stated score: its value and printed precision. */
function stated(f: Field | undefined): { value: Decimal; decimals: number } | null {
  if (!f) return null;
  if (typeof f.value === "number" && Number.isFinite(f.value)) {
    // As displayed: a formula's 3.7092747999 formatted "0.00" is the author's 3.71.
    const decimals = printedDecimals(f.value, f.numFmt);
    return { value: roundTo(toDecimal(Number(f.value.toPrecision(15))), decimals, "half-up"), decimals };
  }
  const p = readValue(f.value, f.numFmt);
  if (p.kind === "number" && p.op === "none" && !p.percent) return { value: p.value, decimals: p.printedDecimals };
  return null;
}

function show(d: Decimal | null | undefined): string | undefined {
  return d ? formatDecimal(d) : undefined;
}

function pct(d: Decimal, decimals: number): string {
  return `${formatDecimal(d.times(100), decimals)}%`;
}

function textOf(p: ParsedValue): string | undefined {
  switch (p.kind) {
    case "blank":
      return undefined;
    case "number":
      return p.text;
    default:
      return p.text;
  }
}

/**
 * A stated 执行率 cell, read the ways templates store it: a fraction with a percent format
 * (0.3709 as 37.09%), a number meaning percent (98.32), or text "37.09%". Where a bare number
 * could be either, the reading that agrees with the amounts is taken.
 */
function statedRate(
  f: Field,
  computed: Decimal | null,
  policy: Policy,
): { fraction: Decimal; decimals: number } | null {
  const p = readValue(f.value, f.numFmt);
  if (p.kind !== "number" || p.op !== "none") return null;
  if (p.percent) return { fraction: p.value, decimals: p.printedDecimals };
  const asFraction = { fraction: p.value, decimals: Math.max(0, p.printedDecimals - 2) };
  const asPercent = { fraction: p.value.div(100), decimals: p.printedDecimals };
  if (computed) {
    const agrees = (c: { fraction: Decimal; decimals: number }) =>
      agreesAtPrecision(c.fraction.times(100), computed.times(100), c.decimals, policy.rounding.mode);
    if (agrees(asFraction)) return asFraction;
    if (agrees(asPercent)) return asPercent;
  }
  return p.value.gt(1.5) ? asPercent : asFraction;
}

class Collector {
  readonly findings: Finding[] = [];
  constructor(private readonly sheet: string) {}
  add(
    code: FindingCode,
    at: { row: number; col: number; cell: string },
    key: StringKey,
    params: Params,
    expected?: string,
    found?: string,
  ) {
    this.findings.push({
      code,
      severity: SEVERITY[code],
      sheet: this.sheet,
      cell: at.cell,
      row: at.row,
      col: at.col,
      message: both(key, params),
      expected,
      found,
    });
  }
  /** UNREADABLE_VALUE on a cell a rule needed as a number, unless it is blank or a deliberate "—". */
  unreadable(f: Field | undefined, key: "UNREADABLE_AMOUNT" | "UNREADABLE_WEIGHT" | "UNREADABLE_SCORE") {
    if (!f || isBlank(f) || isDash(f)) return;
    const shown = String(f.value);
    this.add("UNREADABLE_VALUE", f, key, { found: shown }, undefined, shown);
  }
}

function checkFunds(form: ProjectForm, policy: Policy, out: Collector): FundsResult | undefined {
  const funds = form.funds;
  if (!funds?.total) return undefined;
  const t = funds.total;
  const budget = num(t.budget);
  const executed = num(t.executed);
  const weight = weightOf(t.weight) ?? new Decimal(policy.weights.budget);
  const res: FundsResult = { budget: show(budget), executed: show(executed), weight: show(weight) };
  for (const f of [t.budget, t.executed]) {
    if (num(f) === null) out.unreadable(f, "UNREADABLE_AMOUNT");
  }
  const rate = execRate(budget, executed, policy);
  let score: ReturnType<typeof budgetScore> | undefined;
  if (rate) {
    res.rate = rate.exact.toString();
    res.explainRate = rate.explain;
    score = budgetScore(rate.exact, policy, weight);
    res.score = formatDecimal(score.value);
    res.explainScore = score.explain;
  }
  // Stated rates on the total row and on 其中 rows that carry their own amounts.
  for (const row of [t, ...funds.parts]) {
    if (!row.rate || isBlank(row.rate) || isDash(row.rate)) continue;
    const rb = num(row.budget);
    const re = num(row.executed);
    const r = row === t ? rate : execRate(rb, re, policy);
    const s = statedRate(row.rate, r ? r.exact : null, policy);
    if (!s) {
      out.add(
        "UNREADABLE_VALUE",
        row.rate,
        "UNREADABLE_RATE",
        { found: String(row.rate.value) },
        undefined,
        String(row.rate.value),
      );
      continue;
    }
    if (row === t) res.statedRate = s.fraction.toString();
    if (!r) continue;
    if (!agreesAtPrecision(s.fraction.times(100), r.exact.times(100), s.decimals, policy.rounding.mode)) {
      const expected = pct(roundTo(r.exact.times(100), s.decimals, policy.rounding.mode).div(100), s.decimals);
      const found = pct(s.fraction, s.decimals);
      out.add(
        "EXECRATE_MISMATCH",
        row.rate,
        "EXECRATE_MISMATCH",
        { found, expected, explain: r.explain },
        expected,
        found,
      );
    }
  }
  const st = stated(t.score);
  if (st) {
    res.statedScore = formatDecimal(st.value);
    if (st.value.gt(weight)) {
      out.add(
        "SCORE_EXCEEDS_WEIGHT",
        t.score!,
        "SCORE_EXCEEDS_WEIGHT",
        { found: formatDecimal(st.value), weight: formatDecimal(weight) },
        formatDecimal(weight),
        formatDecimal(st.value),
      );
    } else if (score && !agreesAtPrecision(st.value, score.exact, st.decimals, policy.rounding.mode)) {
      const expected = formatDecimal(roundTo(score.exact, st.decimals, policy.rounding.mode), st.decimals);
      out.add(
        "BUDGET_SCORE_MISMATCH",
        t.score!,
        "BUDGET_SCORE_MISMATCH",
        { found: formatDecimal(st.value), expected, explain: score.explain },
        expected,
        formatDecimal(st.value),
      );
    }
  } else {
    out.unreadable(t.score, "UNREADABLE_SCORE");
  }
  if (budget && executed && executed.gt(budget) && t.executed) {
    out.add(
      "OVER_EXECUTION",
      t.executed,
      "OVER_EXECUTION",
      { found: formatDecimal(executed), expected: formatDecimal(budget) },
      formatDecimal(budget),
      formatDecimal(executed),
    );
  }
  // 其中 rows must add up to the total, per column, once the breakdown is filled at all.
  const cols = ["initial", "budget", "executed"] as const;
  const filled = funds.parts.some((p) => cols.some((c) => !isBlank(p[c]) && !isDash(p[c])));
  if (filled && funds.parts.length > 0) {
    for (const c of cols) {
      const totalField = t[c];
      const totalV = num(totalField);
      if (!totalField || totalV === null) continue;
      const parts = funds.parts.map((p) => num(p[c]) ?? ZERO);
      const sum = sumExact(parts);
      if (!sum.eq(totalV)) {
        const first = funds.parts.find((p) => p[c])?.[c];
        const at = first ?? totalField;
        const column = both(`COL_${c}` as StringKey);
        out.findings.push({
          code: "FUNDS_BREAKDOWN",
          severity: SEVERITY.FUNDS_BREAKDOWN,
          sheet: form.sheet,
          cell: at.cell,
          row: at.row,
          col: at.col,
          message: {
            zh: both("FUNDS_BREAKDOWN", {
              expected: formatDecimal(sum),
              found: formatDecimal(totalV),
              column: column.zh,
            }).zh,
            en: both("FUNDS_BREAKDOWN", {
              expected: formatDecimal(sum),
              found: formatDecimal(totalV),
              column: column.en,
            }).en,
          },
          expected: formatDecimal(totalV),
          found: formatDecimal(sum),
        });
      }
    }
  }
  return res;
}

function checkIndicator(
  ind: IndicatorRow,
  policy: Policy,
  out: Collector,
): { result: IndicatorResult; weight: Decimal | null; stated: Decimal | null } {
  const target = ind.target ? readValue(ind.target.value, ind.target.numFmt) : ({ kind: "blank" } as ParsedValue);
  const actual = ind.actual ? readValue(ind.actual.value, ind.actual.numFmt) : ({ kind: "blank" } as ParsedValue);
  const weight = weightOf(ind.weight);
  const st = stated(ind.score);
  const result: IndicatorResult = {
    row: ind.row,
    cell: ind.score?.cell,
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: textOf(target),
    actual: textOf(actual),
    weight: show(weight),
    stated: st ? formatDecimal(st.value) : undefined,
    status: "no-weight",
  };
  if (!weight) {
    out.unreadable(ind.weight, "UNREADABLE_WEIGHT");
    return { result, weight: null, stated: st?.value ?? null };
  }
  if (!st) out.unreadable(ind.score, "UNREADABLE_SCORE");
  const found = st ? formatDecimal(st.value) : undefined;
  if (st && st.value.gt(weight) && ind.score) {
    out.add(
      "SCORE_EXCEEDS_WEIGHT",
      ind.score,
      "SCORE_EXCEEDS_WEIGHT",
      { found, weight: formatDecimal(weight) },
      formatDecimal(weight),
      found,
    );
  }
  if (st && actual.kind === "blank" && ind.actual) {
    out.add("MISSING_ACTUAL", ind.actual, "MISSING_ACTUAL", { found }, undefined, found);
  }
  const r =
    actual.kind === "blank" ? undefined : indicatorScore({ target, actual, weight, level2: ind.level2 }, policy);
  if (r) {
    result.status = r.status;
    if (r.status === "scored") {
      result.computed = formatDecimal(r.value);
      result.exact = r.exact.toString();
      result.kind = r.kind;
      result.explain = r.explain;
      if (
        st &&
        ind.score &&
        !st.value.gt(weight) &&
        !agreesAtPrecision(st.value, r.exact, st.decimals, policy.rounding.mode)
      ) {
        const expected = formatDecimal(roundTo(r.exact, st.decimals, policy.rounding.mode), st.decimals);
        out.add(
          "INDICATOR_SCORE_MISMATCH",
          ind.score,
          "INDICATOR_SCORE_MISMATCH",
          { found, expected, explain: r.explain },
          expected,
          found,
        );
      }
    } else if (r.status === "qualitative") {
      result.kind = "qualitative";
      result.range = [formatDecimal(r.lo), formatDecimal(r.hi)];
      result.explain = r.explain;
      if (st && ind.score && r.achievement && !st.value.gt(weight) && (st.value.lt(r.lo) || st.value.gt(r.hi))) {
        const achievement = {
          met: "达成 / met",
          mostly: "基本达成 / mostly met",
          partial: "部分达成 / partly met",
          unmet: "未达成 / not met",
        }[r.achievement];
        out.add(
          "QUALITATIVE_BAND",
          ind.score,
          "QUALITATIVE_BAND",
          { achievement, lo: formatDecimal(r.lo), hi: formatDecimal(r.hi), found },
          `${formatDecimal(r.lo)}–${formatDecimal(r.hi)}`,
          found,
        );
      }
    } else {
      result.explain = `${r.reason.zh} / ${r.reason.en}`;
      if (ind.actual)
        out.add(
          "UNREADABLE_VALUE",
          ind.actual,
          "UNREADABLE_VALUE",
          { detail: `${r.reason.zh}` },
          undefined,
          result.actual,
        );
      const f = out.findings[out.findings.length - 1];
      f.message = {
        zh: both("UNREADABLE_VALUE", { detail: r.reason.zh }).zh,
        en: both("UNREADABLE_VALUE", { detail: r.reason.en }).en,
      };
    }
  }
  // A row that lost points, or overshot its target by far, wants a 偏差原因.
  const reasonBlank = isBlank(ind.reason);
  if (reasonBlank && st && ind.score) {
    const at = ind.reason ?? ind.score;
    if (st.value.lt(weight)) {
      out.add("MISSING_REASON", at, "MISSING_REASON_LOST", { found, weight: formatDecimal(weight) }, undefined, found);
    } else if (
      target.kind === "number" &&
      actual.kind === "number" &&
      r?.status === "scored" &&
      r.kind === "higher" &&
      target.value.gt(0) &&
      target.percent === actual.percent &&
      actual.value.gte(target.value.times(policy.overshootRatio))
    ) {
      const ratio = new Decimal(policy.overshootRatio).minus(1).times(100).toString();
      out.add("MISSING_REASON", at, "MISSING_REASON_OVER", { ratio }, undefined, textOf(actual));
    }
  }
  return { result, weight, stated: st?.value ?? null };
}

function nameOfGrade(text: string): string {
  const t = text.replace(/\s+/g, "");
  const map: Record<string, string> = { 优秀: "优", 良好: "良", 中等: "中", 合格: "中", 较差: "差", 不合格: "差" };
  return map[t] ?? t.slice(0, 1);
}

function checkProject(form: ProjectForm, policy: Policy): FormResult {
  const out = new Collector(form.sheet);
  const funds = checkFunds(form, policy, out);
  const indicators: IndicatorResult[] = [];
  const weights: Decimal[] = [];
  const scores: Decimal[] = [];
  const weightByRow = new Map<number, Decimal>();
  for (const ind of form.indicators) {
    const r = checkIndicator(ind, policy, out);
    indicators.push(r.result);
    if (r.weight) {
      weights.push(r.weight);
      weightByRow.set(ind.row, r.weight);
    }
    if (r.stated) scores.push(r.stated);
  }
  // Level-1 labels that state their weight: "产出指标 (50分)".
  for (const g of form.groups) {
    if (!g.statedWeight || !g.labelCell) continue;
    const sum = sumExact(g.rows.map((r) => weightByRow.get(r) ?? ZERO));
    const sw = toDecimal(g.statedWeight);
    if (!sum.eq(sw)) {
      const first = form.indicators.find((i) => i.row === g.rows[0]);
      const cellAddr = g.labelCell;
      const col = form.columns.level1 ?? form.range.left;
      out.add(
        "WEIGHT_SUM",
        { cell: cellAddr, row: first?.row ?? form.range.top, col },
        "WEIGHT_SUM_GROUP",
        { name: g.name, found: g.statedWeight, expected: formatDecimal(sum) },
        formatDecimal(sum),
        g.statedWeight,
      );
    }
  }
  const indicatorWeights = sumExact(weights);
  if (form.indicatorsStatedWeight) {
    const sw = toDecimal(form.indicatorsStatedWeight.value);
    if (!sw.eq(indicatorWeights)) {
      const cell = form.indicatorsStatedWeight.cell;
      out.add(
        "WEIGHT_SUM",
        { cell, row: form.indicatorHeaderRow ?? form.range.top, col: form.range.left },
        "WEIGHT_SUM_INDICATORS",
        { found: form.indicatorsStatedWeight.value, expected: formatDecimal(indicatorWeights) },
        formatDecimal(indicatorWeights),
        form.indicatorsStatedWeight.value,
      );
    }
  }
  const budgetWeight = funds ? (funds.weight ? toDecimal(funds.weight) : new Decimal(policy.weights.budget)) : ZERO;
  const allWeights = indicatorWeights.plus(budgetWeight);
  const totalWeight = weightOf(form.total?.weight);
  if (totalWeight ? !totalWeight.eq(allWeights) : !allWeights.eq(100) && form.indicators.length > 0) {
    const at = form.total?.weight ?? form.total?.score ?? form.indicators[form.indicators.length - 1]?.weight;
    if (at) {
      const found = totalWeight ? formatDecimal(totalWeight) : "100";
      out.add(
        "WEIGHT_SUM",
        at,
        "WEIGHT_SUM_TOTAL",
        { expected: formatDecimal(allWeights), found },
        formatDecimal(allWeights),
        found,
      );
    }
  }
  // Totals: the sum of the stated scores as the author would add them, budget score included.
  const budgetStated = funds?.statedScore ? toDecimal(funds.statedScore) : null;
  const computedTotal = sumExact(budgetStated ? [budgetStated, ...scores] : scores);
  const totalStated = stated(form.total?.score);
  if (form.total) {
    if (totalStated && form.total.score) {
      if (!agreesAtPrecision(totalStated.value, computedTotal, totalStated.decimals, policy.rounding.mode)) {
        out.add(
          "TOTAL_MISMATCH",
          form.total.score,
          "TOTAL_MISMATCH",
          { found: formatDecimal(totalStated.value), expected: formatDecimal(computedTotal) },
          formatDecimal(computedTotal),
          formatDecimal(totalStated.value),
        );
      }
    }
  } else {
    const last = form.indicators[form.indicators.length - 1];
    const col = form.columns.score ?? form.range.left;
    const row = (last?.row ?? form.range.bottom) + 1;
    out.add("MISSING_TOTAL", { row, col, cell: address(row, col) }, "MISSING_TOTAL", {});
  }
  const gradeBase = totalStated?.value ?? computedTotal;
  const computedGrade = gradeOf(gradeBase, policy);
  let statedGrade: string | undefined;
  const gf = form.total?.grade;
  if (gf && !isBlank(gf)) {
    statedGrade = String(gf.value).trim();
    if (nameOfGrade(statedGrade) !== computedGrade.grade) {
      out.add(
        "GRADE_MISMATCH",
        gf,
        "GRADE_MISMATCH",
        { found: statedGrade, expected: computedGrade.grade, total: formatDecimal(gradeBase) },
        computedGrade.grade,
        statedGrade,
      );
    }
  }
  return {
    form,
    funds,
    total: {
      stated: totalStated ? formatDecimal(totalStated.value) : undefined,
      computed: formatDecimal(computedTotal),
    },
    grade: { stated: statedGrade, computed: computedGrade.grade },
    indicators,
    findings: out.findings,
  };
}

function checkScoreTable(form: ScoreTableForm, policy: Policy): FormResult {
  const out = new Collector(form.sheet);
  const depth = form.depth;
  const leafScores: Decimal[] = [];
  // Nodes per level, keyed by their name cell: weight field and the rows under them.
  type Node = { key: string; name: string; weight?: Field; rows: number[]; parent?: string };
  const levels: Map<string, Node>[] = Array.from({ length: depth }, () => new Map());
  for (const row of form.rows) {
    row.levels.forEach((l, i) => {
      const key = l.nameCell ?? `${i}:${l.name}`;
      let node = levels[i].get(key);
      if (!node) {
        node = {
          key,
          name: l.name,
          weight: l.weight,
          rows: [],
          parent: i > 0 ? (row.levels[i - 1].nameCell ?? `${i - 1}:${row.levels[i - 1].name}`) : undefined,
        };
        levels[i].set(key, node);
      }
      node.rows.push(row.row);
    });
    const leaf = row.levels[depth - 1];
    const lw = weightOf(leaf?.weight);
    const st = stated(row.score);
    if (st) leafScores.push(st.value);
    if (st && lw && st.value.gt(lw) && row.score) {
      out.add(
        "SCORE_EXCEEDS_WEIGHT",
        row.score,
        "SCORE_EXCEEDS_WEIGHT",
        { found: formatDecimal(st.value), weight: formatDecimal(lw) },
        formatDecimal(lw),
        formatDecimal(st.value),
      );
    }
    if (!st) out.unreadable(row.score, "UNREADABLE_SCORE");
  }
  // Each parent's weight equals the sum of its children's.
  for (let i = 0; i < depth - 1; i++) {
    for (const node of levels[i].values()) {
      const pw = weightOf(node.weight);
      if (!pw || !node.weight) continue;
      const kids = [...levels[i + 1].values()].filter((k) => k.parent === node.key);
      const sum = sumExact(kids.map((k) => weightOf(k.weight) ?? ZERO));
      if (kids.length && !sum.eq(pw)) {
        out.add(
          "WEIGHT_SUM",
          node.weight,
          "WEIGHT_SUM_PARENT",
          { name: node.name, found: formatDecimal(pw), expected: formatDecimal(sum) },
          formatDecimal(sum),
          formatDecimal(pw),
        );
      }
    }
  }
  // The total row's weight per level equals that level's weights.
  const levelSums = levels.map((m) => sumExact([...m.values()].map((n) => weightOf(n.weight) ?? ZERO)));
  if (form.total) {
    form.total.levelWeights.forEach((f, i) => {
      const w = weightOf(f);
      if (w && levelSums[i] && !w.eq(levelSums[i])) {
        out.add(
          "WEIGHT_SUM",
          f,
          "WEIGHT_SUM_TOTAL",
          { expected: formatDecimal(levelSums[i]), found: formatDecimal(w) },
          formatDecimal(levelSums[i]),
          formatDecimal(w),
        );
      }
    });
  } else if (levelSums[0] && !levelSums[0].eq(100) && form.rows.length) {
    const f = form.rows[0].levels[0]?.weight;
    if (f)
      out.add(
        "WEIGHT_SUM",
        f,
        "WEIGHT_SUM_TOTAL",
        { expected: formatDecimal(levelSums[0]), found: "100" },
        formatDecimal(levelSums[0]),
        "100",
      );
  }
  const computed = sumExact(leafScores);
  const totalStated = stated(form.total?.score);
  if (
    form.total?.score &&
    totalStated &&
    !agreesAtPrecision(totalStated.value, computed, totalStated.decimals, policy.rounding.mode)
  ) {
    out.add(
      "TOTAL_MISMATCH",
      form.total.score,
      "TOTAL_MISMATCH",
      { found: formatDecimal(totalStated.value), expected: formatDecimal(computed) },
      formatDecimal(computed),
      formatDecimal(totalStated.value),
    );
  }
  if (!form.total) {
    const row = (form.rows[form.rows.length - 1]?.row ?? form.range.bottom) + 1;
    const col = form.scoreColumn >= 0 ? form.scoreColumn : form.range.left;
    out.add("MISSING_TOTAL", { row, col, cell: address(row, col) }, "MISSING_TOTAL", {});
  }
  const base = totalStated?.value ?? computed;
  const g = gradeOf(base, policy);
  const indicators: IndicatorResult[] = form.rows.map((r) => {
    const leaf = r.levels[depth - 1];
    const st = stated(r.score);
    return {
      row: r.row,
      cell: r.score?.cell,
      level1: r.levels[0]?.name ?? "",
      level2: r.levels[1]?.name ?? "",
      level3: r.levels
        .slice(2)
        .map((l) => l.name)
        .join(" / "),
      weight: show(weightOf(leaf?.weight)),
      stated: st ? formatDecimal(st.value) : undefined,
      status: "qualitative",
    };
  });
  return {
    form,
    total: { stated: totalStated ? formatDecimal(totalStated.value) : undefined, computed: formatDecimal(computed) },
    grade: { computed: g.grade },
    indicators,
    findings: out.findings,
  };
}

/** Check one form under a policy. */
export function checkForm(form: FormModel, policy: Policy): FormResult {
  return form.kind === "project" ? checkProject(form, policy) : checkScoreTable(form, policy);
}
