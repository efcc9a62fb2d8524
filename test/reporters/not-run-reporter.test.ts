/**
 * The not-run reporter (jest.config.js): a skipped test never reads as a pass (issue 10). It
 * names every test that did not run with the reason its suite logged, says for each suite that
 * needs Chromium or LibreOffice whether it ran, and under CI turns any skip into a failed run.
 */
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const NotRunReporter = require("./not-run-reporter.js") as new (
  g: { rootDir: string; testNamePattern?: string },
  o: { toolSuites: Record<string, string> },
) => {
  onTestResult(t: unknown, r: unknown): void;
  onRunComplete(): void;
  getLastError(): Error | undefined;
};

const ROOT = "/repo";

function result(rel: string, statuses: string[], warn?: string) {
  return {
    testFilePath: path.join(ROOT, rel),
    numPassingTests: statuses.filter((s) => s === "passed").length,
    numFailingTests: statuses.filter((s) => s === "failed").length,
    testResults: statuses.map((status, i) => ({ status, fullName: `${rel} test ${i}` })),
    console: warn ? [{ type: "warn", message: warn, origin: "" }] : [],
  };
}

function run(env: { CI?: string }, pattern?: string) {
  const reporter = new NotRunReporter(
    { rootDir: ROOT, testNamePattern: pattern },
    { toolSuites: { "test/browser/pane.test.ts": "Chromium", "test/cli/convert.test.ts": "LibreOffice" } },
  );
  reporter.onTestResult({}, result("test/browser/pane.test.ts", ["pending", "pending"], "chromium not found; skipped"));
  reporter.onTestResult({}, result("test/cli/convert.test.ts", ["passed", "passed"]));
  reporter.onTestResult({}, result("test/engine/x.test.ts", ["passed", "todo"]));
  let printed = "";
  const saved = process.env.CI;
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
    printed += String(s);
    return true;
  });
  try {
    if (env.CI === undefined) delete process.env.CI;
    else process.env.CI = env.CI;
    reporter.onRunComplete();
  } finally {
    spy.mockRestore();
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  }
  return { printed, error: reporter.getLastError() };
}

test("lists the tool suites (RAN / NOT RUN with the reason) and every test that did not run; no failure locally", () => {
  const { printed, error } = run({});
  expect(printed).toContain(
    "  NOT RUN  test/browser/pane.test.ts (Chromium): 2 of 2 tests skipped — chromium not found; skipped\n",
  );
  expect(printed).toContain("  RAN      test/cli/convert.test.ts (LibreOffice): 2 passed, 0 failed, of 2\n");
  expect(printed).toContain("Did not run (3 tests; skipped is not passed):\n");
  expect(printed).toContain("  test/browser/pane.test.ts › test/browser/pane.test.ts test 0\n");
  expect(printed).toContain("  test/engine/x.test.ts › test/engine/x.test.ts test 1\n");
  expect(error).toBeUndefined();
});

test("under CI a skipped test fails the run", () => {
  const { printed, error } = run({ CI: "true" });
  expect(printed).toContain("CI is set: 3 tests that did not run fail this run.");
  expect(error?.message).toBe("3 tests did not run (CI is set)");
});

test("with a -t filter, the tests it filtered out are not reported as skipped", () => {
  const { printed, error } = run({ CI: "true" }, "something");
  expect(printed).not.toContain("Did not run");
  expect(error).toBeUndefined();
});
