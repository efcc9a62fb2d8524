/**
 * Plan: what to write and flag on a sheet, decided once, applied by an adapter (Office.js or
 * exceljs). Pure. A plan never overwrites text, and marks every typed number it would replace
 * so the user is asked first.
 */
import type { Lang } from "../i18n/strings";
import { t } from "../i18n/strings";
import { address } from "./address";
import type { Finding, FindingCode, FormResult, Severity } from "./checks";
import { evaluate } from "./checks/evaluate";
import type { ProjectEvaluation, ScoreTableEvaluation } from "./checks/evaluate";
import { formatDecimal } from "./decimal";
import type { Field, FormModel, ProjectForm, ScoreTableForm } from "./model";
import {
  budgetReviewFormula,
  gradeFormula,
  indicatorReviewFormula,
  rateFormula,
  reviewValueFormula,
  scoreRowReviewFormula,
  type ReviewFormula,
} from "./review-formulas";
import { grade } from "./rules";
import type { CellValue, ParsedValue, Policy } from "./types";
import { readValue } from "./value";

export type WriteKind = "rate" | "budget-score" | "score" | "total" | "grade" | "label";

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  kind: WriteKind;
  /** "=…" for formulas; labels carry `text` instead. */
  formula?: string;
  text?: string;
  /** The engine's value for this cell (cached in files so readers without recalculation see it). */
  result?: number | string;
  numFmt?: string;
  /**
   * A note for the written cell: says which of the formula's operands are values only the
   * checker's parser could read from text (e.g. "≥600人" as 600), written as literals.
   */
  note?: string;
  previous: { value: CellValue; formula?: string };
  /** A typed number would be replaced: apply only after the user confirms. */
  confirm: boolean;
}

export interface SkippedWrite {
  cell: string;
  /** "no-room": no free column right of the form within the sheet for its review columns. */
  reason: "text" | "same" | "no-room";
}

export interface CellFlag {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  severity: Severity;
  codes: FindingCode[];
  /** The findings' messages, one a line, in the plan's language. */
  note: string;
}

export interface Plan {
  writes: CellWrite[];
  skipped: SkippedWrite[];
  flags: CellFlag[];
}

/** What the plan can see of the sheet: the current content of a cell. */
export interface CellReader {
  raw(row: number, col: number): CellValue;
  formula(row: number, col: number): string | undefined;
  /** True when the cell is part of a merged area (review cells never go there: they would not show). */
  merged?(row: number, col: number): boolean;
}

export interface PlanOptions {
  /** "in-place": the form's own 执行率/得分/总分 cells (the add-in). "review-column": new columns right of each form (annotated copies). */
  target: "in-place" | "review-column";
  /** "perf": =PERF.… custom functions; "native": plain Excel formulas for people without the add-in. */
  formulas: "perf" | "native";
  lang: Lang;
  policy: Policy;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

type Operand = string;

/** A cell reference when the cell holds the number the rule used, else the exact literal. */
function operand(f: Field | undefined, p: ParsedValue, divideBy100: boolean): Operand | undefined {
  if (p.kind !== "number") return undefined;
  const literal = formatDecimal(divideBy100 ? p.value.div(100) : p.value);
  if (f && typeof f.value === "number" && p.op === "none" && !p.approx) {
    return divideBy100 ? `(${f.cell}/100)` : f.cell;
  }
  return literal;
}

function isNumberCell(f: Field | undefined): boolean {
  return !!f && typeof f.value === "number";
}

function roundFn(policy: Policy, expr: string): string {
  const fn = policy.rounding.mode === "truncate" ? "ROUNDDOWN" : "ROUND";
  return `${fn}(${expr},${policy.rounding.decimals})`;
}

/** Consecutive rows as ranges: H14:H17,H19. */
function ranges(col: number, rows: number[]): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const r = sorted[i];
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(start === prev ? address(start, col) : `${address(start, col)}:${address(prev, col)}`);
    start = r;
    prev = r;
  }
  return out.filter((s) => !s.includes("NaN"));
}

interface Formulas {
  rate?: string;
  budgetScore?: string;
  indicator: Map<number, string>;
  total?: string;
}

function weightOperand(f: Field | undefined, fallback: string): string {
  if (isNumberCell(f)) return f!.cell;
  const p = f ? readValue(f.value, f.numFmt) : undefined;
  if (p?.kind === "number") return formatDecimal(p.value);
  if (f && typeof f.value === "string") {
    const m = /(\d+(?:\.\d+)?)/.exec(f.value);
    if (m) return m[1];
  }
  return fallback;
}

