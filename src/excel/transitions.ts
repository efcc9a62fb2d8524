/**
 * What every WorkbookPort does to cells and records, whatever the host: which state each cell
 * goes to when the add-in flags, clears its flags, reverts or writes formulas, and how a sheet's
 * record (store.ts) changes with it. Host-neutral (no Office.js, no WPS API): the Office.js port
 * (office-port.ts) and the WPS port (src/wps/wps-port.ts) read the cells' current states their
 * own way, take the transitions from here, and apply them their own way.
 */
import type { Finding } from "../engine/checks";
import { buildPlan, flagsFor, type CellWrite } from "../engine/plan";
import { getPolicy, national } from "../engine/policy";
import type { Policy } from "../engine/types";
import type { Lang } from "../i18n/strings";
import { analyzeGrid, headerTexts } from "../layout/analyze";
import type { Grid } from "../layout/grid";
import { MappingError, parseMappingDoc, toMappingDoc, type MappingForm, type SheetMapping } from "../layout/mapping";
import { normFormula, sameFill, sameValue, textHash, type Aspect, type CellState, ALL_ASPECTS } from "./cell-state";
import { portError, PortError } from "./messages";
import type { FormulaStyle, KeptRecord, SheetAnalysis, WritePreview } from "./port";
import { emptyRecord, matchRecords, type SavedState, type SheetInfo, type SheetRecord, type Store } from "./store";

/** Fill colours of a flag by severity. */
export const FLAG_FILL = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;
/** Between a note that was there before and the findings we append to it. */
export const NOTE_SEPARATOR = "\n\n";

