/**
 * src/xlsx/formats.ts against exceljs's own helpers (the reader once borrowed them; exceljs stays
 * a dev dependency to be this oracle): date formats, date serials, built-in number formats
 * (ECMA-376 Part 1 §18.8.30) and shared formulas slid to another cell (§18.3.1.40).
 */
import fc from "fast-check";
import {
  builtInFormat,
  builtInFormatId,
  columnToLetters,
  isDateFormat,
  lettersToColumn,
  serialToIsoDate,
  slideFormula,
} from "../../src/xlsx/formats";

/* eslint-disable @typescript-eslint/no-require-imports */
const utils = require("exceljs/lib/utils/utils") as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
};
const sharedFormula = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, fromCell: string, toCell: string): string;
};
const defaults = require("exceljs/lib/xlsx/defaultnumformats") as Record<number, { f?: string; "zh-cn"?: string }>;
/* eslint-enable @typescript-eslint/no-require-imports */

const CODES = [
  "General", "0", "0.00", "0.00%", "#,##0.00", '0.00"万元"', "@", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[h]:mm:ss",
  '[$-804]yyyy"年"m"月"', '"第"0"名"', "[Red]0.00", "h:mm AM/PM", "mm-dd-yy", '0.0"小时"', "# ?/?", "0.00E+00", '[$¥-804]#,##0.00',
];

test("isDateFormat agrees with exceljs on format codes (quoted text and [..] sections ignored)", () => {
  for (const c of CODES) expect({ c, d: isDateFormat(c) }).toEqual({ c, d: utils.isDateFmt(c) });
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), (c) => {
      expect(isDateFormat(c)).toBe(utils.isDateFmt(c));
    }),
    { numRuns: 2000 },
  );
});

test("serialToIsoDate is exceljs's excelToDate, in the 1900 and the 1904 date systems", () => {
  fc.assert(
    fc.property(fc.double({ min: -1e6, max: 3e6, noNaN: true }), fc.boolean(), (v, d1904) => {
      const d = utils.excelToDate(v, d1904);
      expect(serialToIsoDate(v, d1904)).toBe(Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : undefined);
    }),
    { numRuns: 2000 },
  );
  expect(serialToIsoDate(44561, false)).toBe("2021-12-31");
  expect(serialToIsoDate(43099, true)).toBe("2021-12-31");
});

test("built-in formats: exceljs's codes; the locale ids 27–36 and 50–58 as zh-CN Excel shows them", () => {
  for (let id = 0; id < 82; id++) {
    const theirs = defaults[id];
    const expected = theirs?.f ?? ((id >= 27 && id <= 36) || (id >= 50 && id <= 58) ? theirs?.["zh-cn"] : undefined);
    expect({ id, code: builtInFormat(id) }).toEqual({ id, code: expected });
  }
  expect(builtInFormat(31)).toBe('yyyy"年"m"月"d"日"');
  expect(builtInFormatId("0.00%")).toBe(10);
  expect(builtInFormatId('0.00"万元"')).toBeUndefined();
});

test("slideFormula moves relative references as exceljs does, $-anchored parts and functions stay", () => {
  const ref = fc
    .tuple(fc.boolean(), fc.integer({ min: 1, max: 800 }), fc.boolean(), fc.integer({ min: 1, max: 5000 }))
    .map(([dc, c, dr, r]) => `${dc ? "$" : ""}${columnToLetters(c)}${dr ? "$" : ""}${r}`);
  const formula = fc
    .array(fc.oneof(ref, fc.constantFrom("SUM(", ")", "+", "*", ",", "Sheet1!", "ROUND(", "2", "LOG10(", "A1B"), ref), {
      minLength: 1,
      maxLength: 8,
    })
    .map((p) => p.join(""));
  const cell = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 900 })).map(([c, r]) => `${columnToLetters(c)}${r}`);
  fc.assert(
    // The master is the shared range's top-left cell: formulas slide right and down from it.
    fc.property(formula, cell, fc.nat(30), fc.nat(300), (f, a, dc, dr) => {
      const at = /^([A-Z]+)(\d+)$/.exec(a)!;
      const b = `${columnToLetters(lettersToColumn(at[1]) + dc)}${Number(at[2]) + dr}`;
      expect(slideFormula(f, a, b)).toBe(sharedFormula.slideFormula(f, a, b));
    }),
    { numRuns: 2000 },
  );
  expect(slideFormula("A1*$A$1+SUM(B1:C1)", "B1", "B2")).toBe("A2*$A$1+SUM(B2:C2)");
  expect(slideFormula("A2+B1", "C2", "B1")).toBe("#REF!+#REF!");
});

test("column letters and numbers are inverse (A = 1, XFD = 16384)", () => {
  expect([lettersToColumn("A"), lettersToColumn("xfd"), columnToLetters(16384), columnToLetters(27)]).toEqual([1, 16384, "XFD", "AA"]);
  fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => expect(lettersToColumn(columnToLetters(n))).toBe(n)));
});
