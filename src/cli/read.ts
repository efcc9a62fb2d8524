/**
 * Opening .xlsx files safely: a one-line reason for anything that is not a readable workbook,
 * and limits checked before anything is inflated.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";

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
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "WorkbookReadError";
  }
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
  uncompressedSize: number;
}

function zipEntries(zip: JSZip): ZipEntryInfo[] {
  const out: ZipEntryInfo[] = [];
  zip.forEach((name, entry) => {
    const data = (entry as unknown as { _data?: { uncompressedSize?: number } })._data;
    out.push({ name, uncompressedSize: data?.uncompressedSize ?? 0 });
  });
  return out;
}

/** Check a buffer is a workbook this tool can open; throws WorkbookReadError with the reason. */
export async function inspectWorkbookBuffer(buf: Buffer, limits: ReadLimits = DEFAULT_LIMITS): Promise<void> {
  if (buf.length === 0) throw new WorkbookReadError("文件为空", "the file is empty");
  if (buf.length > limits.maxFileBytes) {
    throw new WorkbookReadError(`文件超过 ${limits.maxFileBytes} 字节上限`, `the file is larger than the ${limits.maxFileBytes}-byte limit`);
  }
  if (buf.subarray(0, 8).equals(OLE2)) {
    throw new WorkbookReadError(
      "文件已加密（设置了打开密码）或是旧版 .xls 格式；请另存为不加密的 .xlsx",
      "the workbook is password-protected (encrypted) or a legacy .xls file; save it as an unencrypted .xlsx",
    );
  }
  if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
    if (looksLikeText(buf)) {
      throw new WorkbookReadError("不是 .xlsx 文件（看起来是文本或 CSV）", "not an .xlsx file (it looks like text or CSV)");
    }
    throw new WorkbookReadError("不是 .xlsx 文件（不是 zip 格式）", "not an .xlsx file (not a zip archive)");
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch (e) {
    throw new WorkbookReadError(`文件已损坏（zip 无法读取：${(e as Error).message}）`, `the file is corrupt (zip unreadable: ${(e as Error).message})`);
  }
  const entries = zipEntries(zip);
  if (!entries.some((e) => e.name === "[Content_Types].xml") || !entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) {
    throw new WorkbookReadError("不是 Excel 工作簿（缺少 xl/workbook.xml）", "not an Excel workbook (no xl/workbook.xml)");
  }
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new WorkbookReadError(
      `解压后大小 ${total} 字节超过上限 ${limits.maxUncompressedBytes}，未读取（疑似压缩炸弹）`,
      `uncompressed size ${total} bytes exceeds the ${limits.maxUncompressedBytes}-byte limit; not read (possible zip bomb)`,
    );
  }
}

/** Load a workbook file; every failure is a WorkbookReadError naming the reason. */
export async function loadWorkbook(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<{ workbook: ExcelJS.Workbook; buffer: Buffer }> {
  let buf: Buffer;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new WorkbookReadError("不是普通文件", "not a regular file");
    if (st.size > limits.maxFileBytes) {
      throw new WorkbookReadError(`文件超过 ${limits.maxFileBytes} 字节上限`, `the file is larger than the ${limits.maxFileBytes}-byte limit`);
    }
    buf = await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`无法读取文件：${(e as Error).message}`, `cannot read the file: ${(e as Error).message}`);
  }
  await inspectWorkbookBuffer(buf, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`工作簿无法解析：${(e as Error).message}`, `the workbook cannot be parsed: ${(e as Error).message}`);
  }
  return { workbook, buffer: buf };
}