/** The formulas that compute a project form's rate, scores and total. */
function projectFormulas(result: FormResult, form: ProjectForm, opts: PlanOptions): Formulas {
  const out: Formulas = { indicator: new Map() };
  const { policy } = opts;
  const tr = form.funds?.total;
  if (tr?.budget && tr.executed && result.funds?.rate !== undefined) {
    const B = tr.budget.cell;
    const E = tr.executed.cell;
    const W = weightOperand(tr.weight, form.funds?.statedWeight?.value ?? String(policy.weights.budget));
    if (opts.formulas === "perf") {
      out.rate = `=PERF.EXECRATE(${B},${E})`;
      out.budgetScore = `=PERF.EXECSCORE(${B},${E},${W})`;
    } else {
      out.rate = `=IF(N(${B})=0,"",${E}/${B})`;
      out.budgetScore = `=IF(N(${B})=0,"",${roundFn(policy, `MIN(1,MAX(0,${E}/${B}))*${W}`)})`;
    }
  }
  form.indicators.forEach((ind, i) => {
    const r = result.indicators[i];
    if (!r || r.status !== "scored" || !ind.target || !ind.actual || !ind.weight) return;
    if (opts.formulas === "perf") {
      const kind = r.kind === "cost" ? `,"cost"` : "";
      out.indicator.set(ind.row, `=PERF.SCORE(${ind.target.cell},${ind.actual.cell},${ind.weight.cell}${kind})`);
      return;
    }
    const tp = readValue(ind.target.value, ind.target.numFmt);
    const ap = readValue(ind.actual.value, ind.actual.numFmt);
    if (tp.kind !== "number" || ap.kind !== "number") return;
    const aTo = tp.percent && !ap.percent && ap.value.gt(1);
    const tTo = !tp.percent && ap.percent && tp.value.gt(1);
    const A = operand(ind.actual, ap, aTo);
    const T = operand(ind.target, tp, tTo);
    const W = weightOperand(ind.weight, "0");
    if (!A || !T) return;
    const lower =
      policy.reverse === "inverse" ? `IF(${A}<=${T},1,${T}/${A})` : `IF(${A}<=${T},1,MAX(0,1-(${A}-${T})/${T}))`;
    const higher = `IF(${A}>=${T},1,IF(${T}>0,${A}/${T},0))`;
    let ratio: string;
    switch (r.kind) {
      case "higher":
        ratio = higher;
        break;
      case "lower":
        ratio = lower;
        break;
      case "equal":
        ratio = `IF(${A}=${T},1,IF(${A}<${T},${higher},${lower}))`;
        break;
      case "cost":
        ratio = policy.cost === "spend-ratio" ? `IF(${T}>0,MIN(1,${A}/${T}),0)` : lower;
        break;
      default:
        return;
    }
    out.indicator.set(ind.row, `=${roundFn(policy, `MAX(0,MIN(1,${ratio}))*${W}`)}`);
  });
  const scoreCol = form.columns.score;
  if (scoreCol !== undefined && form.indicators.length) {
    const parts = [
      ...(tr?.score ? [tr.score.cell] : []),
      ...ranges(
        scoreCol,
        form.indicators.map((i) => i.row),
      ),
    ];
    out.total = opts.formulas === "perf" ? `=PERF.TOTAL(${parts.join(",")})` : `=SUM(${parts.join(",")})`;
  }
  return out;
}

function scoreTableTotal(form: FormModel, opts: PlanOptions): string | undefined {
  if (form.kind !== "score-table" || form.scoreColumn < 0 || form.rows.length === 0) return undefined;
  const parts = ranges(
    form.scoreColumn,
    form.rows.map((r) => r.row),
  );
  return opts.formulas === "perf" ? `=PERF.TOTAL(${parts.join(",")})` : `=SUM(${parts.join(",")})`;
}

function toNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

class PlanBuilder {
  readonly plan: Plan = { writes: [], skipped: [], flags: [] };
  constructor(
    private readonly sheet: string,
    private readonly cells: CellReader,
  ) {}

  write(
    row: number,
    col: number,
    kind: WriteKind,
    content: { formula?: string; text?: string; result?: number | string; numFmt?: string },
    inPlace: boolean,
  ) {
    const cell = address(row, col);
    const value = this.cells.raw(row, col);
    const formula = this.cells.formula(row, col);
    if (content.formula && formula && formula.replace(/\s+/g, "") === content.formula.replace(/\s+/g, "")) {
      this.plan.skipped.push({ cell, reason: "same" });
      return;
    }
    let confirm = false;
    if (inPlace && !formula) {
      if (typeof value === "number") confirm = true;
      else if (value !== null && !(typeof value === "string" && value.trim() === "")) {
        // Text ("—", a note, a typed "9.8") is never overwritten.
        this.plan.skipped.push({ cell, reason: "text" });
        return;
      }
    } else if (inPlace && formula) {
      confirm = true;
    }
    this.plan.writes.push({
      sheet: this.sheet,
      row,
      col,
      cell,
      kind,
      ...content,
      previous: { value, formula },
      confirm,
    });
  }
}

