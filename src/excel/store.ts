/**
 * What the add-in keeps in the workbook, in workbook.settings (Excel.SettingCollection,
 * ExcelApi 1.4): per file and add-in, saved with the workbook, invisible to the user, and
 * written in the same batch as the cell changes it belongs to.
 *
 *   perf.policy               policy name
 *   perf.mapping              the MappingDoc JSON (src/layout/mapping.ts), every sheet by name
 *   perf.findings             {"name": "复核结果"}: the findings sheet this add-in created (notes fallback)
 *   perf.rec.<sheetId>.<i>    the sheet's record (revert snapshot + our flags), JSON cut in chunks
 *
 * A record is found by its sheet's id, or, when no sheet has that id any more (ids have been seen
 * to change when a file is opened in another Excel version), by the sheet name it was last saved
 * under (matchRecords). A record that matches no sheet is kept, never dropped, and reported.
 *
 * All settings are loaded with one `settings.load("items/key,items/value")`.
 */
import type { CellState } from "./cell-state";
import { methodBytes, pathBytes } from "./request-size";

export const KEY_POLICY = "perf.policy";
export const KEY_MAPPING = "perf.mapping";
export const KEY_FINDINGS = "perf.findings";
export const REC_PREFIX = "perf.rec.";
/** Characters per setting value; a record longer than this is split over several keys. */
export const CHUNK_CHARS = 100_000;

/** A flag this add-in put on a cell, and what was there before it. */
export interface FlagRecord {
  /** Our fill colour. */
  fill: string;
  /** textHash of the note as we left it (absent where notes are not supported). */
  noteHash?: string;
  prevFill: string | null;
  prevNote: string | null;
}

/** A saved cell state; fill and note are absent where they were not read (cells only written to). */
export type SavedState = Omit<CellState, "fill" | "note"> & Partial<Pick<CellState, "fill" | "note">>;

export interface SheetRecord {
  v: 1;
  /** Worksheet id (stable across renames). */
  id: string;
  /** Sheet name when last written. */
  name: string;
  /** First saved state of every cell the add-in wrote or flagged (the first save of each aspect wins). */
  snap: Record<string, SavedState>;
  /** Cells whose content or number format the add-in wrote. */
  wrote: string[];
  flags: Record<string, FlagRecord>;
}

export interface Store {
  /** Every perf.* setting as loaded (for rollback). */
  raw: Map<string, unknown>;
  policy?: string;
  mapping?: unknown;
  findings?: { name: string };
  records: Map<string, SheetRecord>;
  /** Keys whose content could not be read. */
  damaged: { key: string; detail: string }[];
}

export function emptyRecord(id: string, name: string): SheetRecord {
  return { v: 1, id, name, snap: {}, wrote: [], flags: {} };
}

export function isEmptyRecord(r: SheetRecord): boolean {
  return Object.keys(r.snap).length === 0 && Object.keys(r.flags).length === 0;
}

function recKey(id: string, i: number): string {
  return `${REC_PREFIX}${id}.${i}`;
}

function parseRecKey(key: string): { id: string; i: number } | null {
  if (!key.startsWith(REC_PREFIX)) return null;
  const rest = key.slice(REC_PREFIX.length);
  const dot = rest.lastIndexOf(".");
  if (dot <= 0) return null;
  const i = Number(rest.slice(dot + 1));
  return Number.isInteger(i) && i >= 0 ? { id: rest.slice(0, dot), i } : null;
}

function isRecord(x: unknown): x is SheetRecord {
  if (!x || typeof x !== "object") return false;
  const r = x as Partial<SheetRecord>;
  return (
    r.v === 1 &&
    typeof r.id === "string" &&
    typeof r.name === "string" &&
    !!r.snap &&
    typeof r.snap === "object" &&
    Array.isArray(r.wrote) &&
    !!r.flags &&
    typeof r.flags === "object"
  );
}

