/**
 * Raw deflate by Node's native zlib, for the CLI: fast from the first call (no JavaScript
 * inflater to compile in a short-lived process), and zlib stops a stream the moment its output
 * would pass the cap (maxOutputLength), so a zip bomb is never inflated further. Members are
 * checked against their CRC-32 by zlib.crc32 (native; Node 20.15 and later, else the table one).
 */
import zlib from "zlib";
import type { Codec } from "../xlsx/zip";

export const zlibCodec: Codec = {
  inflate(data, cap) {
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1) });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === "ERR_BUFFER_TOO_LARGE" || e.name === "RangeError") return { kind: "over-cap" };
      return { kind: "corrupt", detail: e.message };
    }
    return out.length > cap ? { kind: "over-cap" } : new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  deflate: (data) => {
    const out = zlib.deflateRawSync(data, { level: 6 });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : undefined,
};
