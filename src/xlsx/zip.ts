/**
 * The zip container of an .xlsx/.xlsm package: its members as the central directory states them,
 * inflated one at a time under a byte cap, and a package written back with unchanged members'
 * compressed bytes copied as they are. Pure: Uint8Array in and out, no Node module, so it runs
 * in a browser Web Worker too. Inflating and deflating are fflate's.
 *
 * The central directory is read here rather than through fflate's unzip: the limits need each
 * member's stated size before anything is inflated (a 3 GB member is refused, not allocated), an
 * inflater that stops as soon as a member proves bigger than it claims, and the compressed bytes
 * of members that are copied without being inflated at all.
 *
 * Errors: ZipError (a one-line reason); callers map it to their messages.
 */
import { Inflate, inflateSync, Zip, ZipDeflate, type ZipInputFile } from "fflate";

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
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
  if (eocd < 0) throw new ZipError("end of central directory not found");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, eocd - 20 + 8);
    if (at + 56 > n || u32(bytes, at) !== EOCD64) throw new ZipError("zip64 end of central directory not found");
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (cdOffset + cdSize > n) throw new ZipError("central directory beyond the end of the file");
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== CENTRAL) throw new ZipError("central directory entry corrupt");
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
    if (seen.has(name)) throw new ZipError(`two members named ${name}`);
    seen.add(name);
    if (offset + 30 > n || u32(bytes, offset) !== LOCAL) throw new ZipError(`local header of ${name} not found`);
    const start = offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
    if (start + csize > n) throw new ZipError(`${name} runs past the end of the file`);
    entries.push({ name, method, flags, crc, size, data: bytes.subarray(start, start + csize), dosDate, dosTime });
  }
  return entries;
}

/** Members up to this many compressed bytes inflate in one call (at most 64 MiB of work if they lie). */
const SMALL = 1 << 16;

/** Why a member could not be inflated within its cap. */
export type InflateFailure = { kind: "over-cap" } | { kind: "corrupt"; detail: string } | { kind: "method" };

/**
 * A member's content, inflated with at most `cap` bytes of output: a member that inflates to
 * more stops there ("over-cap", whatever its header says); the rest is never inflated.
 */
export function inflateEntry(e: ZipEntry, cap: number): Uint8Array | InflateFailure {
  if (e.flags & 1) return { kind: "method" };
  if (e.method === 0) return e.data.length > cap ? { kind: "over-cap" } : e.data;
  if (e.method !== 8) return { kind: "method" };
  // Deflate expands at most 1032:1 (a 258-byte match in 2 bits). A small member is inflated in
  // one call into a buffer that fits the most it could make (or the cap): past the buffer's end
  // nothing is kept, and a member that fills it has said more than it may.
  if (e.data.length <= SMALL) {
    const room = Math.min(cap, e.data.length * 1032) + 1;
    let out: Uint8Array;
    try {
      out = inflateSync(e.data, { out: new Uint8Array(room) });
    } catch (err) {
      // Copying a stored block past the buffer's end is a RangeError: the member overflowed it.
      if ((err as Error).name === "RangeError") return { kind: "over-cap" };
      return { kind: "corrupt", detail: (err as Error).message };
    }
    return out.length > cap ? { kind: "over-cap" } : out;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else chunks.push(chunk);
  });
  // Deflate expands at most ~1032:1, so a push of `step` bytes makes at most ~1032 × step bytes:
  // memory stays within about max(cap, 64 MiB) whatever the member claims.
  const step = Math.max(1 << 16, Math.ceil(cap / 1024));
  try {
    for (let off = 0; off < e.data.length && !over; off += step) {
      const end = Math.min(off + step, e.data.length);
      inflater.push(e.data.subarray(off, end), end === e.data.length);
    }
    if (e.data.length === 0) inflater.push(e.data, true);
  } catch (err) {
    return { kind: "corrupt", detail: (err as Error).message };
  }
  if (over) return { kind: "over-cap" };
  return concat(chunks);
}

/** The chunks as one array (the chunk itself when there is one). */
function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A member to write: an entry copied as it is (its compressed bytes), or new content deflated. */
export type ZipOutput = { copy: ZipEntry } | { name: string; content: Uint8Array; like?: ZipEntry };

/** 1980-01-01 00:00, the DOS epoch: the date of every new member, so two runs write the same bytes. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;

/** A Date for fflate's header writer that encodes back to exactly these DOS fields. */
function dosToDate(date: number, time: number): Date {
  const d = date || FIXED_DATE;
  return new Date(
    1980 + (d >> 9),
    Math.min(12, Math.max(1, (d >> 5) & 15)) - 1,
    Math.max(1, d & 31),
    (time >> 11) & 31,
    (time >> 5) & 63,
    (time & 31) * 2,
  );
}

/**
 * A zip of `members` in the given order. Copied entries keep their compressed bytes, CRC and
 * date; new content is deflated (level 6) and dated as the entry it replaces (`like`), or the DOS
 * epoch. Deterministic: the same members give the same bytes.
 */
export function writeZip(members: ZipOutput[]): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else out.push(chunk);
  });
  for (const m of members) {
    if ("copy" in m) {
      const e = m.copy;
      const file: ZipInputFile = {
        filename: e.name,
        compression: e.method,
        crc: e.crc,
        size: e.size,
        mtime: dosToDate(e.dosDate, e.dosTime),
      };
      zip.add(file);
      file.ondata!(null, e.data as Uint8Array<ArrayBuffer>, true);
    } else {
      const file = new ZipDeflate(m.name, { level: 6 });
      file.mtime = dosToDate(m.like?.dosDate ?? 0, m.like?.dosTime ?? 0);
      zip.add(file);
      file.push(m.content, true);
    }
  }
  zip.end();
  if (failure) throw new ZipError(failure.message);
  return concat(out);
}
