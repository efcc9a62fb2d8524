/**
 * The few helpers of exceljs that decide what a cell's XML means, borrowed so that perf-check's
 * own sheet reader (xlsx-reader.ts) and exceljs (which writes the annotated copies) agree on
 * them: which number formats are dates, how a serial number becomes a date, the built-in number
 * format codes, and how a shared formula slides from its master cell to another cell.
 *
 * They are exceljs's internal modules (the version is pinned by package-lock.json);
 * test/cli/xlsx-reader.test.ts reads every fixture both ways and fails if they ever drift apart.
 */
const utils = require("exceljs/lib/utils/utils") as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
};
const sharedFormula = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, fromCell: string, toCell: string): string;
};
const numFmtXform = require("exceljs/lib/xlsx/xform/style/numfmt-xform") as {
  getDefaultFmtCode(numFmtId: number): string | undefined;
};

/** True when a number format code shows dates or times (exceljs then reads the number as a Date). */
export function isDateFormat(code: string | undefined): boolean {
  return utils.isDateFmt(code);
}

/** A date serial number as the ISO date exceljs's Date would print, or undefined when it is no date. */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  const d = utils.excelToDate(serial, date1904);
  return Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
}

/** The code of a built-in number format id (0–49), as exceljs knows it. */
export function builtInFormat(id: number): string | undefined {
  return numFmtXform.getDefaultFmtCode(id);
}

/** A shared formula's text as it reads at `toCell`, given the master's text at `fromCell`. */
export function slideFormula(formula: string, fromCell: string, toCell: string): string {
  return sharedFormula.slideFormula(formula, fromCell, toCell);
}
