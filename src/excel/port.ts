/**
 * The one seam between the task pane / ribbon commands and Excel. The pane and commands only
 * call this interface; src/excel/office-port.ts implements it with Office.js, and tests and the
 * browser harness use the same implementation over a fake Excel.
 */
import type { Finding, FormResult } from "../engine/checks";
import type { CellWrite, Plan, SkippedWrite } from "../engine/plan";
import type { Lang } from "../i18n/strings";
import type { MappingForm } from "../layout/mapping";
import type { Caps } from "./requirements";

export type FormulaStyle = "perf" | "native";

/** Excel.run, or a fake with the same contract. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface SheetAnalysis {
  sheet: string;
  results: FormResult[];
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /**
   * Header texts of each project form's indicator and funds header rows, for the mapping editor:
   * keyed by 0-based sheet row, texts indexed by 0-based column.
   */
  headerTexts?: Record<number, (string | undefined)[]>;
  /** Validate on an Excel without notes (ExcelApi 1.18): the sheet its findings were listed on. */
  findingsSheet?: string;
}

export interface WritePreview {
  sheet: string;
  plan: Plan;
  /** Cells holding a typed number or a formula of the user's: listed, written only if confirmed. */
  needsConfirm: CellWrite[];
  /** Text cells left alone, and cells that already hold the same formula. */
  skipped: SkippedWrite[];
}

export interface ProgressSink {
  (done: number, total: number, label: string): void;
}

export interface RunOptions {
  lang: Lang;
  signal?: AbortSignal;
  progress?: ProgressSink;
}

/**
 * A sheet's record of changes (revert snapshot, flags) that matches no sheet of the workbook, by id
 * or by name: kept in the workbook, never dropped, and reported by name and number of cells.
 */
export interface KeptRecord {
  /** The sheet name it was saved under. */
  sheet: string;
  cells: number;
}

export interface WorkbookPort {
  /** The optional features this Excel supports (requirements.ts). */
  capabilities(): Caps;
  /** Read the active sheet, detect forms (stored mapping applied), check them. Changes nothing. */
  analyzeActiveSheet(opts: RunOptions): Promise<SheetAnalysis>;
  /** Analyze, then flag every finding on its cell (fill + note); earlier flags are replaced. */
  validateActiveSheet(opts: RunOptions): Promise<SheetAnalysis>;
  /** What "Write formulas" would do on the active sheet. Changes nothing. */
  previewWrites(style: FormulaStyle, opts: RunOptions): Promise<WritePreview>;
  /** Apply a preview: saves a revert snapshot first; confirmed=false leaves needsConfirm cells alone. All or nothing. */
  applyWrites(preview: WritePreview, confirmed: boolean, opts: RunOptions): Promise<{ written: number }>;
  /** Remove exactly the fills and notes this add-in added; `kept`: flags of sheets no longer found. */
  clearFlags(opts: RunOptions): Promise<{ cleared: number; kept: KeptRecord[] }>;
  /**
   * Restore every cell the add-in wrote or flagged to its saved state (values, formulas, formats,
   * fills, notes); `kept`: records of sheets no longer found, left in the workbook.
   */
  revert(opts: RunOptions): Promise<{ restored: number; kept: KeptRecord[] }>;
  /** Whether a revert snapshot exists in the workbook. */
  canRevert(): Promise<boolean>;
  /** Select a cell on a sheet (clicking a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The stored mapping for a sheet, if the user saved one. */
  loadMapping(sheet: string): Promise<MappingForm[] | undefined>;
  saveMapping(sheet: string, forms: MappingForm[]): Promise<void>;
  /** Policy name stored in the workbook ("national" when none). */
  getPolicy(): Promise<string>;
  setPolicy(name: string): Promise<void>;
}
