/**
 * --json prints one document of the documented shape (spec: { "files": [ { "file", "error"?,
 * "forms": [ { "sheet", "range", "kind", "name", "funds", "total", "grade", "indicators",
 * "findings" } ] } ] }, numbers as exact decimal strings, rates as fractions); the progress bar
 * shows on a terminal with many files, never with --json or when not a TTY (main's io parameter);
 * --report writes the HTML page and the CSV.
 */
/* eslint-disable no-control-regex -- the progress bar's terminal escapes are what these tests look for */
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import path from "path";
import {
  fileEntry,
  JDoc,
  JForm,
  makeTempDir,
  removeDir,
  runCli,
  runJson,
  SEED000,
  SEED002,
  SEED003,
  SEEDS,
} from "../helpers/xlsx-builders";

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CELL = /^[A-Z]{1,3}[1-9]\d*$/;
const RANGE = /^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/;

function expectKeys(o: object, allowed: string[], required: string[], at: string) {
  for (const k of Object.keys(o)) expect(`${at}.${k} allowed: ${allowed.includes(k)}`).toBe(`${at}.${k} allowed: true`);
  for (const k of required) expect(`${at}.${k} present: ${k in o}`).toBe(`${at}.${k} present: true`);
}

function optString(v: unknown, at: string, re?: RegExp) {
  if (v === undefined) return;
  expect(`${at}: ${typeof v}`).toBe(`${at}: string`);
  if (re)
    expect(`${at}: ${String(v)} matches ${re}: ${re.test(String(v))}`).toBe(`${at}: ${String(v)} matches ${re}: true`);
}

