"use strict";
/**
 * A jest reporter that says plainly which tests did not run and why, so that a skipped test never
 * reads as a pass.
 *
 * - Suites that need a tool from outside npm (options.toolSuites: path → tool) get a line each at
 *   the end of the run: "RAN" with their counts, "FAILED", or "NOT RUN" with how many tests were
 *   skipped and the reason the suite logged (its console.warn lines). .ci/run checks these lines.
 * - Every skipped or todo test in any suite is listed by name under "Did not run".
 * - When the environment variable CI is set, any test that did not run fails the run (jest exits
 *   non-zero), unless a -t/--testNamePattern filter chose which tests run.
 */
const path = require("path");

const DID_NOT_RUN = new Set(["pending", "skipped", "todo", "disabled"]);

class NotRunReporter {
  constructor(globalConfig, options = {}) {
    this.globalConfig = globalConfig;
    this.rootDir = globalConfig.rootDir;
    this.toolSuites = options.toolSuites || {};
    this.suites = new Map();
    this.error = undefined;
  }

  onTestResult(_test, result) {
    const rel = path.relative(this.rootDir, result.testFilePath).split(path.sep).join("/");
    const notRun = result.testResults.filter((t) => DID_NOT_RUN.has(t.status)).map((t) => t.fullName);
    const warnings = (result.console || [])
      .filter((c) => c.type === "warn")
      .map((c) => String(c.message).split("\n")[0]);
    this.suites.set(rel, {
      passed: result.numPassingTests,
      failed: result.numFailingTests,
      total: result.testResults.length,
      notRun,
      warnings,
      execError: result.testExecError ? String(result.testExecError.message).split("\n")[0] : undefined,
    });
  }

  onRunComplete() {
    const lines = [];
    const toolPaths = Object.keys(this.toolSuites);
    if (toolPaths.length) {
      lines.push("Suites that need tools from outside npm:");
      for (const p of toolPaths) {
        const tool = this.toolSuites[p];
        const s = this.suites.get(p);
        if (!s) {
          lines.push(`  -        ${p} (${tool}): not selected in this run`);
        } else if (s.execError) {
          lines.push(`  FAILED   ${p} (${tool}): ${s.execError}`);
        } else if (s.failed > 0) {
          lines.push(`  FAILED   ${p} (${tool}): ${s.passed} passed, ${s.failed} failed, of ${s.total}`);
        } else if (s.notRun.length === 0) {
          lines.push(`  RAN      ${p} (${tool}): ${s.passed} passed, ${s.failed} failed, of ${s.total}`);
        } else {
          const why = s.warnings.length ? ` — ${s.warnings.join(" ")}` : "";
          lines.push(`  NOT RUN  ${p} (${tool}): ${s.notRun.length} of ${s.total} tests skipped${why}`);
        }
      }
    }
    const filtered = Boolean(this.globalConfig.testNamePattern);
    const skipped = [...this.suites].filter(([, s]) => s.notRun.length > 0);
    const count = skipped.reduce((n, [, s]) => n + s.notRun.length, 0);
    if (count > 0 && !filtered) {
      lines.push("", `Did not run (${count} tests; skipped is not passed):`);
      for (const [p, s] of skipped) {
        for (const name of s.notRun) lines.push(`  ${p} › ${name}`);
        for (const w of s.warnings) lines.push(`    why: ${w}`);
      }
      if (process.env.CI) {
        lines.push(`CI is set: ${count} tests that did not run fail this run.`);
        this.error = new Error(`${count} tests did not run (CI is set)`);
      } else {
        lines.push("Install what is named above (bash .ci/run does) and run again to run them.");
      }
    }
    if (lines.length) process.stderr.write(`\n${lines.join("\n")}\n`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = NotRunReporter;
