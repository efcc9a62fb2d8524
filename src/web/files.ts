/**
 * What the reviewer handed the page: files picked or dropped one by one, and every file under a
 * picked or dropped folder, each with the path the page shows (its name, or its path inside the
 * folder as the browser gives it: webkitRelativePath, or the dropped entry's fullPath) and what
 * will be done with it. Nothing handed over is dropped in silence: a file that will not be read is
 * listed with its reason.
 *
 * Decided by name as perf-check decides (src/pipeline/inputs.ts), with the same reasons:
 * - `.xlsx`, `.xlsm` are read;
 * - `.xls` (Excel 97-2003), `.et` (WPS), `.ods` need LibreOffice, which a browser does not have:
 *   listed as unreadable with what to do;
 * - in a folder, lock files (`~$…`), annotated copies (`*.checked.xlsx`) and other spreadsheet
 *   formats are listed as skipped, and files that are not spreadsheets at all are not listed;
 * - a file picked or dropped by itself is always tried (as a path named to perf-check).
 *
 * The batch is in code-point order of its paths, folder by folder (as perf-check lists a folder),
 * so the page's JSON lists files in the CLI's order.
 */
import { both } from "../i18n/strings";
import type { Bilingual } from "../i18n/strings";
import { extensionOf, folderFileAction, namedFileAction } from "../pipeline/inputs";

export type Action = "read" | "unreadable" | "skip";

export interface Picked {
  /** The path shown: a file name, or a relative path with "/" under the folder handed over. */
  path: string;
  file: File;
  /** True when the file itself was picked or dropped (not found in a folder). */
  explicit: boolean;
}

export interface Input extends Picked {
  action: Action;
  /** Why it is not read (unreadable or skipped), in both languages. */
  reason?: Bilingual;
}

/** What to do with one file; undefined: a file in a folder that is no spreadsheet (not listed). */
export function classify(p: Picked): Input | undefined {
  const name = p.path.slice(p.path.lastIndexOf("/") + 1);
  const what = p.explicit ? { action: namedFileAction(name) } : folderFileAction(name);
  if (!what) return undefined;
  if (what.action === "convert")
    return { ...p, action: "unreadable", reason: both("WEB_NEEDS_LIBREOFFICE", { ext: extensionOf(name) }) };
  return { ...p, action: what.action, reason: what.reason };
}

/** Code-point order (never the machine's locale), path segment by segment. */
export function byPath(a: string, b: string): number {
  const sa = a.split("/");
  const sb = b.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] === sb[i]) continue;
    // A folder's files and its subfolders interleave by name, as a sorted folder walk lists them.
    return codePoints(sa[i], sb[i]);
  }
  return sa.length - sb.length;
}

function codePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** The batch: classified, in path order, each path once (the first of a file handed over twice). */
export function batchOf(picked: readonly Picked[]): Input[] {
  const seen = new Set<string>();
  const out: Input[] = [];
  for (const p of [...picked].sort((a, b) => byPath(a.path, b.path))) {
    if (seen.has(p.path)) continue;
    seen.add(p.path);
    const c = classify(p);
    if (c) out.push(c);
  }
  return out;
}

/** Files from an `<input type="file">`: a folder picker's carry their relative path. */
export function fromFileList(list: FileList | readonly File[]): Picked[] {
  return Array.from(list, (file) => {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    return rel ? { path: rel, file, explicit: false } : { path: file.name, file, explicit: true };
  });
}

/** The parts of the drag-and-drop entries API the page uses (Chromium, Edge, Firefox, 360, QQ, Sogou). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (es: Entry[]) => void, fail: (e: unknown) => void): void };
}

function fileOf(e: Entry): Promise<File> {
  return new Promise((resolve, reject) => e.file!(resolve, reject));
}

/** Every entry of a folder: readEntries answers in batches until it answers none. */
async function children(e: Entry): Promise<Entry[]> {
  const reader = e.createReader!();
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(e: Entry, out: Picked[], unreadable: string[]): Promise<void> {
  if (e.isDirectory) {
    let list: Entry[];
    try {
      list = await children(e);
    } catch {
      unreadable.push(e.fullPath.replace(/^\//, ""));
      return;
    }
    for (const c of list) await walk(c, out, unreadable);
  } else if (e.isFile) {
    try {
      out.push({ path: e.fullPath.replace(/^\//, ""), file: await fileOf(e), explicit: false });
    } catch {
      unreadable.push(e.fullPath.replace(/^\//, ""));
    }
  }
}

/**
 * What was dropped: files by themselves (explicit), and every file under each dropped folder with
 * its path from the folder's name on. `unreadable`: paths the browser would not give the page.
 */
export async function fromDrop(data: DataTransfer): Promise<{ picked: Picked[]; unreadable: string[] }> {
  const picked: Picked[] = [];
  const unreadable: string[] = [];
  const items = Array.from(data.items ?? []).filter((i) => i.kind === "file");
  // Entries must be taken before the first await: the drop's data is gone after the event.
  const entries = items.map((i) => {
    const get = (i as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry;
    return { entry: get ? get.call(i) : null, file: i.getAsFile() };
  });
  if (entries.length === 0) return { picked: fromFileList(data.files), unreadable };
  for (const { entry, file } of entries) {
    if (entry?.isDirectory) await walk(entry, picked, unreadable);
    else if (file) picked.push({ path: file.name, file, explicit: true });
  }
  return { picked, unreadable };
}
