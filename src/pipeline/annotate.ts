/**
 * Annotated copies: each checked sheet's Plan (review columns of native Excel formulas with the
 * engine's values cached, every finding flagged with a fill and a note) applied to the workbook
 * part by part (src/xlsx/annotate.ts): the form's own cells and every part the copy need not
 * change are kept as they are; the original bytes are never changed. Pure: bytes out, no file
 * system; perf-check --write writes them to disk, the web checker offers them as downloads.
 */
import type { Severity } from "../engine/checks";
import { buildPlan, CellReader, Plan } from "../engine/plan";
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import { annotatePackage } from "../xlsx/annotate";
import type { XlsxPackage } from "../xlsx/package";
import type { CheckedSheet } from "./check";

/** The fill of a flagged cell, by severity (ARGB). */
export const FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
/** The review columns' labels: bold, dark blue. */
export const LABEL_COLOR = "FF1F4E79";

export function planForSheet(s: CheckedSheet, policy: Policy, lang: Lang): Plan {
  const reader: CellReader = {
    raw: (r, c) => s.grid.raw(r, c),
    formula: (r, c) => s.grid.formula(r, c),
    merged: (r, c) => s.grid.mergeAt(r, c) !== undefined || s.grid.masterMerge(r, c) !== undefined,
  };
  return buildPlan(s.grid.sheet, reader, s.result.results, {
    target: "review-column",
    formulas: "native",
    lang,
    policy,
  });
}

/** The annotated copy of a checked workbook, as the bytes of a package. */
export function annotatedCopy(pkg: XlsxPackage, sheets: CheckedSheet[], policy: Policy, lang: Lang): Uint8Array {
  return annotatePackage(
    pkg,
    sheets.map((s) => ({ sheet: s.grid.sheet, plan: planForSheet(s, policy, lang) })),
    {
      fills: FILL,
      labelColor: LABEL_COLOR,
      author: t(lang, "REVIEW_NOTE_AUTHOR"),
      appendedHeading: t(lang, "REVIEW_NOTE_APPENDED"),
    },
  );
}

/**
 * The name of a workbook's annotated copy: `x.checked.xlsx`, or `x.checked.xlsm` for a macro
 * workbook (it stays one); the n-th of one name (n ≥ 2) is `x.checked-n.xlsx`. `base` is the
 * file's own name (no folders).
 */
export function annotatedName(base: string, n = 1): string {
  const ext = /\.xlsm$/i.test(base) ? ".xlsm" : ".xlsx";
  const stem = base.replace(/\.xls[xm]$/i, "") || "workbook";
  return `${stem}.checked${n > 1 ? `-${n}` : ""}${ext}`;
}
