/**
 * Editing one worksheet part in place: new cells (the review columns) go into their rows in
 * column order, flagged cells get a style id of their own, and, when the sheet gains its first
 * notes, a `<legacyDrawing>` element at its place in the schema's order. Every other byte of
 * the part is kept. Pure.
 *
 * Time is one tokenizer pass over the part; memory holds only the rows that change, so a sheet
 * of 4 million styled empty cells or a validation over whole columns costs its text, no more.
 *
 * Source: ECMA-376 Part 1 §18.3.1.99 (worksheet's children and their order), §18.3.1.73 (row:
 * r, spans, s, customFormat), §18.3.1.4 (c: r, s, t; f, v, is).
 */
import { parseRange } from "../layout/grid";
import { applyEdits, prefixOf, setAttributes, tagName, type TextEdit } from "./edit";
import { columnToLetters } from "./formats";
import type { StyleChange, StyleSheetEditor } from "./styles";
import { parsePart, REL_NS } from "./workbook";
import { escapeAttr } from "./xml";

/** A cell to write. `body` is its content after the start tag's attributes (t=…, <f>, <v>, <is>). */
export interface NewCell {
  row: number;
  col: number;
  /** ` t="str"` or "" */
  typeAttr: string;
  /** The element's children, prefix-free (`<f>…</f><v>…</v>`): the editor adds the sheet's prefix. */
  content: string;
  style?: StyleChange;
}

/** A cell to flag: its own format gains the fill. */
export interface FlagCell {
  row: number;
  col: number;
  fill: string;
}

interface RowInfo {
  row: number;
  start: number;
  end: number;
  selfClosing: boolean;
  closeAt: number;
  cells: CellInfo[];
}

interface CellInfo {
  col: number;
  start: number;
  tagEnd: number;
  end: number;
  hasRef: boolean;
  style: number;
}

/** The worksheet's children that come after legacyDrawing (ECMA-376 Part 1 §18.3.1.99). */
const AFTER_LEGACY_DRAWING = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

export class SheetEditor {
  private readonly xml: string;
  private prefix = "";
  private relPrefix: string | undefined;
  private readonly rows: RowInfo[] = [];
  private readonly colStyles: { min: number; max: number; style: number }[] = [];
  /** Styles of target rows that carry one (customFormat). */
  private readonly rowStyles = new Map<number, number>();
  private readonly topChildren: { name: string; start: number }[] = [];
  private rootClose = 0;
  private dimension: { start: number; end: number; ref: string } | undefined;
  private sheetData: { start: number; end: number; selfClosing: boolean; closeAt: number } | undefined;
  /** The r:id of the sheet's <legacyDrawing>, if it has one. */
  readonly legacyDrawingId: string | undefined;

  /** Parse the part, keeping the detail of `targetRows` (0-based) only. */
  constructor(
    readonly part: string,
    xml: string,
    targetRows: ReadonlySet<number>,
  ) {
    this.xml = xml;
    let depth = 0;
    let inSheetData = false;
    let inCols = false;
    let row: RowInfo | undefined;
    let rowNo = -1;
    let col = -1;
    let cell: CellInfo | undefined;
    let legacy: string | undefined;
    parsePart(part, xml, {
      open: (name, tok, start, end, selfClosing) => {
        depth++;
        if (depth === 1) {
          this.prefix = prefixOf(tagName(xml, start));
          for (const [k, v] of tok.attributes())
            if (v === REL_NS && k.startsWith("xmlns:")) this.relPrefix ??= k.slice(6);
        } else if (depth === 2) {
          this.topChildren.push({ name, start });
          if (name === "sheetData") {
            this.sheetData = { start, end, selfClosing, closeAt: end };
            inSheetData = !selfClosing;
          } else if (name === "dimension") {
            const ref = tok.attr("ref");
            if (ref) this.dimension = { start, end, ref };
          } else if (name === "cols") inCols = !selfClosing;
          else if (name === "legacyDrawing") legacy = tok.attrLocal("id");
        } else if (depth === 3 && inCols && name === "col") {
          const min = Number(tok.attr("min"));
          const max = Number(tok.attr("max"));
          const style = Number(tok.attr("style") ?? 0);
          if (style && Number.isInteger(min) && Number.isInteger(max)) this.colStyles.push({ min, max, style });
        } else if (depth === 3 && inSheetData && name === "row") {
          const r = Number(tok.attr("r"));
          rowNo = Number.isInteger(r) && r >= 1 ? r - 1 : rowNo + 1;
          col = -1;
          row = undefined;
          if (targetRows.has(rowNo)) {
            row = { row: rowNo, start, end, selfClosing, closeAt: end, cells: [] };
            const s = tok.attr("s");
            const custom = tok.attr("customFormat");
            if (s !== undefined && (custom === "1" || custom === "true")) this.rowStyles.set(rowNo, Number(s) || 0);
          }
          // Only the rows that change are kept, and every row's position (for inserting new ones).
          this.rows.push(row ?? { row: rowNo, start, end, selfClosing, closeAt: end, cells: [] });
        } else if (depth === 4 && row && name === "c") {
          // Cells are looked at only in the rows that change.
          const ref = tok.attr("r");
          const box = ref ? parseRange(ref) : null;
          col = box ? box.left : col + 1;
          cell = { col, start, tagEnd: end, end, hasRef: !!box, style: Number(tok.attr("s") ?? 0) || 0 };
          row.cells.push(cell);
        }
        if (selfClosing) depth--;
      },
      close: (name, start, end) => {
        if (start === end) return;
        if (depth === 4 && cell && name === "c") {
          cell.end = end;
          cell = undefined;
        } else if (depth === 3 && inSheetData && name === "row") {
          this.rows[this.rows.length - 1].closeAt = start;
          row = undefined;
        } else if (depth === 2) {
          if (name === "sheetData" && this.sheetData) {
            this.sheetData.closeAt = start;
            inSheetData = false;
          } else if (name === "cols") inCols = false;
        } else if (depth === 1) this.rootClose = start;
        depth--;
      },
    });
    this.legacyDrawingId = legacy;
  }

