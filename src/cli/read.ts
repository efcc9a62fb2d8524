/**
 * Opening .xlsx files safely: a one-line reason for anything that is not a readable workbook,
 * and limits checked before anything is inflated.
 */
import { promises as fs } from "fs";
import zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { both } from "../i18n/strings";
import type { Params, StringKey } from "../i18n/strings";
import type { Grid } from "../layout/grid";
import { Parts, readGrids, SheetTooLargeError, XlsxStructureError } from "./xlsx-reader";

export interface ReadLimits {
  /** Largest file accepted, bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of the zip's members, bytes. */
  maxUncompressedBytes: number;
  /** Largest sheet, in cells (rows × columns). */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxCells: 5_000_000,
};

export class WorkbookReadError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(`${oneLine(zh)} / ${oneLine(en)}`);
    this.zh = oneLine(zh);
    this.en = oneLine(en);
    this.name = "WorkbookReadError";
  }
}

/** A read error in both languages, its text from the one string table. */
export function readError(key: StringKey, params: Params = {}): WorkbookReadError {
  const m = both(key, params);
  return new WorkbookReadError(m.zh, m.en);
}

/** A reason on one line: parser messages can carry newlines; file names can carry control characters. */
export function oneLine(s: string): string {
  return (
    s
      .replace(/\s*[\r\n]+\s*/g, "; ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .trim()
  );
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function looksLikeText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 512);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) return false;
  }
  return n > 0;
}

/** Zip member sizes as the central directory states them, read without inflating anything. */
interface ZipEntryInfo {
  name: string;
  /** As stated, unsigned (JSZip reads 32-bit sizes as signed: 3 GB would read as negative). */
  uncompressedSize: number;
  /** The member's stored bytes, as JSZip (and so exceljs) will inflate them. */
  content?: Uint8Array;
  /** "\x08\x00" deflate, "\x00\x00" stored. */
  method?: string;
}

interface JSZipInternals {
  _data?: { uncompressedSize?: number; compressedContent?: Uint8Array; compression?: { magic?: string } };
}

function zipEntries(zip: JSZip): ZipEntryInfo[] {
  const out: ZipEntryInfo[] = [];
  zip.forEach((name, entry) => {
    const data = (entry as unknown as JSZipInternals)._data;
    const stated = data?.uncompressedSize;
    // A negative or non-integer size is a size JSZip misread (≥ 2 GiB, or a broken zip64 field): too big.
    // Folders JSZip adds itself (createFolders) have no stated size and no content.
    const size =
      typeof stated === "number"
        ? Number.isFinite(stated)
          ? stated >>> 0
          : Number.MAX_SAFE_INTEGER
        : entry.dir
          ? 0
          : Number.MAX_SAFE_INTEGER;
    out.push({ name, uncompressedSize: size, content: data?.compressedContent, method: data?.compression?.magic });
  });
  return out;
}

/** The uncompressed-size refusal: `total` as stated by the zip, or undefined when found by inflating. */
function bombError(total: number | undefined, limits: ReadLimits): WorkbookReadError {
  if (total === undefined) {
    return readError("READ_BOMB", { limit: limits.maxUncompressedBytes });
  }
  return readError("READ_BOMB_STATED", { total, limit: limits.maxUncompressedBytes });
}

function cellsError(member: string, cells: number, limits: ReadLimits): WorkbookReadError {
  return readError("READ_CELLS", { member, cells, limit: limits.maxCells });
}