/** The documented shape, checked field by field. */
function checkShape(doc: JDoc) {
  // policy (name, label, packs) and summary (src/report/summary.ts) beside the files.
  expectKeys(doc, ["files", "policy", "summary"], ["files", "policy", "summary"], "doc");
  expect(Array.isArray(doc.files)).toBe(true);
  // Every file is counted once: checked (converted among them), unreadable or skipped.
  const s = doc.summary;
  expectKeys(
    s,
    [
      ...["files", "checked", "converted", "unreadable", "skipped", "forms", "errors", "warnings"],
      // the batch summary (src/report/summary.ts)
      ...["projectForms", "scoreTables", "unscored", "infos", "grades", "deviations", "highSelfLowRate"],
      ...["allFullMarks", "rates", "noRate"],
    ],
    ["files", "checked", "converted", "unreadable", "skipped", "forms", "errors", "warnings"],
    "summary",
  );
  expect(s.files).toBe(doc.files.length);
  expect(s.checked + s.unreadable + s.skipped).toBe(s.files);
  expect(s.forms).toBe(doc.files.reduce((n, f) => n + f.forms.length, 0));
  doc.files.forEach((f, i) => {
    const at = `files[${i}]`;
    expectKeys(
      f,
      ["file", "status", "converted", "error", "skipped", "findings", "forms"],
      ["file", "status", "findings", "forms"],
      at,
    );
    expect(typeof f.file).toBe("string");
    expect(["checked", "unreadable", "skipped"]).toContain(f.status);
    optString(f.error, `${at}.error`);
    optString(f.skipped, `${at}.skipped`);
    expect(`${at} error: ${f.error !== undefined}`).toBe(`${at} error: ${f.status === "unreadable"}`);
    expect(`${at} skipped: ${f.skipped !== undefined}`).toBe(`${at} skipped: ${f.status === "skipped"}`);
    if (f.status !== "checked") expect([f.forms, f.findings]).toEqual([[], []]);
    // File-level findings: NO_FORM, only on a checked workbook without forms.
    for (const fd of f.findings) {
      expect([fd.code, fd.severity]).toEqual(["NO_FORM", "error"]);
      expect(f.forms).toEqual([]);
    }
    f.forms.forEach((form: JForm, j) => {
      const a = `${at}.forms[${j}]`;
      // layoutIssues: extra diagnostics (where the layout was guessed); allowed beside the documented keys.
      expectKeys(
        form,
        [
          "sheet",
          "range",
          "kind",
          "name",
          "funds",
          "scored",
          "total",
          "grade",
          "self",
          "deviation",
          "policy",
          "packs",
          "indicators",
          "findings",
          "layoutIssues",
        ],
        ["sheet", "range", "kind", "scored", "total", "grade", "policy", "packs", "indicators", "findings"],
        a,
      );
      expect(typeof form.sheet).toBe("string");
      expect(form.range).toMatch(RANGE);
      expect(["project", "score-table"]).toContain(form.kind);
      optString(form.name, `${a}.name`);
      if (form.funds) {
        expectKeys(form.funds, ["budget", "executed", "rate", "score", "statedRate", "statedScore"], [], `${a}.funds`);
        for (const [k, v] of Object.entries(form.funds)) optString(v, `${a}.funds.${k}`, DECIMAL);
        if (form.funds.rate) expect(Number(form.funds.rate)).toBeLessThan(5); // a fraction, not a percent figure
      }
      expect(typeof form.scored).toBe("boolean");
      expect(typeof form.policy).toBe("string");
      expect(Array.isArray(form.packs)).toBe(true);
      expectKeys(form.total, ["stated", "computed", "review"], ["review"], `${a}.total`);
      optString(form.total.stated, `${a}.total.stated`, DECIMAL);
      optString(form.total.computed, `${a}.total.computed`, DECIMAL);
      optString(form.total.review, `${a}.total.review`, DECIMAL);
      expectKeys(form.grade, ["stated", "computed", "review"], ["review"], `${a}.grade`);
      optString(form.grade.stated, `${a}.grade.stated`);
      optString(form.grade.computed, `${a}.grade.computed`, /^[优良中差]$/);
      optString(form.grade.review, `${a}.grade.review`, /^[优良中差]$/);
      form.indicators.forEach((ind, k) => {
        const ai = `${a}.indicators[${k}]`;
        expectKeys(
          ind,
          [
            "cell",
            "level1",
            "level2",
            "level3",
            "target",
            "actual",
            "weight",
            "stated",
            "computed",
            "review",
            "explain",
            "reviewExplain",
          ],
          ["level1", "level2", "level3"],
          ai,
        );
        optString(ind.cell, `${ai}.cell`, CELL);
        for (const k2 of ["level1", "level2", "level3", "target", "actual", "explain", "reviewExplain"] as const)
          optString(ind[k2], `${ai}.${k2}`);
        optString(ind.review, `${ai}.review`, DECIMAL);
        optString(ind.weight, `${ai}.weight`, DECIMAL);
        optString(ind.stated, `${ai}.stated`, DECIMAL);
        // Computed: a score, or a qualitative row's allowed range "lo–hi".
        optString(ind.computed, `${ai}.computed`, /^-?\d+(\.\d+)?(–\d+(\.\d+)?)?$/);
      });
      form.findings.forEach((fd, k) => {
        const af = `${a}.findings[${k}]`;
        expectKeys(
          fd,
          ["code", "severity", "sheet", "cell", "message", "expected", "found"],
          ["code", "severity", "sheet", "cell", "message"],
          af,
        );
        expect(fd.code).toMatch(/^[A-Z_]+$/);
        expect(["error", "warning", "info"]).toContain(fd.severity);
        expect(fd.sheet).toBe(form.sheet);
        expect(fd.cell).toMatch(CELL);
        expect(fd.message.length).toBeGreaterThan(0);
        optString(fd.expected, `${af}.expected`);
        optString(fd.found, `${af}.found`);
      });
    });
  });
}

