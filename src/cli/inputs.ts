/**
 * What perf-check was handed: every path on the command line and, for folders, every file under
 * them, each with what will be done with it (by its name: src/pipeline/inputs.ts, shared with the
 * web checker). Nothing a reviewer hands over is dropped in silence:
 * a file that will not be read is listed with its reason.
 *
 * - `.xlsx`, `.xlsm` (the same package format) are read;
 * - `.xls` (Excel 97-2003), `.et` (WPS), `.ods` (OpenDocument) are converted with LibreOffice
 *   (libreoffice.ts);
 * - in folders, symbolic links are not followed: every one is listed as skipped with a reason (whatever
 *   it points at: a file also in the folder, a folder, a file outside, nothing), and so are lock files
 *   (`~$…`), perf-check's own annotated copies (`*.checked.xlsx`, `*.checked.xlsm`), its output folder
 *   and report, and every other spreadsheet-looking file (templates, `.xlsb`, `.csv`, …);
 * - a path named on the command line is always tried (a symlink there is the user's choice).
 *
 * Folders are listed in code-point order of their entries' names (never the machine's locale), so
 * two runs anywhere see the same files in the same order. A file named twice is listed once.
 */
import { promises as fs, Dirent } from "fs";
import path from "path";
import { both } from "../i18n/strings";
import type { Bilingual, StringKey } from "../i18n/strings";
import { folderFileAction, looksLikeSpreadsheet, namedFileAction } from "../pipeline/inputs";

export type InputAction = "read" | "convert" | "skip" | "missing";

export interface Input {
  /** The path as the user knows it: as given, or joined under the folder it was found in. */
  file: string;
  /** Relative to the folder it was found in (its base name when named directly). */
  rel: string;
  action: InputAction;
  /** Why it is skipped (action "skip"), in both languages. */
  reason?: Bilingual;
}

export interface CollectOptions {
  /** Folders perf-check writes into (--write): listed as skipped, never read. */
  outputDirs?: string[];
  /** Files perf-check writes (--report): listed as skipped, never read. */
  outputFiles?: string[];
}

export { CONVERT_EXT, looksLikeSpreadsheet, OWN_COPY } from "../pipeline/inputs";

/** Code-point order (UTF-8 byte order is code-point order); the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** A path's identity for comparisons: its real path when it exists, else its absolute path. */
async function identity(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Every input, in command-line order and, inside folders, in code-point order (recursive).
 * Resolves; a path that does not exist is an input with action "missing".
 */
export async function collectInputs(paths: readonly string[], opts: CollectOptions = {}): Promise<Input[]> {
  const outDirs = new Set(await Promise.all((opts.outputDirs ?? []).map(identity)));
  const outFiles = new Set(await Promise.all((opts.outputFiles ?? []).map(identity)));
  const seen = new Set<string>();
  const inputs: Input[] = [];
  // A file is listed once however it is reached (named twice, or a folder inside another named one),
  // by its real path. A symlink found in a folder is an entry of its own, by the path of the link:
  // listed as skipped even when its target is listed too, and never hiding that target.
  const add = async (input: Input, id?: string) => {
    id ??= await identity(input.file);
    if (seen.has(id)) return;
    seen.add(id);
    inputs.push(input);
  };
  const skip = (file: string, root: string, key: StringKey) =>
    add({ file, rel: path.relative(root, file), action: "skip", reason: both(key) });

  const walk = async (dir: string, root: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      await add({
        file: dir,
        rel: path.relative(root, dir),
        action: "skip",
        reason: both("INPUT_SKIP_UNLISTABLE", { detail: (e as Error).message }),
      });
      return;
    }
    entries.sort((a, b) => byCodePoint(a.name, b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        const link = path.resolve(full);
        await add(
          { file: full, rel: path.relative(root, full), action: "skip", reason: both("INPUT_SKIP_SYMLINK") },
          `link:${link}`,
        );
      } else if (e.isDirectory()) {
        if (outDirs.has(await identity(full))) await skip(full, root, "INPUT_SKIP_OUTPUT_DIR");
        else await walk(full, root);
      } else if (!looksLikeSpreadsheet(e.name)) {
        continue;
      } else if (!e.isFile()) {
        await skip(full, root, "INPUT_SKIP_NOT_FILE");
      } else if (outFiles.has(await identity(full))) {
        await skip(full, root, "INPUT_SKIP_OUTPUT_FILE");
      } else {
        const what = folderFileAction(e.name)!;
        await add({ file: full, rel: path.relative(root, full), ...what });
      }
    }
  };

  for (const p of paths) {
    const st = await fs.stat(p).catch(() => undefined);
    if (!st) await add({ file: p, rel: path.basename(p), action: "missing" });
    else if (st.isDirectory()) await walk(p, p);
    else await add({ file: p, rel: path.basename(p), action: namedFileAction(p) });
  }
  return inputs;
}
