/**
 * perf-check: checks 绩效自评表 workbooks in bulk, without Excel.
 *
 *   perf-check [--json] [--policy NAME|FILE] [--mapping FILE] [--write DIR] [--report FILE] [--lang zh|en] PATH...
 *   perf-check --rules [--policy NAME|FILE] [--lang zh|en]
 *
 * Exit status: 0 every file checked and no error finding; 1 at least one error finding (a workbook
 * with no form counts: NO_FORM); 2 a file could not be read (an .xls/.et/.ods without LibreOffice
 * included) or bad usage (the other files are still checked and reported). Skipped files (listed
 * with their reason) do not change it. Usage errors are found before any file is read or written.
 */
import { promises as fs, readFileSync } from "fs";
import path from "path";
import { Command, CommanderError } from "commander";
import { getPolicy, PolicyError, policyFromJson } from "../engine/policy";
import type { Policy } from "../engine/types";
import { both, t } from "../i18n/strings";
import type { Lang, Params, StringKey } from "../i18n/strings";
import { MappingError, parseMappingDoc, SheetMapping } from "../layout/mapping";
// The renderers perf-check always needs, each from its own module: the HTML, CSV and XLSX reports
// (and fflate behind them) load only with --report, LibreOffice's runner only for .xls/.et/.ods.
import { jsonDocument } from "../report/json";
import { renderRules } from "../report/rules";
import { summarize } from "../report/summary";
import { renderText } from "../report/text";
import type { ReportFile, ReportRun } from "../report/types";
import { newEntry, recordChecked, recordUnreadable } from "../pipeline/check-file";
import { checkGrids, type JsonFile } from "./check";
import { collectInputs, Input } from "./inputs";
import { SheetPool } from "./parallel";
import type { ConvertBatch } from "./libreoffice";
import { DEFAULT_LIMITS, oneLine, openWorkbook, ReadLimits, WorkbookReadError } from "./read";

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

/** The --lang value in argv, before commander has parsed it (for usage errors and help). */
function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" && argv[i + 1] === "en") return "en";
    if (argv[i] === "--lang=en") return "en";
  }
  return "zh";
}

/** --help: both languages, the chosen one first, with the exit codes. */
function helpText(lang: Lang): string {
  const h = both("CLI_HELP");
  return lang === "en" ? `${h.en}\n\n${h.zh}\n` : `${h.zh}\n\n${h.en}\n`;
}

/** A commander parse error as one bilingual line. */
function commanderMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.unknownOption":
      return bothLine("CLI_UNKNOWN_OPTION", { option: quoted });
    case "commander.optionMissingArgument":
      return bothLine("CLI_OPTION_ARGUMENT", { option: quoted.split(" ")[0] });
    case "commander.missingArgument":
      return bothLine("CLI_NO_PATHS");
    default:
      return oneLine(e.message.replace(/^error:\s*/, ""));
  }
}

const REPORT_FORMATS = /\.(html?|csv|xlsx)$/i;

/** Output paths that cannot work, found before anything is read: one line each, exit 2. */
async function checkOutputs(opts: Options): Promise<void> {
  if (opts.report !== undefined) {
    const st = await fs.stat(opts.report).catch(() => undefined);
    if (st?.isDirectory()) throw usage("CLI_REPORT_IS_DIR", { file: opts.report });
    if (!REPORT_FORMATS.test(opts.report)) throw usage("CLI_REPORT_FORMAT", { file: opts.report });
  }
  if (opts.write !== undefined) {
    const st = await fs.stat(opts.write).catch(() => undefined);
    if (st && !st.isDirectory()) throw usage("CLI_WRITE_IS_FILE", { dir: opts.write });
  }
}

