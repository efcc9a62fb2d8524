/**
 * Nothing skipped in silence (issue 10): every file a reviewer hands over shows up in every output
 * (text, JSON, CSV, HTML) and in the summary counts, whatever became of it — checked, converted,
 * unreadable or skipped with its reason. A workbook in which no form is found gets the file-level
 * finding NO_FORM (severity error, exit 1) saying what was looked for. Folder scans read .xlsm,
 * never follow symlinks, never read perf-check's own copies or output folder, and list folders in
 * code-point order, whatever the machine's locale.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { byCodePoint } from "../../src/cli/inputs";
import { makeTempDir, removeDir, runCli, runJson, SEED000, SEED003 } from "../helpers/xlsx-builders";

const NO_SOFFICE = { ...process.env, SOFFICE: "none" };

/** seed000 as an .xlsm: the macro-enabled workbook content type and a VBA part, as Excel saves one. */
async function writeXlsm(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(SEED000));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  zip.file("xl/vbaProject.bin", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 1, 2, 3]));
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** A pay sheet: a table, but no 绩效自评表. */
async function writePaySheet(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("工资表");
  ws.addRow(["姓名", "基本工资", "绩效工资", "应发合计"]);
  ws.addRow(["张三", 5000, 1200, 6200]);
  ws.addRow(["李四", 5200, 900, 6100]);
  wb.addWorksheet("说明").addRow(["2021 年 12 月"]);
  await wb.xlsx.writeFile(file);
}

/** A form's title with headers this tool does not know. */
async function writeUnknownTemplate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评");
  ws.getCell("A1").value = "项目支出绩效自评表";
  ws.addRow(["类别", "子类", "项目", "计划", "结果", "比重", "打分"]);
  ws.addRow(["产出", "数量", "培训人次", 100, 100, 20, 20]);
  await wb.xlsx.writeFile(file);
}

async function writeBlank(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  await wb.xlsx.writeFile(file);
}

