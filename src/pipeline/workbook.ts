/**
 * A workbook's bytes to its sheets as Grids: the package layer (src/xlsx) under the read limits,
 * with every failure a WorkbookReadError carrying a one-line reason in both languages. Pure: the
 * caller hands over the bytes and the inflate codec (Node's zlib in perf-check, fflate in the web
 * checker's worker), so both doors read a file the same way.
 */
import type { Grid } from "../layout/grid";
import { CellLimitError, readGrids, XlsxStructureError } from "../xlsx/grids";
import { DEFAULT_LIMITS, openPackage, readError, XlsxPackage } from "../xlsx/package";
import type { ReadLimits } from "../xlsx/package";
import type { Codec } from "../xlsx/zip";

/** `read()`, with the sheet reader's errors as WorkbookReadErrors. */
export function asReadErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof CellLimitError) throw readError("READ_CELLS", { member: e.part, cells: e.cells, limit: e.limit });
    if (e instanceof XlsxStructureError) throw readError("READ_PARSE", { detail: e.message });
    throw e;
  }
}

/** A package's sheets as Grids, with the reader's errors as WorkbookReadErrors. */
export function gridsOf(pkg: XlsxPackage): Grid[] {
  return asReadErrors(() => readGrids(pkg, pkg.limits.maxCells));
}

/**
 * Open a workbook from its bytes and read its sheets as Grids. The package comes back too (its
 * members are inflated only when asked for), for writing an annotated copy. Throws
 * WorkbookReadError (src/xlsx/package.ts) for anything that is not a readable workbook within
 * `limits`.
 */
export function readWorkbook(
  bytes: Uint8Array,
  codec: Codec,
  limits: ReadLimits = DEFAULT_LIMITS,
): { grids: Grid[]; pkg: XlsxPackage } {
  const pkg = openPackage(bytes, limits, codec);
  return { grids: gridsOf(pkg), pkg };
}
