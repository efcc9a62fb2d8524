/**
 * A workbook's sheets as Grids, read straight from the package's XML parts. Pure.
 *
 * What a cell shows is what exceljs would give for it (test/cli/xlsx-reader.test.ts holds the
 * two to the same Grid): shared and inline strings (rich text joined, phonetic runs left out,
 * _xHHHH_ escapes decoded), numbers, booleans, error values as their text, formula results,
 * serial numbers under a date format as ISO dates, and the formula text of shared formulas slid
 * to each cell. A merged area's other cells are blank, as in Excel.
 *
 * Memory and time follow the cells that hold something: a cell with nothing but a style is not
 * kept, and a sheet's size is the count of its cells with a value or a formula plus the cells of
 * its merged areas (not its extent: one stray value at XFD1 or A1048576 costs one cell).
 */
import type { CellValue } from "../engine/types";
import type { RangeBox } from "../engine/model";
import { Grid, parseRange } from "../layout/grid";
import { builtInFormat, columnToLetters, isDateFormat, serialToIsoDate, slideFormula } from "./formats";
import type { XlsxPackage } from "./package";
import { parsePart, readWorkbook, SheetRef, XlsxStructureError } from "./workbook";
import { XmlTokenizer } from "./xml";

export { XlsxStructureError };

/** A worksheet with more cells (with content, merged areas included) than the limit; `cells` is how many were seen. */
export class CellLimitError extends Error {
  constructor(
    readonly part: string,
    readonly cells: number,
    readonly limit: number,
  ) {
    super(`${part}: at least ${cells} cells, over the limit of ${limit}`);
    this.name = "CellLimitError";
  }
}

interface Styles {
  /** Number format code of each cellXfs entry (undefined: General). */
  numFmtOfXf: (string | undefined)[];
  /** Whether that format shows dates. */
  dateXf: boolean[];
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

function readSharedStrings(pkg: XlsxPackage, part: string | undefined, tok: XmlTokenizer): string[] {
  const out: string[] = [];
  const xml = part === undefined ? undefined : pkg.text(part);
  if (xml === undefined) return out;
  const item = new StringItem();
  let inSi = false;
  parsePart(
    part!,
    xml,
    {
      open: (name) => {
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
    },
    tok,
  );
  return out;
}

function readStyles(pkg: XlsxPackage, part: string | undefined, tok: XmlTokenizer): Styles {
  const numFmtOfXf: (string | undefined)[] = [];
  const xml = part === undefined ? undefined : pkg.text(part);
  if (xml === undefined) return { numFmtOfXf, dateXf: [] };
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  parsePart(
    part!,
    xml,
    {
      open: (name, t) => {
        if (name === "numFmt") {
          const id = Number(t.attr("numFmtId"));
          const code = t.attr("formatCode");
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (name === "cellXfs") {
          inCellXfs = true;
        } else if (name === "xf" && inCellXfs) {
          const id = Number(t.attr("numFmtId") ?? 0);
          xfFormatIds.push(Number.isInteger(id) ? id : 0);
        }
      },
      close: (name) => {
        if (name === "cellXfs") inCellXfs = false;
      },
    },
    tok,
  );
  for (const id of xfFormatIds) numFmtOfXf.push(id ? (custom.get(id) ?? builtInFormat(id)) : undefined);
  return { numFmtOfXf, dateXf: numFmtOfXf.map((f) => isDateFormat(f)) };
}

/** "AB12" at [i, end) → row and column (0-based), or null. Allocation-free. */
function cellRef(s: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  let c = s.charCodeAt(0);
  if (c === 36) c = s.charCodeAt(++i); // $
  while ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    col = col * 26 + ((c | 32) - 96);
    c = s.charCodeAt(++i);
  }
  if (col === 0 || col > 16384) return null;
  if (c === 36) c = s.charCodeAt(++i);
  let row = 0;
  const digitsFrom = i;
  while (c >= 48 && c <= 57) {
    row = row * 10 + (c - 48);
    c = s.charCodeAt(++i);
  }
  if (i !== s.length || i === digitsFrom || row < 1 || row > 1048576) return null;
  return { row: row - 1, col: col - 1 };
}

interface SheetCells {
  values: CellValue[][];
  formulas: (string | undefined)[][];
  numFmts: (string | undefined)[][];
  /** Number formats of cells with nothing but formatting (kept for the cells merged areas cover). */
  blankFmts: Map<number, string>;
  merges: RangeBox[];
}

/** An ISO 8601 date-time cell (t="d") as its date. */
function isoDate(s: string): string {
  const d = new Date(s);
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : s;
}

/** One worksheet's XML → its cells, counting cells against `maxCells`. */
function readSheetCells(
  part: string,
  xml: string,
  strings: string[],
  styles: Styles,
  date1904: boolean,
  maxCells: number,
  tok: XmlTokenizer,
): SheetCells {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const numFmts: (string | undefined)[][] = [];
  const merges: RangeBox[] = [];
  const blankFmts = new Map<number, string>();
  let cells = 0;
  /** Masters of shared formulas by si: their text and address. */
  const shared = new Map<string, { text: string; at: string }>();

  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let xf = 0;
  let inCell = false;
  let capture = 0; // 0 none, 1 <v>, 2 <f>, 3 <is>
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
      const ref = `${columnToLetters(col + 1)}${row + 1}`;
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
      if (fmt !== undefined) blankFmts.set(row * 16384 + col, fmt);
      return;
    }
    if (++cells > maxCells) throw new CellLimitError(part, cells, maxCells);
    (values[row] ??= [])[col] = value;
    if (formula !== undefined) (formulas[row] ??= [])[col] = `=${formula}`;
    if (fmt !== undefined) (numFmts[row] ??= [])[col] = fmt;
  };

