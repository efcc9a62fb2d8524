/**
 * --help in Chinese and English with the exit codes; --lang en English for everything perf-check
 * itself prints: the summary with singular and plural ("1 form", "2 forms"), severities and the
 * layout label, grades' names, the CSV header and severity values, the HTML page (issue 10).
 * Usage errors are in both languages whatever --lang says (they may come before --lang is read).
 */
import { promises as fs } from "fs";
import path from "path";
import { makeTempDir, removeDir, runCli, SEED000, SEED003 } from "../helpers/xlsx-builders";

const CJK = /[\u3400-\u9fff\uff00-\uffef“”（）：；、，。]/;

describe("--help", () => {
  test("Chinese then English, each with the three exit codes and what counts for them; exit 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const zh = run.out.indexOf("用法：perf-check [选项] 路径...");
    const en = run.out.indexOf("Usage: perf-check [options] PATH...");
    expect(zh).toBe(0);
    expect(en).toBeGreaterThan(zh);
    const [zhPart, enPart] = [run.out.slice(0, en), run.out.slice(en)];
    expect(zhPart).toContain(
      "退出码：\n  0  所有文件都已检查，没有错误级问题\n  1  至少有一个错误级问题（包括没有找到自评表的工作簿，代码 NO_FORM）\n  2  有文件无法读取",
    );
    expect(enPart).toContain(
      "Exit status:\n  0  every file was checked and has no error finding\n  1  at least one error finding (a workbook with no form counts: code NO_FORM)\n  2  a file could not be read",
    );
    for (const opt of ["--json", "--policy", "--mapping", "--write", "--report", "--lang", "--help", "SOFFICE="]) {
      expect(`${opt} zh: ${zhPart.includes(opt)}`).toBe(`${opt} zh: true`);
      expect(`${opt} en: ${enPart.includes(opt)}`).toBe(`${opt} en: true`);
    }
  });

  test("-h is the same; with --lang en the English comes first", async () => {
    expect((await runCli(["-h"])).out).toBe((await runCli(["--help"])).out);
    const en = await runCli(["--lang", "en", "--help"]);
    expect(en.out.startsWith("Usage: perf-check [options] PATH...")).toBe(true);
    expect(en.out).toContain("用法：perf-check [选项] 路径...");
  });

  test("usage errors: one line in both languages, exit 2", async () => {
    expect(await runCli(["--frobnicate", SEED000])).toEqual({
      code: 2,
      out: "",
      err: "perf-check: 未知选项 --frobnicate（见 perf-check --help） / unknown option --frobnicate (see perf-check --help)\n",
    });
    expect((await runCli(["--lang", "en"])).err).toBe(
      "perf-check: 请指定要检查的文件或文件夹，或用 --rules 列出规则（见 perf-check --help） / name the files or folders to check, or list the rules with --rules (see perf-check --help)\n",
    );
  });
});

