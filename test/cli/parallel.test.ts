/**
 * perf-check checks a large workbook's sheets on two threads (src/cli/parallel.ts): the main
 * thread and a worker each claim the next sheet not yet taken, and the outcomes are joined in
 * sheet order. The output with the worker (PERF_CHECK_WORKERS=1, whatever the machine's load) must be
 * exactly the single-threaded one (PERF_CHECK_WORKERS=0), for a
 * workbook of 300 forms (30 sheets × 10 forms, as `npm run bench` builds it), for the same
 * workbook with a malformed sheet late in it (the file is unreadable with that sheet's reason,
 * as when one thread reads every sheet), and the NO_FORM finding joined from runs of sheets
 * equals the one from all sheets at once.
 *
 * The bin and the worker run compiled (`npm run build:cli`).
 */
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import JSZip from "jszip";
import path from "path";
import { stackedWorkbook, templatesFrom } from "../../scripts/lib/stack-forms";
import { getPolicy } from "../../src/engine/policy";
import { Grid } from "../../src/layout/grid";
import { checkGrids, digestSheets, noFormFinding, noFormOf } from "../../src/pipeline/check";
import type { JsonFile } from "../../src/pipeline/check";
import { makeTempDir, removeDir, SEEDS } from "../helpers/xlsx-builders";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "perf-check.js");
const BUILT = path.join(ROOT, "build", "cli", "parallel.js");

function run(args: string[], workers: boolean): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, PERF_CHECK_WORKERS: workers ? "1" : "0" };
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("perf-check on two threads gives the single-threaded output", () => {
  let dir: string;
  let big: string;
  let broken: string;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error("build/cli/parallel.js missing: run `npm run build:cli` before jest");
    dir = await makeTempDir("parallel");
    big = path.join(dir, "big.xlsx");
    await stackedWorkbook(await templatesFrom(SEEDS), 30, 10).xlsx.writeFile(big);
    // Sheet 25 of 30 cut off mid-element: malformed XML.
    const zip = await JSZip.loadAsync(await fs.readFile(big));
    const part = "xl/worksheets/sheet25.xml";
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.slice(0, Math.floor(xml.length / 2)));
    broken = path.join(dir, "broken.xlsx");
    await fs.writeFile(broken, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }, 120_000);

  afterAll(() => removeDir(dir));

  test("the worker takes part: it checks sheets, and the entry equals the main thread's alone", async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { SheetPool } = require(BUILT) as typeof import("../../src/cli/parallel");
    const { DEFAULT_LIMITS } = require(
      path.join(ROOT, "build", "cli", "read.js"),
    ) as typeof import("../../src/cli/read");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const settings = { policy: getPolicy(), lang: "zh" as const, limits: DEFAULT_LIMITS };
    const entry = (): JsonFile => ({ file: big, status: "checked", findings: [], forms: [] });
    const two = new SheetPool(settings, { PERF_CHECK_WORKERS: "1" });
    const one = new SheetPool(settings, { PERF_CHECK_WORKERS: "0" });
    try {
      expect(await two.warm()).toBe(true);
      expect(await one.warm()).toBe(false);
      const a = entry();
      const b = entry();
      await two.checkFile(big, a);
      await one.checkFile(big, b);
      expect(two.workerSheets).toBeGreaterThan(0);
      expect(two.workerSheets).toBeLessThan(30);
      expect(a.forms).toHaveLength(300);
      expect(a).toEqual(b);
    } finally {
      await two.close();
      await one.close();
    }
  }, 120_000);

  test.each([
    ["--json", "zh"],
    ["--json", "en"],
    ["text", "zh"],
  ])(
    "300 forms, %s, --lang %s: byte for byte the same",
    (format, lang) => {
      const args = [...(format === "--json" ? ["--json"] : []), "--lang", lang, big];
      const two = run(args, true);
      const one = run(args, false);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
      expect(two.stdout.length).toBeGreaterThan(100_000);
    },
    120_000,
  );

  test("a malformed sheet late in the workbook: unreadable with that sheet's reason, as on one thread", () => {
    const two = run(["--json", broken], true);
    const one = run(["--json", broken], false);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(2);
    const doc = JSON.parse(two.stdout) as { files: JsonFile[] };
    expect(doc.files[0].status).toBe("unreadable");
    expect(doc.files[0].error).toContain("sheet25.xml");
    expect(doc.files[0].forms).toEqual([]);
  }, 120_000);
});

describe("NO_FORM joined from runs of sheets", () => {
  const sheet = (name: string, rows: (string | null)[][]) => new Grid({ sheet: name, values: rows });
  const grids = [
    sheet("工资表", [["姓名", "工资"]]),
    sheet("说明", [[null, "2023年度项目支出绩效自评表"]]),
    sheet("附表", [["项目支出绩效自评表"]]),
  ];

  test.each(["zh", "en"] as const)("equals the finding over all the sheets at once (%s)", (lang) => {
    const sheets = checkGrids(grids, getPolicy(), undefined);
    const whole = noFormFinding(sheets, lang);
    const runs = [digestSheets(sheets.slice(0, 1), lang), digestSheets(sheets.slice(1), lang)];
    expect(noFormOf(runs, lang)).toEqual(whole);
    const single = sheets.map((s) => digestSheets([s], lang));
    expect(noFormOf(single, lang)).toEqual(whole);
    // Every sheet named, the first title found (说明!B1) given.
    expect(whole?.cell).toBe("B1");
    expect(whole?.sheet).toBe("说明");
    expect(whole?.message).toContain(lang === "zh" ? "“附表”" : '"附表"');
  });
});
