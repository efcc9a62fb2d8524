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
 * All settings are loaded with one `settings.load("items/key,items/value")`.
 */
import type { CellState } from "./cell-state";

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

export interface SheetRecord {
  v: 1;
  /** Worksheet id (stable across renames). */
  id: string;
  /** Sheet name when last written. */
  name: string;
  /** First saved state of every cell the add-in wrote or flagged (the first save wins). */
  snap: Record<string, CellState>;
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
): Map<string, unknown | null> {
  const out = new Map<string, unknown | null>();
  if (next.records) {
    for (const [id, rec] of next.records) {
      const value = rec && !isEmptyRecord(rec) ? JSON.stringify(rec) : "";
      const parts: string[] = [];
      for (let i = 0; i < value.length; i += CHUNK_CHARS) parts.push(value.slice(i, i + CHUNK_CHARS));
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

/** Queue the settings changes (null deletes; a key absent from `present` is not deleted). */
export function queueStoreWrites(
  wb: Excel.Workbook,
  diff: Map<string, unknown | null>,
  present: Map<string, unknown>,
): number {
  let n = 0;
  for (const [key, value] of diff) {
    if (value === null) {
      if (present.has(key)) {
        wb.settings.getItem(key).delete();
        n++;
      }
    } else {
      wb.settings.add(key, value as string);
      n++;
    }
  }
  return n;
}

/** The diff that puts the settings back as `before` from `now`. */
export function restoreDiff(before: Map<string, unknown>, now: Map<string, unknown>): Map<string, unknown | null> {
  const out = new Map<string, unknown | null>();
  for (const [k, v] of before) if (now.get(k) !== v) out.set(k, v);
  for (const k of now.keys()) if (!before.has(k)) out.set(k, null);
  return out;
}
