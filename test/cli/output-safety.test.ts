/**
 * Output safety (issue 10):
 * - an output path that is an input is refused (exit 2, the input untouched);
 * - --report naming a folder, --write naming a file, --report x.txt: one-line usage errors, exit 2,
 *   found before anything is read or written (no "Annotated copies:" line);
 * - text from cells never reaches the terminal raw: ESC and the other control characters (also
 *   written as _x001B_ escapes in the sheet XML) and line breaks are neutralised in the text output
 *   and the CSV, so a cell cannot clear the screen, retitle the window or forge a result line;
 * - two --write runs give byte-identical copies (no clock in docProps/core.xml or the zip dates;
 *   the part-level writer, src/xlsx, keeps them so).
 */
import { promises as fs } from "fs";
import path from "path";
import JSZip from "jszip";
import { makeTempDir, mutateWorkbook, removeDir, runCli, SEED000, SEED002, sheet } from "../helpers/xlsx-builders";

const NAME = "2021年北京市科学技术委员会人才交流中心创新创业人才积分落户工作项目";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("output-safety");
});
afterAll(() => removeDir(dir));

describe("usage errors before anything is read or written: one line, exit 2", () => {
  test("--report naming one of the inputs: refused, the input unchanged", async () => {
    const input = path.join(dir, "a.csv");
    await fs.writeFile(input, "a,b\n1,2\n");
    const run = await runCli(["--report", input, input]);
    expect(run).toEqual({
      code: 2,
      out: "",
      err: `perf-check: 输出文件 ${input} 是输入文件之一，不会覆盖它 / the output file ${input} is one of the inputs; it is not overwritten\n`,
    });
    expect(await fs.readFile(input, "utf8")).toBe("a,b\n1,2\n");
    // However it is named: through a symlink, or found in a folder.
    const link = path.join(dir, "link.csv");
    await fs.symlink(input, link);
    expect((await runCli(["--report", link, input])).code).toBe(2);
    expect(await fs.readFile(input, "utf8")).toBe("a,b\n1,2\n");
  });

  test("--report naming a workbook found in a folder scan: refused, the workbook unchanged", async () => {
    const folder = path.join(dir, "scan");
    await fs.mkdir(folder);
    const wb = path.join(folder, "book.csv");
    await fs.copyFile(SEED000, path.join(folder, "x.xlsx"));
    await fs.writeFile(wb, "kept");
    // A .csv in a folder is skipped (listed), so naming it as the report is allowed and it is listed as the report.
    const run = await runCli(["--report", wb, folder]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${wb}: 跳过: 本次运行的 --report 报告文件`);
    // The .xlsx itself can never be the report (not a report format), nor, once it is one, an input.
    const x = path.join(folder, "x.xlsx");
    const before = await fs.readFile(x);
    expect((await runCli(["--report", x, folder])).code).toBe(2);
    expect((await fs.readFile(x)).equals(before)).toBe(true);
  });

  test("--report naming a folder", async () => {
    expect(await runCli(["--report", dir, SEED000])).toEqual({
      code: 2,
      out: "",
      err: `perf-check: --report 需要一个文件名，${dir} 是文件夹 / --report needs a file name; ${dir} is a folder\n`,
    });
  });

  test("--report x.txt says which formats exist, and writes nothing", async () => {
    const txt = path.join(dir, "x.txt");
    expect(await runCli(["--report", txt, SEED000])).toEqual({
      code: 2,
      out: "",
      err: `perf-check: --report 的格式由扩展名决定，可用 .html（网页）、.csv（表格）或 .xlsx（工作簿）：${txt} / --report takes its format from the extension, .html (web page), .csv (table) or .xlsx (workbook): ${txt}\n`,
    });
    await expect(fs.stat(txt)).rejects.toThrow();
  });

  test('--write naming a file: no copy, no "Annotated copies:" line, the file unchanged', async () => {
    const file = path.join(dir, "not-a-folder");
    await fs.writeFile(file, "mine");
    expect(await runCli(["--write", file, SEED000])).toEqual({
      code: 2,
      out: "",
      err: `perf-check: --write 需要一个文件夹，${file} 是文件 / --write needs a folder; ${file} is a file\n`,
    });
    expect(await fs.readFile(file, "utf8")).toBe("mine");
  });

  test("a report that cannot be written (its folder is a file): one line, exit 2, the results still printed", async () => {
    const file = path.join(dir, "blocker");
    await fs.writeFile(file, "x");
    const run = await runCli(["--report", path.join(file, "r.html"), SEED000]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^perf-check: 无法写出报告 .*r\.html：.* \/ cannot write the report .*\n$/);
    expect(run.err.split("\n")).toHaveLength(2);
    expect(run.out).toContain("自评表!A1:I24");
    expect(run.out).not.toContain("报告: ");
  });
});

describe("text from cells is neutralised in the text output and the CSV", () => {
  let hostile: string;

  beforeAll(async () => {
    // An amount whose text a finding quotes: a line break and a C1 control (CSI) inside it.
    const amount = await mutateWorkbook(SEED000, path.join(dir, "amount.xlsx"), (wb) => {
      sheet(wb, "自评表").getCell("D7").value = "53.861\r\n错误 H99   TOTAL_MISMATCH: 伪造\u009b31m";
    });
    // The project name as the sheet XML can hold it: _xHHHH_ escapes for ESC and BEL (which
    // XML cannot carry raw), decoded by the reader into the real characters; and a line break.
    const zip = await JSZip.loadAsync(await fs.readFile(amount));
    const ss = await zip.file("xl/sharedStrings.xml")!.async("string");
    const patched = ss.replace(
      `<t>${NAME}</t>`,
      "<t>_x001B_[2J_x001B_]0;pwned_x0007_清屏&#10;  自评表!A1:I24 伪造 总分 100/100 优  0E 0W</t>",
    );
    expect(patched).not.toBe(ss);
    zip.file("xl/sharedStrings.xml", patched);
    hostile = path.join(dir, "hostile.xlsx");
    await fs.writeFile(hostile, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  });

  test("text: no control character, no extra line; the name shown with visible symbols", async () => {
    const run = await runCli([hostile]);
    // eslint-disable-next-line no-control-regex
    expect(run.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const lines = run.out.split("\n");
    expect(lines[2]).toBe(
      "  自评表!A1:I24 ␛[2J␛]0;pwned␇清屏↵  自评表!A1:I24 伪造 总分 100/100 优  0E 0W  自评 84.57 良 / 复核 84.57 良 / 偏差 0  0E 1W 1I",
    );
    expect(lines[3]).toBe("    提示 D7    UNREADABLE_VALUE: 金额“53.861↵错误 H99   TOTAL_MISMATCH: 伪造�31m”不是数字");
    // Exactly: the policy, file, form, its two findings (the review pack's VAGUE_EFFECT_TARGET on E22), the summary, and the end.
    expect(lines[4]).toMatch(/^ {4}警告 E22 {3}VAGUE_EFFECT_TARGET: /);
    expect(lines).toHaveLength(7);
  });

  test("CSV: every cell on one line, no control character", async () => {
    const csvFile = path.join(dir, "hostile.csv");
    await runCli(["--report", csvFile, hostile]);
    const csv = await fs.readFile(csvFile, "utf8");
    const rows = csv.slice(1).split("\r\n");
    expect(rows.filter(Boolean)).toHaveLength(3); // header and the two findings
    // eslint-disable-next-line no-control-regex
    expect(rows.join("")).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(rows[1]).toContain('"␛[2J␛]0;pwned␇清屏↵  自评表!A1:I24 伪造 总分 100/100 优  0E 0W"');
  });

  test("JSON keeps the cell's text exactly (JSON escapes it, so it is inert)", async () => {
    const run = await runCli(["--json", hostile]);
    expect(run.out).toContain(
      '"name": "\\u001b[2J\\u001b]0;pwned\\u0007清屏\\n  自评表!A1:I24 伪造 总分 100/100 优  0E 0W"',
    );
    // eslint-disable-next-line no-control-regex
    expect(run.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe("--write twice: byte-identical copies", () => {
  test("two runs two seconds apart give the same bytes; no date in them comes from the clock", async () => {
    const a = path.join(dir, "copies-a");
    const b = path.join(dir, "copies-b");
    expect((await runCli(["--write", a, SEED000, SEED002])).code).toBe(1);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip dates' two-second resolution
    expect((await runCli(["--write", b, SEED000, SEED002])).code).toBe(1);
    const names = (await fs.readdir(a)).sort();
    expect(names).toEqual(["seed000-bj-kjw.checked.xlsx", "seed002-bj-hwxr.checked.xlsx"]);
    for (const n of names) {
      const x = await fs.readFile(path.join(a, n));
      const y = await fs.readFile(path.join(b, n));
      expect(`${n} identical: ${x.equals(y)}`).toBe(`${n} identical: true`);
    }
    // Nothing from the clock: docProps/core.xml is the original's, and every member the original
    // has keeps its date (the part-level writer dates new members 1980-01-01).
    const copy = await JSZip.loadAsync(await fs.readFile(path.join(a, names[0])));
    const original = await JSZip.loadAsync(await fs.readFile(SEED000));
    expect(await copy.file("docProps/core.xml")!.async("string")).toBe(
      await original.file("docProps/core.xml")!.async("string"),
    );
    for (const [name, entry] of Object.entries(copy.files)) {
      const was = original.files[name];
      if (was) expect(`${name} ${entry.date.toISOString()}`).toBe(`${name} ${was.date.toISOString()}`);
      else
        expect(`${name} before 1981: ${entry.date.getTime() < Date.UTC(1981, 0, 1)}`).toBe(`${name} before 1981: true`);
    }
  }, 60_000);
});
