/**
 * Annotated copies: each checked sheet's Plan (review columns of native Excel formulas with the
 * engine's values cached, every finding flagged with a fill and a note) applied to the workbook
 * part by part (src/xlsx/annotate.ts): the form's own cells and every part the copy need not
 * change are kept as they are; the original file is never written. Loaded only for --write. The
 * copy itself is made by the pure pipeline (src/pipeline/annotate.ts, shared with the web
 * checker); this module only decides where it goes.
 */
import path from "path";
import { annotatedName } from "../pipeline/annotate";

export { annotatedCopy, FILL, LABEL_COLOR, planForSheet } from "../pipeline/annotate";

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
  let candidate = path.resolve(root, ...parts, annotatedName(base));
  for (let i = 2; taken.has(candidate); i++) candidate = path.resolve(root, ...parts, annotatedName(base, i));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) {
    candidate = path.resolve(root, annotatedName(base).replace(/[\\/]/g, "_"));
  }
  taken.add(candidate);
  return candidate;
}