const XML_PART = /\.(?:xml|rels)$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;
const MERGE_TAG =
  /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?["']/g;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells a worksheet's XML makes exceljs create: `<c>` elements plus every cell of every merged area. */
function countCells(xml: string): number {
  let cells = 0;
  CELL_TAG.lastIndex = 0;
  while (CELL_TAG.exec(xml)) cells++;
  MERGE_TAG.lastIndex = 0;
  for (let m = MERGE_TAG.exec(xml); m; m = MERGE_TAG.exec(xml)) {
    const c1 = colIndex(m[1]);
    const r1 = Number(m[2]);
    const c2 = m[3] ? colIndex(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    cells += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
  }
  return cells;
}

/**
 * Inflates every member with an output cap and stops as soon as the workbook proves bigger than
 * the limits: more bytes than its headers state (a lying zip), more than maxUncompressedBytes in
 * all, or a worksheet with more than maxCells cells. zlib never writes past the cap, so a bomb is
 * refused before anything else inflates (and keeps) it. Returns the XML parts, inflated and decoded.
 */
function scanMembers(entries: ZipEntryInfo[], limits: ReadLimits): Map<string, string> {
  const parts = new Map<string, string>();
  let total = 0;
  for (const e of entries) {
    if (!e.content) continue;
    const budget = limits.maxUncompressedBytes - total;
    const cap = Math.min(e.uncompressedSize, budget);
    let data: Buffer;
    const raw = Buffer.from(e.content.buffer, e.content.byteOffset, e.content.byteLength);
    if (e.method === "\x00\x00") {
      data = raw;
    } else if (e.method === "\x08\x00") {
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, cap + 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
          if (cap === budget && budget < e.uncompressedSize) throw bombError(undefined, limits);
          throw readError("READ_MEMBER_LIES", { member: e.name, size: e.uncompressedSize });
        }
        throw readError("READ_MEMBER_CORRUPT", { member: e.name, detail: (err as Error).message });
      }
    } else {
      throw readError("READ_METHOD", { member: e.name });
    }
    if (data.byteLength > e.uncompressedSize) {
      throw readError("READ_MEMBER_LIES", { member: e.name, size: e.uncompressedSize });
    }
    total += data.byteLength;
    if (total > limits.maxUncompressedBytes) throw bombError(undefined, limits);
    if (!XML_PART.test(e.name)) continue;
    // Each XML part is decoded once: counted here, parsed by xlsx-reader.ts.
    const xml = data.toString("utf8");
    if (WORKSHEET.test(e.name)) {
      const cells = countCells(xml);
      if (cells > limits.maxCells) throw cellsError(e.name, cells, limits);
    }
    parts.set(e.name, xml);
  }
  return parts;
}

/**
 * Check a buffer is a workbook this tool can open; throws WorkbookReadError with the reason.
 * Resolves to the package's XML parts, inflated and decoded.
 */
export async function inspectWorkbookBuffer(buf: Buffer, limits: ReadLimits = DEFAULT_LIMITS): Promise<Parts> {
  if (buf.length === 0) throw readError("READ_EMPTY");
  if (buf.length > limits.maxFileBytes) {
    throw readError("READ_TOO_BIG", { limit: limits.maxFileBytes });
  }
  if (buf.subarray(0, 8).equals(OLE2)) {
    throw readError("READ_ENCRYPTED");
  }
  if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
    if (looksLikeText(buf)) {
      throw readError("READ_TEXT");
    }
    throw readError("READ_NOT_ZIP");
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch (e) {
    throw readError("READ_ZIP_CORRUPT", { detail: (e as Error).message });
  }
  const entries = zipEntries(zip);
  if (
    !entries.some((e) => e.name === "[Content_Types].xml") ||
    !entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))
  ) {
    throw readError("READ_NOT_WORKBOOK");
  }
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) throw bombError(total, limits);
  return scanMembers(entries, limits);
}

async function readFileChecked(file: string, limits: ReadLimits): Promise<Buffer> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw readError("READ_NOT_FILE");
    if (st.size > limits.maxFileBytes) {
      throw readError("READ_TOO_BIG", { limit: limits.maxFileBytes });
    }
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw readError("READ_IO", { detail: (e as Error).message });
  }
}

/**
 * Open a workbook file and read its sheets as Grids (xlsx-reader.ts); every failure is a
 * WorkbookReadError naming the reason. The file's bytes come back too, for writing a copy.
 */
export async function openWorkbook(
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ grids: Grid[]; buffer: Buffer }> {
  const buffer = await readFileChecked(file, limits);
  const parts = await inspectWorkbookBuffer(buffer, limits);
  return { grids: gridsOf(parts, limits), buffer };
}

function gridsOf(parts: Parts, limits: ReadLimits): Grid[] {
  try {
    return readGrids(parts, limits.maxCells);
  } catch (e) {
    if (e instanceof SheetTooLargeError) {
      throw readError("CLI_SHEET_TOO_LARGE", { sheet: e.sheet, rows: e.rows, cols: e.cols, limit: e.limit });
    }
    if (e instanceof XlsxStructureError) throw readError("READ_PARSE", { detail: e.message });
    throw e;
  }
}

/** The workbook as exceljs loads it, from bytes openWorkbook has already checked: for writing a copy. */
export async function loadExcelJs(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw readError("READ_PARSE", { detail: (e as Error).message });
  }
  return workbook;
}