describe("a folder with every kind of file", () => {
  let dir: string;
  let folder: string;
  let outside: string;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    dir = await makeTempDir("every-file");
    folder = path.join(dir, "收件");
    outside = path.join(dir, "outside");
    await fs.mkdir(path.join(folder, "sub"), { recursive: true });
    await fs.mkdir(outside);
    const at = (k: string, name: string) => (names[k] = path.join(folder, name));
    await fs.copyFile(SEED000, at("xlsx", "a-科委.xlsx"));
    await writeXlsm(at("xlsm", "b-宏.xlsm"));
    await writePaySheet(at("pay", "c-工资表.xlsx"));
    await writeBlank(at("blank", "d-空白.xlsx"));
    await writeUnknownTemplate(at("template", "e-模板.xlsx"));
    await fs.writeFile(at("corrupt", "f-损坏.xlsx"), "PK\u0003\u0004 not really a zip");
    await fs.copyFile(SEED000, at("xls", "g-旧版.xls")); // converted with LibreOffice — hidden here
    await fs.writeFile(at("lock", "~$a-科委.xlsx"), "owner lock");
    await fs.copyFile(SEED000, at("copy", "a-科委.checked.xlsx"));
    await fs.writeFile(at("csv", "h-导出.csv"), "a,b\n1,2\n");
    await fs.writeFile(at("xlsb", "i-二进制.xlsb"), "binary");
    await fs.writeFile(path.join(folder, "说明.txt"), "not a spreadsheet: not listed");
    await fs.copyFile(SEED003, path.join(outside, "target.xlsx"));
    await fs.symlink(path.join(outside, "target.xlsx"), at("link", "j-链接.xlsx"));
    await fs.symlink(outside, at("linkdir", "k-链接目录"));
    // Links to files of this folder, one before its target in code-point order, one after; one to a text file.
    await fs.symlink("a-科委.xlsx", at("linkBefore", "0-链接.xlsx"));
    await fs.symlink(names.xlsx, at("linkAfter", "m-链接.xlsx"));
    await fs.symlink("说明.txt", at("linkText", "n-说明链接"));
    await fs.copyFile(SEED000, at("nested", path.join("sub", "l-子目录.xlsx")));
  });

  afterAll(() => removeDir(dir));

  const CHECKED = ["xlsx", "xlsm", "pay", "blank", "template", "nested"];
  const UNREADABLE = ["corrupt", "xls"];
  const SKIPPED = ["lock", "copy", "csv", "xlsb", "link", "linkdir", "linkBefore", "linkAfter", "linkText"];

  test("JSON: every file once, in code-point order, with its status; summary counts add up", async () => {
    const { doc, code } = await runJson([folder], { env: NO_SOFFICE });
    expect(code).toBe(2); // unreadable files
    const status = Object.fromEntries(doc.files.map((f) => [f.file, f.status]));
    for (const k of CHECKED) expect(`${k} ${status[names[k]]}`).toBe(`${k} checked`);
    for (const k of UNREADABLE) expect(`${k} ${status[names[k]]}`).toBe(`${k} unreadable`);
    for (const k of SKIPPED) expect(`${k} ${status[names[k]]}`).toBe(`${k} skipped`);
    expect(doc.files).toHaveLength(CHECKED.length + UNREADABLE.length + SKIPPED.length);
    // Entry names in code-point order: "a-科委.checked.xlsx" < "a-科委.xlsx" ('c' < 'x'), "sub" after "k-…", "~$…" last.
    expect(doc.files.map((f) => path.relative(folder, f.file))).toEqual([
      "0-链接.xlsx",
      "a-科委.checked.xlsx",
      "a-科委.xlsx",
      "b-宏.xlsm",
      "c-工资表.xlsx",
      "d-空白.xlsx",
      "e-模板.xlsx",
      "f-损坏.xlsx",
      "g-旧版.xls",
      "h-导出.csv",
      "i-二进制.xlsb",
      "j-链接.xlsx",
      "k-链接目录",
      "m-链接.xlsx",
      "n-说明链接",
      path.join("sub", "l-子目录.xlsx"),
      "~$a-科委.xlsx",
    ]);
    expect(doc.summary).toMatchObject({
      files: 17,
      checked: 6,
      converted: 0,
      unreadable: 2,
      skipped: 9,
      forms: 3,
      errors: 3, // the three NO_FORM findings; seed000 has none
      warnings: 6, // seed000's two of the review pack (LOW_EXECUTION_NO_REASON, VAGUE_EFFECT_TARGET), three times
      projectForms: 3,
      unscored: 0,
    });
  });

  test(".xlsm is read like .xlsx: seed000's form, total 84.57, grade 良", async () => {
    const { doc } = await runJson([names.xlsm]);
    expect(doc.files[0].forms.map((f) => [f.range, f.total.computed, f.grade.computed])).toEqual([
      ["A1:I24", "84.57", "良"],
    ]);
  });

  test("skipped files carry their reason", async () => {
    const { doc } = await runJson([folder], { env: NO_SOFFICE });
    const reason = (k: string) => doc.files.find((f) => f.file === names[k])!.skipped;
    expect(reason("lock")).toBe("Excel/WPS 打开工作簿时生成的临时锁定文件，不是工作簿");
    expect(reason("copy")).toBe("perf-check 写出的批注副本（*.checked.xlsx、*.checked.xlsm），不作为输入");
    expect(reason("csv")).toBe("文本表格（.csv）没有表格布局，无法复核：请提供 .xlsx 工作簿");
    expect(reason("xlsb")).toBe("Excel 二进制工作簿（.xlsb）不支持：请在 Excel 中另存为 .xlsx");
    expect(reason("link")).toBe("符号链接，文件夹扫描不跟随；要检查它请直接指定目标文件");
    // Every symlink, whatever it points at: a folder, a file of this folder (listed on its own too), a text file.
    for (const k of ["linkdir", "linkBefore", "linkAfter", "linkText"]) expect(`${k} ${reason(k)}`).toBe(`${k} ${reason("link")}`);
  });

  test("a symlink named on the command line is the user's choice: it is read", async () => {
    const { doc } = await runJson([names.link]);
    expect([doc.files[0].status, doc.files[0].forms.length]).toEqual(["checked", 5]);
  });

  test("NO_FORM: a pay sheet, a blank workbook, a title over headers not understood — what was looked for, and where", async () => {
    const { doc } = await runJson([names.pay, names.blank, names.template, names.xlsx]);
    const only = (k: string) => {
      const f = doc.files.find((x) => x.file === names[k])!;
      expect(f.forms).toEqual([]);
      expect(f.findings).toHaveLength(1);
      return f.findings[0];
    };
    expect(only("pay")).toEqual({
      code: "NO_FORM",
      severity: "error",
      sheet: "",
      cell: "",
      message:
        "没有找到绩效自评表：在 2 个工作表（“工资表”、“说明”）中没有识别出指标表头行（一级指标、二级指标与指标值或实际完成值）或评分表表头（一、二、三级指标与分值、得分）",
    });
    expect(only("blank").message).toMatch(/^没有找到绩效自评表：在 1 个工作表（“Sheet1”）中/);
    const t = only("template");
    expect([t.sheet, t.cell]).toEqual(["自评", "A1"]);
    expect(t.message).toMatch(/；自评!A1 有标题“项目支出绩效自评表”，但其下的表头未能识别（可用 --mapping 指定列）$/);
    expect(doc.files.find((x) => x.file === names.xlsx)!.findings).toEqual([]);
  });

  test("NO_FORM counts as an error finding: exit 1 (not 0), and it is in the text output under the file", async () => {
    const run = await runCli([names.pay]);
    expect(run.code).toBe(1);
    // After the policy line: the file, then its finding.
    expect(run.out.split("\n").slice(1, 3)).toEqual([
      names.pay,
      expect.stringMatching(/^ {2}错误 NO_FORM: 没有找到绩效自评表：在 2 个工作表/),
    ]);
    expect(run.out).toContain(
      "1 个文件（已检查 1，其中 0 个经 LibreOffice 转换；无法读取 0；跳过 0），0 张表，1 个错误，0 个警告；",
    );
    const en = await runCli(["--lang", "en", names.pay]);
    expect(en.out).toMatch(
      /^ {2}error {3}NO_FORM: no performance self-evaluation form found: none of the 2 sheets \("工资表", "说明"\)/m,
    );
    expect(en.out).toContain(
      "1 file (1 checked, 0 of them converted with LibreOffice; 0 unreadable; 0 skipped), 0 forms, 1 error, 0 warnings;",
    );
  });

  test("text: every file named, skipped ones on stdout with their reason, unreadable ones on stderr; the summary counts them all", async () => {
    const run = await runCli([folder], { env: NO_SOFFICE });
    expect(run.code).toBe(2);
    for (const k of [...CHECKED]) expect(run.out.split("\n")).toContain(names[k]);
    for (const k of SKIPPED) expect(run.out).toContain(`${names[k]}: 跳过: `);
    for (const k of UNREADABLE) expect(run.err).toContain(`${names[k]}: 错误: `);
    expect(run.err).toContain(
      `${names.xls}: 错误: 读取 .xls 文件需要 LibreOffice：请安装 LibreOffice Calc（Debian/Ubuntu：apt-get install libreoffice-calc-nogui；其他系统见 libreoffice.org），或在 Excel/WPS 中另存为 .xlsx`,
    );
    expect(run.out).toContain(
      "17 个文件（已检查 6，其中 0 个经 LibreOffice 转换；无法读取 2；跳过 9），3 张表，3 个错误，6 个警告；其中自评表 3 张，评分表 0 张，未评分 0 张；0 个提示\n",
    );
  });

  test("CSV and HTML: every file, with its status (and NO_FORM, the unreadable reason, the skip reason)", async () => {
    const csvFile = path.join(dir, "report.csv");
    const htmlFile = path.join(dir, "report.html");
    expect((await runCli(["--report", csvFile, folder], { env: NO_SOFFICE })).code).toBe(2);
    expect((await runCli(["--report", htmlFile, "--lang", "en", folder], { env: NO_SOFFICE })).code).toBe(2);
    const csv = (await fs.readFile(csvFile, "utf8")).slice(1).split("\r\n");
    const html = await fs.readFile(htmlFile, "utf8");
    // The reports show paths relative to the folder checked (issue 13), with forward slashes.
    const rel = (k: string) => path.relative(folder, names[k]).split(path.sep).join("/");
    const all = [...CHECKED, ...UNREADABLE, ...SKIPPED];
    for (const k of all) {
      expect(`${k}: ${csv.some((l) => l.startsWith(`"${rel(k)}",`))}`).toBe(`${k}: true`);
      expect(`${k}: ${html.includes(`<td>${rel(k)}</td><td>`)}`).toBe(`${k}: true`);
    }
    expect(csv.find((l) => l.startsWith(`"${rel("pay")}",`))).toMatch(
      /^"[^"]+","已检查"(,""){11},"NO_FORM","未找到绩效自评表","错误","没有找到绩效自评表/,
    );
    expect(csv.find((l) => l.startsWith(`"${rel("lock")}",`))).toMatch(
      /"已跳过",.*"FILE_SKIPPED","文件未检查","","Excel\/WPS 打开工作簿时/,
    );
    expect(csv.find((l) => l.startsWith(`"${rel("corrupt")}",`))).toMatch(
      /"无法读取",.*"FILE_ERROR","文件无法读取","错误",/,
    );
    const num = (n: number) => `<td class="num">${n}</td>`;
    expect(html).toContain(
      `<td>${rel("lock")}</td><td>skipped</td>${num(0)}${num(0)}${num(0)}<td>a lock file Excel or WPS keeps`,
    );
    // A workbook with no form: its finding named in the files table, and in full under the file findings.
    expect(html).toContain(
      `<td>${rel("pay")}</td><td>checked</td>${num(0)}${num(1)}${num(0)}<td>No self-evaluation form found <span class="code">NO_FORM</span></td>`,
    );
    const fileFindings = html.slice(html.indexOf("<h2>File findings</h2>"));
    expect(fileFindings).toContain(`<h3>${rel("pay")}</h3>`);
    expect(fileFindings).toContain("no performance self-evaluation form found: none of the 2 sheets");
    expect(html).toContain(
      '<p id="summary-line">17 files (6 checked, 0 of them converted with LibreOffice; 2 unreadable; 9 skipped), 3 forms, 3 errors, 6 warnings;',
    );
  });

  test("a file named twice (directly and through its folder) is listed and checked once", async () => {
    const { doc } = await runJson([names.xlsx, path.join(folder, "sub"), names.xlsx]);
    expect(doc.files.map((f) => f.file)).toEqual([names.xlsx, names.nested]);
  });

  test("a folder with nothing to check: the skipped files listed, then a usage line, exit 2", async () => {
    const only = path.join(dir, "only-skipped");
    await fs.mkdir(only);
    await fs.writeFile(path.join(only, "x.csv"), "a\n");
    const run = await runCli([only]);
    expect(run.code).toBe(2);
    // Between the policy line and the summary line.
    expect(run.out.split("\n").slice(1)).toEqual([
      `${path.join(only, "x.csv")}: 跳过: 文本表格（.csv）没有表格布局，无法复核：请提供 .xlsx 工作簿`,
      "1 个文件（已检查 0，其中 0 个经 LibreOffice 转换；无法读取 0；跳过 1），0 张表，0 个错误，0 个警告；其中自评表 0 张，评分表 0 张，未评分 0 张；0 个提示",
      "",
    ]);
    expect(run.err).toMatch(/^perf-check: 没有找到可检查的工作簿（.xlsx、.xlsm、.xls、.et、.ods）：/);
    // With --json, the same as one JSON document.
    const json = await runJson([only]);
    expect(json.code).toBe(2);
    expect(json.doc.files.map((f) => [path.basename(f.file), f.status])).toEqual([["x.csv", "skipped"]]);
    expect(json.doc.summary).toMatchObject({ files: 1, checked: 0, skipped: 1 });
  });
});

