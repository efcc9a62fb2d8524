/**
 * Hostile files (the proof issue): each refused with a one-line error naming the file and the
 * reason, the other files still checked, and nothing inflated or written where it should not be.
 * Every file here is generated into a temp dir at test time.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import zlib from "zlib";
import JSZip from "jszip";
import { annotatedPath } from "../../src/cli/annotate";
import { readZip, type ZipEntry } from "../../src/xlsx/zip";
import { DEFAULT_LIMITS, openPackage, ReadLimits, WorkbookReadError } from "../../src/cli/read";
import {
  buildZip,
  crc32,
  fileEntry,
  formOf,
  makeTempDir,
  minimalXlsx,
  mutateWorkbook,
  removeDir,
  runCli,
  runJson,
  SEED000,
  SEED002,
  sheet,
  writeCellBomb,
  writeCornerSheet,
  writeOle2,
  writeOverstatedCopy,
  writeRenamedCsv,
  writeRenamedXls,
  writeTruncated,
  writeUnderstatedBomb,
  writeZeroBomb,
} from "../helpers/xlsx-builders";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("hostile");
});
afterAll(() => removeDir(dir));

/** perf-check --lang en on [file, seed000]: the file's one-line error; seed000 still checked; status 2. */
async function refused(file: string, limits?: Partial<ReadLimits>): Promise<string> {
  const t0 = Date.now();
  const text = await runCli(["--lang", "en", file, SEED000], { limits });
  const elapsed = Date.now() - t0;
  expect(text.code).toBe(2);
  const lines = text.err.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`${file}: error: `)).toBe(true);
  expect(text.out).toContain("自评表!A1:I24");
  const { doc } = await runJson(["--lang", "en", file, SEED000], { limits });
  expect(fileEntry(doc, file).forms).toEqual([]);
  expect(fileEntry(doc, file).error).toBe(lines[0].slice(`${file}: error: `.length));
  expect(fileEntry(doc, SEED000).forms).toHaveLength(1);
  return `${lines[0]} (${elapsed} ms)`;
}

describe("unreadable files: one line naming the file and the reason", () => {
  test("truncated zip (first 3000 bytes of seed000): corrupt, no central directory", async () => {
    const f = await writeTruncated(SEED000, path.join(dir, "truncated.xlsx"), 3000);
    expect(await refused(f)).toMatch(
      /the file is corrupt \(zip unreadable: end of central directory not found; the file may have been cut short in a download or copy\)/,
    );
    // In Chinese the reason is Chinese too, not the zip reader's English.
    const zh = await runCli([f]);
    expect(zh.err.trim()).toBe(
      `${f}: 错误: 文件已损坏（zip 无法读取：找不到 zip 的结尾目录，文件可能在下载或复制时被截断）`,
    );
  });

  test("password-protected workbook (an OLE2/CFB container with EncryptionInfo)", async () => {
    const f = await writeOle2(path.join(dir, "encrypted.xlsx"));
    expect(await refused(f)).toMatch(/password-protected \(encrypted\) or a legacy \.xls file/);
  });

  test(".xls renamed to .xlsx (BIFF in OLE2): told to save as .xlsx", async () => {
    const f = await writeRenamedXls(path.join(dir, "legacy.xlsx"));
    expect(await refused(f)).toMatch(/legacy \.xls file; save it as an unencrypted \.xlsx/);
  });

  test(".csv renamed to .xlsx", async () => {
    const f = await writeRenamedCsv(path.join(dir, "export.xlsx"));
    expect(await refused(f)).toMatch(/not an \.xlsx file \(it looks like text or CSV\)/);
  });

  test("empty file", async () => {
    const f = path.join(dir, "empty.xlsx");
    await fs.writeFile(f, "");
    expect(await refused(f)).toMatch(/the file is empty/);
  });

  test("random bytes", async () => {
    const f = path.join(dir, "random.xlsx");
    await fs.writeFile(f, Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 7 + 3) & 0xff)));
    expect(await refused(f)).toMatch(/not an \.xlsx file \(not a zip archive\)/);
  });

  test("a zip that is not a workbook (no xl/workbook.xml)", async () => {
    const f = path.join(dir, "document.xlsx");
    await fs.writeFile(
      f,
      buildZip([
        { name: "[Content_Types].xml", data: "<Types/>" },
        { name: "word/document.xml", data: "<w/>" },
      ]),
    );
    expect(await refused(f)).toMatch(/not an Excel workbook/);
  });

  test("a workbook whose sheet XML is broken", async () => {
    const f = path.join(dir, "broken-xml.xlsx");
    await fs.writeFile(
      f,
      minimalXlsx({
        data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></rw></sheetData></worksheet>`,
      }),
    );
    expect(await refused(f)).toMatch(/cannot be parsed/);
  });

  test("the Chinese message names the reason too (default --lang zh)", async () => {
    const f = await writeOle2(path.join(dir, "加密 文件.xlsx"));
    const run = await runCli([f]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${f}: 错误: 文件已加密（设置了打开密码）或是旧版 .xls 格式；请另存为不加密的 .xlsx\n`);
  });
});

