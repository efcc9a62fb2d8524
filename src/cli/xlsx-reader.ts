/**
 * A workbook's sheets as Grids, read straight from the sheet XML with saxes (the XML parser
 * exceljs itself uses). perf-check reads every file this way: values, formulas, number formats
 * and merged areas are all a check needs, and building exceljs's full object model for each of
 * hundreds of files costs more than the checks themselves. exceljs still writes the annotated
 * copies (--write).
 *
 * What a cell shows is what exceljs would give for it: shared and inline strings (rich text
 * joined, phonetic runs left out, _xHHHH_ escapes decoded), numbers, booleans, error values as
 * their text, formula results, serial numbers under a date format as ISO dates, and the
 * formula text of shared formulas slid to each cell (exceljs's own helpers, exceljs-internals.ts).
 * A merged area's other cells are blank, as in Excel. The sheet extent is its cells with a value
 * or formula, and its merged areas; formatting alone does not make a cell part of it.
 */
import { SaxesParser, SaxesTagPlain } from "saxes";
import type { CellValue } from "../engine/types";
import type { RangeBox } from "../engine/model";
import { Grid, parseAddress, parseRange } from "../layout/grid";
import { address } from "../engine/address";
import { builtInFormat, isDateFormat, serialToIsoDate, slideFormula } from "./exceljs-internals";

/** A sheet whose extent (rows × columns) is over the cell limit. */
export class SheetTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly rows: number,
    readonly cols: number,
    readonly limit: number,
  ) {
    super(`sheet ${sheet}: ${rows}×${cols} cells, over the limit of ${limit}`);
    this.name = "SheetTooLargeError";
  }
}

/** XML a part holds that is not well-formed, or a workbook whose parts do not fit together. */
export class XlsxStructureError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "XlsxStructureError";
  }
}

/** The package's XML parts as text, by zip member name. */
export type Parts = ReadonlyMap<string, string>;

interface SheetRef {
  name: string;
  part: string;
  /** state="hidden" or "veryHidden" in workbook.xml. */
  hidden: boolean;
}

interface Styles {
  /** Number format code of each cellXfs entry (undefined: General). */
  numFmtOfXf: (string | undefined)[];
  /** Whether that format shows dates. */
  dateXf: boolean[];
}

/** Tag name without its namespace prefix ("x:c" → "c"). */
function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
}

/** An attribute by local name, whatever its prefix ("r:id", "ns2:id"). */
function prefixedAttr(tag: SaxesTagPlain, localName: string): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) {
    const i = k.indexOf(":");
    if (i >= 0 && k.slice(i + 1) === localName && typeof v === "string") return v;
  }
  return undefined;
}

