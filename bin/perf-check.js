#!/usr/bin/env node
"use strict";
// perf-check: the headless checker. Compiled from src/cli by `npm run build:cli`.
//
// Nothing here calls process.exit while output is still queued: stdout and stderr to a pipe are
// asynchronous, and exiting early cuts the output at the pipe's buffer (64 KiB). The exit status
// is set, both streams are flushed, then the process ends.
const path = require("path");
const fs = require("fs");

/** Resolves once everything written to `stream` so far has been handed to the OS (or the reader has gone). */
function flushed(stream) {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write("", () => resolve());
  });
}

function finish(code) {
  process.exitCode = code;
  Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code));
}

// A reader that stops early (`perf-check --json … | head`) closes the pipe: stop quietly, keep the status.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const built = path.join(__dirname, "..", "build", "cli", "main.js");
// The one-file bundle (webpack.cli.config.js) starts faster; the compiled modules when it is
// missing or older than them (tsc run alone after a full build).
const bundle = path.join(__dirname, "..", "build", "cli", "perf-check.js");
const mtime = (f) => fs.statSync(f, { throwIfNoEntry: false })?.mtimeMs;
const entry = (mtime(bundle) ?? -1) >= (mtime(built) ?? Infinity) ? bundle : built;
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "perf-check: 尚未构建，请先运行 `npm run build:cli` / not built yet; run `npm run build:cli` first.\n",
  );
  finish(2);
} else {
  require(entry)
    .main(process.argv.slice(2))
    .then(finish, (e) => {
      process.stderr.write(`perf-check: ${(e && e.stack) || e}\n`);
      finish(2);
    });
}
