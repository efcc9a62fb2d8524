/**
 * Checking one workbook's sheets (as Grids): every sheet through detection and checks, and the JSON
 * shape of perf-check --json (files, forms, findings, the summary counts). Pure: perf-check and the
 * web checker's worker both call it, so their JSON documents agree.
 */
import type { Finding, FormResult } from "../engine/checks";
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import { analyzeGrid, SheetResult } from "../layout/analyze";
import { address, Grid, rangeAddress } from "../layout/grid";
import { FORM_TITLE } from "../layout/headers";
import type { SheetMapping } from "../layout/mapping";
import type { FileStatus, ReportFinding } from "../report";

export interface CheckedSheet {
  grid: Grid;
  result: SheetResult;
}

/** Every sheet of a workbook through the pure pipeline, with the mapping saved for it, if any. */
export function checkGrids(
  grids: readonly Grid[],
  policy: Policy,
  mappings: Map<string, SheetMapping> | undefined,
): CheckedSheet[] {
  return grids.map((grid) => ({ grid, result: analyzeGrid(grid, policy, mappings?.get(grid.sheet)) }));
}

/** A finding as --json writes it: the report's finding shape (src/report/types.ts), one declaration for both. */
export type JsonFinding = ReportFinding;

export interface JsonForm {
  sheet: string;
  range: string;
  kind: "project" | "score-table";
  name?: string;
  funds?: {
    budget?: string;
    executed?: string;
    rate?: string;
    score?: string;
    statedRate?: string;
    statedScore?: string;
  };
  /** false: the unit filled in no score (未评分). */
  scored: boolean;
  /** stated: the 总分 cell; computed: the sum of the stated scores; review: 复核总分 (the policy's). */
  total: { stated?: string; computed?: string; review?: string };
  /** stated: the 等级 cell; computed: grade of total.computed; review: grade of total.review. */
  grade: { stated?: string; computed?: string; review?: string };
  /** 自评总分 (the stated 总分, else the stated scores' sum: `from`) and its grade; absent when unscored. */
  self?: { total: string; grade: string; from: "stated" | "sum" };
  /** 偏差 = self.total − total.review; absent when unscored. */
  deviation?: string;
  /** The policy and rule packs used. */
  policy: string;
  packs: string[];
  indicators: {
    cell?: string;
    level1: string;
    level2: string;
    level3: string;
    target?: string;
    actual?: string;
    weight?: string;
    stated?: string;
    computed?: string;
    /** 复核得分 and how it was reached. */
    review?: string;
    explain?: string;
    reviewExplain?: string;
  }[];
  findings: JsonFinding[];
  /** Layout: fields that could not be placed, inferred or ambiguous. */
  layoutIssues: { field: string; kind: string; cell?: string; message: string }[];
}

export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  return {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message[lang],
    expected: f.expected,
    found: f.found,
  };
}

export function jsonForm(r: FormResult, lang: Lang): JsonForm {
  const form = r.form;
  const name = form.name?.value;
  return {
    sheet: form.sheet,
    range: rangeAddress(form.range),
    kind: form.kind,
    name: name === null || name === undefined ? undefined : String(name),
    funds: r.funds
      ? {
          budget: r.funds.budget,
          executed: r.funds.executed,
          rate: r.funds.rate,
          score: r.funds.score,
          statedRate: r.funds.statedRate,
          statedScore: r.funds.statedScore,
        }
      : undefined,
    scored: r.scored,
    total: r.total,
    grade: r.grade,
    self: r.self,
    deviation: r.deviation,
    policy: r.policy,
    packs: r.packs,
    indicators: r.indicators.map((i) => ({
      cell: i.cell,
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      target: i.target,
      actual: i.actual,
      weight: i.weight,
      stated: i.stated,
      computed: i.computed ?? (i.range ? `${i.range[0]}–${i.range[1]}` : undefined),
      review: i.review,
      explain: i.explain?.[lang],
      reviewExplain: i.reviewExplain?.[lang],
    })),
    findings: r.findings.map((f) => jsonFinding(f, lang)),
    layoutIssues: form.issues.map((i) => ({
      field: String(i.field),
      kind: i.kind,
      cell: i.cell,
      message: i.message[lang],
    })),
  };
}