describe("--json", () => {
  test("all three fixtures: stdout is exactly one JSON document of the documented shape", async () => {
    const run = await runCli(["--json", ...SEEDS]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    const doc = JSON.parse(run.out) as JDoc; // throws on anything but one document
    expect(run.out.trimEnd().endsWith("}")).toBe(true);
    checkShape(doc);
    expect(doc.files.map((f) => f.file)).toEqual(SEEDS);
    expect(doc.files.map((f) => f.forms.length)).toEqual([1, 10, 5]);
  });

  test("exact decimals: seed000 rate 19.978525/53.861 to 50 digits, no binary float noise", async () => {
    const { doc } = await runJson([SEED000]);
    const form = fileEntry(doc, SEED000).forms[0];
    expect(form.funds!.rate).toBe("0.37092747999480143331909916265943818347227121665027");
    expect(form.funds!.score).toBe("3.71");
    // seed002 项目5-8 中工会: 237.04638 budget kept as written.
    const { doc: d2 } = await runJson([SEED002]);
    expect(fileEntry(d2, SEED002).forms.find((f) => f.range === "A23:I41")!.funds!.budget).toBe("237.04638");
  });

  test("a file that cannot be read: { file, status: unreadable, error, findings: [], forms: [] } in the same document", async () => {
    const dir = await makeTempDir("json-err");
    try {
      const bad = path.join(dir, "bad.xlsx");
      await fs.writeFile(bad, "");
      const { doc, code } = await runJson([bad, SEED003, "--policy", "spend-ratio"]);
      checkShape(doc);
      expect(code).toBe(2);
      expect(doc.files[0]).toEqual({ file: bad, status: "unreadable", error: "文件为空", findings: [], forms: [] });
      expect(doc.files[1].forms).toHaveLength(5);
    } finally {
      await removeDir(dir);
    }
  });

  test("--lang en: messages in English, codes unchanged", async () => {
    const { doc } = await runJson(["--lang", "en", "--policy", "spend-ratio", SEED003]);
    const f = doc.files[0].forms
      .find((x) => x.sheet === "人才工作服务经费")!
      .findings.find((x) => x.code === "SCORE_EXCEEDS_WEIGHT")!;
    expect(f.message).toMatch(/[A-Za-z]/);
    expect(f.message).not.toMatch(/得分/);
  });
});

describe("progress bar (spec: on a terminal with many files; none with --json or when not a TTY)", () => {
  const BAR = /[█░]|\x1b\[|\d+\/3/;
  let stderrWrites: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    stderrWrites = [];
    spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderrWrites.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  test("not a TTY (io.isTTY false), three files: no bar anywhere", async () => {
    const run = await runCli(SEEDS, { isTTY: false });
    expect(run.err).not.toMatch(BAR);
    expect(run.out).not.toMatch(/[█░]|\x1b\[/);
    expect(stderrWrites.join("")).toBe("");
  });

  test("--json on a TTY, three files: no bar, stdout is only the JSON", async () => {
    const run = await runCli(["--json", ...SEEDS], { isTTY: true });
    expect(run.err).toBe("");
    expect(stderrWrites.join("")).toBe("");
    expect(() => JSON.parse(run.out)).not.toThrow();
  });

  test("a TTY, three files: the bar is drawn through io.err (and cleared), stdout untouched by it", async () => {
    const run = await runCli(SEEDS, { isTTY: true });
    expect(run.err).toMatch(/[█░]/);
    expect(run.err).toMatch(/3\/3/);
    expect(run.out).not.toMatch(/[█░]|\x1b\[/);
    expect(run.out).toContain("16 张表");
    expect(stderrWrites.join("")).toBe("");
  });

  test("a TTY, one file: no bar (only for many files)", async () => {
    const run = await runCli([SEED000], { isTTY: true });
    expect(run.err).toBe("");
  });
});

describe("--report", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("report");
  });
  afterAll(() => removeDir(dir));

  test("HTML: a table of every form (file, name, 自评/复核/偏差, both grades, counts), findings by name with cells, the grade chart", async () => {
    const report = path.join(dir, "sub", "report.html");
    const run = await runCli(["--report", report, ...SEEDS]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(path.resolve(report));
    const html = await fs.readFile(report, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const rows = html.match(/<tr class="(has-error|has-warning|)"><td>/g) ?? [];
    expect(rows).toHaveLength(16);
    // 项目5-8 外国人来华: 自评 97, 复核 92 (H90 19 → 20; H88 第三季度前 done 第四季度: a missed deadline,
    // the 未达成 band 0–12 of 20, 18 → 12), 偏差 5; 1 error (FUNDS_BREAKDOWN), 4 warnings, 3 notes (no 效益指标 among them).
    expect(html).toMatch(
      /<small>项目5-8!A73:I91<\/small><\/td><td><a href="#form-\d+-\d+">外国人来华工作许可事项经费<\/a><\/td><td class="num">97<\/td><td class="num">92<\/td><td class="num">5<\/td><td>优<\/td><td>优<\/td><td class="num">100.00%<\/td><td class="num">1<\/td><td class="num">4<\/td><td class="num">3<\/td>/,
    );
    expect(html).toContain(
      '<td>项目5-8!E80</td><td>资金“其中”各项合计不符<br><span class="code">FUNDS_BREAKDOWN</span></td>',
    );
    expect(html).toContain("<small>自评表!A1:I24</small>");
    // The chart's table, every form (the two score tables too): self — 良 seed000 84.57, 项目1 85, 项目4 85.8,
    // 人才工作服务经费 88.2, 优 the other 12; review — 良 seed000 84.57, 人才工作服务经费 81.24, 优 the other 14.
    expect(html).toMatch(/<svg role="img"/);
    const counts = [
      ...html.matchAll(
        /<tr><td>([优良中差]|未评分)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g,
      ),
    ].map((m) => `${m[1]}${m[2]}/${m[3]}`);
    expect(counts).toEqual(["优12/14", "良4/2", "中0/0", "差0/0", "未评分0/0"]);
    expect(html).toContain("Content-Security-Policy");
  });

  test("HTML lists the files that could not be read", async () => {
    const bad = path.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "a,b\n1,2\n");
    const report = path.join(dir, "with-bad.html");
    expect((await runCli(["--report", report, bad, SEED000])).code).toBe(2);
    const html = await fs.readFile(report, "utf8");
    // Shown relative to the folder checked: a file handed over by itself by its own name; its status and why.
    expect(html).toContain(
      `<tr class="file-unreadable"><td>bad.xlsx</td><td>无法读取</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td>不是 .xlsx 文件（看起来是文本或 CSV）</td></tr>`,
    );
  });

  test("CSV: a header and one row per finding (or per clean form), BOM + CRLF", async () => {
    const report = path.join(dir, "report.csv");
    expect((await runCli(["--report", report, "--policy", "spend-ratio", SEED003])).code).toBe(1);
    const csv = await fs.readFile(report, "utf8");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const lines = csv.slice(1).split("\r\n").filter(Boolean);
    // header + one row per finding: 流动人才… 1, 流动人员… 1, 人才市场运行经费 2 + 1, 人才工作服务经费 3 + 1,
    // 就业创业专项资金 1 + 2 (the "+ n": the review pack's VAGUE_EFFECT_TARGET on each form's target 显著),
    // and the layout problems: 3 on 人才工作服务经费 (E5, G5 truncated funds headers; B19 level 1 inferred), 1 on 就业创业专项资金.
    expect(lines).toHaveLength(1 + 1 + 1 + 3 + 4 + 3 + 3 + 1);
    // The cell is the 13th column (after file, status, the form's sheet, range, name, total, grade and its five scores).
    expect(lines.filter((l) => /"LAYOUT_INFERRED","[^"]*","布局"/.test(l)).map((l) => l.split(",")[12])).toEqual([
      '"E5"',
      '"G5"',
      '"B19"',
      '"B19"',
    ]);
    expect(lines.some((l) => l.includes('"H16","SCORE_EXCEEDS_WEIGHT","得分超过分值","错误"'))).toBe(true);
  });
});

describe("bin/perf-check.js (the built CLI, npm run build:cli)", () => {
  const bin = path.resolve(__dirname, "../../bin/perf-check.js");
  const built = path.resolve(__dirname, "../../build/cli/main.js");

  test("runs as a child process: --json on the samples folder, exit 1, no progress bar (stderr not a TTY)", () => {
    if (!existsSync(built)) throw new Error("build/cli/main.js missing: run `npm run build:cli` before jest");
    const r = spawnSync(process.execPath, [bin, "--json", path.dirname(SEED000)], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout) as JDoc;
    checkShape(doc);
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(SEEDS.map((s) => path.basename(s)));
  });

  test("exit 0 on seed000, 2 on a missing file", () => {
    if (!existsSync(built)) throw new Error("build/cli/main.js missing: run `npm run build:cli` before jest");
    expect(spawnSync(process.execPath, [bin, SEED000], { encoding: "utf8" }).status).toBe(0);
    const r = spawnSync(process.execPath, [bin, path.join(path.dirname(SEED000), "no-such.xlsx")], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such\.xlsx: 错误: 路径不存在/);
  });
});
