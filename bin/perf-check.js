#!/usr/bin/env node
"use strict";
// perf-check: the headless checker. Compiled from src/cli by `npm run build:cli`.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("perf-check: not built yet; run `npm run build:cli` first.\n");
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then((code) => process.exit(code));