describe("damaged files: each member read is checked against its CRC-32 and size (APPNOTE 6.3 §4.4.7–4.4.9)", () => {
  /** SEED000 with `change` applied to the deflated bytes of its sheet, in place (headers untouched). */
  async function damagedCopy(
    name: string,
    change: (data: Uint8Array) => void,
  ): Promise<{ file: string; member: ZipEntry }> {
    const bytes = new Uint8Array(await fs.readFile(SEED000));
    const member = readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    change(member.data);
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    return { file, member };
  }

  test("one flipped bit that still inflates to the stated size: the CRC-32 tells, one line naming the part, the other file checked", async () => {
    const original = new Uint8Array(await fs.readFile(SEED000));
    const sheet1 = readZip(original).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    // The first bit (from the middle on) whose flip leaves a stream of the same length: garbled text, same size.
    let flip = -1;
    let garbled = Buffer.alloc(0);
    for (let bit = sheet1.data.length * 4; flip < 0; bit++) {
      const data = Buffer.from(sheet1.data);
      data[bit >> 3] ^= 1 << (bit & 7);
      try {
        const out = zlib.inflateRawSync(data);
        if (out.length === sheet1.size) [flip, garbled] = [bit, out];
      } catch {
        // broken stream: another bit
      }
    }
    const { file } = await damagedCopy("flipped.xlsx", (data) => {
      data[flip >> 3] ^= 1 << (flip & 7);
    });
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    expect(await refused(file)).toContain(
      `error: the file is damaged (xl/worksheets/sheet1.xml: its CRC-32 is ${hex(crc32(garbled))}, not the stated ${hex(sheet1.crc)})`,
    );
    const zh = await runCli([file]);
    expect(zh.err).toBe(
      `${file}: 错误: 文件已损坏（xl/worksheets/sheet1.xml：CRC-32 校验值为 ${hex(crc32(garbled))}，与声明的 ${hex(sheet1.crc)} 不符）\n`,
    );
  });

  test("400 bytes zeroed inside the sheet's deflate data: damaged, not a zip bomb", async () => {
    const { file } = await damagedCopy("zeroed.xlsx", (data) => data.fill(0, 1000, 1400));
    const msg = await refused(file);
    expect(msg).toMatch(/error: the file is damaged \(xl\/worksheets\/sheet1\.xml/);
    expect(msg).not.toMatch(/bomb/);
  });
});

describe("zip bombs: refused before inflating (limits on uncompressed size and on cell count)", () => {
  test("1 GiB member (real deflate stream of zeros, ~1 MB) under the DEFAULT limits: refused by its stated size", async () => {
    const f = await writeZeroBomb(path.join(dir, "bomb-1g.xlsx"), 1 << 30);
    expect((await fs.stat(f)).size).toBeLessThan(2 << 20);
    const msg = await refused(f);
    expect(msg).toMatch(
      /uncompressed size 10737\d+ bytes exceeds the 419430400-byte limit; not read \(possible zip bomb\)/,
    );
  });

  test("3 GiB member: JSZip reads sizes ≥ 2 GiB as negative — still refused by its stated size, nothing inflated", async () => {
    const f = await writeZeroBomb(path.join(dir, "bomb-3g.xlsx"), 3 * 2 ** 30);
    const t0 = Date.now();
    const msg = await refused(f);
    expect(msg).toMatch(/uncompressed size 32212\d+ bytes exceeds the 419430400-byte limit/);
    // Inflating 3 GiB takes tens of seconds and gigabytes: refusing it takes milliseconds.
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test("a member whose headers understate its size (1 GiB of zeros claimed as 1000 bytes): stopped while streaming", async () => {
    const f = await writeUnderstatedBomb(path.join(dir, "bomb-liar.xlsx"), 1 << 30, 1000);
    const t0 = Date.now();
    expect(await refused(f)).toMatch(
      /zip member xl\/worksheets\/sheet1\.xml inflates to more than its stated 1000 bytes; not read \(possible zip bomb\)/,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test("a real workbook whose central directory states a huge size for its sheet (4 GB): refused", async () => {
    const f = await writeOverstatedCopy(
      SEED000,
      path.join(dir, "overstated.xlsx"),
      "xl/worksheets/sheet1.xml",
      0xfffffff0,
    );
    expect(await refused(f)).toMatch(/exceeds the 419430400-byte limit/);
  });

  test("the limits argument of main(): an 8 MiB bomb is refused under maxUncompressedBytes = 4 MiB, read past the size check under the default", async () => {
    const f = await writeZeroBomb(path.join(dir, "bomb-8m.xlsx"), 8 << 20);
    expect(await refused(f, { maxUncompressedBytes: 4 << 20 })).toMatch(
      /uncompressed size 83\d+ bytes exceeds the 4194304-byte limit/,
    );
    // Default limit: within size, so it gets to parsing (zeros are no XML) — a different, still one-line, reason.
    const other = await refused(f);
    expect(other).not.toMatch(/limit/);
    expect(other).toMatch(/cannot be parsed|corrupt/);
  });

  test("openPackage applies the limits it is given (a tiny workbook under a 100-byte limit)", () => {
    const buf = minimalXlsx({
      data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
    });
    expect(() => openPackage(buf, { ...DEFAULT_LIMITS, maxUncompressedBytes: 100 })).toThrow(WorkbookReadError);
    expect(openPackage(buf, DEFAULT_LIMITS).has("xl/workbook.xml")).toBe(true);
  });

  test("cell count, DEFAULT limit (5,000,000): a 14 MB sheet of 100,000 × 51 numbers is refused while it is read", async () => {
    // (Loading it with exceljs took ~95 s and 2.3 GB before this limit existed.)
    const f = await writeCellBomb(path.join(dir, "cells-5m.xlsx"), 100_000, 51);
    const run = await runCli(["--lang", "en", f]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `${f}: error: worksheet xl/worksheets/sheet1.xml has at least 5000001 cells with content (merged areas included), over the limit of 5000000; not read\n`,
    );
  }, 120_000);

  test("cell count, limits argument: a 200 × 30 sheet under maxCells = 5000 is refused; under 10000 it is read", async () => {
    const f = await writeCellBomb(path.join(dir, "cells-6000.xlsx"), 200, 30);
    expect(await refused(f, { maxCells: 5000 })).toMatch(
      /has at least 5001 cells with content \(merged areas included\), over the limit of 5000/,
    );
    // Read: a sheet of plain numbers holds no form, so the file's one finding is NO_FORM (exit 1).
    const ok = await runJson([f], { limits: { maxCells: 10_000 } });
    expect(ok.code).toBe(1);
    expect(ok.err).toBe("");
    expect(ok.doc.files.map((x) => [x.status, x.findings.map((y) => y.code)])).toEqual([["checked", ["NO_FORM"]]]);
  });

  test("cell count, limits argument on a real fixture: seed000 (24 × 9) under maxCells = 100", async () => {
    const run = await runCli(["--lang", "en", SEED000], { limits: { maxCells: 100 } });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/over the limit of 100/);
  });

  test("a merged area of the whole sheet (A1:XFD1048576) in a 1 KB file: refused by cell count (exceljs would materialise 17 billion cells)", async () => {
    const f = path.join(dir, "merge-bomb.xlsx");
    await fs.writeFile(
      f,
      minimalXlsx({
        data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
      }),
    );
    const t0 = Date.now();
    expect(await refused(f)).toMatch(/has at least 17179869185 cells/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test("a sheet spanning A1:XFD1048576 with two cells: read (two cells cost two cells, not 17 billion)", async () => {
    const f = await writeCornerSheet(path.join(dir, "corner.xlsx"));
    const run = await runCli(["--lang", "en", f]);
    expect(run.err).toBe("");
    // Read, and no form in it: the file-level NO_FORM (issue 10) is an error finding, exit 1.
    expect([run.code, /NO_FORM/.test(run.out)]).toEqual([1, true]);
  });

  test("a file over maxFileBytes (limits argument): seed002 (~40 KB) refused under 20000 bytes, seed000 (~9 KB) read", async () => {
    expect((await fs.stat(SEED000)).size).toBeLessThan(20_000);
    expect(await refused(SEED002, { maxFileBytes: 20_000 })).toMatch(/larger than the 20000-byte limit/);
  });
});

describe("file names with spaces, Chinese and ../ parts; annotated copies never escape --write DIR", () => {
  test("a PATH with spaces, Chinese and a ../ part is read and reported under the name given", async () => {
    const sub = path.join(dir, "names", "子 目录");
    await fs.mkdir(sub, { recursive: true });
    await fs.copyFile(SEED000, path.join(dir, "names", "科委 2021 自评表.xlsx"));
    const given = path.join(sub, "..", "科委 2021 自评表.xlsx");
    const out = path.join(dir, "names-out");
    const { code, doc } = await runJson(["--write", out, given]);
    expect(code).toBe(0);
    expect(doc.files[0].file).toBe(given);
    expect(formOf(doc, "自评表").total.stated).toBe("84.57");
    expect(await fs.readdir(out)).toEqual(["科委 2021 自评表.checked.xlsx"]);
  });

  test("a folder walk keeps nested names, inside DIR", async () => {
    const root = path.join(dir, "tree");
    await fs.mkdir(path.join(root, "a b", "中文 目录"), { recursive: true });
    await fs.copyFile(SEED000, path.join(root, "a b", "中文 目录", "表 一.xlsx"));
    const out = path.join(dir, "tree-out");
    expect((await runCli(["--write", out, root])).code).toBe(0);
    await expect(fs.stat(path.join(out, "a b", "中文 目录", "表 一.checked.xlsx"))).resolves.toBeTruthy();
  });

  test.each([
    ["../../evil.xlsx", "evil.checked.xlsx"],
    ["../../../etc/cron.d/x.xlsx", path.join("etc", "cron.d", "x.checked.xlsx")],
    ["/etc/passwd.xlsx", path.join("etc", "passwd.checked.xlsx")],
    ["a/../../b.xlsx", path.join("a", "b.checked.xlsx")],
    ["..\\..\\windows\\w.xlsx", path.join("windows", "w.checked.xlsx")],
    ["C:\\Users\\x\\y.xlsx", path.join("C_", "Users", "x", "y.checked.xlsx")],
    ["..", "workbook.checked.xlsx"],
    ["名 称/../../表.xlsx", path.join("名 称", "表.checked.xlsx")],
  ])("annotatedPath(DIR, %j) stays inside DIR: %s", (rel, expected) => {
    const root = path.join(dir, "write-root");
    const p = annotatedPath(root, rel, new Set());
    expect(p.startsWith(path.resolve(root) + path.sep)).toBe(true);
    expect(path.relative(root, p)).toBe(expected);
  });

  test("nothing is written outside DIR when inputs carry ../ parts", async () => {
    const base = path.join(dir, "escape");
    const deep = path.join(base, "x", "y");
    await fs.mkdir(deep, { recursive: true });
    await fs.copyFile(SEED000, path.join(base, "top.xlsx"));
    const out = path.join(deep, "out");
    const before = (await fs.readdir(base)).sort();
    const run = await runCli(["--write", out, path.join(deep, "..", "..", "top.xlsx")]);
    expect(run.code).toBe(0);
    expect((await fs.readdir(base)).sort()).toEqual(before);
    expect(await fs.readdir(out)).toEqual(["top.checked.xlsx"]);
  });
});

describe('formula-like text in cells (=HYPERLINK("http://x"), +cmd, @SUM(A1), -2+3) and a <script> name', () => {
  const HOSTILE = ['=HYPERLINK("http://x")', "+cmd", "@SUM(A1)", "-2+3"];
  let file: string;
  let out: string;

  beforeAll(async () => {
    // seed000 自评表 with text in reason cells (I14, I16, I17, I18), an actual (F17), weights (G16, G20)
    // and scores (H18, H19) — the last four give UNREADABLE_VALUE findings whose `found` starts = + @ -.
    file = await mutateWorkbook(
      SEED000,
      path.join(dir, "formula-text", "<img src=x onerror=alert(1)> 表.xlsx"),
      (wb) => {
        const ws = sheet(wb, "自评表");
        ws.getCell("B3").value = "<script>alert(1)</script>";
        ws.getCell("I14").value = HOSTILE[0];
        ws.getCell("I16").value = HOSTILE[1];
        ws.getCell("I17").value = HOSTILE[2];
        ws.getCell("I18").value = HOSTILE[3];
        ws.getCell("F17").value = HOSTILE[2];
        ws.getCell("G16").value = HOSTILE[0];
        ws.getCell("G20").value = HOSTILE[2];
        ws.getCell("H18").value = HOSTILE[1];
        ws.getCell("H19").value = HOSTILE[3];
      },
    );
    out = path.join(dir, "formula-text-out");
  });

  test("the texts are plain strings in the input (not formulas)", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toMatch(/<f>[^<]*(HYPERLINK|cmd|SUM\(A1\)|2\+3)/);
  });

  test("their findings carry the text as found (UNREADABLE_VALUE at G16, G20, H18, H19)", async () => {
    const { doc } = await runJson([file]);
    const form = formOf(doc, "自评表");
    expect(form.name).toBe("<script>alert(1)</script>");
    const found = new Map(form.findings.filter((f) => f.code === "UNREADABLE_VALUE").map((f) => [f.cell, f.found]));
    expect(found.get("G16")).toBe(HOSTILE[0]);
    expect(found.get("G20")).toBe(HOSTILE[2]);
    expect(found.get("H18")).toBe(HOSTILE[1]);
    expect(found.get("H19")).toBe(HOSTILE[3]);
  });

  test("the annotated copy never holds them as formulas: same strings, string cells, no <f> with them", async () => {
    const run = await runCli(["--write", out, file]);
    expect(run.code).toBe(1);
    // <>:"|?* are dropped from the copy's name (they are not portable).
    expect(await fs.readdir(out)).toEqual(["_img src=x onerror=alert(1)_ 表.checked.xlsx"]);
    const copyFile = path.join(out, "_img src=x onerror=alert(1)_ 表.checked.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copyFile);
    const ws = sheet(wb, "自评表");
    const cells: [string, string][] = [
      ["B3", "<script>alert(1)</script>"],
      ["I14", HOSTILE[0]],
      ["I16", HOSTILE[1]],
      ["I17", HOSTILE[2]],
      ["I18", HOSTILE[3]],
      ["F17", HOSTILE[2]],
      ["G16", HOSTILE[0]],
      ["G20", HOSTILE[2]],
      ["H18", HOSTILE[1]],
      ["H19", HOSTILE[3]],
    ];
    for (const [a, text] of cells) {
      expect({ a, value: ws.getCell(a).value, type: ws.getCell(a).type }).toEqual({
        a,
        value: text,
        type: ExcelJS.ValueType.String,
      });
    }
    const zip = await JSZip.loadAsync(await fs.readFile(copyFile));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).not.toMatch(/HYPERLINK|cmd|SUM\(A1\)|2\+3|http/);
    for (const [a] of cells) expect(new RegExp(`<c r="${a}"[^>]*t="s"`).test(xml)).toBe(true);
    // The flags' notes quote the text: in the comments part, as text.
    const comments = Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n));
    expect(comments.length).toBe(1);
    const notes = await zip.file(comments[0])!.async("string");
    expect(notes).toContain('分值“=HYPERLINK("http://x")”不是数字');
    expect(notes).not.toMatch(/<f[\s>]/);
  });

  test("HTML report: the <script> name, the file name and the found texts are escaped", async () => {
    const report = path.join(dir, "report.html");
    expect((await runCli(["--report", report, file, SEED002])).code).toBe(1);
    const html = await fs.readFile(report, "utf8");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; 表.xlsx");
    expect(html).toContain("=HYPERLINK(&quot;http://x&quot;)");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('"http://x"');
  });

  test("CSV report: every field starting = + - @ is prefixed with a quote; the texts survive otherwise", async () => {
    const report = path.join(dir, "report.csv");
    expect((await runCli(["--report", report, file])).code).toBe(1);
    const rows = parseCsv((await fs.readFile(report, "utf8")).replace(/^\ufeff/, ""));
    const fields = rows.flat();
    // A plain number (a negative 偏差) stays a number; anything else starting = + - @ is guarded.
    expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+(\.\d+)?$/.test(f))).toEqual([]);
    for (const h of HOSTILE) expect(fields).toContain(`'${h}`);
    expect(fields).toContain("<script>alert(1)</script>");
  });
});

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
