/**
 * Test-time builders for perf-check: temp folders, a main() runner with captured output,
 * mutated copies of the fixtures, and hostile files (zip bombs, truncated zips, OLE2 headers,
 * renamed CSV/XLS, cell bombs). Everything is generated into a temp dir while the tests run;
 * no generated binary is ever committed.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BatchSummary } from "../../src/report";
import type { JsonFile, JsonFinding, JsonForm } from "../../src/pipeline/check";
import { main, Io } from "../../src/cli/main";
import { DEFAULT_LIMITS, ReadLimits } from "../../src/cli/read";

// ------------------------------------------------------------------ fixtures and temp dirs

export const SAMPLES = path.resolve(__dirname, "../../samples");
export const SEED000 = path.join(SAMPLES, "seed000-bj-kjw.xlsx");
export const SEED002 = path.join(SAMPLES, "seed002-bj-hwxr.xlsx");
export const SEED003 = path.join(SAMPLES, "seed003-bt-rcfw.xlsx");
export const SEEDS = [SEED000, SEED002, SEED003];

export async function makeTempDir(tag: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `perf-check-${tag}-`));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

// ------------------------------------------------------------------ running the CLI

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliOptions {
  isTTY?: boolean;
  limits?: Partial<ReadLimits>;
  /** Environment main() sees (SOFFICE, PERF_CHECK_CONVERT_TIMEOUT); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** main() with captured stdout/stderr (io parameter) and optional lowered read limits. */
export async function runCli(argv: string[], opts: CliOptions = {}): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: opts.isTTY ?? false };
  const code = await main(argv, io, { ...DEFAULT_LIMITS, ...opts.limits }, opts.env ?? process.env);
  return { code, out, err };
}

// The --json shape perf-check declares (src/pipeline/check.ts), with the severities narrowed to the
// three a finding can have; the tests check the values.
export type JFinding = Omit<JsonFinding, "severity"> & { severity: "error" | "warning" | "info" };
export type JIndicator = JsonForm["indicators"][number];
export type JLayoutIssue = JsonForm["layoutIssues"][number];
export type JForm = Omit<JsonForm, "findings" | "layoutIssues"> & { findings: JFinding[] };
export type JFile = Omit<JsonFile, "findings" | "forms"> & {
  findings: JFinding[];
  forms: (JForm & { layoutIssues: JLayoutIssue[] })[];
};
/** The counts (the type perf-check declares; the tests check the values). */
export type JSummary = BatchSummary;
export interface JDoc {
  files: JFile[];
  summary: JSummary;
}

/** main(["--json", ...]) parsed. */
export async function runJson(argv: string[], opts: CliOptions = {}): Promise<CliRun & { doc: JDoc }> {
  const run = await runCli(["--json", ...argv], opts);
  return { ...run, doc: JSON.parse(run.out) as JDoc };
}

export function fileEntry(doc: JDoc, file: string): JFile {
  const hit = doc.files.find((f) => path.resolve(f.file) === path.resolve(file));
  if (!hit) throw new Error(`no entry for ${file} in ${doc.files.map((f) => f.file).join(", ")}`);
  return hit;
}

/** One form by sheet and, for stacked forms, by a part of its name or its range. */
export function formOf(doc: JDoc, sheet: string, which?: string): JForm {
  const forms = doc.files
    .flatMap((f) => f.forms)
    .filter((f) => f.sheet === sheet && (!which || f.range === which || (f.name ?? "").includes(which)));
  if (forms.length !== 1) throw new Error(`${forms.length} forms match ${sheet} ${which ?? ""}`);
  return forms[0];
}

/** "CODE@CELL" for each finding, sorted. */
export function codesAt(form: JForm): string[] {
  return form.findings.map((f) => `${f.code}@${f.cell}`).sort();
}

// ------------------------------------------------------------------ mutated fixtures