/** Build the Store from setting items (key → value). */
export function parseStore(items: Iterable<[string, unknown]>): Store {
  const store: Store = { raw: new Map(), records: new Map(), damaged: [] };
  const chunks = new Map<string, string[]>();
  for (const [key, value] of items) {
    if (!key.startsWith("perf.")) continue;
    store.raw.set(key, value);
    if (key === KEY_POLICY) {
      if (typeof value === "string" && value.trim()) store.policy = value.trim();
    } else if (key === KEY_MAPPING) {
      try {
        store.mapping = typeof value === "string" ? JSON.parse(value) : value;
      } catch (e) {
        store.damaged.push({ key, detail: (e as Error).message });
      }
    } else if (key === KEY_FINDINGS) {
      const o = (typeof value === "string" ? safeJson(value) : value) as { name?: unknown } | undefined;
      if (o && typeof o.name === "string") store.findings = { name: o.name };
    } else {
      const k = parseRecKey(key);
      if (!k) continue;
      const list = chunks.get(k.id) ?? [];
      list[k.i] = typeof value === "string" ? value : "";
      chunks.set(k.id, list);
    }
  }
  for (const [id, parts] of chunks) {
    const key = recKey(id, 0);
    let complete = true;
    for (let i = 0; i < parts.length; i++) if (parts[i] === undefined) complete = false;
    if (!complete) {
      store.damaged.push({ key, detail: "missing chunk" });
      continue;
    }
    try {
      const rec = JSON.parse(parts.join(""));
      if (!isRecord(rec)) throw new Error("not a sheet record");
      store.records.set(id, rec);
    } catch (e) {
      store.damaged.push({ key, detail: (e as Error).message });
    }
  }
  return store;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Queue the load of every setting; call the result after the sync. */
export function queueLoadStore(wb: Excel.Workbook): () => Store {
  const settings = wb.settings;
  settings.load("items/key,items/value");
  return () => parseStore(settings.items.map((s) => [s.key, s.value] as [string, unknown]));
}

/**
 * The settings that represent `next` (records by sheet id, findings sheet, policy, mapping),
 * as key → value, with null for a key to delete.
 */
export function storeDiff(
  before: Map<string, unknown>,
  next: {
    records?: Map<string, SheetRecord | null>;
    findings?: { name: string } | null;
    policy?: string;
    mapping?: unknown;
  },
  /** Characters a stored value may have (CHUNK_CHARS for workbook.settings; a host with smaller values passes its own). */
  chunkChars = CHUNK_CHARS,
): Map<string, unknown | null> {
  const out = new Map<string, unknown | null>();
  if (next.records) {
    for (const [id, rec] of next.records) {
      const value = rec && !isEmptyRecord(rec) ? JSON.stringify(rec) : "";
      const parts: string[] = [];
      for (let i = 0; i < value.length; i += chunkChars) parts.push(value.slice(i, i + chunkChars));
      parts.forEach((p, i) => out.set(recKey(id, i), p));
      for (const key of before.keys()) {
        const k = parseRecKey(key);
        if (k && k.id === id && k.i >= parts.length) out.set(key, null);
      }
    }
  }
  if (next.findings !== undefined) {
    if (next.findings === null) {
      if (before.has(KEY_FINDINGS)) out.set(KEY_FINDINGS, null);
    } else out.set(KEY_FINDINGS, JSON.stringify(next.findings));
  }
  if (next.policy !== undefined) out.set(KEY_POLICY, next.policy);
  if (next.mapping !== undefined) out.set(KEY_MAPPING, next.mapping === null ? null : JSON.stringify(next.mapping));
  // Drop writes that change nothing.
  for (const [k, v] of [...out]) {
    if (v === null ? !before.has(k) : before.get(k) === v) out.delete(k);
  }
  return out;
}

/**
 * The settings changes (null deletes; a key absent from `present` is not deleted), one queuing
 * step each, to be run in order; each returns the request bytes it queued (request-size.ts).
 */
export function storeWrites(
  wb: Excel.Workbook,
  diff: Map<string, unknown | null>,
  present: Map<string, unknown>,
): (() => number)[] {
  const out: (() => number)[] = [];
  for (const [key, value] of diff) {
    if (value === null) {
      if (present.has(key))
        out.push(() => {
          wb.settings.getItem(key).delete();
          return pathBytes("", [key]) + methodBytes("Delete");
        });
    } else
      out.push(() => {
        wb.settings.add(key, value as string);
        return pathBytes("Add", [key, value]);
      });
  }
  return out;
}

/** Sheets as the workbook lists them now. */
export interface SheetInfo {
  name: string;
  id: string;
}

/**
 * Each record with the sheet it belongs to: the sheet with its id, else (no sheet has that id) the
 * sheet with the name it was saved under, if no other record holds that sheet by id. `matched` is
 * keyed by the sheet's current id; `moved` lists the stored ids whose records now belong to a
 * sheet with another id; `unmatched` are the records of no sheet, to be kept.
 */
export function matchRecords(
  store: Store,
  sheets: SheetInfo[],
): { matched: Map<string, SheetRecord>; moved: Map<string, string>; unmatched: SheetRecord[] } {
  const ids = new Set(sheets.map((s) => s.id));
  const matched = new Map<string, SheetRecord>();
  const moved = new Map<string, string>();
  const unmatched: SheetRecord[] = [];
  for (const [id, rec] of store.records) if (ids.has(id)) matched.set(id, rec);
  for (const [id, rec] of store.records) {
    if (ids.has(id)) continue;
    const sheet = sheets.find((s) => s.name === rec.name);
    if (sheet && !matched.has(sheet.id)) {
      matched.set(sheet.id, { ...rec, id: sheet.id });
      moved.set(id, sheet.id);
    } else unmatched.push(rec);
  }
  return { matched, moved, unmatched };
}

/** The diff that puts the settings back as `before` from `now`. */
export function restoreDiff(before: Map<string, unknown>, now: Map<string, unknown>): Map<string, unknown | null> {
  const out = new Map<string, unknown | null>();
  for (const [k, v] of before) if (now.get(k) !== v) out.set(k, v);
  for (const k of now.keys()) if (!before.has(k)) out.set(k, null);
  return out;
}