/** The sheet's last column, 0-based (XFD). */
const LAST_COL = 16383;

/**
 * Where review columns go: the first column right of the form free (no value, formula or merged
 * area) on every row they need; undefined when no such column lies within the sheet.
 */
function freeColumn(cells: CellReader, from: number, rows: number[], width: number): number | undefined {
  for (let c = from; c < from + 200 && c + width - 1 <= LAST_COL; c++) {
    let free = true;
    for (const r of rows) {
      for (let k = 0; k < width && free; k++) {
        const v = cells.raw(r, c + k);
        if ((v !== null && !(typeof v === "string" && v.trim() === "")) || cells.formula(r, c + k)) free = false;
        else if (cells.merged?.(r, c + k)) free = false;
      }
      if (!free) break;
    }
    if (free) return c;
  }
  return undefined;
}

/** Flags: one a cell, the most severe finding's colour, every message in the note. */
export function flagsFor(findings: Finding[], lang: Lang): CellFlag[] {
  const byCell = new Map<string, CellFlag>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const line = `[${t(lang, `SEV_${f.severity}` as const)}] ${f.message[lang]}`;
    const cur = byCell.get(key);
    if (!cur) {
      byCell.set(key, {
        sheet: f.sheet,
        row: f.row,
        col: f.col,
        cell: f.cell,
        severity: f.severity,
        codes: [f.code],
        note: line,
      });
    } else {
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[cur.severity]) cur.severity = f.severity;
      if (!cur.codes.includes(f.code)) cur.codes.push(f.code);
      cur.note += `\n${line}`;
    }
  }
  return [...byCell.values()];
}

/** A review formula written at (row, col) with the engine's value cached and its literal operands' notes. */
function writeReview(
  b: PlanBuilder,
  row: number,
  col: number,
  kind: WriteKind,
  f: ReviewFormula,
  result: number | string | undefined,
  numFmt?: string,
): void {
  const note = f.notes.length ? f.notes.join("\n") : undefined;
  b.write(row, col, kind, { formula: f.formula, result, numFmt, ...(note ? { note } : {}) }, false);
}

/** Consecutive cells of column `col` in `rows` as SUM arguments (H14:H17,H19). */
function sumOf(col: number, rows: number[], extra: string[] = []): string {
  return `=SUM(${[...extra, ...(rows.length ? ranges(col, rows) : [])].join(",") || "0"})`;
}

/**
 * A project form's review columns, right of the form: 复核执行率 and the budget block's 复核得分
 * on its total row, each indicator's 复核得分, and on the total row the 复核总分 (the SUM of the
 * review column) and its 复核等级. Cached values are the engine's review figures.
 */
function projectReviewColumns(b: PlanBuilder, form: ProjectForm, cells: CellReader, opts: PlanOptions): void {
  const { policy, lang } = opts;
  const ev = evaluate(form, policy) as ProjectEvaluation;
  const tr = form.funds?.total;
  const totalRow =
    form.total?.row ?? (form.indicators.length ? form.indicators[form.indicators.length - 1].row + 1 : undefined);
  const rows = [
    ...(form.funds ? [form.funds.headerRow] : []),
    ...(tr ? [tr.row] : []),
    ...(form.indicatorHeaderRow !== undefined ? [form.indicatorHeaderRow] : []),
    ...form.indicators.map((i) => i.row),
    ...(totalRow !== undefined ? [totalRow] : []),
  ];
  const R = freeColumn(cells, form.range.right + 1, rows, 2);
  if (R === undefined) {
    b.plan.skipped.push({ cell: address(rows[0] ?? form.range.top, form.range.right), reason: "no-room" });
    return;
  }
  const sumParts: string[] = [];
  if (form.funds) {
    b.write(form.funds.headerRow, R, "label", { text: t(lang, "REVIEW_RATE") }, false);
    b.write(form.funds.headerRow, R + 1, "label", { text: t(lang, "REVIEW_SCORE") }, false);
  }
  if (tr && ev.funds && ev.fundsReview) {
    const rate = rateFormula(ev.funds, lang);
    if (rate) writeReview(b, tr.row, R, "rate", rate, ev.funds.rate!.exact.toNumber(), "0.00%");
    writeReview(
      b,
      tr.row,
      R + 1,
      "budget-score",
      budgetReviewFormula(ev.funds, policy, lang),
      ev.fundsReview.value.toNumber(),
    );
    sumParts.push(address(tr.row, R + 1));
  }
  if (form.indicatorHeaderRow !== undefined)
    b.write(form.indicatorHeaderRow, R, "label", { text: t(lang, "REVIEW_SCORE") }, false);
  for (const ie of ev.indicators) {
    const f = indicatorReviewFormula(ie, policy, lang) ?? reviewValueFormula(ie.review, lang);
    writeReview(b, ie.ind.row, R, "score", f, ie.review.value.toNumber());
  }
  if (totalRow !== undefined) {
    const total = address(totalRow, R);
    const formula = sumOf(
      R,
      form.indicators.map((i) => i.row),
      sumParts,
    );
    writeReview(b, totalRow, R, "total", { formula, notes: [] }, ev.totals.review.toNumber());
    writeReview(
      b,
      totalRow,
      R + 1,
      "grade",
      { formula: gradeFormula(total, policy), notes: [] },
      grade(ev.totals.review, policy).grade,
    );
  }
}

