/**
 * perf-check: checks 绩效自评表 workbooks in bulk, without Excel.
 *
 *   perf-check [--json] [--policy NAME|FILE] [--mapping FILE] [--write DIR] [--report FILE] [--lang zh|en] PATH...
 *   perf-check --rules [--policy NAME|FILE] [--lang zh|en]
 *
 * Exit status: 0 no error findings, 1 at least one error finding, 2 a file could not be read or
 * bad usage (the other files are still checked and reported).
 */
import { promises as fs, readFileSync } from "fs";
import path from "path";
import { Command, CommanderError } from "commander";
import { getPolicy, PolicyError, policyFromJson } from "../engine/policy";
import type { Policy } from "../engine/types";
import { both, t } from "../i18n/strings";
import type { Lang, Params, StringKey } from "../i18n/strings";
import { MappingError, parseMappingDoc, SheetMapping } from "../layout/mapping";
import { checkGrids, jsonForm, JsonForm } from "./check";
import { DEFAULT_LIMITS, oneLine, openWorkbook, ReadLimits, WorkbookReadError } from "./read";
import { jsonDocument, renderRules, renderText, type ReportFile, type ReportRun } from "../report";
import { writeReport } from "./report";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: !!process.stderr.isTTY,
};

interface Options {
  json?: boolean;
  policy?: string;
  mapping?: string;
  write?: string;
  report?: string;
  rules?: boolean;
  lang: string;
}

interface Input {
  file: string;
  /** Path relative to the folder it was found in (or its base name). */
  rel: string;
}

class UsageError extends Error {}

/** perf-check's version (package.json, two folders up from src/cli and from build/cli). */
const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
  } catch {
    return "";
  }
})();

/** Today as YYYY-MM-DD, local time: the report's date. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function bothLine(key: StringKey, params: Params = {}): string {
  const m = both(key, params);
  return `${m.zh} / ${m.en}`;
}

function usage(key: StringKey, params: Params = {}): UsageError {
  return new UsageError(bothLine(key, params));
}

async function collectInputs(paths: string[]): Promise<{ inputs: Input[]; missing: string[] }> {
  const inputs: Input[] = [];
  const missing: string[] = [];
  const walk = async (dir: string, root: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full, root);
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$"))
        inputs.push({ file: full, rel: path.relative(root, full) });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) await walk(p, p);
    else inputs.push({ file: p, rel: path.basename(p) });
  }
  return { inputs, missing };
}

async function resolvePolicy(spec: string | undefined): Promise<Policy> {
  if (!spec) return getPolicy();
  let text: string | undefined;
  try {
    const st = await fs.stat(spec);
    if (st.isFile()) text = await fs.readFile(spec, "utf8");
  } catch {
    /* not a file: a policy name */
  }
  if (text === undefined) return getPolicy(spec);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw usage("CLI_POLICY_JSON", { file: spec, detail: (e as Error).message });
  }
  return policyFromJson(json);
}

async function resolveMapping(file: string | undefined): Promise<Map<string, SheetMapping> | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    throw usage("CLI_MAPPING_READ", { file, detail: (e as Error).message });
  }
  try {
    return parseMappingDoc(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError) throw usage("CLI_MAPPING_JSON", { file });
    throw e;
  }
}

/**
 * The bar draws through io.err (so main's io decides where it goes and whether there is a
 * terminal), never on process.stderr behind the caller's back.
 */
