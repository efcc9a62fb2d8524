/**
 * Writing a package back: members in order, unchanged ones with their compressed bytes, CRC and
 * date copied as they are (never inflated, never recompressed), new content deflated by the
 * codec. The container is fflate's Zip. Pure; loaded only to write annotated copies.
 */
import { Zip, type ZipInputFile } from "fflate";
import { crc32, ZipError, type Codec, type ZipEntry } from "./zip";

/** A member to write: an entry copied as it is (its compressed bytes), or new content to deflate. */
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

/** The chunks as one array. */
function concat(chunks: Uint8Array[]): Uint8Array {
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

/**
 * A zip of `members` in the given order. Copied entries keep their compressed bytes, CRC and
 * date; new content is deflated by `codec` and dated as the entry it replaces (`like`), or the
 * DOS epoch. Deterministic: the same members give the same bytes (no clock is read).
 */
export function writeZip(members: ZipOutput[], codec: Codec): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else out.push(chunk);
  });
  for (const m of members) {
    const e = "copy" in m ? m.copy : undefined;
    const data = e ? e.data : codec.deflate((m as { content: Uint8Array }).content);
    const like = e ?? (m as { like?: ZipEntry }).like;
    const file: ZipInputFile = {
      filename: e ? e.name : (m as { name: string }).name,
      compression: e ? e.method : 8,
      crc: e ? e.crc : crc32((m as { content: Uint8Array }).content),
      size: e ? e.size : (m as { content: Uint8Array }).content.length,
      mtime: dosToDate(like?.dosDate ?? 0, like?.dosTime ?? 0),
    };
    zip.add(file);
    file.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw new ZipError(failure.message);
  return concat(out);
}