describe("--lang en", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("lang");
  });
  afterAll(() => removeDir(dir));

  test("summary: singular and plural", async () => {
    const one = await runCli(["--lang", "en", SEED000]);
    expect(one.out.split("\n").slice(-2)[0]).toBe(
      "1 file (1 checked, 0 of them converted with LibreOffice; 0 unreadable; 0 skipped), 1 form, 0 errors, 2 warnings; " +
        "project forms: 1, score tables: 0, unscored: 0; notes: 0",
    );
    const two = await runCli(["--lang", "en", "--policy", "spend-ratio", SEED000, SEED003]);
    expect(two.out.split("\n").slice(-2)[0]).toBe(
      "2 files (2 checked, 0 of them converted with LibreOffice; 0 unreadable; 0 skipped), 6 forms, 2 errors, 12 warnings; " +
        "project forms: 6, score tables: 0, unscored: 0; notes: 0",
    );
  });

  test("text: the lines perf-check writes itself carry no Chinese; grades with their English names", async () => {
    const run = await runCli(["--lang", "en", "--policy", "spend-ratio", SEED000, SEED003]);
    const lines = run.out.trimEnd().split("\n");
    // Finding and layout lines: the label is English (the message's quoted cell text may not be).
    const detail = lines.filter((l) => l.startsWith("    "));
    // 14 findings (8 of them the review pack's) and 4 layout problems.
    expect(detail).toHaveLength(18);
    for (const l of detail) expect(l).toMatch(/^ {4}(error |warning|info  |layout ) /);
    expect(lines.filter((l) => l.startsWith("    layout  ")).map((l) => l.split(":")[0])).toEqual([
      "    layout  E5    Executed (Inferred)",
      "    layout  G5    Execution rate (Inferred)",
      "    layout  B19   Level-1 indicator (Inferred)",
      "    layout  B19   Level-1 indicator (Inferred)",
    ]);
    // Form lines: "self", "review", "deviation", both grades with their English names.
    expect(lines).toContain(
      "  自评表!A1:I24 2021年北京市科学技术委员会人才交流中心创新创业人才积分落户工作项目  self 84.57 良 (Good) / review 84.57 良 (Good) / deviation 0  0E 2W 0I",
    );
    expect(lines).toContain(
      "  人才工作服务经费!A1:I22 人才工作服务经费  self 88.2 良 (Good) / review 73.73 中 (Fair) / deviation 14.47  2E 2W 0I",
    );
    // The policy line first, in English.
    expect(lines[0]).toBe("Policy: spend-ratio (Cost indicators by spend ratio (Baotou)); rule packs: core, review");
    // The summary line is all English.
    expect(lines[lines.length - 1]).not.toMatch(CJK);
  });

  test("CSV: header, statuses and severity values in English; in Chinese by default", async () => {
    const en = path.join(dir, "en.csv");
    const zh = path.join(dir, "zh.csv");
    await runCli(["--lang", "en", "--policy", "spend-ratio", "--report", en, SEED003]);
    await runCli(["--policy", "spend-ratio", "--report", zh, SEED003]);
    const rows = (f: string) =>
      fs.readFile(f, "utf8").then((s) =>
        s
          .slice(1)
          .split("\r\n")
          .filter(Boolean)
          .map((l) => l.slice(1, -1).split('","')),
      );
    const e = await rows(en);
    const z = await rows(zh);
    expect(e[0]).toEqual([
      "File",
      "Status",
      "Sheet",
      "Range",
      "Name",
      "Total",
      "Grade",
      "Self score",
      "Review score",
      "Deviation",
      "Self grade",
      "Review grade",
      "Cell",
      "Code",
      "Check",
      "Severity",
      "Message",
      "Expected",
      "Found",
      "Policy",
      "Rule packs",
    ]);
    expect(z[0]).toEqual([
      "文件",
      "状态",
      "工作表",
      "区域",
      "项目名称",
      "总分",
      "等级",
      "自评得分",
      "复核得分",
      "偏差",
      "自评等级",
      "复核等级",
      "单元格",
      "代码",
      "检查项",
      "级别",
      "说明",
      "应为",
      "填报",
      "规则集",
      "规则包",
    ]);
    expect([...new Set(e.slice(1).map((r) => r[1]))]).toEqual(["checked"]);
    expect([...new Set(z.slice(1).map((r) => r[1]))]).toEqual(["已检查"]);
    // Every form has a finding under the review pack, so no clean-form row with an empty severity.
    expect([...new Set(e.slice(1).map((r) => r[15]))].sort()).toEqual(["Error", "Layout", "Warning"]);
    expect([...new Set(z.slice(1).map((r) => r[15]))].sort()).toEqual(["布局", "警告", "错误"].sort());
  });

  test("HTML: English page, headings and summary", async () => {
    const html = path.join(dir, "en.html");
    await runCli(["--lang", "en", "--report", html, SEED000]);
    const page = await fs.readFile(html, "utf8");
    expect(page).toContain('<html lang="en-US">');
    expect(page).toContain("<title>Performance self-evaluation check report</title>");
    expect(page).toContain("<h2>Files</h2>");
    // The path relative to what was named (a file named by itself: its own name).
    expect(page).toContain(
      `<td>${path.basename(SEED000)}</td><td>checked</td><td class="num">1</td><td class="num">0</td><td class="num">2</td><td></td>`,
    );
    expect(page).toContain(
      '<p id="summary-line">1 file (1 checked, 0 of them converted with LibreOffice; 0 unreadable; 0 skipped), 1 form, 0 errors, 2 warnings; ' +
        "project forms: 1, score tables: 0, unscored: 0; notes: 0</p>",
    );
  });
});
