/**
 * Opening workbook files: the file-system door over the pure package layer (src/xlsx). Reads the
 * file (after checking its size), opens the package under the limits and reads its sheets as
 * Grids; every failure is a WorkbookReadError with a one-line reason in both languages.
 */
import { promises as fs } from "fs";
import type { Grid } from "../layout/grid";
import { readWorkbook } from "../pipeline/workbook";
import { DEFAULT_LIMITS, openPackage as openWith, readError, WorkbookReadError, XlsxPackage } from "../xlsx/package";
import type { ReadLimits } from "../xlsx/package";
import { zlibCodec } from "./zlib-codec";

export { DEFAULT_LIMITS, oneLine, readError, WorkbookReadError } from "../xlsx/package";
export type { ReadLimits } from "../xlsx/package";
export { gridsOf } from "../pipeline/workbook";

/** A package from its bytes (src/xlsx/package.ts), inflated by Node's zlib. */
export function openPackage(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): XlsxPackage {
  return openWith(bytes, limits, zlibCodec);
}

/** A workbook file's bytes, after checking it is a file within the size limit; WorkbookReadError otherwise. */
export async function readFileChecked(file: string, limits: ReadLimits): Promise<Uint8Array> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw readError("READ_NOT_FILE");
    if (st.size > limits.maxFileBytes) {
      throw readError("READ_TOO_BIG", { limit: limits.maxFileBytes });
    }
    const buf = await fs.readFile(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw readError("READ_IO", { detail: (e as Error).message });
  }
}

/**
 * Open a workbook file and read its sheets as Grids. The package comes back too (its members
 * are inflated only when asked for), for writing an annotated copy.
 */
export async function openWorkbook(
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ grids: Grid[]; pkg: XlsxPackage }> {
  return readWorkbook(await readFileChecked(file, limits), zlibCodec, limits);
}
