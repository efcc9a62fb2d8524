/**
 * What is done with a file handed over, by its name alone: `.xlsx`, `.xlsm` (the same package
 * format) are read; `.xls` (Excel 97-2003), `.et` (WPS), `.ods` (OpenDocument) need a LibreOffice
 * conversion; lock files (`~$…`), the annotated copies this tool writes (`*.checked.xlsx`) and
 * every other spreadsheet-looking file (templates, `.xlsb`, `.csv`, …) found in a folder are
 * skipped with a reason; files that are no spreadsheet at all are not listed. Pure: perf-check's
 * folder scan (src/cli/inputs.ts) and the web checker's dropped folders (src/web/files.ts) both
 * ask it, so both list the same files with the same reasons.
 */
import { both } from "../i18n/strings";
import type { Bilingual, StringKey } from "../i18n/strings";

/** Same package format as .xlsx. */
export const READ_EXT = new Set([".xlsx", ".xlsm"]);
/** Read through LibreOffice: Excel 97-2003, WPS (an .xls-format file), OpenDocument. */
export const CONVERT_EXT = new Set([".xls", ".et", ".ods"]);
/** Other files that look like spreadsheets, and why each is not read. */
const SKIP_EXT: Record<string, StringKey> = {
  ".xlsb": "INPUT_SKIP_BINARY",
  ".xltx": "INPUT_SKIP_TEMPLATE",
  ".xltm": "INPUT_SKIP_TEMPLATE",
  ".xlt": "INPUT_SKIP_TEMPLATE",
  ".ett": "INPUT_SKIP_TEMPLATE",
  ".ots": "INPUT_SKIP_TEMPLATE",
  ".csv": "INPUT_SKIP_TEXT",
  ".tsv": "INPUT_SKIP_TEXT",
  ".fods": "INPUT_SKIP_FORMAT",
  ".numbers": "INPUT_SKIP_FORMAT",
  ".xlw": "INPUT_SKIP_FORMAT",
  ".xlam": "INPUT_SKIP_FORMAT",
  ".xla": "INPUT_SKIP_FORMAT",
  ".sxc": "INPUT_SKIP_FORMAT",
  ".uos": "INPUT_SKIP_FORMAT",
  ".dbf": "INPUT_SKIP_FORMAT",
};

/** The annotated copies this tool writes: `name.checked.xlsx`, `name.checked-2.xlsx`, `name.checked.xlsm`. */
export const OWN_COPY = /\.checked(?:-\d+)?\.xls[xm]$/i;

/**
 * A file name's extension, lower case, with its dot (".xlsx"); "" when it has none. As Node's
 * path.extname: a leading dot (".xlsx" alone) is no extension. `name` is a base name or a path
 * with "/" or "\" separators.
 */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** True for names a folder scan reports on: workbooks it reads or converts and other spreadsheet files. */
export function looksLikeSpreadsheet(name: string): boolean {
  const e = extensionOf(name);
  return READ_EXT.has(e) || CONVERT_EXT.has(e) || e in SKIP_EXT;
}

export type NameAction = "read" | "convert" | "skip";

/**
 * What a folder scan does with a regular file, by its base name: read, convert, or skip (with why,
 * in both languages); undefined: not a spreadsheet, not listed.
 */
export function folderFileAction(name: string): { action: NameAction; reason?: Bilingual } | undefined {
  if (!looksLikeSpreadsheet(name)) return undefined;
  if (name.startsWith("~$")) return { action: "skip", reason: both("INPUT_SKIP_LOCK") };
  if (OWN_COPY.test(name)) return { action: "skip", reason: both("INPUT_SKIP_OWN_COPY") };
  const e = extensionOf(name);
  if (READ_EXT.has(e)) return { action: "read" };
  if (CONVERT_EXT.has(e)) return { action: "convert" };
  return { action: "skip", reason: both(SKIP_EXT[e], { ext: e }) };
}

/** What is done with a file named by itself (on the command line, or picked alone): always tried. */
export function namedFileAction(name: string): "read" | "convert" {
  return CONVERT_EXT.has(extensionOf(name)) ? "convert" : "read";
}
