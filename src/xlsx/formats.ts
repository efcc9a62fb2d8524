/**
 * What a cell's XML means beyond its text: which number formats show dates, how a date serial
 * becomes a date, the built-in number formats, how a shared formula reads at another cell, and
 * A1 column letters. Pure.
 *
 * They give what exceljs gives (test/xlsx/formats.test.ts holds each to exceljs's own helper,
 * which stays a dev dependency for that), with one deliberate difference: the built-in formats
 * Excel leaves to the locale (ids 27–36 and 50–58, ECMA-376 Part 1 §18.8.30) are read as a
 * Chinese Excel shows them (e.g. 31 = yyyy"年"m"月"d"日"), where exceljs knows no code for them
 * and reads their dates as plain numbers.
 */

/** Built-in number formats (ECMA-376 Part 1 §18.8.30), zh-CN for the locale-dependent ids. */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The code of a built-in number format id, or undefined for ids with none. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** The built-in id of a format code, if it has one ("0.00%" → 10). */
export function builtInFormatId(code: string): number | undefined {
  for (const [id, c] of Object.entries(BUILT_IN)) if (c === code) return Number(id);
  return undefined;
}

/** True when a number format code shows dates or times: a y m d h s or b outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * A date serial as an ISO date (yyyy-mm-dd, UTC), in the 1900 or the 1904 date system; undefined
 * for a serial that is no date. As exceljs converts it: days since 1970-01-01 = serial − 25569
 * (+1462 in the 1904 system), rounded to the millisecond.
 */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
}

/** Column letters → 1-based number ("A" → 1, "XFD" → 16384). */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

/** 1-based column number → letters. */
export function columnToLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

// A candidate reference: optional sheet prefix, then letters/digits/$, unless a "(" follows (a function).
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** "B3" → 1-based row and column. */
function decodeCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
  return m ? { row: parseInt(m[2], 10), col: lettersToColumn(m[1]) } : { row: 0, col: 0 };
}

/**
 * A shared formula's text as it reads at `toCell`, given the master's text at `fromCell`
 * (ECMA-376 Part 1 §18.3.1.40): relative references move by the offset between the two cells,
 * $-anchored parts stay; names and function calls are left alone. A reference moved off the
 * sheet reads #REF!, as in Excel.
 */
export function slideFormula(formula: string, fromCell: string, toCell: string): string {
  const from = decodeCell(fromCell);
  const to = decodeCell(toCell);
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _s, part: string, paren) => {
    if (paren) return whole;
    const m = CELL_REF.exec(part);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return whole; // a name, not a column
    let col = lettersToColumn(letters);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    if (col < 1 || col > 16384 || row < 1 || row > 1048576) return "#REF!"; // slid off the sheet
    return `${sheet ?? ""}${m[1] ?? ""}${columnToLetters(col)}${m[3] ?? ""}${row}`;
  });
}