/** The same file, however named (symlinks, relative paths). */
async function samePath(a: string, b: string): Promise<boolean> {
  const real = (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

/** Run perf-check with argv (without node and script). Resolves to the exit status. */
export async function main(
  argv: string[],
  io: Io = defaultIo,
  limits: ReadLimits = DEFAULT_LIMITS,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const argvLang = langOf(argv);
  const program = new Command();
  program
    .name("perf-check")
    .argument("[paths...]")
    .option("--json")
    .option("--policy <name|file>")
    .option("--mapping <file>")
    .option("--write <dir>")
    .option("--report <file>")
    .option("--rules")
    .option("--lang <zh|en>", "", "zh")
    .helpOption("-h, --help")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
  program.helpInformation = () => helpText(argvLang);
  let opts: Options;
  let paths: string[];
  try {
    program.parse(argv, { from: "user" });
    opts = program.opts<Options>();
    paths = program.args;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      io.err(`perf-check: ${commanderMessage(e)}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.lang !== "zh" && opts.lang !== "en") {
    io.err(`perf-check: ${bothLine("CLI_LANG")}\n`);
    return 2;
  }
  const lang: Lang = opts.lang;
  let policy: Policy;
  let mappings: Map<string, SheetMapping> | undefined;
  let inputs: Input[];
  try {
    await checkOutputs(opts);
    policy = await resolvePolicy(opts.policy);
    if (opts.rules) {
      io.out(renderRules(policy, lang));
      return 0;
    }
    if (paths.length === 0) throw usage("CLI_NO_PATHS");
    mappings = await resolveMapping(opts.mapping);
    inputs = await collectInputs(paths, {
      outputDirs: opts.write ? [opts.write] : [],
      outputFiles: opts.report ? [opts.report] : [],
    });
    // An output never replaces an input, however it is named.
    if (opts.report)
      for (const i of inputs)
        if (i.action !== "skip" && (await samePath(i.file, opts.report)))
          throw usage("CLI_OUTPUT_IS_INPUT", { file: opts.report });
  } catch (e) {
    if (e instanceof UsageError || e instanceof PolicyError || e instanceof MappingError) {
      io.err(`perf-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  // The outputs: every one rendered by src/report from the same run, so their counts agree.
  const files: Entry[] = inputs.map((i) => fileOf(i, lang));
  const run: ReportRun = { files, lang, policy, date: today(), version: VERSION };
  const print = () => {
    if (opts.json) io.out(JSON.stringify(jsonDocument(run), null, 2) + "\n");
    else {
      const text = renderText(run);
      for (const line of text.err) io.err(`${line}\n`);
      for (const line of text.out) io.out(`${line}\n`);
    }
  };
  if (!inputs.some((i) => i.action !== "skip")) {
    // Nothing to check: still every file listed (with why it was skipped), then the usage line.
    print();
    io.err(`perf-check: ${bothLine("CLI_NO_FILES", { paths: paths.join(", ") })}\n`);
    return 2;
  }

  const toRead = inputs.filter((i) => i.action === "read" || i.action === "convert");
  const conversions = await convertInputs(
    inputs.filter((i) => i.action === "convert"),
    env,
  );
  // An annotated copy never lands on an input (say a file named x.checked.xlsx inside --write DIR).
  const taken = new Set<string>(inputs.map((i) => path.resolve(i.file)));
  let written = 0;
  const bar = opts.json ? { tick: () => undefined, stop: () => undefined } : progressBar(io, toRead.length);
  const pool = new SheetPool({ policy, mappings, lang, limits }, env);
  if (!opts.write) await pool.prepare(toRead.filter((i) => i.action === "read").map((i) => i.file));
  try {
    for (const [k, input] of inputs.entries()) {
      const entry = files[k];
      if (input.action !== "read" && input.action !== "convert") continue;
      try {
        let source = input.file;
        if (input.action === "convert") {
          const c = conversions.results.get(input.file);
          if (!c?.xlsx) {
            const m = c?.error ?? both("CONVERT_NO_SOFFICE", { ext: path.extname(input.file).toLowerCase() });
            throw new WorkbookReadError(m.zh, m.en);
          }
          source = c.xlsx;
          entry.converted = true;
        }
        if (!opts.write) {
          // Checked sheet by sheet, a large workbook on two threads (parallel.ts): the same entry.
          await pool.checkFile(source, entry);
        } else {
          const { grids, pkg } = await openWorkbook(source, limits);
          const sheets = checkGrids(grids, policy, mappings);
          recordChecked(entry, sheets, lang);
          // The copy is the workbook itself plus the review cells, flags and notes: only the parts
          // that change are rewritten (src/xlsx/annotate.ts), so two runs write the same bytes.
          // Loaded here, not at start-up.
          const { annotatedCopy, annotatedPath } = require("./annotate") as typeof import("./annotate");
          const bytes = annotatedCopy(pkg, sheets, policy, lang);
          const out = annotatedPath(opts.write, input.rel, taken);
          await fs.mkdir(path.dirname(out), { recursive: true });
          await fs.writeFile(out, bytes);
          written++;
          // The report links each annotated copy, relative to the report's own folder.
          if (opts.report)
            entry.annotated = path
              .relative(path.dirname(path.resolve(opts.report)), out)
              .split(path.sep)
              .join("/");
        }
      } catch (e) {
        recordUnreadable(entry, e, lang);
      }
      bar.tick(input.file);
    }
  } finally {
    bar.stop();
    await pool.close();
    await conversions.dispose();
  }

  let reportFailure = false;
  if (opts.report) {
    try {
      const { writeReport } = require("./report") as typeof import("./report");
      await writeReport(opts.report, run);
    } catch (e) {
      reportFailure = true;
      io.err(`perf-check: ${bothLine("CLI_REPORT_WRITE", { file: opts.report, detail: (e as Error).message })}\n`);
    }
  }

  print();
  if (!opts.json) {
    if (opts.write && written > 0) io.out(`${t(lang, "CLI_ANNOTATED")}: ${path.resolve(opts.write)}\n`);
    if (opts.report && !reportFailure) io.out(`${t(lang, "CLI_REPORT")}: ${path.resolve(opts.report)}\n`);
  }
  const s = summarize(files, policy);
  if (s.unreadable > 0 || reportFailure) return 2;
  return s.errors > 0 ? 1 : 0;
}

/** A file's entry before it is read: skipped and missing inputs are final here. */
/** A file's JSON entry (src/pipeline) with what the reports add: its path relative to the folder, its copy's link. */
type Entry = JsonFile & Pick<ReportFile, "rel" | "annotated">;

function fileOf(input: Input, lang: Lang): Entry {
  const entry: Entry = { ...newEntry(input.file), rel: input.rel };
  if (input.action === "skip") {
    entry.status = "skipped";
    entry.skipped = input.reason ? input.reason[lang] : "";
  } else if (input.action === "missing") {
    entry.status = "unreadable";
    entry.error = t(lang, "CLI_NO_SUCH_PATH");
  }
  return entry;
}

/** The .xls/.et/.ods inputs converted with LibreOffice, when it is installed. */
async function convertInputs(inputs: readonly Input[], env: NodeJS.ProcessEnv): Promise<ConvertBatch> {
  const none: ConvertBatch = { results: new Map(), dispose: async () => undefined };
  if (inputs.length === 0) return none;
  const { convertWithLibreOffice, findSoffice } = require("./libreoffice") as typeof import("./libreoffice");
  const soffice = findSoffice(env);
  if (!soffice) return none;
  const timeout = Number(env.PERF_CHECK_CONVERT_TIMEOUT);
  return convertWithLibreOffice(
    inputs.map((i) => i.file),
    { soffice, timeoutMs: timeout > 0 ? timeout * 1000 : undefined, env },
  );
}