/**
 * A score table's review column: each row's 复核得分 (its stated score, capped at the leaf's
 * weight), and on the total row the 复核总分 (their SUM) and its 复核等级.
 */
function scoreTableReviewColumns(b: PlanBuilder, form: ScoreTableForm, cells: CellReader, opts: PlanOptions): void {
  const { policy, lang } = opts;
  const ev = evaluate(form, policy) as ScoreTableEvaluation;
  if (ev.rows.length === 0) return;
  const first = ev.rows[0].row.row;
  const labelRow = first - 1 >= form.range.top ? first - 1 : undefined;
  const rows = [
    ...(labelRow !== undefined ? [labelRow] : []),
    ...ev.rows.map((r) => r.row.row),
    ...(form.total ? [form.total.row] : []),
  ];
  const R = freeColumn(cells, form.range.right + 1, rows, form.total ? 2 : 1);
  if (R === undefined) {
    b.plan.skipped.push({ cell: address(first, form.range.right), reason: "no-room" });
    return;
  }
  if (labelRow !== undefined) b.write(labelRow, R, "label", { text: t(lang, "REVIEW_SCORE") }, false);
  for (const r of ev.rows) {
    const leaf = r.row.levels[r.row.levels.length - 1];
    const f = scoreRowReviewFormula(r.row.score, r.stated, leaf?.weight, r.weight, lang);
    writeReview(b, r.row.row, R, "score", f, r.review.value.toNumber());
  }
  if (form.total) {
    const total = address(form.total.row, R);
    const formula = sumOf(
      R,
      ev.rows.map((r) => r.row.row),
    );
    writeReview(b, form.total.row, R, "total", { formula, notes: [] }, ev.totals.review.toNumber());
    writeReview(
      b,
      form.total.row,
      R + 1,
      "grade",
      { formula: gradeFormula(total, policy), notes: [] },
      grade(ev.totals.review, policy).grade,
    );
  }
}

/**
 * The plan for one sheet's checked forms, and a flag on every finding's cell. "in-place" (the
 * add-in): formulas in the form's own 执行率/得分/总分 cells. "review-column" (annotated copies):
 * native formulas in new columns right of each form that compute the engine's review figures
 * (src/engine/review-formulas.ts); the form's own cells are left as they are.
 */
export function buildPlan(sheet: string, cells: CellReader, results: FormResult[], opts: PlanOptions): Plan {
  const b = new PlanBuilder(sheet, cells);
  for (const res of results) {
    const form = res.form;
    if (opts.target === "review-column") {
      if (form.kind === "project") projectReviewColumns(b, form, cells, opts);
      else scoreTableReviewColumns(b, form, cells, opts);
    } else if (form.kind === "project") {
      const f = projectFormulas(res, form, opts);
      const tr = form.funds?.total;
      if (tr?.rate && f.rate)
        b.write(
          tr.rate.row,
          tr.rate.col,
          "rate",
          { formula: f.rate, result: toNumber(res.funds?.rate), numFmt: "0.00%" },
          true,
        );
      if (tr?.score && f.budgetScore)
        b.write(
          tr.score.row,
          tr.score.col,
          "budget-score",
          { formula: f.budgetScore, result: toNumber(res.funds?.score) },
          true,
        );
      form.indicators.forEach((ind, i) => {
        const formula = f.indicator.get(ind.row);
        if (formula && ind.score)
          b.write(
            ind.score.row,
            ind.score.col,
            "score",
            { formula, result: toNumber(res.indicators[i]?.computed) },
            true,
          );
      });
      if (form.total?.score && f.total)
        b.write(
          form.total.score.row,
          form.total.score.col,
          "total",
          { formula: f.total, result: toNumber(res.total.computed) },
          true,
        );
    } else {
      const total = scoreTableTotal(form, opts);
      if (total && form.total?.score)
        b.write(
          form.total.score.row,
          form.total.score.col,
          "total",
          { formula: total, result: toNumber(res.total.computed) },
          true,
        );
    }
  }
  b.plan.flags = flagsFor(
    results.flatMap((r) => r.findings),
    opts.lang,
  );
  return b.plan;
}
