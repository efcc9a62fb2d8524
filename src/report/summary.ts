/**
 * The batch summary a reviewer reads first (issue 13): every file counted once as checked (the
 * converted among them), unreadable or skipped, and every form of every file, score tables
 * included. Pure; every output (text, JSON, CSV, HTML, XLSX) takes its counts from here.
 *
 * - 自评总分 (self): the stated 总分, else the sum of the stated scores (FormResult.self); 复核总分
 *   (review): the policy's re-scoring; 偏差 = 自评 − 复核 (FormResult.deviation).
 * - Grades: each form once under its self grade and once under its review grade; a form the unit did
 *   not score has no self grade and is counted as 未评分 there, never as 差 (its review grade, the
 *   grade of the policy's re-scoring, is counted as any other).
 * - Lists: |偏差| ≥ 5; self-scored ≥ 95 with 执行率 < 80%; every weighted row at full marks.
 * - 执行率 spread: the forms with a funds block, by band (RATE_BANDS); forms without a rate apart.
 */
import Decimal from "decimal.js";
import type { Policy } from "../engine/types";
import type { ReportFile, ReportForm } from "./types";

/** |偏差| at or above this many points is listed. */
export const DEVIATION_LIMIT = 5;
/** Self totals at or above this … */
export const HIGH_SELF = 95;
/** … with an 执行率 below this fraction are listed. */
export const LOW_RATE = 0.8;

/** 执行率 bands, [lo, hi) as fractions; the last is open. */
export const RATE_BANDS: readonly { lo: number; hi?: number }[] = [
  { lo: 0, hi: 0.6 },
  { lo: 0.6, hi: 0.8 },
  { lo: 0.8, hi: 0.9 },
  { lo: 0.9, hi: 1 },
  { lo: 1 },
];

/** The key under which unscored forms (未评分) are counted; the reports name it from the string table. */
export const UNSCORED = "unscored";

export interface FormRef {
  /** Index of the file in the run, and of the form in the file. */
  file: number;
  form: number;
  sheet: string;
  range: string;
  name?: string;
  self?: string;
  review?: string;
  deviation?: string;
  rate?: string;
}

export interface GradeCount {
  /** A grade of the policy ("优") or UNSCORED. */
  grade: string;
  self: number;
  review: number;
}

export interface BandCount {
  lo: number;
  hi?: number;
  count: number;
}

export interface BatchSummary {
  /** Every file handed over: checked + unreadable + skipped. */
  files: number;
  checked: number;
  /** Of the checked, how many were read through a LibreOffice conversion. */
  converted: number;
  /** Files that could not be read. */
  unreadable: number;
  /** Files not read on purpose (lock files, own copies, other formats), each with its reason. */
  skipped: number;
  forms: number;
  projectForms: number;
  scoreTables: number;
  unscored: number;
  errors: number;
  warnings: number;
  infos: number;
  /** The policy's grades, highest first, then UNSCORED (and any other grade text, never dropped). */
  grades: GradeCount[];
  deviations: FormRef[];
  highSelfLowRate: FormRef[];
  allFullMarks: FormRef[];
  rates: BandCount[];
  /** Forms with no 执行率 (score tables, forms without a funds block or a readable rate). */
  noRate: number;
}

function ref(form: ReportForm, file: number, index: number): FormRef {
  return {
    file,
    form: index,
    sheet: form.sheet,
    range: form.range,
    name: form.name,
    self: form.self?.total,
    review: form.total.review,
    deviation: form.deviation,
    rate: form.funds?.rate,
  };
}

/** Every weighted row at its full weight (and at least one such row). */
export function allFull(form: ReportForm): boolean {
  const weighted = form.indicators.filter((i) => i.weight !== undefined);
  return (
    weighted.length > 0 &&
    weighted.every((i) => i.stated !== undefined && new Decimal(i.stated).gte(new Decimal(i.weight!)))
  );
}

/** The summary of a run under its policy (for the grades' order). */
export function summarize(files: readonly ReportFile[], policy: Policy): BatchSummary {
  const grades = new Map<string, GradeCount>();
  for (const g of [...policy.grades.map((b) => b.grade), UNSCORED]) grades.set(g, { grade: g, self: 0, review: 0 });
  const count = (g: string, which: "self" | "review") => {
    if (!grades.has(g)) grades.set(g, { grade: g, self: 0, review: 0 });
    grades.get(g)![which]++;
  };
  const rates: BandCount[] = RATE_BANDS.map((b) => ({ ...b, count: 0 }));
  const s: BatchSummary = {
    files: files.length,
    checked: files.filter((f) => f.status === "checked").length,
    converted: files.filter((f) => f.status === "checked" && f.converted).length,
    unreadable: files.filter((f) => f.status === "unreadable").length,
    skipped: files.filter((f) => f.status === "skipped").length,
    forms: 0,
    projectForms: 0,
    scoreTables: 0,
    unscored: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    grades: [],
    deviations: [],
    highSelfLowRate: [],
    allFullMarks: [],
    rates,
    noRate: 0,
  };
  files.forEach((file, fi) => {
    for (const x of file.findings) tally(s, x.severity);
    file.forms.forEach((form, i) => {
      s.forms++;
      if (form.kind === "project") s.projectForms++;
      else s.scoreTables++;
      for (const x of form.findings) tally(s, x.severity);
      if (!form.scored || !form.self) {
        s.unscored++;
        count(UNSCORED, "self");
      } else count(form.self.grade, "self");
      count(form.grade.review ?? UNSCORED, "review");
      const r = ref(form, fi, i);
      if (form.deviation !== undefined && new Decimal(form.deviation).abs().gte(DEVIATION_LIMIT)) s.deviations.push(r);
      const rate = form.funds?.rate !== undefined ? new Decimal(form.funds.rate) : undefined;
      if (rate === undefined) s.noRate++;
      else rates.find((b) => rate.gte(b.lo) && (b.hi === undefined || rate.lt(b.hi)))!.count++;
      if (form.self && new Decimal(form.self.total).gte(HIGH_SELF) && rate !== undefined && rate.lt(LOW_RATE))
        s.highSelfLowRate.push(r);
      if (form.scored && allFull(form)) s.allFullMarks.push(r);
    });
  });
  s.grades = [...grades.values()];
  return s;
}

function tally(s: BatchSummary, severity: string): void {
  if (severity === "error") s.errors++;
  else if (severity === "warning") s.warnings++;
  else if (severity === "info") s.infos++;
}