function progressBar(io: Io, total: number): { tick: (name: string) => void; stop: () => void } {
  if (!io.isTTY || total < 2) return { tick: () => undefined, stop: () => undefined };

  const cliProgress = require("cli-progress") as typeof import("cli-progress");
  const stream = {
    isTTY: true,
    columns: process.stderr.columns || 80,
    write: (s: string) => {
      io.err(s);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const bar = new cliProgress.SingleBar(
    { format: "{bar} {value}/{total} {file}", stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: "" });
  return { tick: (file) => bar.increment(1, { file: path.basename(file) }), stop: () => bar.stop() };
}

/** Run perf-check with argv (without node and script). Resolves to the exit status. */
export async function main(argv: string[], io: Io = defaultIo, limits: ReadLimits = DEFAULT_LIMITS): Promise<number> {
  const program = new Command();
  program
    .name("perf-check")
    .description("检查绩效自评表工作簿 / Check 绩效自评表 (performance self-evaluation) workbooks")
    .argument("[paths...]", ".xlsx files or folders (searched recursively)")
    .option("--json", "print one JSON document on stdout")
    .option("--policy <name|file>", "scoring policy: national, linear, spend-ratio, or a JSON policy file", undefined)
    .option("--mapping <file>", "column mapping JSON (as saved by the add-in)")
    .option("--write <dir>", "write an annotated copy of each workbook into this folder")
    .option("--report <file>", "write a report: .html (default), .csv or .xlsx")
    .option("--rules", "list the rules in force (policy, packs, checks with their sources) and exit")
    .option("--lang <zh|en>", "language of messages", "zh")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  let opts: Options;
  let paths: string[];
  try {
    program.parse(argv, { from: "user" });
    opts = program.opts<Options>();
    paths = program.args;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const lang: Lang = opts.lang === "en" ? "en" : "zh";
  if (opts.lang !== "zh" && opts.lang !== "en") {
    io.err(`perf-check: ${bothLine("CLI_LANG")}\n`);
    return 2;
  }
  let policy: Policy;
  let mappings: Map<string, SheetMapping> | undefined;
  try {
    policy = await resolvePolicy(opts.policy);
    mappings = await resolveMapping(opts.mapping);
  } catch (e) {
    if (e instanceof UsageError || e instanceof PolicyError || e instanceof MappingError) {
      io.err(`perf-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.rules) {
    io.out(renderRules(policy, lang));
    return 0;
  }
  if (paths.length === 0) {
    io.err(`perf-check: ${bothLine("CLI_PATHS_NEEDED")}\n`);
    return 2;
  }
  const { inputs, missing } = await collectInputs(paths);
  const files: ReportFile[] = [];
  let readFailure = missing.length > 0;
  for (const m of missing) {
    files.push({ file: m, error: t(lang, "CLI_NO_SUCH_PATH"), forms: [] });
  }
  if (inputs.length === 0 && missing.length === 0) {
    io.err(`perf-check: ${bothLine("CLI_NO_FILES", { paths: paths.join(", ") })}\n`);
    return 2;
  }
  // An annotated copy never lands on an input (say a file named x.checked.xlsx inside --write DIR).
  const taken = new Set<string>(inputs.map((i) => path.resolve(i.file)));
  const bar = opts.json ? { tick: () => undefined, stop: () => undefined } : progressBar(io, inputs.length);
  for (const input of inputs) {
    const entry: ReportFile = { file: input.file, rel: input.rel, forms: [] };
    files.push(entry);
    try {
      const { grids, pkg } = await openWorkbook(input.file, limits);
      const sheets = checkGrids(grids, policy, mappings);
      const forms: JsonForm[] = sheets.flatMap((s) => s.result.results.map((r) => jsonForm(r, lang)));
      entry.forms = forms;
      if (opts.write) {
        // The copy is the workbook itself plus the review cells, flags and notes: only the parts
        // that change are rewritten (src/xlsx/annotate.ts). Loaded here, not at start-up.
        const { annotatedCopy, annotatedPath } = require("./annotate") as typeof import("./annotate");
        const bytes = annotatedCopy(pkg, sheets, policy, lang);
        const out = annotatedPath(opts.write, input.rel, taken);
        await fs.mkdir(path.dirname(out), { recursive: true });
        await fs.writeFile(out, bytes);
        // The report links each annotated copy, relative to the report's own folder.
        if (opts.report)
          entry.annotated = path
            .relative(path.dirname(path.resolve(opts.report)), out)
            .split(path.sep)
            .join("/");
      }
    } catch (e) {
      readFailure = true;
      if (e instanceof WorkbookReadError) entry.error = lang === "zh" ? e.zh : e.en;
      else entry.error = oneLine(t(lang, "CLI_FAILED", { detail: (e as Error).message }));
    }
    bar.tick(input.file);
  }
  bar.stop();

  // The outputs: every one rendered by src/report from the same run, so their counts agree.
  const run: ReportRun = { files, lang, policy, date: today(), version: VERSION };
  const errors = files.reduce(
    (n, f) => n + f.forms.reduce((m, x) => m + x.findings.filter((y) => y.severity === "error").length, 0),
    0,
  );
  if (opts.report) await writeReport(opts.report, run);
  if (opts.json) io.out(JSON.stringify(jsonDocument(run), null, 2) + "\n");
  else {
    const text = renderText(run);
    for (const line of text.err) io.err(`${line}\n`);
    for (const line of text.out) io.out(`${line}\n`);
    if (opts.write) io.out(`${t(lang, "CLI_ANNOTATED")}: ${path.resolve(opts.write)}\n`);
    if (opts.report) io.out(`${t(lang, "CLI_REPORT")}: ${path.resolve(opts.report)}\n`);
  }
  if (readFailure) return 2;
  return errors > 0 ? 1 : 0;
}
