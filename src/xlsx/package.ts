/**
 * An .xlsx/.xlsm package opened safely: a one-line reason for anything that is not a readable
 * workbook, size limits checked before anything is inflated, and parts inflated only when asked
 * for, each under its stated size. Pure: bytes in (Uint8Array), no file system, no Node module.
 *
 * Errors: WorkbookReadError, its text in both languages from the string table (src/i18n).
 */
import { both } from "../i18n/strings";
import type { Params, StringKey } from "../i18n/strings";
import { inflateEntry, readZip, ZipEntry, ZipError, type Codec, type DamageCheck } from "./zip";

export interface ReadLimits {
  /** Largest file accepted, bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of the zip's members, as stated and as inflated, bytes. */
  maxUncompressedBytes: number;
  /** Largest sheet, in cells that hold a value or a formula, plus every cell of every merged area. */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxCells: 5_000_000,
};

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

/** "The file is damaged (member: which check failed)", in both languages. */
function damaged(member: string, check: DamageCheck): WorkbookReadError {
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  const detail =
    check.what === "crc"
      ? both("READ_DAMAGED_CRC", { stated: hex(check.stated), actual: hex(check.actual) })
      : check.what === "size"
        ? both("READ_DAMAGED_SIZE", { stated: check.stated, actual: check.actual })
        : both("READ_DAMAGED_OVERRUN", { stated: check.stated });
  return readError("READ_DAMAGED", { member, detail });
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 512);
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) return false;
  }
  return n > 0;
}

const utf8 = new TextDecoder("utf-8");

/** A part's bytes as text: UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const s = utf8.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * A workbook package: its zip members, and their contents inflated on demand. Part names compare
 * case-insensitively (ECMA-376 Part 2, §9.1.1.1.2).
 */
export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly inflated = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();

  constructor(
    readonly entries: readonly ZipEntry[],
    readonly limits: ReadLimits,
    /** How members are inflated (and a copy's new parts deflated). */
    readonly codec: Codec,
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /**
   * A member's content, inflated (once) under its stated size and checked against its stated size
   * and CRC-32. Throws WorkbookReadError when it inflates to far more than it states (a zip bomb),
   * does not inflate to what its headers state (damaged), or uses a method this tool cannot read.
   */
  bytes(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const done = this.inflated.get(e.name);
    if (done) return done;
    const got = inflateEntry(e, e.size, this.codec);
    if (!(got instanceof Uint8Array)) {
      if (got.kind === "over-cap") throw readError("READ_MEMBER_LIES", { member: e.name, size: e.size });
      if (got.kind === "method") throw readError("READ_METHOD", { member: e.name });
      if (got.kind === "damaged") throw damaged(e.name, got.check);
      throw readError("READ_MEMBER_CORRUPT", { member: e.name, detail: got.detail });
    }
    this.inflated.set(e.name, got);
    return got;
  }

  /** A member's content as text (see bytes()), decoded once. */
  text(name: string): string | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const done = this.texts.get(e.name);
    if (done !== undefined) return done;
    const s = decode(this.bytes(e.name)!);
    this.texts.set(e.name, s);
    // The text is what is read from here on: the bytes need not stay in memory too.
    this.inflated.delete(e.name);
    return s;
  }
}

/**
 * Open a package from its bytes: checks it is a workbook this tool can open, and that the sizes
 * its zip states are within `limits`; nothing is inflated yet. Throws WorkbookReadError with the
 * reason (empty, too big, encrypted or legacy .xls, text, not a zip, corrupt, not a workbook,
 * a possible zip bomb).
 */
export function openPackage(bytes: Uint8Array, limits: ReadLimits, codec: Codec): XlsxPackage {
  if (bytes.length === 0) throw readError("READ_EMPTY");
  if (bytes.length > limits.maxFileBytes) throw readError("READ_TOO_BIG", { limit: limits.maxFileBytes });
  if (bytes.length >= 8 && OLE2.every((b, i) => bytes[i] === b)) throw readError("READ_ENCRYPTED");
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw readError(looksLikeText(bytes) ? "READ_TEXT" : "READ_NOT_ZIP");
  }
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (e) {
    if (e instanceof ZipError)
      throw readError("READ_ZIP_CORRUPT", { detail: e.reason ? both(e.reason.key, e.reason.params) : e.message });
    throw e;
  }
  const pkg = new XlsxPackage(entries, limits, codec);
  if (!pkg.has("[Content_Types].xml") || !pkg.has("xl/workbook.xml")) throw readError("READ_NOT_WORKBOOK");
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > limits.maxUncompressedBytes) {
    throw readError("READ_BOMB_STATED", { total, limit: limits.maxUncompressedBytes });
  }
  return pkg;
}