/** A part's text; part names compare case-insensitively (ECMA-376 Part 2, §9.1.1.1.2). */
function xmlText(parts: Parts, name: string): string | undefined {
  const s = parts.get(name) ?? caseInsensitive(parts, name);
  if (s === undefined) return undefined;
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function caseInsensitive(parts: Parts, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of parts) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Run saxes over a part; malformed XML becomes an XlsxStructureError naming the part. */
function parse(
  part: string,
  xml: string,
  handlers: {
    open: (tag: SaxesTagPlain, name: string) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  // Stop at the first error: saxes would otherwise report and go on, once per bad character.
  p.on("error", (e) => {
    throw e;
  });
  p.on("opentag", (tag) => handlers.open(tag, local(tag.name)));
  if (handlers.close) {
    const close = handlers.close;
    p.on("closetag", (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    p.on("text", handlers.text);
    p.on("cdata", handlers.text);
  }
  try {
    p.write(xml).close();
  } catch (e) {
    throw new XlsxStructureError(part, (e as Error).message.split("\n")[0]);
  }
}

/** Resolve a relationship target against the folder of the part that owns the relationships. */
function resolveTarget(baseDir: string, target: string): string {
  const segs = (target.startsWith("/") ? target.slice(1) : `${baseDir}/${target}`).split("/");
  const out: string[] = [];
  for (const s of segs) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return out.join("/");
}

function readSheets(parts: Parts): { sheets: SheetRef[]; date1904: boolean } {
  const wbPart = "xl/workbook.xml";
  const wbXml = xmlText(parts, wbPart);
  if (wbXml === undefined) throw new XlsxStructureError(wbPart, "missing");
  const relsPart = "xl/_rels/workbook.xml.rels";
  const targets = new Map<string, string>();
  const relsXml = xmlText(parts, relsPart);
  if (relsXml !== undefined) {
    parse(relsPart, relsXml, {
      open: (tag, name) => {
        if (name !== "Relationship") return;
        const id = attr(tag, "Id");
        const target = attr(tag, "Target");
        if (id && target && attr(tag, "TargetMode") !== "External") targets.set(id, resolveTarget("xl", target));
      },
    });
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parse(wbPart, wbXml, {
    open: (tag, name) => {
      if (name === "workbookPr") {
        const d = attr(tag, "date1904");
        date1904 = d === "1" || d === "true";
      } else if (name === "sheet") {
        const sheetName = attr(tag, "name");
        const id = prefixedAttr(tag, "id") ?? attr(tag, "id");
        const part = id ? targets.get(id) : undefined;
        // Chart sheets and dialog sheets hold no cells: only worksheets are read.
        if (sheetName !== undefined && part && /^xl\/worksheets\/[^/]+\.xml$/i.test(part))
          sheets.push({ name: sheetName, part, hidden: /^(hidden|veryHidden)$/.test(attr(tag, "state") ?? "") });
      }
    },
  });
  return { sheets, date1904 };
}

/** `_x000D_`-style escapes in string items (ECMA-376 §22.9.2.19), as exceljs decodes them. */
function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Collects the text of a string item (`<si>` or `<is>`): plain `<t>`, or the `<t>` of each rich
 * text run `<r>`; phonetic runs `<rPh>` are not part of the text.
 */
class StringItem {
  private inT = false;
  private phonetic = 0;
  private chunks: string[] = [];

  open(name: string): void {
    if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.phonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === "rPh") this.phonetic--;
    else if (name === "t") this.inT = false;
  }

  text(s: string): void {
    if (this.inT) this.chunks.push(s);
  }

  take(): string {
    const s = unescapeXstring(this.chunks.length === 1 ? this.chunks[0] : this.chunks.join(""));
    this.chunks = [];
    this.inT = false;
    this.phonetic = 0;
    return s;
  }
}

function readSharedStrings(parts: Parts): string[] {
  const part = "xl/sharedStrings.xml";
  const xml = xmlText(parts, part);
  const out: string[] = [];
  if (xml === undefined) return out;
  const item = new StringItem();
  let inSi = false;
  parse(part, xml, {
    open: (_tag, name) => {
      if (name === "si") inSi = true;
      else if (inSi) item.open(name);
    },
    close: (name) => {
      if (name === "si") {
        out.push(item.take());
        inSi = false;
      } else if (inSi) item.close(name);
    },
    text: (s) => {
      if (inSi) item.text(s);
    },
  });
  return out;
}

function readStyles(parts: Parts): Styles {
  const part = "xl/styles.xml";
  const xml = xmlText(parts, part);
  const numFmtOfXf: (string | undefined)[] = [];
  if (xml === undefined) return { numFmtOfXf, dateXf: [] };
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  parse(part, xml, {
    open: (tag, name) => {
      if (name === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        const code = attr(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        xfFormatIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of xfFormatIds) numFmtOfXf.push(id ? (custom.get(id) ?? builtInFormat(id)) : undefined);
  return { numFmtOfXf, dateXf: numFmtOfXf.map((f) => isDateFormat(f)) };
}

interface SheetCells {
  values: CellValue[][];
  formulas: (string | undefined)[][];
  numFmts: (string | undefined)[][];
  /** Number formats of cells with nothing but formatting. */
  blankFmts: (string | undefined)[][];
  merges: RangeBox[];
  rows: number;
  cols: number;
}

/** One worksheet's XML → its cells. */
function readSheetCells(part: string, xml: string, strings: string[], styles: Styles, date1904: boolean): SheetCells {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const numFmts: (string | undefined)[][] = [];
  const merges: RangeBox[] = [];
  const blankFmts: (string | undefined)[][] = [];
  let rows = 0;
  let cols = 0;
  /** Masters of shared formulas by si: their text and address. */
  const shared = new Map<string, { text: string; at: string }>();

  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let xf = 0;
  let inCell = false;
  let capture: "v" | "f" | "is" | undefined;
  let v: string | undefined;
  let f: string | undefined;
  let fShared: { si: string; master: boolean } | undefined;
  let inline: string | undefined;
  const item = new StringItem();

  const finishCell = () => {
    inCell = false;
    let value: CellValue = null;
    if (type === "inlineStr") {
      value = inline ? inline : null;
    } else if (v !== undefined && v !== "") {
      switch (type) {
        case "s": {
          const s = strings[Number(v)];
          value = s === undefined ? null : s;
          break;
        }
        case "str":
        case "e":
          value = v;
          break;
        case "d":
          value = isoDate(v);
          break;
        case "b":
          value = parseInt(v, 10) !== 0;
          break;
        default: {
          const n = parseFloat(v);
          value = Number.isNaN(n) ? v : n;
          if (typeof value === "number" && styles.dateXf[xf]) value = serialToIsoDate(value, date1904) ?? value;
        }
      }
    }
    let formula: string | undefined;
    if (f !== undefined && f !== "") formula = f;
    if (fShared) {
      const ref = address(row, col);
      if (fShared.master && formula !== undefined) shared.set(fShared.si, { text: formula, at: ref });
      else if (!fShared.master) {
        const m = shared.get(fShared.si);
        formula = m ? slideFormula(m.text, m.at, ref) : undefined;
      }
    }
    const fmt = styles.numFmtOfXf[xf];
    // A cell counts when it has a value or a formula; exceljs also keeps a bare <c> with no style.
    const counts = value !== null || formula !== undefined || fShared !== undefined || xf === 0;
    if (!counts) {
      // Formatting alone: kept aside, for the cells a merged area turns out to cover.
      if (fmt !== undefined) (blankFmts[row] ??= [])[col] = fmt;
      return;
    }
    (values[row] ??= [])[col] = value;
    if (formula !== undefined) (formulas[row] ??= [])[col] = `=${formula}`;
    if (fmt !== undefined) (numFmts[row] ??= [])[col] = fmt;
    if (row + 1 > rows) rows = row + 1;
    if (col + 1 > cols) cols = col + 1;
  };

  parse(part, xml, {
    open: (tag, name) => {
      if (inCell) {
        if (name === "v" || name === "f") {
          capture = name;
          if (name === "f") {
            f = "";
            if (attr(tag, "t") === "shared" && attr(tag, "si") !== undefined) {
              fShared = { si: attr(tag, "si")!, master: attr(tag, "ref") !== undefined };
            }
          } else v = "";
        } else if (name === "is") {
          capture = "is";
        } else if (capture === "is") {
          item.open(name);
        }
        return;
      }
      switch (name) {
        case "row": {
          const r = Number(attr(tag, "r"));
          row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case "c": {
          const at = attr(tag, "r");
          const rc = at === undefined ? null : parseAddress(at);
          if (rc) {
            row = rc.row;
            col = rc.col;
          } else {
            col++;
            if (row < 0) row = 0;
          }
          type = attr(tag, "t");
          const s = attr(tag, "s");
          xf = s === undefined ? 0 : parseInt(s, 10) || 0;
          inCell = true;
          capture = undefined;
          v = undefined;
          f = undefined;
          fShared = undefined;
          inline = undefined;
          break;
        }
        case "mergeCell": {
          const ref = attr(tag, "ref");
          const box = ref ? parseRange(ref) : null;
          if (box) {
            merges.push(box);
            if (box.bottom + 1 > rows) rows = box.bottom + 1;
            if (box.right + 1 > cols) cols = box.right + 1;
          }
          break;
        }
      }
    },
    close: (name) => {
      if (!inCell) return;
      if (name === "c") finishCell();
      else if (capture === "is") {
        if (name === "is") {
          inline = item.take();
          capture = undefined;
        } else item.close(name);
      } else if (name === capture) capture = undefined;
    },
    text: (s) => {
      if (capture === "v") v += s;
      else if (capture === "f") f += s;
      else if (capture === "is") item.text(s);
    },
  });
  return { values, formulas, numFmts, blankFmts, merges, rows, cols };
}

/** An ISO 8601 date-time cell (t="d") as its date. */
function isoDate(s: string): string {
  const d = new Date(s);
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : s;
}

/**
 * Every worksheet of the package as a Grid, in the workbook's order. Throws XlsxStructureError
 * for malformed XML and SheetTooLargeError for a sheet whose extent is over `maxCells`.
 */
export function readGrids(parts: Parts, maxCells: number): Grid[] {
  const { sheets, date1904 } = readSheets(parts);
  const strings = readSharedStrings(parts);
  const styles = readStyles(parts);
  const grids: Grid[] = [];
  for (const s of sheets) {
    const xml = xmlText(parts, s.part);
    if (xml === undefined) throw new XlsxStructureError(s.part, "missing");
    const cells = readSheetCells(s.part, xml, strings, styles, date1904);
    if (cells.rows * cells.cols > maxCells) throw new SheetTooLargeError(s.name, cells.rows, cells.cols, maxCells);
    const { values, numFmts } = cells;
    // Merged areas stretch rows to the area's right edge, as exceljs's merged cells do; their
    // cells keep their own number formats.
    for (const m of cells.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const vr = (values[r] ??= []);
        for (let c = vr.length; c <= m.right; c++) vr[c] = null;
        const fr = cells.blankFmts[r];
        if (fr) for (let c = m.left; c <= m.right; c++) if (fr[c] !== undefined) (numFmts[r] ??= [])[c] ??= fr[c];
      }
    }
    grids.push(
      new Grid({ sheet: s.name, values, formulas: cells.formulas, numFmts, merges: cells.merges, hidden: s.hidden }),
    );
  }
  return grids;
}
