#!/usr/bin/env node
/**
 * Where a whole perf-check process spends its time above the floor (npm run bench row 1d), in
 * one process of its own: Node's start-up, loading the checker, the first (cold) run, and the
 * same run once V8 has compiled its code (warm), each beside the floor's own work (scripts/floor.js:
 * inflate every XML part, saxes with no handlers) cold and warm.
 *
 *   node scripts/warm-split.js FILE [RUNS]
 *
 * Prints one JSON line, milliseconds: { start, load, floorCold, floorWarm, checkCold, checkWarm }.
 * start: from the process's start to this script's first line; load: requiring the CLI bundle;
 * *Warm: the median of RUNS (default 9) runs after the first. perf-check's output goes nowhere
 * (its stdout writes are counted, not kept).
 */
"use strict";
const startMs = performance.now();
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { SaxesParser } = require("saxes");

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 9);
const root = path.join(__dirname, "..");

function floorWork() {
  const { readZip } = require(path.join(root, "build", "xlsx", "zip.js"));
  const bytes = fs.readFileSync(file);
  const decoder = new TextDecoder("utf-8");
  for (const e of readZip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const data = e.method === 8 ? zlib.inflateRawSync(e.data) : e.data;
    new SaxesParser().write(decoder.decode(data)).close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const timedAsync = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

(async () => {
  const t0 = performance.now();
  const cli = require(path.join(root, "build", "cli", "perf-check.js"));
  const load = performance.now() - t0;
  let written = 0;
  const io = { out: (s) => void (written += s.length), err: (s) => void (written += s.length), isTTY: false };
  const check = () => cli.main(["--json", file], io);
  // The floor first: its cold run owes nothing to the checker's (they share only Node's zlib).
  const floorCold = timed(floorWork);
  const checkCold = await timedAsync(check);
  const checkWarm = [];
  const floorWarm = [];
  for (let i = 0; i < runs; i++) {
    checkWarm.push(await timedAsync(check));
    floorWarm.push(timed(floorWork));
  }
  const out = {
    start: startMs,
    load,
    floorCold,
    floorWarm: median(floorWarm),
    checkCold,
    checkWarm: median(checkWarm),
    written,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
})().catch((e) => {
  process.stderr.write(`${(e && e.stack) || e}\n`);
  process.exit(1);
});
