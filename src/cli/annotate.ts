/**
 * Annotated copies: each checked sheet's Plan (review columns of native Excel formulas with the
 * engine's values cached, every finding flagged with a fill and a note) applied to the workbook
 * part by part (src/xlsx/annotate.ts): the form's own cells and every part the copy need not
 * change are kept as they are; the original file is never written. Loaded only for --write.
 */
import path from "path";
import type { Severity } from "../engine/checks";
import { buildPlan, CellReader, Plan } from "../engine/plan";
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import { annotatePackage } from "../xlsx/annotate";
import type { XlsxPackage } from "../xlsx/package";
import type { CheckedSheet } from "./check";

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
 * Where an annotated copy of `file` goes: inside `dir` always. `rel` is the file's path relative
 * to the folder it was found in; "..", absolute parts and odd characters are dropped. A macro
 * workbook (.xlsm) stays one: its copy is .checked.xlsm.
 */
export function annotatedPath(dir: string, rel: string, taken: Set<string>): string {
  const root = path.resolve(dir);
  const parts = rel
    .split(/[\\/]+/)
    .filter((p) => p && p !== "." && p !== "..")
    // Control characters and the characters Windows forbids in names become "_".
    // eslint-disable-next-line no-control-regex
    .map((p) => p.replace(/[\u0000-\u001f<>:"|?*]/g, "_"));
  const base = parts.pop() ?? "workbook.xlsx";
  const ext = /\.xlsm$/i.test(base) ? ".xlsm" : ".xlsx";
  const stem = base.replace(/\.xls[xm]$/i, "") || "workbook";
  let candidate = path.resolve(root, ...parts, `${stem}.checked${ext}`);
  for (let i = 2; taken.has(candidate); i++) candidate = path.resolve(root, ...parts, `${stem}.checked-${i}${ext}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) {
    candidate = path.resolve(root, `${stem.replace(/[\\/]/g, "_")}.checked${ext}`);
  }
  taken.add(candidate);
  return candidate;
}