/** Copy a fixture through exceljs with `fn` applied to the workbook, into `dest`. */
export async function mutateWorkbook(
  src: string,
  dest: string,
  fn: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  await fn(wb);
  await fs.mkdir(path.dirname(dest), { recursive: true });
  await wb.xlsx.writeFile(dest);
  return dest;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

// ------------------------------------------------------------------ a small zip writer

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (zlib's when the runtime has it). */
export function crc32(buf: Uint8Array, prev = 0): number {
  const native = (zlib as unknown as { crc32?: (b: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(buf, prev);
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = ~prev >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export interface ZipMember {
  name: string;
  /** Plain content (deflated by the writer unless `store`). */
  data?: Buffer | string;
  store?: boolean;
  /** Already deflated content, with its true size and CRC. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** The uncompressed size the headers state (a lie if it differs from the real one). */
  statedSize?: number;
}

/** A zip archive (local headers, central directory, end record) with sizes as stated. */
export function buildZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, "utf8");
    let bytes: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (m.deflated) {
      ({ bytes, size, crc } = m.deflated);
      method = 8;
    } else {
      const data = typeof m.data === "string" ? Buffer.from(m.data, "utf8") : (m.data ?? Buffer.alloc(0));
      size = data.length;
      crc = crc32(data);
      method = m.store ? 0 : 8;
      bytes = m.store ? data : zlib.deflateRawSync(data);
    }
    const stated = m.statedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5221, 12); // 2021-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(stated, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5221, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(stated, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name);
    offset += local.length + name.length + bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ------------------------------------------------------------------ a minimal workbook

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A one-sheet workbook around the given sheet1.xml member. */
export function minimalXlsx(sheet1: Omit<ZipMember, "name">): Buffer {
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "xl/workbook.xml", data: WORKBOOK },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", ...sheet1 },
  ]);
}

export function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ------------------------------------------------------------------ hostile files

/**
 * A real deflate stream of `bytes` zero bytes, built cheaply: 1 MiB of zeros deflated once with
 * a full flush (so the block needs nothing before it), repeated, then a final empty block.
 * 1 GiB of zeros is about 1 MB of deflate; memory stays at a few MB.
 */
export function deflatedZeros(bytes: number): { bytes: Buffer; size: number; crc: number } {
  const MiB = 1 << 20;
  if (bytes % MiB !== 0) throw new Error("whole MiB only");
  const zeros = Buffer.alloc(MiB);
  const block = zlib.deflateRawSync(zeros, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const final = zlib.deflateRawSync(Buffer.alloc(0));
  const n = bytes / MiB;
  let crc = 0;
  for (let i = 0; i < n; i++) crc = crc32(zeros, crc);
  return { bytes: Buffer.concat([...Array<Buffer>(n).fill(block), final]), size: bytes, crc };
}

/** A workbook whose sheet1.xml is `bytes` zeros, sizes stated truthfully (a zip bomb). */
export async function writeZeroBomb(file: string, bytes: number): Promise<string> {
  await fs.writeFile(file, minimalXlsx({ deflated: deflatedZeros(bytes) }));
  return file;
}

/** The same bomb, but the headers claim the member is only `statedSize` bytes. */
export async function writeUnderstatedBomb(file: string, bytes: number, statedSize: number): Promise<string> {
  await fs.writeFile(file, minimalXlsx({ deflated: deflatedZeros(bytes), statedSize }));
  return file;
}

/** A real, small workbook re-zipped so that `member`'s headers claim `statedSize` bytes. */
export async function writeOverstatedCopy(
  src: string,
  file: string,
  member: string,
  statedSize: number,
): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(src));
  const members: ZipMember[] = [];
  for (const name of Object.keys(zip.files)) {
    const e = zip.files[name];
    if (e.dir) continue;
    const data = await e.async("nodebuffer");
    members.push({ name, data, statedSize: name === member ? statedSize : undefined });
  }
  if (!members.some((m) => m.name === member)) throw new Error(`no member ${member}`);
  await fs.writeFile(file, buildZip(members));
  return file;
}

/** A dense sheet of rows × cols numbers, generated and deflated row batch by row batch. */
export async function writeCellBomb(file: string, rows: number, cols: number): Promise<string> {
  const letters = Array.from({ length: cols }, (_, c) => colLetters(c));
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  const put = async (s: string) => {
    const b = Buffer.from(s, "utf8");
    size += b.length;
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((r) => deflate.once("drain", r));
  };
  await put(SHEET_HEAD);
  let batch = "";
  for (let r = 1; r <= rows; r++) {
    batch += `<row r="${r}">`;
    for (let c = 0; c < cols; c++) batch += `<c r="${letters[c]}${r}"><v>1</v></c>`;
    batch += `</row>`;
    if (batch.length > 1 << 20) {
      await put(batch);
      batch = "";
    }
  }
  await put(batch + SHEET_TAIL);
  deflate.end();
  await done;
  await fs.writeFile(file, minimalXlsx({ deflated: { bytes: Buffer.concat(chunks), size, crc } }));
  return file;
}

/** A sheet with only A1 and XFD1048576 filled: a tiny file spanning 16384 × 1048576 cells. */
export async function writeCornerSheet(file: string): Promise<string> {
  const xml = `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>${SHEET_TAIL}`;
  await fs.writeFile(file, minimalXlsx({ data: xml }));
  return file;
}

/** An OLE2/CFB file, the container Excel uses for password-protected workbooks. */
export async function writeOle2(file: string): Promise<string> {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  const body = Buffer.alloc(1536);
  Buffer.from("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", "latin1").copy(body, 0);
  Buffer.from("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", "latin1").copy(body, 128);
  await fs.writeFile(file, Buffer.concat([header, body]));
  return file;
}

/** A .xls (BIFF8 in OLE2) renamed: same signature as an encrypted workbook. */
export async function writeRenamedXls(file: string): Promise<string> {
  const buf = await fs.readFile(await writeOle2(file));
  Buffer.from("W\0o\0r\0k\0b\0o\0o\0k\0", "latin1").copy(buf, 512);
  await fs.writeFile(file, buf);
  return file;
}

/** A CSV export renamed to .xlsx (with formula-like cells, as exports often have). */
export async function writeRenamedCsv(file: string): Promise<string> {
  await fs.writeFile(file, "项目名称,得分\r\n人才工作服务经费,88.2\r\n=1+2,+cmd\r\n", "utf8");
  return file;
}

/** The first `bytes` bytes of a real workbook: a zip cut short (no central directory). */
export async function writeTruncated(src: string, file: string, bytes: number): Promise<string> {
  const buf = await fs.readFile(src);
  await fs.writeFile(file, buf.subarray(0, Math.min(bytes, buf.length - 1)));
  return file;
}
