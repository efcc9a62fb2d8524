/**
 * Several annotated copies as one zip to download: each stored (a copy is already compressed),
 * under its workbook's folder path as the page knows it (a dropped folder's relative path), with
 * `-2`, `-3`… when two copies would share a name. Nothing is recompressed. Pure.
 */
import { annotatedName } from "../pipeline/annotate";
import { crc32 } from "../xlsx/zip";
import { writeZip } from "../xlsx/zip-write";
import { fflateCodec } from "../xlsx/fflate-codec";

export interface Copy {
  /** The workbook's name as the page shows it: a file name or a relative path with "/". */
  file: string;
  bytes: Uint8Array;
}

/** The member name of each copy: folders kept ("..", "." and empty parts dropped), names unique. */
export function copyNames(files: readonly string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const parts = file.split(/[\\/]+/).filter((p) => p && p !== "." && p !== "..");
    const base = parts.pop() ?? "workbook.xlsx";
    const dir = parts.length ? `${parts.join("/")}/` : "";
    let name = `${dir}${annotatedName(base)}`;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${dir}${annotatedName(base, i)}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A zip of the copies, each stored under its name from copyNames. */
export function zipOfCopies(copies: readonly Copy[]): Uint8Array {
  const names = copyNames(copies.map((c) => c.file));
  return writeZip(
    copies.map((c, i) => ({
      copy: {
        name: names[i],
        method: 0,
        flags: 0,
        crc: crc32(c.bytes),
        size: c.bytes.length,
        data: c.bytes,
        dosDate: 0,
        dosTime: 0,
      },
    })),
    fflateCodec,
  );
}
