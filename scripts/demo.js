#!/usr/bin/env node
/**
 * npm run demo: checks the sample workbooks in samples/ without Excel, writes annotated copies
 * and a report under out/, and says where they are. Error findings in the samples are the point
 * of the demo, so they do not fail it; an unreadable file or a crash does.
 */
"use strict";
const path = require("path");
const fs = require("fs");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "build", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("demo: build/cli is missing; run `npm run build:cli` first.");
  process.exit(2);
}
const { main } = require(entry);
const out = path.join(root, "out");

(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  const args = ["--write", path.join(out, "annotated"), "--report", path.join(out, "report.html"), path.join(root, "samples")];
  console.log(`$ perf-check ${args.map((a) => path.relative(root, a)).join(" ")}\n`);
  const code = await main(args);
  await main(["--report", path.join(out, "report.csv"), path.join(root, "samples")], { out: () => {}, err: (s) => process.stderr.write(s), isTTY: false });
  await main(["--report", path.join(out, "report.xlsx"), path.join(root, "samples")], { out: () => {}, err: (s) => process.stderr.write(s), isTTY: false });
  await main(["--json", path.join(root, "samples")], { out: (s) => fs.writeFileSync(path.join(out, "report.json"), s), err: (s) => process.stderr.write(s), isTTY: false });
  console.log(`
打开 / Open:
  ${path.join(out, "report.html")}   复核报告 / report
  ${path.join(out, "annotated")}/     批注副本（复核列为原生 Excel 公式，问题单元格已标注）/ annotated copies
  ${path.join(out, "report.csv")}, ${path.join(out, "report.xlsx")}, ${path.join(out, "report.json")}`);
  process.exit(code <= 1 ? 0 : code);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