  /** The format a cell without an element of its own shows: its row's, else its column's, else 0. */
  private baseStyle(row: number, col: number): number {
    const r = this.rowStyles.get(row);
    if (r !== undefined) return r;
    return this.colStyles.find((c) => c.min <= col + 1 && col + 1 <= c.max)?.style ?? 0;
  }

  private cellXml(ref: string, style: number, typeAttr: string, content: string): string {
    const p = this.prefix;
    const s = style ? ` s="${style}"` : "";
    if (!content) return `<${p}c r="${ref}"${s}${typeAttr}/>`;
    const body = p ? content.replace(/<(\/?)(?=[a-z])/g, `<$1${p}`) : content;
    return `<${p}c r="${ref}"${s}${typeAttr}>${body}</${p}c>`;
  }

  /**
   * The part with `cells` written (into cells with no content: an existing empty element is
   * replaced, its format kept as the base of the new one), `flags` applied, and, if
   * `legacyDrawingRelId` is given and the sheet has no <legacyDrawing>, one inserted.
   */
  text(cells: NewCell[], flags: FlagCell[], styles: StyleSheetEditor, legacyDrawingRelId?: string): string {
    const edits: TextEdit[] = [];
    const p = this.prefix;
    type Change = { col: number; cell?: NewCell; flag?: FlagCell };
    const byRow = new Map<number, Map<number, Change>>();
    const change = (row: number, col: number) => {
      let m = byRow.get(row);
      if (!m) byRow.set(row, (m = new Map()));
      let c = m.get(col);
      if (!c) m.set(col, (c = { col }));
      return c;
    };
    for (const c of cells) change(c.row, c.col).cell = c;
    for (const f of flags) change(f.row, f.col).flag = f;
    let box = this.dimension ? parseRange(this.dimension.ref) : null;

    const rowsByNo = new Map(this.rows.map((r) => [r.row, r]));
    const newRows = new Map<number, string[]>(); // insertion offset → new rows' text
    for (const rowNo of [...byRow.keys()].sort((a, b) => a - b)) {
      const changes = [...byRow.get(rowNo)!.values()].sort((a, b) => a.col - b.col);
      const info = rowsByNo.get(rowNo);
      const ref = (col: number) => `${columnToLetters(col + 1)}${rowNo + 1}`;
      const newCellText = (ch: Change, base: number) => {
        const style =
          ch.cell?.style || ch.flag
            ? styles.derive(base, { ...ch.cell?.style, ...(ch.flag ? { fill: ch.flag.fill } : {}) })
            : base;
        return this.cellXml(ref(ch.col), style, ch.cell?.typeAttr ?? "", ch.cell?.content ?? "");
      };
      for (const ch of changes) {
        if (!box) continue;
        box = {
          top: Math.min(box.top, rowNo),
          bottom: Math.max(box.bottom, rowNo),
          left: Math.min(box.left, ch.col),
          right: Math.max(box.right, ch.col),
        };
      }
      if (!info) {
        const text = `<${p}row r="${rowNo + 1}">${changes.map((ch) => newCellText(ch, this.baseStyle(rowNo, ch.col))).join("")}</${p}row>`;
        const next = this.rows.find((r) => r.row > rowNo);
        const at = next ? next.start : this.sheetData ? this.sheetData.closeAt : -1;
        if (at < 0) throw new Error(`${this.part}: no <sheetData>`);
        newRows.set(at, [...(newRows.get(at) ?? []), text]);
        continue;
      }
      const existing = new Map(info.cells.map((c) => [c.col, c]));
      const inserts = new Map<number, string[]>(); // offset → cells inserted there
      const retag = new Map<CellInfo, Record<string, string>>();
      for (const ch of changes) {
        const cur = existing.get(ch.col);
        if (cur && ch.cell) {
          // An element with no content (the plan writes only into empty cells): replaced, its format the base.
          edits.push({ start: cur.start, end: cur.end, text: newCellText(ch, cur.style) });
        } else if (cur && ch.flag) {
          retag.set(cur, { ...retag.get(cur), s: String(styles.derive(cur.style, { fill: ch.flag.fill })) });
        } else {
          const next = info.cells.find((c) => c.col > ch.col);
          const at = next ? next.start : info.selfClosing ? -1 : info.closeAt;
          inserts.set(at, [...(inserts.get(at) ?? []), newCellText(ch, this.baseStyle(rowNo, ch.col))]);
          // A following cell without r="…" takes its column from its predecessor: name it.
          if (next && !next.hasRef) retag.set(next, { ...retag.get(next), r: ref(next.col) });
        }
      }
      for (const [cur, attrs] of retag) {
        if (existing.get(cur.col) && changes.some((c) => c.col === cur.col && c.cell)) continue;
        edits.push({
          start: cur.start,
          end: cur.tagEnd,
          text: setAttributes(this.xml.slice(cur.start, cur.tagEnd), attrs),
        });
      }
      // The row's start tag: spans widened to the new cells; a self-closing row opened.
      let open = this.xml.slice(info.start, info.end);
      const spans = /\sspans\s*=\s*["'](\d+):(\d+)["']/.exec(open);
      if (spans) {
        const lo = Math.min(Number(spans[1]), changes[0].col + 1);
        const hi = Math.max(Number(spans[2]), changes[changes.length - 1].col + 1);
        if (lo !== Number(spans[1]) || hi !== Number(spans[2])) open = setAttributes(open, { spans: `${lo}:${hi}` });
      }
      const tail = inserts.get(-1);
      if (tail) open = `${open.replace(/\s*\/>$/, ">")}${tail.join("")}</${tagName(this.xml, info.start)}>`;
      if (open !== this.xml.slice(info.start, info.end)) edits.push({ start: info.start, end: info.end, text: open });
      for (const [at, texts] of inserts) if (at >= 0) edits.push({ start: at, end: at, text: texts.join("") });
    }
    for (const [at, texts] of newRows) {
      if (this.sheetData?.selfClosing && at === this.sheetData.closeAt) {
        const qn = tagName(this.xml, this.sheetData.start);
        const open = this.xml.slice(this.sheetData.start, this.sheetData.end).replace(/\s*\/>$/, ">");
        edits.push({ start: this.sheetData.start, end: this.sheetData.end, text: `${open}${texts.join("")}</${qn}>` });
      } else edits.push({ start: at, end: at, text: texts.join("") });
    }
    if (this.dimension && box) {
      const a = `${columnToLetters(box.left + 1)}${box.top + 1}`;
      const b = `${columnToLetters(box.right + 1)}${box.bottom + 1}`;
      const ref = a === b ? a : `${a}:${b}`;
      if (ref !== this.dimension.ref) {
        const tag = this.xml.slice(this.dimension.start, this.dimension.end);
        edits.push({ start: this.dimension.start, end: this.dimension.end, text: setAttributes(tag, { ref }) });
      }
    }
    if (legacyDrawingRelId && this.legacyDrawingId === undefined) {
      const at = this.topChildren.find((c) => AFTER_LEGACY_DRAWING.has(c.name))?.start ?? this.rootClose;
      const id = escapeAttr(legacyDrawingRelId);
      const el = this.relPrefix
        ? `<${p}legacyDrawing ${this.relPrefix}:id="${id}"/>`
        : `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${id}"/>`;
      edits.push({ start: at, end: at, text: el });
    }
    return applyEdits(this.xml, edits);
  }
}