/** One cell to move from its current state to another, in the given aspects. */
export interface Transition {
  cell: string;
  from: CellState;
  to: CellState;
  aspects: readonly Aspect[];
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function normalizeNote(s: string): string {
  return s.replace(/\r\n?/g, "\n").trim();
}

/** Fingerprint of a note as we left it (line ends and outer blanks do not count). */
export function noteHash(s: string): string {
  return textHash(normalizeNote(s));
}

/** The stored policy; none, or one this version does not know, reads as national. */
export function policyOf(store: Store): Policy {
  try {
    return getPolicy(store.policy);
  } catch {
    return national;
  }
}

/** The stored mapping document by sheet; a damaged one is a MAPPING PortError. */
export function mappingDoc(store: Store): Map<string, SheetMapping> {
  if (store.mapping === undefined) return new Map();
  try {
    return parseMappingDoc(store.mapping);
  } catch (e) {
    if (e instanceof MappingError) throw new PortError("MAPPING", { zh: e.zh, en: e.en }, { cause: e });
    throw e;
  }
}

/**
 * The mapping document to store once `forms` are saved for `sheet` (no forms: the sheet's mapping
 * is forgotten; null: no document left). A damaged document is replaced by the one being saved.
 * What is returned reads back (parseMappingDoc), or this throws.
 */
export function mappingAfterSave(store: Store, sheet: string, forms: MappingForm[]): unknown | null {
  let doc: Map<string, SheetMapping>;
  try {
    doc = mappingDoc(store);
  } catch {
    doc = new Map();
  }
  if (forms.length) doc.set(sheet, { forms });
  else doc.delete(sheet);
  const json = toMappingDoc(doc);
  parseMappingDoc(clone(json));
  return doc.size ? json : null;
}

/** Analyze a sheet's grid with the stored policy and the sheet's stored mapping. */
export function analysisOf(grid: Grid, sheet: string, store: Store): SheetAnalysis {
  const res = analyzeGrid(grid, policyOf(store), mappingDoc(store).get(sheet));
  return {
    sheet: res.sheet,
    results: res.results,
    findings: res.findings,
    counts: res.counts,
    headerTexts: headerTexts(grid, res.results),
  };
}

/** Records of no sheet, as the caller reports them (kept in the workbook). */
export function keptOf(records: SheetRecord[], what: "flags" | "snap"): KeptRecord[] {
  return records.map((rec) => ({ sheet: rec.name, cells: Object.keys(rec[what]).length })).filter((k) => k.cells > 0);
}

/** A saved state as a full one: the aspects that were not saved are taken from `now`. */
export function completed(saved: SavedState, now: CellState): CellState {
  return {
    ...saved,
    fill: saved.fill === undefined ? now.fill : saved.fill,
    note: saved.note === undefined ? now.note : saved.note,
  };
}

/**
 * A sheet's record (found by id or by name, see matchRecords), a copy to change, and the records
 * map that saves it: under the sheet's id, its old key removed if it moved.
 */
export function recordFor(r: { store: Store; sheets: SheetInfo[]; id: string; name: string }): {
  rec: SheetRecord;
  save: (rec: SheetRecord) => Map<string, SheetRecord | null>;
} {
  const { matched, moved } = matchRecords(r.store, r.sheets);
  const found = matched.get(r.id);
  const rec = found ? clone(found) : emptyRecord(r.id, r.name);
  rec.name = r.name;
  const oldIds = [...moved].filter(([, to]) => to === r.id).map(([from]) => from);
  return {
    rec,
    save: (next) => new Map<string, SheetRecord | null>([...oldIds.map((id) => [id, null] as const), [r.id, next]]),
  };
}

/**
 * The cells Validate reads before flagging: those flagged before (to unflag) and those to flag now.
 */
export function flagCells(rec: SheetRecord, findings: Finding[], lang: Lang): string[] {
  const now = flagsFor(findings, lang).map((f) => f.cell);
  return [...new Set([...Object.keys(rec.flags), ...now])];
}

/**
 * Validate's transitions: every earlier flag of ours taken off (where the user did not change it
 * since), every finding's cell flagged (its severity's fill; its messages as a note, after the
 * note that was there, where the host has notes). `rec` is updated: the flags, and the first saved
 * state of every flagged cell.
 */
export function flagTransitions(
  rec: SheetRecord,
  cur: Map<string, CellState>,
  findings: Finding[],
  lang: Lang,
  notes: boolean,
): Transition[] {
  const newFlags = new Map(flagsFor(findings, lang).map((f) => [f.cell, f]));
  const out: Transition[] = [];
  for (const cell of flagCells(rec, findings, lang)) {
    const from = cur.get(cell)!;
    const base: CellState = { ...from };
    const old = rec.flags[cell];
    if (old) {
      if (sameFill(from.fill, old.fill)) base.fill = old.prevFill;
      if (old.noteHash !== undefined && from.note !== null && noteHash(from.note) === old.noteHash)
        base.note = old.prevNote;
      delete rec.flags[cell];
    }
    const to: CellState = { ...base };
    const nf = newFlags.get(cell);
    if (nf) {
      to.fill = FLAG_FILL[nf.severity];
      if (notes) to.note = base.note ? `${base.note}${NOTE_SEPARATOR}${nf.note}` : nf.note;
      rec.flags[cell] = {
        fill: to.fill,
        ...(notes ? { noteHash: noteHash(to.note!) } : {}),
        prevFill: base.fill,
        prevNote: base.note,
      };
      // The first saved state wins; a cell only written to before has its fill and note saved now.
      const saved = rec.snap[cell];
      rec.snap[cell] = saved ? completed(saved, base) : from;
    } else if (!rec.wrote.includes(cell)) {
      delete rec.snap[cell];
    }
    out.push({ cell, from, to, aspects: ["fill", "note"] });
  }
  return out;
}

/**
 * Clear flags' transitions on one sheet: each flag's fill and note back to what was there before,
 * where they are still ours (a re-coloured cell or an edited note is the user's). `rec` loses its
 * flags, and the saved states of cells that were only flagged.
 */
export function clearTransitions(rec: SheetRecord, cur: Map<string, CellState>): Transition[] {
  const out: Transition[] = [];
  for (const cell of Object.keys(rec.flags)) {
    const from = cur.get(cell)!;
    const flag = rec.flags[cell];
    const to: CellState = { ...from };
    if (sameFill(from.fill, flag.fill)) to.fill = flag.prevFill;
    if (flag.noteHash !== undefined && from.note !== null && noteHash(from.note) === flag.noteHash)
      to.note = flag.prevNote;
    out.push({ cell, from, to, aspects: ["fill", "note"] });
    if (!rec.wrote.includes(cell)) delete rec.snap[cell];
  }
  rec.flags = {};
  return out;
}

/**
 * Revert's transitions on one sheet: every cell the add-in wrote back to its first saved state in
 * every aspect; a cell it only flagged, in fill and note.
 */
export function revertTransitions(rec: SheetRecord, cur: Map<string, CellState>): Transition[] {
  const wrote = new Set(rec.wrote);
  return Object.keys(rec.snap).map((cell) => {
    const from = cur.get(cell)!;
    const saved = completed(rec.snap[cell], from);
    const to: CellState = wrote.has(cell) ? saved : { ...from, fill: saved.fill, note: saved.note };
    return { cell, from, to, aspects: wrote.has(cell) ? ALL_ASPECTS : (["fill", "note"] as const) };
  });
}

/**
 * Write formulas' transitions: each write's formula (or text) and number format. A cell that no
 * longer holds what the preview saw is a STALE_PREVIEW PortError (nothing is written). `rec`
 * saves each cell's first state and marks it written.
 */
/**
 * Write formulas, step one: the plan for `sheet` in `style` under the workbook's stored policy, and
 * the cells it would replace that hold typed numbers (written only after the user confirms).
 */
export function writePreview(
  sheet: string,
  grid: Grid,
  analysis: SheetAnalysis,
  style: FormulaStyle,
  lang: Lang,
  store: Store,
): WritePreview {
  const plan = buildPlan(sheet, grid, analysis.results, {
    target: "in-place",
    formulas: style,
    lang,
    policy: policyOf(store),
  });
  return { sheet, plan, needsConfirm: plan.writes.filter((w) => w.confirm), skipped: plan.skipped };
}

/** The writes a preview applies: all of them once confirmed, else those replacing nothing typed. */
export function writesToApply(preview: WritePreview, confirmed: boolean): CellWrite[] {
  return preview.plan.writes.filter((w) => confirmed || !w.confirm);
}

export function writeTransitions(writes: CellWrite[], rec: SheetRecord, states: Map<string, CellState>): Transition[] {
  return writes.map((w) => {
    const from = states.get(w.cell)!;
    const prevF = w.previous.formula ?? null;
    const changed =
      prevF !== null ? normFormula(from.f) !== prevF : from.f !== null || !sameValue(from.v, w.previous.value);
    if (changed) throw portError("STALE_PREVIEW", "ERR_STALE_PREVIEW", { cell: w.cell });
    const to: CellState = {
      ...from,
      f: w.formula ?? null,
      v: w.formula ? from.v : (w.text ?? null),
      n: w.numFmt ?? from.n,
    };
    if (!(w.cell in rec.snap)) rec.snap[w.cell] = from;
    if (!rec.wrote.includes(w.cell)) rec.wrote.push(w.cell);
    return { cell: w.cell, from, to, aspects: ["content", "format"] as const };
  });
}
