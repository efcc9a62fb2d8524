/**
 * One cell's state as the add-in saves and restores it (content, number format, fill, note),
 * read in one batch for many cells and moved from one state to another with the fewest
 * Office.js operations. Every read is queued; the caller syncs once.
 */
import type { CellValue } from "../engine/types";

export interface CellState {
  /** The value (a formula cell's computed value); null for blank. */
  v: CellValue;
  /** "=…" or null. */
  f: string | null;
  /** Number format ("General" when none). */
  n: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** The cell's note, or null. */
  note: string | null;
}

/** What the host supports (Office.context.requirements). */
export interface Caps {
  /** Notes: ExcelApi 1.18. */
  notes: boolean;
  /** RangeFill.pattern (tells "no fill" from a white fill): ExcelApi 1.15. */
  fillPattern: boolean;
  /** Range.getMergedAreasOrNullObject: ExcelApi 1.13. */
  merges: boolean;
}

export type Aspect = "content" | "format" | "fill" | "note";
export const ALL_ASPECTS: readonly Aspect[] = ["content", "format", "fill", "note"];

/** "" (what Office gives for a blank cell) → null. */
export function normValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

export function normFormula(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

export function normFill(color: unknown, pattern: unknown, caps: Caps): string | null {
  if (caps.fillPattern && pattern === "None") return null;
  if (typeof color !== "string" || color === "") return null;
  const c = color.toUpperCase();
  // Without RangeFill.pattern a white fill cannot be told from no fill; "no fill" is the safer reading.
  if (!caps.fillPattern && c === "#FFFFFF") return null;
  return c;
}

export function sameFill(a: string | null, b: string | null): boolean {
  return (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return normValue(a) === normValue(b);
}

/** Queue the loads for the states of `cells` on `ws`; call the result after the sync. */
export function queueReadStates(
  ws: Excel.Worksheet,
  cells: readonly string[],
  caps: Caps,
): () => Map<string, CellState> {
  const pending = cells.map((cell) => {
    const r = ws.getRange(cell);
    r.load(["values", "formulas", "numberFormat"]);
    if (caps.fillPattern) r.format.fill.load(["color", "pattern"]);
    else r.format.fill.load("color");
    let note: Excel.Note | undefined;
    if (caps.notes) {
      note = ws.notes.getItemOrNullObject(cell);
      note.load("content");
    }
    return { cell, r, note };
  });
  return () => {
    const out = new Map<string, CellState>();
    for (const { cell, r, note } of pending) {
      out.set(cell, {
        v: normValue(r.values[0][0]),
        f: normFormula(r.formulas[0][0]),
        n: String(r.numberFormat[0][0] ?? "General") || "General",
        fill: normFill(r.format.fill.color, caps.fillPattern ? r.format.fill.pattern : undefined, caps),
        note: note && !note.isNullObject ? String(note.content ?? "") : null,
      });
    }
    return out;
  };
}

/**
 * Queue what turns `from` into `to` for the given aspects. Returns the number of operations
 * queued (0 when the cell already is as wanted).
 */
export function queueTransition(
  ws: Excel.Worksheet,
  cell: string,
  from: CellState,
  to: CellState,
  aspects: readonly Aspect[],
  caps: Caps,
): number {
  let ops = 0;
  let range: Excel.Range | undefined;
  const r = () => (range ??= ws.getRange(cell));
  if (aspects.includes("content")) {
    if (to.f !== null) {
      if (from.f !== to.f) {
        r().formulas = [[to.f]];
        ops++;
      }
    } else if (from.f !== null || !sameValue(from.v, to.v)) {
      r().values = [[to.v ?? ""]];
      ops++;
    }
  }
  if (aspects.includes("format") && from.n !== to.n) {
    r().numberFormat = [[to.n]];
    ops++;
  }
  if (aspects.includes("fill") && !sameFill(from.fill, to.fill)) {
    if (to.fill === null) r().format.fill.clear();
    else r().format.fill.color = to.fill;
    ops++;
  }
  if (caps.notes && aspects.includes("note") && from.note !== to.note) {
    if (from.note === null) ws.notes.add(r(), to.note ?? "");
    else if (to.note === null) ws.notes.getItem(cell).delete();
    else ws.notes.getItem(cell).content = to.note;
    ops++;
  }
  return ops;
}

/** A short stable fingerprint of a note's text (to recognise our own notes without storing them). */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, "0")}:${s.length}`;
}