describe("--write inside the folder it checks", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("write-inside");
    await fs.copyFile(SEED000, path.join(dir, "科委.xlsx"));
  });
  afterAll(() => removeDir(dir));

  test("a second run reads neither its copies nor its output folder: no *.checked.checked.xlsx", async () => {
    const out = path.join(dir, "复核");
    const first = await runJson(["--write", out, dir]);
    expect(first.doc.files.map((f) => [path.basename(f.file), f.status])).toEqual([["科委.xlsx", "checked"]]);
    const second = await runJson(["--write", out, dir]);
    expect(second.doc.files.map((f) => [path.relative(dir, f.file), f.status, f.skipped])).toEqual([
      ["复核", "skipped", "本次运行的 --write 输出文件夹，不作为输入"], // 复 U+590D before 科 U+79D1
      ["科委.xlsx", "checked", undefined],
    ]);
    expect(await fs.readdir(out)).toEqual(["科委.checked.xlsx"]);
    // Without --write, the copies in the folder are listed as perf-check's own, not read.
    const third = await runJson([dir]);
    expect(third.doc.files.map((f) => [path.relative(dir, f.file), f.status])).toEqual([
      [path.join("复核", "科委.checked.xlsx"), "skipped"],
      ["科委.xlsx", "checked"],
    ]);
  });
});

describe("folder order is by code point, never the locale", () => {
  let dir: string;
  afterAll(() => removeDir(dir));

  test("B < Z < a < 张 (U+5F20) < 李 (U+674E) < ｚ (U+FF5A) < 𠀀 (U+20000)", async () => {
    dir = await makeTempDir("order");
    const names = ["李.xlsx", "张.xlsx", "a.xlsx", "B.xlsx", "Z.xlsx", "𠀀.xlsx", "ｚ.xlsx"];
    for (const n of names) await fs.copyFile(SEED000, path.join(dir, n));
    const { doc } = await runJson([dir]);
    const got = doc.files.map((f) => path.basename(f.file));
    expect(got).toEqual(["B.xlsx", "Z.xlsx", "a.xlsx", "张.xlsx", "李.xlsx", "ｚ.xlsx", "𠀀.xlsx"]);
    // Neither the locale's order (a before B; 李 before 张 in pinyin) nor UTF-16 order (𠀀 before ｚ).
    expect([...names].sort((a, b) => a.localeCompare(b, "zh-CN"))).not.toEqual(got);
    expect([...names].sort()).not.toEqual(got);
    expect([...names].sort(byCodePoint)).toEqual(got);
  });
});
