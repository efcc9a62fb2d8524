/**
 * The part of WPS 表格's (ET's) JavaScript object model the add-in uses, as types, and the
 * conversions it needs. This is the one place that says what that API is; only src/wps/ uses it.
 *
 * Where the facts come from:
 * - Member names and signatures: Kingsoft's own TypeScript declarations of the ET API, the npm
 *   package et-jsapi-declare 2.5.0 (lib.et.d.ts: Et.Application, Et.Workbook, Et.Sheets,
 *   Et.Worksheet, Et.Range, Et.Interior, Et.Comment, Et.Names, Et.Name; index.d.ts: the add-in
 *   root with PluginStorage, CreateTaskPane, GetTaskPane, ribbonUI; addon.et.d.ts:
 *   AddCustomFunction), and the templates of the wpsjs 2.2.3 package (packages/@wps-jsapi/et).
 * - Semantics: the ET object model mirrors Excel's VBA object model, so Microsoft's Excel VBA
 *   reference is the source for what a member returns: Range.Value2 is a scalar for one cell and a
 *   2-D array (rows of columns, 1-based in VBA, 0-based arrays in JS) for several; Range.Formula
 *   likewise, a constant cell giving its constant; Range.NumberFormat and Range.MergeCells are
 *   null when the cells of the range differ; Range.MergeArea is the merged area holding a cell;
 *   Range.Address is a method (RowAbsolute, ColumnAbsolute, ReferenceStyle, …); Interior.Color is
 *   a BGR long (red + green·256 + blue·65536) and a cell without fill reports Interior.Pattern =
 *   xlNone (-4142); Range.Comment is Nothing (null) without a comment and Range.AddComment fails
 *   on a cell that has one; Worksheets.Add activates the sheet it adds; a very hidden sheet
 *   (xlSheetVeryHidden) cannot be shown from the user interface; a change to a locked cell of a
 *   protected sheet fails.
 *
 * Every call is synchronous: a WPS add-in page calls into WPS directly, there is no batch and no
 * sync. Each call crosses into WPS, so the add-in reads and writes blocks (2-D arrays), never a
 * sheet cell by cell.
 */

/** xlNone / xlPatternNone (VBA XlConstants): no fill. */
export const XL_NONE = -4142;
/** xlSolid / xlPatternSolid. */
export const XL_PATTERN_SOLID = 1;
/** XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

/** What a cell gives through Value2: no Date objects (Value2 gives dates as serial numbers). */
export type EtScalar = string | number | boolean | null | undefined;
/** Value2 / Formula of a range: a scalar for one cell, a 2-D array for several. */
export type EtBlock = EtScalar | EtScalar[][];

export interface EtInterior {
  /** BGR long. */
  Color: number;
  /** XlPattern: XL_NONE for no fill, XL_PATTERN_SOLID for a solid fill. */
  Pattern: number;
}

export interface EtComment {
  /** Text() reads; Text(text) replaces the text. */
  Text(Text?: string, Start?: number, Overwrite?: boolean): string;
  Delete(): void;
}

export interface EtRange {
  Value2: EtBlock;
  Formula: EtBlock;
  /** null when the cells' formats differ. */
  NumberFormat: string | null;
  /** true when every cell is merged, false when none is, null when some are. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  /** null (VBA Nothing) when the cell has no comment. */
  readonly Comment: EtComment | null;
  AddComment(Text?: string): EtComment;
  /** Address(RowAbsolute, ColumnAbsolute): "$A$1:$B$2" by default; (false, false) gives "A1:B2". */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  /** 1-based. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Select(): unknown;
  Clear(): unknown;
}

export interface EtName {
  /** A sheet-level name reads "Sheet!name". */
  Name: string;
  RefersTo: string;
  Visible: boolean;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  /** 1-based index or name. */
  Item(Index: number | string): EtName;
  Add(Name: string, RefersTo: string, Visible?: boolean): EtName;
}

export interface EtWorksheet {
  Name: string;
  /** XL_SHEET_VISIBLE, XL_SHEET_HIDDEN or XL_SHEET_VERY_HIDDEN. */
  Visible: number;
  readonly ProtectContents: boolean;
  /** The used range (cells with content or formatting); A1 on an empty sheet. */
  readonly UsedRange: EtRange;
  Range(Cell1: string): EtRange;
  /** The sheet's own (sheet-level) names. */
  readonly Names: EtNames;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name. */
  Item(Index: number | string): EtWorksheet;
  /** Adds a sheet (before the active one when no place is given) and activates it. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
}

/** Et.Application: the object model. */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  /** false: no prompt (Worksheet.Delete asks the user otherwise). */
  DisplayAlerts: boolean;
  /** Recalculates every formula of every open workbook (VBA Application.CalculateFull). */
  CalculateFull(): void;
}

/** WPS.PluginStorage: shared by every page of one add-in, not saved (index.d.ts). */
export interface EtPluginStorage {
  setItem(key: string, value: number | boolean | string): void;
  getItem(key: string): string | number | boolean | null | undefined;
  removeItem(key: string): void;
}

/** WPS.CustomTaskpane (index.d.ts). */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  /** Kso.MsoCTPDockPosition: 0 left, 2 right (wpsjs template util.js). */
  DockPosition: number;
}

/** window.Application in a WPS add-in page: the object model and the add-in root. */
export interface WpsApplication extends EtApplication {
  readonly PluginStorage: EtPluginStorage;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane;
  ribbonUI?: { InvalidateControl(id: string): void; Invalidate(): void };
  /** Present in WPS builds that run add-in worksheet functions (12.1.0.20540 and later). */
  AddCustomFunction?: (
    namespace: string,
    name: string,
    fn: (...args: never[]) => unknown,
    metadata?: {
      description?: string;
      result: { type?: string };
      parameters: { name?: string; type?: string; description?: string }[];
    },
  ) => void;
}

/** "#RRGGBB" → BGR long (Interior.Color). */
export function toBgr(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const n = parseInt(m[1], 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** BGR long → "#RRGGBB". */
export function fromBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/** Value2 / Formula as rows of columns, whatever the range's size. */
export function block(v: EtBlock): EtScalar[][] {
  return Array.isArray(v) ? v : [[v]];
}

/** The application of this page: window.Application, else wps.EtApplication() (older builds). */
export function wpsApplication(): WpsApplication | undefined {
  const g = globalThis as Record<string, unknown>;
  const app = g.Application as WpsApplication | undefined;
  if (app && typeof app === "object") return app;
  const wps = g.wps as { EtApplication?: () => WpsApplication } | undefined;
  try {
    return typeof wps?.EtApplication === "function" ? wps.EtApplication() : undefined;
  } catch {
    return undefined;
  }
}
