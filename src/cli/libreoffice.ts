/**
 * Reading .xls (Excel 97-2003), .et (WPS) and .ods workbooks by converting them to .xlsx with
 * LibreOffice headless, when it is installed.
 *
 * - The originals are never opened in place: each is copied into a private temporary folder
 *   (mode 0700) and the copy converted there, so no lock file or output lands beside the original.
 * - LibreOffice runs with a profile of its own in that folder (-env:UserInstallation), so it
 *   neither disturbs nor waits for a LibreOffice the user has open.
 * - One soffice run converts the whole batch, under a timeout (CONVERT_TIMEOUT_MS); on timeout the
 *   whole process group is killed and every file not converted by then is reported as timed out.
 * - The caller removes the folder (dispose) when it has read the converted copies.
 */
import { spawn } from "child_process";
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { both } from "../i18n/strings";
import type { Bilingual } from "../i18n/strings";

/** How long one soffice run may take: a start-up allowance plus a share for each file, milliseconds. */
export const CONVERT_TIMEOUT_MS = { base: 120_000, perFile: 30_000 };

/**
 * soffice's path: $SOFFICE when set ("none" pretends LibreOffice is not installed), else `soffice` or
 * `libreoffice` on PATH, else the usual install places. Undefined when none exists.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SOFFICE === "none") return undefined;
  if (env.SOFFICE) return existsSync(env.SOFFICE) ? env.SOFFICE : undefined;
  const candidates: string[] = [];
  for (const dir of (env.PATH ?? "").split(path.delimiter))
    if (dir) candidates.push(path.join(dir, "soffice"), path.join(dir, "libreoffice"));
  candidates.push(
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  );
  return candidates.find((c) => existsSync(c));
}

export interface Conversion {
  /** The converted .xlsx, inside the private folder (undefined when conversion failed). */
  xlsx?: string;
  /** Why there is none, in both languages. */
  error?: Bilingual;
}

export interface ConvertBatch {
  /** By source path, as passed in. */
  results: Map<string, Conversion>;
  /** Removes the private folder and everything in it. */
  dispose(): Promise<void>;
}

export interface ConvertOptions {
  soffice: string;
  /** Overrides the timeout for the whole run (tests), milliseconds. */
  timeoutMs?: number;
  /** The environment soffice runs in (HOME and TMPDIR are pointed at the private folder); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

interface RunOutcome {
  timedOut: boolean;
  code: number | null;
  output: string;
}

/** Runs soffice in a process group of its own, killed whole on timeout. */
function runSoffice(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    const child = spawn(cmd, args, { env, detached: process.platform !== "win32", stdio: ["ignore", "pipe", "pipe"] });
    const keep = (b: Buffer) => {
      output = (output + b.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ timedOut, code: null, output: e.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ timedOut, code, output });
    });
  });
}

/** The last meaningful line soffice printed, for a one-line reason. */
function lastLine(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/javaldx|^convert /i.test(l));
  return lines[lines.length - 1] ?? "";
}

/**
 * Converts `sources` to .xlsx with LibreOffice. Never throws for a file: each gets either the
 * converted copy or its reason.
 */
export async function convertWithLibreOffice(sources: readonly string[], opts: ConvertOptions): Promise<ConvertBatch> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "perf-check-convert-"));
  const dispose = () => fs.rm(dir, { recursive: true, force: true });
  const results = new Map<string, Conversion>();
  const inDir = path.join(dir, "in");
  const outDir = path.join(dir, "out");
  const profile = path.join(dir, "profile");
  await fs.mkdir(inDir);
  await fs.mkdir(outDir);
  await fs.mkdir(profile);
  // Plain names inside the private folder: soffice mishandles some characters in names, and two
  // sources called the same in different folders must not overwrite each other's output.
  const copies: { source: string; copy: string; out: string }[] = [];
  for (const [i, source] of sources.entries()) {
    const copy = path.join(inDir, `${i}${path.extname(source).toLowerCase()}`);
    try {
      await fs.copyFile(source, copy);
      copies.push({ source, copy, out: path.join(outDir, `${i}.xlsx`) });
    } catch (e) {
      results.set(source, { error: both("READ_IO", { detail: (e as Error).message }) });
    }
  }
  if (copies.length === 0) return { results, dispose };

  const timeoutMs = opts.timeoutMs ?? CONVERT_TIMEOUT_MS.base + CONVERT_TIMEOUT_MS.perFile * copies.length;
  const run = await runSoffice(
    opts.soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...copies.map((c) => c.copy),
    ],
    { ...(opts.env ?? process.env), HOME: dir, TMPDIR: dir, SAL_USE_VCLPLUGIN: "svp" },
    timeoutMs,
  );
  for (const c of copies) {
    const ok = await fs
      .stat(c.out)
      .then((s) => s.isFile() && s.size > 0)
      .catch(() => false);
    if (ok) results.set(c.source, { xlsx: c.out });
    else if (run.timedOut)
      results.set(c.source, { error: both("CONVERT_TIMEOUT", { seconds: Math.round(timeoutMs / 1000) }) });
    else
      results.set(c.source, { error: both("CONVERT_FAILED", { detail: lastLine(run.output) || `exit ${run.code}` }) });
  }
  return { results, dispose };
}
