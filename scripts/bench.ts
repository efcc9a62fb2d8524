/**
 * npm run bench: one table of ratios measured in one run on this machine.
 * Not a test: it prints figures (and marks each against its target); README quotes them.
 */
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
// The measured code runs compiled, as it ships (tsc output in build/), not through tsx's transform.
/* eslint-disable @typescript-eslint/no-require-imports */
const perf = require("../build/engine/perf.js") as typeof import("../src/engine/perf");
const { getPolicy } = require("../build/engine/policy.js") as typeof import("../src/engine/policy");
const { analyzeGrid } = require("../build/layout/analyze.js") as typeof import("../src/layout/analyze");
const { Grid } = require("../build/layout/grid.js") as typeof import("../src/layout/grid");
const { detectForms } = require("../build/layout/detect.js") as typeof import("../src/layout/detect");
const { readZip } = require("../build/xlsx/zip.js") as typeof import("../src/xlsx/zip");
/* eslint-enable @typescript-eslint/no-require-imports */
import type { CellValue } from "../src/engine/types";
import type { RangeBox } from "../src/engine/model";
import { FormTemplate, stackedWorkbook, templatesFrom } from "./lib/stack-forms";
import { syncCounts } from "./lib/sync-counts";
import { CHROMIUM, launch, openChecker, waitChecked } from "../test/browser/checker-harness";

const ROOT = path.resolve(__dirname, "..");
const SAMPLES = path.join(ROOT, "samples");

interface Row {
  metric: string;
  value: string;
  target: string;
  ok?: boolean;
}

const rows: Row[] = [];
/** The machine's load averages (1, 5, 15 minutes) when the bench starts: other work skews every figure. */
const LOAD_AT_START = os.loadavg();

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function gridOf(templates: FormTemplate[], forms: number): InstanceType<typeof Grid> {
  const values: CellValue[][] = [];
  const numFmts: (string | undefined)[][] = [];
  const merges: RangeBox[] = [];
  let top = 0;
  for (let f = 0; f < forms; f++) {
    const t = templates[f % templates.length];
    t.rows.forEach((row, r) => {
      values[top + r] = (row ?? []).map((c) => (c ? c.value : null));
      numFmts[top + r] = (row ?? []).map((c) => c?.numFmt);
    });
    for (const m of t.merges) merges.push({ top: m.top + top, bottom: m.bottom + top, left: m.left, right: m.right });
    top += t.height + 2;
  }
  for (let i = 0; i < top; i++) if (!values[i]) values[i] = [];
  return new Grid({ sheet: "bench", values, numFmts, merges });
}

/** Wall time of one process run, ms (its output discarded). */
function runMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return ms;
}

/** Median of n alternating process runs of a and b: both see the same machine state. */
function pairedRuns(
  n: number,
  a: string[],
  b: string[],
  envA: NodeJS.ProcessEnv = process.env,
  envB: NodeJS.ProcessEnv = process.env,
): [number, number] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    ta.push(runMs(a, envA));
    tb.push(runMs(b, envB));
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [med(ta), med(tb)];
}

/** The parts an annotated copy changed or added, as plain files (for the floor of writing them). */
async function changedParts(original: string, copy: string, dir: string): Promise<number> {
  const inflate = (e: ReturnType<typeof readZip>[number]) => (e.method === 8 ? zlib.inflateRawSync(e.data) : Buffer.from(e.data));
  const before = new Map(readZip(new Uint8Array(await fs.readFile(original))).map((e) => [e.name, e]));
  await fs.mkdir(dir, { recursive: true });
  let n = 0;
  for (const e of readZip(new Uint8Array(await fs.readFile(copy)))) {
    const o = before.get(e.name);
    const content = inflate(e);
    if (o && inflate(o).equals(content)) continue;
    await fs.writeFile(path.join(dir, encodeURIComponent(e.name)), content);
    n++;
  }
  return n;
}

