/**
 * One cell's state as the add-in saves and restores it (content, number format, fill, note),
 * read in one batch for many cells and moved from one state to another with the fewest
 * Office.js operations. Every read is queued; the caller syncs once.
 */
import type { CellValue } from "../engine/types";
import { methodBytes, pathBytes, queryBytes, setPropertyBytes } from "./request-size";

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

/** What the host supports of the optional features (requirements.ts). */
export type { Caps } from "./requirements";
import type { Caps } from "./requirements";

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

const CONTENT_PROPS = ["values", "formulas", "numberFormat"];

/** Request bytes (an upper bound, see request-size.ts) of reading one cell's state. */
export function readStateBytes(cell: string, caps: Caps): number {
  let n = pathBytes("GetRange", [cell]) + queryBytes(CONTENT_PROPS);
  n += pathBytes("Format") + pathBytes("Fill") + queryBytes(caps.fillPattern ? ["color", "pattern"] : ["color"]);
  if (caps.notes) n += pathBytes("GetItemOrNullObject", [cell]) + queryBytes(["content"]);
  return n;
}

/**
 * Would Excel take this text for something else when it is written with Range.values into a cell
 * that is not formatted as text? A leading = + - makes a formula (Range.values reference);
 * numbers, percents, dates, times, currency amounts and TRUE/FALSE become values of their kind.
 * Errs on the side of yes: a yes only costs two number-format writes.
 */
export function excelWouldConvert(text: string): boolean {
  const t = text.trim();
  if (/^[-=+@]/.test(text) || /^[-=+]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return /\d/.test(t) && /^[-\d\s.,:/%$¥￥€£()+eE年月日时分秒]+$/.test(t);
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
 * Queue what turns `from` into `to` for the given aspects. Returns the request bytes queued (an
 * upper bound, see request-size.ts; 0 when the cell already is as wanted).
 *
 * Text is written so that Excel keeps it as text: into a cell that will not be text-formatted,
 * text Excel would convert (excelWouldConvert) goes in under a moment's "@" format, which is then
 * set back; and a number format changes before the value it governs is written.
 */
export function queueTransition(
  ws: Excel.Worksheet,
  cell: string,
  from: CellState,
  to: CellState,
  aspects: readonly Aspect[],
  caps: Caps,
): number {
  let bytes = 0;
  let range: Excel.Range | undefined;
  const r = () => {
    if (!range) {
      range = ws.getRange(cell);
      bytes += pathBytes("GetRange", [cell]);
    }
    return range;
  };
  const setFormat = (n: string) => {
    r().numberFormat = [[n]];
    bytes += setPropertyBytes("NumberFormat", [[n]]);
  };
  const format = aspects.includes("format") ? to.n : from.n;
  let formatDone = !aspects.includes("format") || from.n === to.n;
  if (aspects.includes("content")) {
    if (to.f !== null) {
      if (from.f !== to.f) {
        r().formulas = [[to.f]];
        bytes += setPropertyBytes("Formulas", [[to.f]]);
      }
    } else if (from.f !== null || !sameValue(from.v, to.v)) {
      const v = to.v ?? "";
      const guard = typeof v === "string" && v !== "" && format !== "@" && excelWouldConvert(v);
      if (guard) setFormat("@");
      else if (!formatDone) {
        setFormat(format);
        formatDone = true;
      }
      r().values = [[v]];
      bytes += setPropertyBytes("Values", [[v]]);
      if (guard) {
        setFormat(format);
        formatDone = true;
      }
    }
  }
  if (!formatDone) setFormat(format);
  if (aspects.includes("fill") && !sameFill(from.fill, to.fill)) {
    bytes += pathBytes("Format") + pathBytes("Fill");
    if (to.fill === null) {
      r().format.fill.clear();
      bytes += methodBytes("Clear");
    } else {
      r().format.fill.color = to.fill;
      bytes += setPropertyBytes("Color", to.fill);
    }
  }
  if (caps.notes && aspects.includes("note") && from.note !== to.note) {
    if (from.note === null) {
      ws.notes.add(r(), to.note ?? "");
      bytes += pathBytes("Add", [0, to.note ?? ""], 1);
    } else if (to.note === null) {
      ws.notes.getItem(cell).delete();
      bytes += pathBytes("", [cell]) + methodBytes("Delete");
    } else {
      ws.notes.getItem(cell).content = to.note;
      bytes += pathBytes("", [cell]) + setPropertyBytes("Content", to.note);
    }
  }
  return bytes;
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