export type { FileStatus } from "../report";

/**
 * One file in perf-check's --json `files[i]` (and, with the path shown and the annotated copy's
 * link, in every report: src/report ReportFile): what became of it — "checked" (read, possibly
 * after a LibreOffice conversion), "unreadable" (`error` says why; exit status 2) or "skipped" (not
 * read on purpose, in a folder scan; `skipped` says why; no effect on the exit status).
 */
export interface JsonFile {
  /** The path as handed over (for a converted file, the original .xls/.et/.ods). */
  file: string;
  status: FileStatus;
  /** True when it was read through a LibreOffice conversion to .xlsx. */
  converted?: boolean;
  error?: string;
  skipped?: string;
  /** Findings about the file as a whole: NO_FORM. */
  findings: JsonFinding[];
  forms: JsonForm[];
}

/** A form's title seen on a sheet (for NO_FORM): the sheet, the cell, the text. */
export interface TitleCell {
  sheet: string;
  cell: string;
  title: string;
}

/**
 * The first cell of a sheet whose text reads as a form title (项目支出绩效自评表 …), for NO_FORM.
 * Only the rows that hold cells are read: a stray value at row 1,048,576 costs one row, not a million.
 */
function titleCell(grid: Grid): TitleCell | undefined {
  for (const r of grid.contentRows)
    for (let c = grid.left; c <= grid.right; c++) {
      const text = grid.text(r, c);
      if (text && text.length <= 80 && FORM_TITLE.test(text))
        return { sheet: grid.sheet, cell: address(r, c), title: text };
    }
  return undefined;
}

/**
 * What a file's entry takes from a run of its sheets, in JSON: their forms (messages in one
 * language) and, for NO_FORM, the sheets' names and the first form title seen on them (looked for
 * only when the run found no form). perf-check checks a large workbook's sheets in two runs, one
 * on a worker thread (src/cli/parallel.ts), and joins the runs' digests in sheet order
 * (recordDigests in check-file.ts), so the entry is the one a single run gives.
 */
export interface SheetsDigest {
  forms: JsonForm[];
  sheets: string[];
  title?: TitleCell;
}

/** The digest of checked sheets (see SheetsDigest), messages in `lang`. */
export function digestSheets(sheets: readonly CheckedSheet[], lang: Lang): SheetsDigest {
  const forms = sheets.flatMap((s) => s.result.results.map((r) => jsonForm(r, lang)));
  let title: TitleCell | undefined;
  if (forms.length === 0) for (const s of sheets) if ((title = titleCell(s.grid))) break;
  return { forms, sheets: sheets.map((s) => s.grid.sheet), ...(title ? { title } : {}) };
}

/**
 * The file-level finding for a workbook in which no form was found (a pay sheet, a blank workbook,
 * a template whose headers are not understood): code NO_FORM, severity error, saying what was
 * looked for and, when a sheet carries a form's title, where. Undefined when a form was found.
 */
export function noFormFinding(sheets: readonly CheckedSheet[], lang: Lang): JsonFinding | undefined {
  return noFormOf([digestSheets(sheets, lang)], lang);
}

/** NO_FORM (see noFormFinding) from the digests of a workbook's sheets, in sheet order. */
export function noFormOf(digests: readonly SheetsDigest[], lang: Lang): JsonFinding | undefined {
  if (digests.some((d) => d.forms.length > 0)) return undefined;
  const names = digests.flatMap((d) => d.sheets);
  let message =
    names.length === 0
      ? t(lang, "CLI_NO_SHEETS")
      : t(lang, "CLI_NO_FORM", {
          sheets: names.length,
          names: names.map((n) => (lang === "zh" ? `“${n}”` : `"${n}"`)).join(lang === "zh" ? "、" : ", "),
        });
  const title = digests.find((d) => d.title)?.title;
  if (title) message += t(lang, "CLI_NO_FORM_TITLE", { cell: `${title.sheet}!${title.cell}`, title: title.title });
  return {
    code: "NO_FORM",
    severity: "error",
    sheet: title?.sheet ?? "",
    cell: title?.cell ?? "",
    message,
  };
}
