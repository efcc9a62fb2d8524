/**
 * The pure middle of the pipeline: Grid → forms → checked results. Adapters (Office.js, exceljs)
 * call this and nothing else of layout or engine to analyze a sheet.
 */
import { checkForm, Finding, FormResult } from "../engine/checks";
import type { Policy } from "../engine/types";
import { detectForms } from "./detect";
import type { Grid } from "./grid";
import type { SheetMapping } from "./mapping";

export interface SheetResult {
  sheet: string;
  results: FormResult[];
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
}

/** The texts of each project form's header rows (indicator and funds), for choosing columns by name. */
export function headerTexts(grid: Grid, results: FormResult[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const { form } of results) {
    if (form.kind !== "project") continue;
    for (const row of [form.indicatorHeaderRow, form.funds?.headerRow]) {
      if (row === undefined || out[row]) continue;
      out[row] = Array.from({ length: form.range.right + 1 }, (_, c) => grid.text(row, c));
    }
  }
  return out;
}

export function analyzeGrid(grid: Grid, policy: Policy, mapping?: SheetMapping): SheetResult {
  const results = detectForms(grid, mapping).map((f) => checkForm(f, policy));
  const findings = results.flatMap((r) => r.findings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { sheet: grid.sheet, results, findings, counts };
}
