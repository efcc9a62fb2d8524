/**
 * The zip container of an .xlsx/.xlsm package: its members as the central directory states them,
 * and each inflated under a byte cap by a Codec. Pure: Uint8Array in and out, no Node module, so
 * it runs in a browser Web Worker too. The codec is the caller's: fflate's (src/xlsx/fflate-codec.ts,
 * for browsers) or Node's native zlib (src/cli/zlib-codec.ts), which a short-lived CLI process
 * runs without first compiling a JavaScript inflater. Writing: src/xlsx/zip-write.ts.
 *
 * The central directory is read here rather than through fflate's unzip: the limits need each
 * member's stated size before anything is inflated (a 3 GB member is refused, not allocated), an
 * inflater that stops as soon as a member proves bigger than it claims, and the compressed bytes
 * of members that are copied without being inflated at all.
 *
 * Errors: ZipError (a one-line reason in English, and its string-table key for the user's
 * language); callers map it to their messages.
 */
import type { Params, StringKey } from "../i18n/strings";

export class ZipError extends Error {
  /** The reason as a string-table key and its parameters (src/i18n), when the zip reader gave one. */
  readonly reason?: { key: StringKey; params: Params };
  constructor(message: string, key?: StringKey, params: Params = {}) {
    super(message);
    this.name = "ZipError";
    if (key) this.reason = { key, params };
  }
}

/** One member of a zip, as its central directory entry states it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  crc: number;
  /** Uncompressed size as stated (zip64 sizes included), bytes. */
  size: number;
  /** The member's stored bytes (a view into the archive, nothing copied). */
  data: Uint8Array;
  /** MS-DOS date and time fields of the entry, kept for copies. */
  dosDate: number;
  dosTime: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, i: number): number {
  // Sizes beyond 2^53 are bombs anyway: Number keeps them "too big".
  return u32(b, i) + u32(b, i + 4) * 2 ** 32;
}

const utf8 = new TextDecoder("utf-8");

/**
 * The members of a zip, from its central directory (zip64 included), in directory order.
 * Nothing is inflated. Throws ZipError for an archive that is cut short or inconsistent, and for
 * two members with the same name (readers would disagree on which one counts).
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("end of central directory not found", "ZIP_NO_END");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, eocd - 20 + 8);
    if (at + 56 > n || u32(bytes, at) !== EOCD64) throw new ZipError("zip64 end of central directory not found", "ZIP_NO_END64");
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (cdOffset + cdSize > n) throw new ZipError("central directory beyond the end of the file", "ZIP_DIRECTORY_PAST_END");
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== CENTRAL) throw new ZipError("central directory entry corrupt", "ZIP_DIRECTORY_CORRUPT");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const dosTime = u16(bytes, p + 12);
    const dosDate = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let csize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let offset = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information (APPNOTE 4.5.3): only the fields whose 32-bit value is 0xFFFFFFFF, in order.
    for (let e = p + 46 + nameLen, end = e + extraLen; e + 4 <= end; e += 4 + u16(bytes, e + 2)) {
      if (u16(bytes, e) !== 0x0001) continue;
      let f = e + 4;
      if (size === 0xffffffff) {
        size = u64(bytes, f);
        f += 8;
      }
      if (csize === 0xffffffff) {
        csize = u64(bytes, f);
        f += 8;
      }
      if (offset === 0xffffffff) offset = u64(bytes, f);
      break;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith("/") && size === 0) continue; // a folder entry
    if (seen.has(name)) throw new ZipError(`two members named ${name}`, "ZIP_TWO_MEMBERS", { name });
    seen.add(name);
    if (offset + 30 > n || u32(bytes, offset) !== LOCAL) throw new ZipError(`local header of ${name} not found`, "ZIP_NO_LOCAL_HEADER", { name });
    const start = offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
    if (start + csize > n) throw new ZipError(`${name} runs past the end of the file`, "ZIP_MEMBER_PAST_END", { name });
    entries.push({ name, method, flags, crc, size, data: bytes.subarray(start, start + csize), dosDate, dosTime });
  }
  return entries;
}

/**
 * Why a member could not be read. "over-cap": it inflates past the cap with a deflate stream still
 * valid well beyond its stated size (a zip bomb); "corrupt": the deflate stream is invalid; "damaged":
 * the stream inflates, but not to the member its headers state (APPNOTE 6.3 §4.4.7–4.4.9: the CRC-32
 * and the uncompressed size), e.g. a flipped bit; "method": encrypted or not deflate/stored.
 */
export type InflateFailure =
  | { kind: "over-cap" }
  | { kind: "corrupt"; detail: string }
  | { kind: "damaged"; check: DamageCheck }
  | { kind: "method" };

/** Which of a member's stated facts its inflated content contradicts. */
export type DamageCheck =
  | { what: "crc"; stated: number; actual: number }
  | { what: "size"; stated: number; actual: number }
  /** It inflated past its stated size, then its stream ended or broke within twice that size. */
  | { what: "overrun"; stated: number };

/**
 * Raw deflate (RFC 1951) both ways. `inflate` never makes more than `cap` bytes: a stream that
 * would is "over-cap", however few bytes it takes (a zip bomb), and stops there. `crc32`, where
 * given, is a faster CRC-32 than this module's table one (Node's native zlib.crc32).
 */
export interface Codec {
  inflate(data: Uint8Array, cap: number): Uint8Array | InflateFailure;
  deflate(data: Uint8Array): Uint8Array;
  crc32?(data: Uint8Array): number;
}

/**
 * A member's content, inflated with at most `cap` bytes of output and checked against its headers:
 * its size and CRC-32 must be the ones stated, else "damaged". A member that inflates to more than
 * the cap stops there; when the cap is its stated size, it is inflated once more under twice that
 * size (plus 64 KiB) to tell damage from a bomb: a stream that ends or breaks by then is "damaged"
 * (a flipped bit can make a valid-looking stream run a little long), one still going is "over-cap".
 * The rest is never inflated.
 */
export function inflateEntry(e: ZipEntry, cap: number, codec: Codec): Uint8Array | InflateFailure {
  if (e.flags & 1) return { kind: "method" };
  let out: Uint8Array | InflateFailure;
  if (e.method === 0) out = e.data.length > cap ? { kind: "over-cap" } : e.data;
  else if (e.method !== 8) return { kind: "method" };
  else out = codec.inflate(e.data, cap);
  if (!(out instanceof Uint8Array)) {
    if (out.kind !== "over-cap" || e.method !== 8 || cap < e.size) return out;
    const again = codec.inflate(e.data, 2 * e.size + (1 << 16));
    if (again instanceof Uint8Array || again.kind === "corrupt") {
      return { kind: "damaged", check: { what: "overrun", stated: e.size } };
    }
    return out;
  }
  if (out.length !== e.size) return { kind: "damaged", check: { what: "size", stated: e.size, actual: out.length } };
  const crc = codec.crc32 ? codec.crc32(out) : crc32(out);
  if (crc !== e.crc) return { kind: "damaged", check: { what: "crc", stated: e.crc, actual: crc } };
  return out;
}

let CRC_TABLE: Int32Array | undefined;

/** CRC-32 (ISO 3309, as zip uses it) of `data`. */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
