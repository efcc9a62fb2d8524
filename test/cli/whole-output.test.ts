/**
 * No output is ever cut (issue 10: `perf-check --json big.xlsx | jq .` received exactly 64 KiB,
 * because bin/perf-check.js called process.exit before stdout drained into the pipe).
 *
 * The real bin (built by `npm run build:cli`) runs as a child process with stdout and stderr on
 * real pipes, on a workbook of 300 forms (30 sheets × 10 forms stacked, scripts/lib/stack-forms.ts,
 * as the benchmark builds it); the reader is slow on purpose, so the pipe is full when the checker
 * finishes. The whole JSON parses and holds all 300 forms; the text output ends with its summary;
 * a reader that stops early ends the checker quietly.
 */
import { spawn } from "child_process";
import { existsSync } from "fs";
import path from "path";
import { stackedWorkbook, templatesFrom } from "../../scripts/lib/stack-forms";
import { makeTempDir, removeDir, SEEDS } from "../helpers/xlsx-builders";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "perf-check.js");
const BUILT = path.join(ROOT, "build", "cli", "main.js");

interface PipedRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** The bin through real pipes; the reader pauses `pauseMs` after every chunk. */
function pipeRun(args: string[], pauseMs: number): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      chunks.push(b);
      if (pauseMs > 0) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), pauseMs);
      }
    });
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe("bin/perf-check.js writes all of its output to a pipe before it exits", () => {
  let dir: string;
  let big: string;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error("build/cli/main.js missing: run `npm run build:cli` before jest");
    dir = await makeTempDir("whole-output");
    big = path.join(dir, "big.xlsx");
    await stackedWorkbook(await templatesFrom(SEEDS), 30, 10).xlsx.writeFile(big);
  }, 120_000);

  afterAll(() => removeDir(dir));

  test("--json on 300 forms: far more than 64 KiB, all of it parses, 300 forms, exit 1 (the fixtures' errors)", async () => {
    const run = await pipeRun(["--json", big], 5);
    expect(run.stderr).toBe("");
    expect(run.stdout.length).toBeGreaterThan(20 * 65536);
    const doc = JSON.parse(run.stdout.toString("utf8")) as {
      files: { forms: unknown[] }[];
      summary: { forms: number };
    };
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0].forms).toHaveLength(300);
    expect(doc.summary.forms).toBe(300);
    expect(run.code).toBe(1);
  }, 120_000);

  test("text on 300 forms: every form line and the summary line, last", async () => {
    const run = await pipeRun([big], 5);
    const text = run.stdout.toString("utf8");
    expect(text.length).toBeGreaterThan(65536);
    const lines = text.split("\n");
    expect(lines.filter((l) => /^ {2}表\d+!A\d+:I\d+ /.test(l))).toHaveLength(300);
    expect(lines[lines.length - 1]).toBe("");
    expect(lines[lines.length - 2]).toMatch(/^1 个文件（已检查 1.*），300 张表，/);
    expect(run.code).toBe(1);
  }, 120_000);

  test("a reader that closes the pipe early (| head): the checker stops without a stack trace", async () => {
    const child = spawn(process.execPath, [BIN, "--json", big], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(1);
  }, 120_000);
});