async function benchFiles(templates: FormTemplate[], tmp: string): Promise<void> {
  // 1. One workbook of 300 forms (30 sheets × 10 forms): perf-check as a whole process (start-up
  // included) against the floor script (start Node, inflate, saxes with no handlers), side by side.
  const big = path.join(tmp, "stacked-300.xlsx");
  await stackedWorkbook(templates, 30, 10).xlsx.writeFile(big);
  const bin = path.join(ROOT, "bin", "perf-check.js");
  const floor = path.join(ROOT, "scripts", "floor.js");
  runMs([floor, big]);
  runMs([bin, "--json", big]);
  const [floorMs, checkMs] = pairedRuns(9, [floor, big], [bin, "--json", big]);
  const r1 = checkMs / floorMs;
  rows.push({
    metric: "1. perf-check ÷ floor (inflate + saxes), 300 forms, whole process",
    value: `${r1.toFixed(2)} (${checkMs.toFixed(0)} ms vs ${floorMs.toFixed(0)} ms)`,
    target: "≤ 1.2",
    ok: r1 <= 1.2,
  });

  // 1d. Where the whole process's time goes (scripts/warm-split.js, one process of its own): Node's
  // start-up, loading the checker, the first run, and the same run once V8 has compiled it (warm),
  // beside the floor's work cold and warm. Warm ÷ warm is what the checker's own work costs over the
  // floor's with no start-up and no JIT warm-up at all: row 1's target can be no lower than
  // (start-up + load + warm check) ÷ (start-up + floor).
  const split = (() => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "warm-split.js"), big, "9"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`warm-split.js: exit ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<"start" | "load" | "floorCold" | "floorWarm" | "checkCold" | "checkWarm", number>;
  })();
  const bound = (split.start + split.load + split.checkWarm) / (split.start + split.floorCold);
  rows.push({
    metric: "1d. one process: perf-check's work warm ÷ the floor's work warm, 300 forms (and the bound it sets on row 1)",
    value:
      `${(split.checkWarm / split.floorWarm).toFixed(2)} (${split.checkWarm.toFixed(0)} ms vs ${split.floorWarm.toFixed(0)} ms; ` +
      `cold ${split.checkCold.toFixed(0)} vs ${split.floorCold.toFixed(0)} ms; start-up ${split.start.toFixed(0)} ms, ` +
      `loading the checker ${split.load.toFixed(0)} ms; row 1 with no JIT warm-up at all ≥ ${bound.toFixed(2)})`,
    target: "for reading row 1",
  });

  // 1c. The same run on one thread and on two (src/cli/parallel.ts: the worker claims sheets),
  // forced either way whatever the load, side by side: what the worker gives on this machine now.
  const [oneMs, twoMs] = pairedRuns(
    9,
    [bin, "--json", big],
    [bin, "--json", big],
    { ...process.env, PERF_CHECK_WORKERS: "0" },
    { ...process.env, PERF_CHECK_WORKERS: "1" },
  );
  rows.push({
    metric: "1c. perf-check --json on two threads ÷ on one (PERF_CHECK_WORKERS=1 vs 0), 300 forms",
    value: `${(twoMs / oneMs).toFixed(2)} (${twoMs.toFixed(0)} ms vs ${oneMs.toFixed(0)} ms; load ${os.loadavg()[0].toFixed(1)})`,
    target: "< 1 where a core is idle",
  });

  // 1b. --write: perf-check --write against the floor that also writes the parts the copy changes
  // (deflated with zlib, every other member's bytes copied).
  const outDir = path.join(tmp, "annotated");
  runMs([bin, "--json", "--write", outDir, big]);
  const copy = path.join(outDir, "stacked-300.checked.xlsx");
  const partsDir = path.join(tmp, "changed-parts");
  const parts = await changedParts(big, copy, partsDir);
  const floorCopy = path.join(tmp, "floor-copy.xlsx");
  const [floorWriteMs, writeMs] = pairedRuns(
    9,
    [floor, big, "--write", partsDir, floorCopy],
    [bin, "--json", "--write", outDir, big],
  );
  const r1b = writeMs / floorWriteMs;
  rows.push({
    metric: `1b. perf-check --write ÷ floor writing the same ${parts} changed parts, 300 forms`,
    value: `${r1b.toFixed(2)} (${writeMs.toFixed(0)} ms vs ${floorWriteMs.toFixed(0)} ms; --write adds ${(writeMs - checkMs).toFixed(0)} ms, the floor ${(floorWriteMs - floorMs).toFixed(0)} ms)`,
    target: "≤ 1.2",
    ok: r1b <= 1.2,
  });

  // 2. 1,000 one-form files in a folder, in one process each side.
  const dir = path.join(tmp, "many");
  await fs.mkdir(dir, { recursive: true });
  const singles: Buffer[] = [];
  for (const t of templates) singles.push(Buffer.from(await stackedWorkbook([t], 1, 1).xlsx.writeBuffer()));
  const files: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const f = path.join(dir, `表${String(i).padStart(4, "0")}.xlsx`);
    await fs.writeFile(f, singles[i % singles.length]);
    files.push(f);
  }
  const list = path.join(tmp, "many.txt");
  await fs.writeFile(list, files.join("\n"));
  const floorMany = path.join(tmp, "floor-many.js");
  await fs.writeFile(
    floorMany,
    `const fs=require("fs");const{execFileSync}=require("child_process");` +
      `process.argv=[process.argv[0],${JSON.stringify(floor)}];` +
      `for(const f of fs.readFileSync(${JSON.stringify(list)},"utf8").split("\\n")){process.argv[2]=f;delete require.cache[${JSON.stringify(floor)}];require(${JSON.stringify(floor)});}`,
  );
  const [floorManyMs, checkManyMs] = pairedRuns(3, [floorMany], [bin, "--json", dir]);
  const r2 = checkManyMs / floorManyMs;
  rows.push({
    metric: "2. perf-check ÷ floor, 1,000 one-form files, whole process",
    value: `${r2.toFixed(2)} (${((1000 / checkManyMs) * 1000).toFixed(0)} files/s)`,
    target: "≤ 1.3",
    ok: r2 <= 1.3,
  });
}

function benchFunctions(): void {
  // 3. PERF.EXECRATE and PERF.SCORE, typical inputs, vs the same arithmetic in JS numbers.
  const n = 100_000;
  const budgets = Array.from({ length: 100 }, (_, i) => 50 + i * 3.17);
  const executed = budgets.map((b, i) => b * (0.5 + (i % 50) / 100));
  let sink2 = 0;
  const tExec = (() => {
    const t0 = now();
    for (let i = 0; i < n; i++) {
      const r = perf.execRate(budgets[i % 100], executed[i % 100]);
      if (typeof r === "number") sink2 += r;
    }
    return now() - t0;
  })();
  const tExecJs = (() => {
    const t0 = now();
    for (let i = 0; i < n; i++) sink2 += executed[i % 100] / budgets[i % 100];
    return now() - t0;
  })();
  const targets = ["≥90%", "≥3000", "≤4小时", "5000人", "≥95%"];
  const actuals: (string | number)[] = [0.95, 3225, "3小时", "164人", 0.9];
  const tScore = (() => {
    const t0 = now();
    for (let i = 0; i < n; i++) {
      const r = perf.score(targets[i % 5], actuals[i % 5], 10);
      if (typeof r === "number") sink2 += r;
    }
    return now() - t0;
  })();
  const tScoreJs = (() => {
    const t0 = now();
    const tn = [0.9, 3000, 4, 5000, 0.95];
    const an = [0.95, 3225, 3, 164, 0.9];
    for (let i = 0; i < n; i++) {
      const t = tn[i % 5];
      const a = an[i % 5];
      sink2 += Math.round((a >= t ? 1 : a / t) * 10 * 100) / 100;
    }
    return now() - t0;
  })();
  const execPerSec = (n / tExec) * 1000;
  const scorePerSec = (n / tScore) * 1000;
  rows.push({ metric: "3a. PERF.EXECRATE calls/s (ratio to plain JS numbers)", value: `${execPerSec.toFixed(0)} (${(tExec / tExecJs).toFixed(0)}×)`, target: "≥ 200,000/s", ok: execPerSec >= 200_000 });
  rows.push({ metric: "3b. PERF.SCORE calls/s (ratio to plain JS numbers)", value: `${scorePerSec.toFixed(0)} (${(tScore / tScoreJs).toFixed(0)}×)`, target: "≥ 100,000/s", ok: scorePerSec >= 100_000 });
  if (sink2 === 42) console.log("");
}

function benchDetectionOnly(templates: FormTemplate[]): void {
  // Layout detection alone on one sheet of 300 stacked forms, and its growth from 30 to 300 forms.
  const ms: number[] = [];
  for (const n of [30, 300]) {
    const g = gridOf(templates, n);
    detectForms(g); // warm
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = now();
      const forms = detectForms(g);
      times.push(now() - t0);
      if (forms.length !== n) throw new Error(`expected ${n} forms, found ${forms.length}`);
    }
    ms.push(times.sort((a, b) => a - b)[2]);
  }
  const growth = ms[1] / 300 / (ms[0] / 30);
  rows.push({
    metric: "4a. detection only: 300 stacked forms on one sheet (per-form growth 30 → 300)",
    value: `${ms[1].toFixed(1)} ms (${growth.toFixed(2)}×)`,
    target: "linear (≤ 1.5×)",
    ok: growth <= 1.5,
  });
}

function benchDetection(templates: FormTemplate[]): void {
  // 4. Detection + checks per form at 30, 300, 3,000 forms: flat means linear.
  const policy = getPolicy();
  const per: number[] = [];
  for (const n of [30, 300, 3000]) {
    const g = gridOf(templates, n);
    analyzeGrid(g, policy); // warm
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = now();
      const r = analyzeGrid(g, policy);
      times.push(now() - t0);
      if (r.results.length !== n) throw new Error(`expected ${n} forms, found ${r.results.length}`);
    }
    const med = times.sort((a, b) => a - b)[1];
    per.push(med / n);
  }
  const growth = per[2] / per[0];
  rows.push({
    metric: "4. detection + checks, ms per form at 30 / 300 / 3,000 forms",
    value: `${per.map((p) => p.toFixed(3)).join(" / ")} (3,000 vs 30: ${growth.toFixed(2)}×)`,
    target: "flat (≤ 1.5×)",
    ok: growth <= 1.5,
  });
}

async function benchSyncs(): Promise<void> {
  // 5. context.sync() calls for Validate and Write formulas, 1 form vs 300 forms (fake Excel).
  const c = await syncCounts(path.join(SAMPLES, "seed002-bj-hwxr.xlsx"), "项目4");
  const ok = c.validate1 === c.validate300 && c.write1 === c.write300 && Math.max(c.validate1, c.write1) <= 4;
  rows.push({
    metric: "5. context.sync() calls (seed002 项目4): Validate 1 / 300 forms; Write 1 / 300",
    value: `${c.validate1} / ${c.validate300}; ${c.write1} / ${c.write300}`,
    target: "equal, ≤ 4",
    ok,
  });
}

async function benchBundles(): Promise<void> {
  // 6. Production bundle sizes, gzip.
  const size = async (f: string) => zlib.gzipSync(await fs.readFile(path.join(ROOT, "dist", f)), { level: 9 }).length;
  const tp = await size("taskpane.js");
  const fn = await size("functions.js");
  rows.push({ metric: "6a. taskpane.js gzip", value: `${(tp / 1024).toFixed(1)} KB`, target: "≤ 300 KB", ok: tp <= 300 * 1024 });
  rows.push({ metric: "6b. functions.js gzip", value: `${(fn / 1024).toFixed(1)} KB`, target: "≤ 60 KB", ok: fn <= 60 * 1024 });
}

/**
 * 7. The web checker (dist/checker.html) in Chromium through playwright-core, beside
 * perf-check --json as a whole process on the same input, runs alternating, medians: 7a the
 * 300-form workbook of row 1, 7b 300 one-form files (a folder, as a reviewer drops one). The
 * page's time runs from handing the files to the page (already loaded, its worker started) until
 * the check has finished and the table is drawn (the JSON export enabled); its longest main-thread
 * task meanwhile (PerformanceObserver "longtask") shows it stayed responsive.
 */
async function benchPage(tmp: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    rows.push({ metric: "7. web checker ÷ perf-check", value: `not run: ${CHROMIUM} missing`, target: "≤ 2", ok: false });
    return;
  }
  const bin = path.join(ROOT, "bin", "perf-check.js");
  const url = `file://${path.join(ROOT, "dist", "checker.html")}`;
  // 7b's folder: 300 of row 2's one-form files.
  const folder = path.join(tmp, "page-300");
  await fs.mkdir(folder, { recursive: true });
  const many = (await fs.readdir(path.join(tmp, "many"))).sort().slice(0, 300);
  for (const f of many) await fs.copyFile(path.join(tmp, "many", f), path.join(folder, f));
  const browser = await launch();
  try {
    const pageRun = async (input: string, asFolder: boolean): Promise<{ ms: number; longest: number; forms: string }> => {
      const { page } = await openChecker(browser, url, (u) => u === url || u.startsWith("blob:"));
      try {
        await page.evaluate(() => {
          const w = window as unknown as { longest: number };
          w.longest = 0;
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration);
          }).observe({ type: "longtask", buffered: false });
        });
        const t0 = now();
        await page.getByTestId(asFolder ? "folder" : "files").setInputFiles(input);
        await waitChecked(page, 600_000);
        const ms = now() - t0;
        const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
        return { ms, longest, forms: ((await page.locator("#forms-heading").textContent()) ?? "").trim() };
      } finally {
        await page.context().close();
      }
    };
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const cases = [
      { metric: "7a. web checker ÷ perf-check --json, one workbook of 300 forms", input: path.join(tmp, "stacked-300.xlsx"), asFolder: false },
      { metric: "7b. web checker ÷ perf-check --json, 300 one-form files (a folder)", input: folder, asFolder: true },
    ];
    for (const c of cases) {
      const warm = await pageRun(c.input, c.asFolder);
      runMs([bin, "--json", c.input]);
      const pageMs: number[] = [];
      const longest: number[] = [];
      const cliMs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await pageRun(c.input, c.asFolder);
        pageMs.push(r.ms);
        longest.push(r.longest);
        cliMs.push(runMs([bin, "--json", c.input]));
      }
      const ratio = med(pageMs) / med(cliMs);
      rows.push({
        metric: `${c.metric} (page: files in → table drawn)`,
        value: `${ratio.toFixed(2)} (${med(pageMs).toFixed(0)} ms vs ${med(cliMs).toFixed(0)} ms; longest main-thread task ${Math.max(...longest).toFixed(0)} ms; ${warm.forms})`,
        target: "≤ 2",
        ok: ratio <= 2,
      });
    }
  } finally {
    await browser.close();
  }
}

async function run(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "perf-bench-"));
  try {
    const samples = (await fs.readdir(SAMPLES)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(SAMPLES, f));
    const templates = await templatesFrom(samples);
    benchFunctions();
    benchDetectionOnly(templates);
    benchDetection(templates);
    await benchSyncs();
    await benchBundles();
    await benchFiles(templates, tmp);
    await benchPage(tmp);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const w = Math.max(...rows.map((r) => r.metric.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  const loads = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  console.log(
    `\nperf bench — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ` +
      `load average (1, 5, 15 min) at the start ${loads(LOAD_AT_START)}, at the end ${loads(os.loadavg())}\n`,
  );
  console.log(`${"metric".padEnd(w)}  ${"measured".padEnd(v)}  target`);
  for (const r of rows) console.log(`${r.metric.padEnd(w)}  ${r.value.padEnd(v)}  ${r.target} ${r.ok === undefined ? "" : r.ok ? "✓" : "✗"}`);
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
