/**
 * An in-memory WorkbookPort for component tests, built on the real pipeline: a fixture
 * workbook read with exceljs, analyzed with analyzeGrid, planned with buildPlan. It records
 * every call so tests can assert what the pane asked of Excel.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import { buildPlan } from "../../src/engine/plan";
import { getPolicy } from "../../src/engine/policy";
import type { FormulaStyle, KeptRecord, RunOptions, SheetAnalysis, WorkbookPort, WritePreview } from "../../src/excel/port";
import type { Caps } from "../../src/excel/requirements";
import { analyzeGrid } from "../../src/layout/analyze";
import type { Grid } from "../../src/layout/grid";
import type { MappingForm } from "../../src/layout/mapping";
import type { HeaderTexts } from "../../src/taskpane/model/mapping-edit";

export const SAMPLES = path.resolve(__dirname, "../../samples");

/** One sheet of a sample workbook as a Grid. */
export async function loadGrid(file: string, sheet: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  const buf = fs.readFileSync(path.join(SAMPLES, file));
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  return worksheetToGrid(ws);
}

/** The indicator and funds header rows of every project form, as the port supplies them. */
export function headerTextsOf(grid: Grid, analysis: SheetAnalysis): HeaderTexts {
  const out: HeaderTexts = {};
  for (const r of analysis.results) {
    const f = r.form;
    if (f.kind !== "project") continue;
    const rows = [f.indicatorHeaderRow, f.funds?.headerRow].filter((x): x is number => x !== undefined);
    for (const row of rows) {
      const texts: string[] = [];
      for (let c = 0; c <= f.range.right; c++) texts[c] = grid.text(row, c);
      out[row] = texts;
    }
  }
  return out;
}

export interface Call {
  method: string;
  args: unknown[];
}

export class StubPort implements WorkbookPort {
  readonly calls: Call[] = [];
  policy = "national";
  mapping: MappingForm[] | undefined;
  snapshot = false;
  selected: { sheet: string; cell: string } | undefined;
  /** Set to make the next call of that method reject with this error. */
  failNext: Partial<Record<keyof WorkbookPort, Error>> = {};
  /** When set, long calls wait for this promise (to test progress and Cancel). */
  gate: Promise<void> | undefined;
  withHeaders = true;
  /** What this Excel supports (all by default). */
  caps: Caps = { notes: true, merges: true, fillPattern: true };
  /** Records of sheets no longer found, reported by clearFlags and revert. */
  kept: KeptRecord[] = [];

  constructor(readonly grid: Grid) {}

  private record(method: keyof WorkbookPort, args: unknown[]): void {
    this.calls.push({ method, args });
    const err = this.failNext[method];
    if (err) {
      delete this.failNext[method];
      throw err;
    }
  }

  callsOf(method: keyof WorkbookPort): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async wait(opts: RunOptions): Promise<void> {
    opts.progress?.(1, 3, "step");
    if (this.gate) {
      await Promise.race([
        this.gate,
        new Promise<never>((_, reject) => {
          const abort = () => {
            const e = new Error("已取消，未做任何更改。 / Cancelled; nothing was changed.");
            e.name = "AbortError";
            reject(e);
          };
          if (opts.signal?.aborted) abort();
          opts.signal?.addEventListener("abort", abort);
        }),
      ]);
    }
    opts.progress?.(3, 3, "step");
  }

  analysis(): SheetAnalysis & { headerTexts?: HeaderTexts } {
    const a = analyzeGrid(this.grid, getPolicy(this.policy), this.mapping ? { forms: this.mapping } : undefined);
    return this.withHeaders ? { ...a, headerTexts: headerTextsOf(this.grid, a) } : a;
  }

  capabilities(): Caps {
    return this.caps;
  }

  async analyzeActiveSheet(opts: RunOptions): Promise<SheetAnalysis> {
    this.record("analyzeActiveSheet", [opts]);
    await this.wait(opts);
    return this.analysis();
  }

  async validateActiveSheet(opts: RunOptions): Promise<SheetAnalysis> {
    this.record("validateActiveSheet", [opts]);
    await this.wait(opts);
    this.snapshot = true;
    const a = this.analysis();
    // Without notes the port lists the findings on a sheet and says which.
    return this.caps.notes || !a.findings.length ? a : { ...a, findingsSheet: "复核结果" };
  }

  async previewWrites(style: FormulaStyle, opts: RunOptions): Promise<WritePreview> {
    this.record("previewWrites", [style, opts]);
    await this.wait(opts);
    const a = this.analysis();
    const plan = buildPlan(a.sheet, this.grid, a.results, {
      target: "in-place",
      formulas: style,
      lang: opts.lang,
      policy: getPolicy(this.policy),
    });
    return { sheet: a.sheet, plan, needsConfirm: plan.writes.filter((w) => w.confirm), skipped: plan.skipped };
  }

  async applyWrites(preview: WritePreview, confirmed: boolean, opts: RunOptions): Promise<{ written: number }> {
    this.record("applyWrites", [preview, confirmed, opts]);
    await this.wait(opts);
    this.snapshot = true;
    return { written: preview.plan.writes.filter((w) => confirmed || !w.confirm).length };
  }

  async clearFlags(opts: RunOptions): Promise<{ cleared: number; kept: KeptRecord[] }> {
    this.record("clearFlags", [opts]);
    await this.wait(opts);
    return { cleared: this.analysis().findings.length, kept: this.kept };
  }

  async revert(opts: RunOptions): Promise<{ restored: number; kept: KeptRecord[] }> {
    this.record("revert", [opts]);
    await this.wait(opts);
    this.snapshot = false;
    return { restored: 4, kept: this.kept };
  }

  async canRevert(): Promise<boolean> {
    this.record("canRevert", []);
    return this.snapshot;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record("selectCell", [sheet, cell]);
    this.selected = { sheet, cell };
  }

  async loadMapping(sheet: string): Promise<MappingForm[] | undefined> {
    this.record("loadMapping", [sheet]);
    return this.mapping;
  }

  async saveMapping(sheet: string, forms: MappingForm[]): Promise<void> {
    this.record("saveMapping", [sheet, forms]);
    this.mapping = forms;
  }

  async getPolicy(): Promise<string> {
    this.record("getPolicy", []);
    return this.policy;
  }

  async setPolicy(name: string): Promise<void> {
    this.record("setPolicy", [name]);
    this.policy = name;
  }
}
