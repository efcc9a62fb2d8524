/**
 * Annotated copies are byte-for-byte the same from one run to the next (same input, same options):
 * nothing in them depends on the clock. Two things would: the document's created/modified dates
 * (docProps/core.xml) and each zip entry's DOS date and time. Both take one timestamp that comes
 * from the original workbook itself (copyTimestamp); restampZip sets every entry of a written
 * package to it. Whatever writes the copies (exceljs today, a part-level writer later) calls these
 * two and nothing else for time.
 */

/** 1980-01-01T00:00:00Z, the earliest time a zip entry can carry: for originals that state no date. */
export const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

const ZIP_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);

function usable(d: Date | undefined): d is Date {
  return (
    d instanceof Date && Number.isFinite(d.getTime()) && d.getTime() >= ZIP_EPOCH.getTime() && d.getTime() <= ZIP_MAX
  );
}

/**
 * The one time an annotated copy carries: the original's own last-modified date (docProps/core.xml
 * dcterms:modified), else its created date, else ZIP_EPOCH. Never the clock.
 */
export function copyTimestamp(modified?: Date, created?: Date): Date {
  if (usable(modified)) return modified;
  if (usable(created)) return created;
  return ZIP_EPOCH;
}

/** DOS time and date words (UTC, two-second resolution), as JSZip writes them. */
function dosStamp(when: Date): { time: number; date: number } {
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  return { time, date };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Sets the modification time of every entry of a zip package (central directory and local
 * headers) to `when`, in place, and returns the buffer. Throws when the buffer is not a zip whose
 * directory it can walk (the caller writes nothing then).
 */
export function restampZip(zip: Buffer, when: Date): Buffer {
  const { time, date } = dosStamp(when);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("restampZip: no end of central directory");
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new Error("restampZip: broken central directory");
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error("restampZip: broken local header");
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
