/**
 * Raw deflate in JavaScript (fflate), for where no native one can be called synchronously: a
 * browser or a Web Worker. Pure.
 */
import { deflateSync, Inflate, inflateSync } from "fflate";
import type { Codec, InflateFailure } from "./zip";

/** Members up to this many compressed bytes inflate in one call (at most 64 MiB of work if they lie). */
const SMALL = 1 << 16;

function inflate(data: Uint8Array, cap: number): Uint8Array | InflateFailure {
  // Deflate expands at most 1032:1 (a 258-byte match in 2 bits). A small member is inflated in
  // one call into a buffer that fits the most it could make (or the cap): past the buffer's end
  // nothing is kept, and a member that fills it has said more than it may.
  if (data.length <= SMALL) {
    const room = Math.min(cap, data.length * 1032) + 1;
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(room) });
    } catch (err) {
      // Copying a stored block past the buffer's end is a RangeError: the member overflowed it.
      if ((err as Error).name === "RangeError") return { kind: "over-cap" };
      return { kind: "corrupt", detail: (err as Error).message };
    }
    return out.length > cap ? { kind: "over-cap" } : out;
  }
  // A large member streams, pushed in steps of at most cap/1024 bytes: each push makes at most
  // about `cap` bytes, and the first that goes over stops it.
  const out = new Uint8Array(cap);
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (total + chunk.length > cap) over = true;
    else out.set(chunk, total);
    total += chunk.length;
  });
  const step = Math.max(SMALL, Math.ceil(cap / 1024));
  try {
    for (let off = 0; off < data.length && !over; off += step) {
      const end = Math.min(off + step, data.length);
      inflater.push(data.subarray(off, end), end === data.length);
    }
  } catch (err) {
    return { kind: "corrupt", detail: (err as Error).message };
  }
  return over ? { kind: "over-cap" } : out.subarray(0, total);
}

export const fflateCodec: Codec = {
  inflate,
  deflate: (data) => deflateSync(data, { level: 6 }),
};