  parsePart(
    part,
    xml,
    {
      open: (name, t) => {
        if (inCell) {
          if (name === "v") {
            capture = 1;
            v = "";
          } else if (name === "f") {
            capture = 2;
            f = "";
            if (t.attr("t") === "shared") {
              const si = t.attr("si");
              if (si !== undefined) fShared = { si, master: t.attr("ref") !== undefined };
            }
          } else if (name === "is") {
            capture = 3;
          } else if (capture === 3) {
            item.open(name);
          }
          return;
        }
        switch (name) {
          case "row": {
            const r = Number(t.attr("r"));
            row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
            col = -1;
            break;
          }
          case "c": {
            const at = t.attr("r");
            const rc = at === undefined ? null : cellRef(at);
            if (rc) {
              row = rc.row;
              col = rc.col;
            } else {
              col++;
              if (row < 0) row = 0;
            }
            type = t.attr("t");
            const s = t.attr("s");
            xf = s === undefined ? 0 : parseInt(s, 10) || 0;
            inCell = true;
            capture = 0;
            v = undefined;
            f = undefined;
            fShared = undefined;
            inline = undefined;
            break;
          }
          case "mergeCell": {
            const ref = t.attr("ref");
            const box = ref ? parseRange(ref) : null;
            if (box) {
              cells += (box.bottom - box.top + 1) * (box.right - box.left + 1);
              if (cells > maxCells) throw new CellLimitError(part, cells, maxCells);
              merges.push(box);
            }
            break;
          }
        }
      },
      close: (name) => {
        if (!inCell) return;
        if (name === "c") finishCell();
        else if (capture === 3) {
          if (name === "is") {
            inline = item.take();
            capture = 0;
          } else item.close(name);
        } else if ((name === "v" && capture === 1) || (name === "f" && capture === 2)) capture = 0;
      },
      text: (s) => {
        if (capture === 1) v += s;
        else if (capture === 2) f += s;
        else if (capture === 3) item.text(s);
      },
    },
    tok,
  );
  return { values, formulas, numFmts, blankFmts, merges };
}

/**
 * A package's worksheets, read one at a time: the workbook, its shared strings and its styles are
 * read once (here), each sheet when asked for (`grid(i)`, i in the workbook's order). perf-check
 * reads a large workbook's sheets on two threads, each with a reader of its own. Throws as
 * readGrids does.
 */
export class SheetReader {
  readonly sheets: readonly SheetRef[];
  private readonly tok = new XmlTokenizer();
  private readonly strings: ReturnType<typeof readSharedStrings>;
  private readonly styles: ReturnType<typeof readStyles>;
  private readonly date1904: boolean;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly maxCells: number,
  ) {
    const wb = readWorkbook(pkg);
    this.sheets = wb.sheets;
    this.date1904 = wb.date1904;
    this.strings = readSharedStrings(pkg, wb.sharedStrings, this.tok);
    this.styles = readStyles(pkg, wb.styles, this.tok);
  }

  /** The i-th worksheet as a Grid. */
  grid(i: number): Grid {
    const s = this.sheets[i];
    const xml = this.pkg.text(s.part)!;
    const cells = readSheetCells(s.part, xml, this.strings, this.styles, this.date1904, this.maxCells, this.tok);
    const { values, numFmts } = cells;
    // Merged areas stretch rows to the area's right edge, as exceljs's merged cells do; their
    // cells keep their own number formats.
    for (const m of cells.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const vr = (values[r] ??= []);
        for (let c = vr.length; c <= m.right; c++) vr[c] = null;
        if (cells.blankFmts.size === 0) continue;
        for (let c = m.left; c <= m.right; c++) {
          const fmt = cells.blankFmts.get(r * 16384 + c);
          if (fmt !== undefined) (numFmts[r] ??= [])[c] ??= fmt;
        }
      }
    }
    const hidden = s.state !== "visible";
    return new Grid({ sheet: s.name, values, formulas: cells.formulas, numFmts, merges: cells.merges, hidden });
  }
}

/**
 * Every worksheet of the package as a Grid, in the workbook's order. Throws XlsxStructureError
 * for malformed XML or a missing part, CellLimitError for a sheet with more than `maxCells`
 * cells (with content, merged areas included), and WorkbookReadError for a part that cannot be
 * inflated within its stated size.
 */
export function readGrids(pkg: XlsxPackage, maxCells: number): Grid[] {
  const reader = new SheetReader(pkg, maxCells);
  return reader.sheets.map((_, i) => reader.grid(i));
}
