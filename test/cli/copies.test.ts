/**
 * Annotated copies keep everything (issue 14): perf-check --write on workbooks with charts, a
 * chart sheet, pictures, an author's notes, whole-column data validations, defined names,
 * protection and macros, and on the hostile packages of the issue; each copy is compared with
 * its original part by part (test/helpers/package-compare.ts, JSZip and xmldom, not the writer's
 * own code): every original part present, the same bytes unless it had to change, and a changed
 * part only gained. Packaging rules: ECMA-376 Part 2 (OPC); the parts: ECMA-376 Part 1 §18.
 */
import { promises as fs } from "fs";
import path from "path";
import JSZip from "jszip";
import { FILL } from "../../src/cli/annotate";
import { comparePackages, flagStyleRule, styleLists } from "../helpers/package-compare";
import { PNG, richWorkbook, seed000With, VBA } from "../helpers/rich-workbook";
import { fileEntry, formOf, makeTempDir, removeDir, runCli, runJson } from "../helpers/xlsx-builders";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("copies");
});
afterAll(() => removeDir(dir));

/** perf-check --write on one workbook: its copy's bytes, and the check's JSON. */
async function copyOf(name: string, bytes: Buffer, extra: string[] = []) {
  const input = path.join(dir, "in", name);
  await fs.mkdir(path.dirname(input), { recursive: true });
  await fs.writeFile(input, bytes);
  const out = path.join(dir, "out", name.replace(/\.xls[xm]$/, ""));
  const run = await runCli(["--lang", "en", ...extra, "--write", out, input]);
  expect(run.err).toBe("");
  const copyName = name.replace(/\.(xls[xm])$/, ".checked.$1");
  const copy = await fs.readFile(path.join(out, copyName));
  const { doc } = await runJson(["--lang", "en", input]);
  return { input, copy, doc, code: run.code };
}

async function partText(pkg: Buffer, name: string): Promise<string> {
  return (await JSZip.loadAsync(pkg)).file(name)!.async("string");
}

describe("a workbook with charts, a chart sheet, pictures, notes, validations, defined names, protection and macros (.xlsm)", () => {
  let original: Buffer;
  let copy: Buffer;
  let doc: Awaited<ReturnType<typeof copyOf>>["doc"];

  beforeAll(async () => {
    original = await richWorkbook();
    ({ copy, doc } = await copyOf("rich.xlsm", original));
  });

  test("every part is present; only the parts that must change changed, and they only gained", async () => {
    const diff = await comparePackages(original, copy, {
      rule: await flagStyleRule(original, copy, Object.values(FILL)),
    });
    expect(diff.problems).toEqual([]);
    // The seven form sheets gain review cells, flags or both; styles gain the flag fills and the review formats;
    // 项目4's notes gain the flags' notes (its VML drawing their boxes); 项目5-8 gains its first notes.
    expect(diff.changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/styles.xml",
        "xl/worksheets/_rels/sheet7.xml.rels",
        ...[1, 2, 3, 4, 5, 6, 7].map((i) => `xl/worksheets/sheet${i}.xml`),
      ].sort(),
    );
    // New parts: the comments and VML drawings of sheets that had no notes, and their relationships.
    for (const a of diff.added)
      expect(a).toMatch(/^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/);
    expect(diff.added.filter((a) => /comments\d+\.xml$/.test(a)).length).toBeGreaterThan(0);
  });

  test("byte for byte: workbook.xml (defined names, workbook protection, calcId), charts, chart sheet, drawings, picture, VBA project, shared strings", async () => {
    const a = await JSZip.loadAsync(original);
    const b = await JSZip.loadAsync(copy);
    for (const name of [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/chartsheets/sheet1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
      "xl/media/image1.png",
      "xl/vbaProject.bin",
      "xl/sharedStrings.xml",
      "docProps/core.xml",
      "xl/worksheets/_rels/sheet6.xml.rels",
    ]) {
      const x = await a.file(name)!.async("nodebuffer");
      const y = await b.file(name)!.async("nodebuffer");
      expect({ name, same: x.equals(y) }).toEqual({ name, same: true });
    }
    expect((await b.file("xl/vbaProject.bin")!.async("nodebuffer")).equals(VBA)).toBe(true);
    expect((await b.file("xl/media/image1.png")!.async("nodebuffer")).equals(PNG)).toBe(true);
    const wb = await b.file("xl/workbook.xml")!.async("string");
    expect(wb).toContain('<workbookProtection lockStructure="1"/>');
    expect(wb).toContain(`<definedName name="预算数">'项目4'!$D$7</definedName>`);
    expect(wb).toContain('<calcPr calcId="171027"/>');
  });

  test("the copy stays a macro workbook: .checked.xlsm, the macro-enabled content type kept", async () => {
    const types = await partText(copy, "[Content_Types].xml");
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
  });

  test("the author's note on 项目4!H7 (a flagged cell) is kept whole, first; the flag's text follows it", async () => {
    const comments = await partText(copy, "xl/comments1.xml");
    const h7 = /<comment ref="H7" authorId="(\d+)">([\s\S]*?)<\/comment>/.exec(comments)!;
    expect(h7[1]).toBe("0");
    const body = h7[2];
    const author = body.indexOf("执行率得分按 5.8 填报，待财务科确认。");
    const flag = fileEntry(doc, path.join(dir, "in", "rich.xlsm"))
      .forms.flatMap((f) => f.findings)
      .find((f) => f.sheet === "项目4" && f.cell === "H7")!;
    expect(flag.code).toBe("BUDGET_SCORE_MISMATCH");
    const appended = body.indexOf(flag.message);
    expect(author).toBeGreaterThan(0);
    expect(appended).toBeGreaterThan(author);
    expect(body).toContain("—— perf-check ——");
    // The unflagged note on B3 is as it was; the authors list keeps 张会计 first.
    expect(comments).toContain("项目名称以批复文件为准。");
    expect(comments).toMatch(/<authors><author>张会计<\/author><author>perf-check<\/author><\/authors>/);
  });

  test("项目5-8 gains its first notes: a comments part, a VML drawing and <legacyDrawing> right after its <drawing>", async () => {
    const xml = await partText(copy, "xl/worksheets/sheet7.xml");
    expect(xml).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const rels = await partText(copy, "xl/worksheets/_rels/sheet7.xml.rels");
    expect(rels).toContain('Target="../drawings/drawing3.xml"');
    const comments = /Target="\.\.\/(comments\d+\.xml)"/.exec(rels)![1];
    const vml = /Target="\.\.\/drawings\/(vmlDrawing\d+\.vml)"/.exec(rels)![1];
    expect(comments).not.toBe("comments1.xml");
    const vmlText = await partText(copy, `xl/drawings/${vml}`);
    // Its note boxes are numbered in a block of their own: no other VML drawing uses it.
    const block = /<o:idmap v:ext="edit" data="(\d+)"\/>/.exec(vmlText)![1];
    const zip = await JSZip.loadAsync(copy);
    for (const other of Object.keys(zip.files).filter((n) => n.endsWith(".vml") && n !== `xl/drawings/${vml}`))
      expect(await zip.file(other)!.async("string")).not.toContain(`data="${block}"`);
    expect(vmlText).toMatch(/<x:ClientData ObjectType="Note">/);
    const types = await partText(copy, "[Content_Types].xml");
    expect(types).toContain(`<Override PartName="/xl/${comments}"`);
  });

  test("styles: every original font, fill and format keeps its index; the flag fills and review formats are appended", async () => {
    const a = await styleLists(original);
    const b = await styleLists(copy);
    for (const list of ["cellXfs", "fills", "fonts"] as const) {
      expect(b[list].slice(0, a[list].length)).toEqual(a[list]);
      expect(b[list].length).toBeGreaterThan(a[list].length);
    }
    for (const argb of [FILL.error, FILL.warning]) expect(b.fills.some((f) => f.includes(argb))).toBe(true);
  });

  test("the validations over whole columns are kept as written, and the copy is read back with the same findings", async () => {
    const xml = await partText(copy, "xl/worksheets/sheet6.xml");
    expect(xml).toContain('sqref="A1:I1048576"');
    expect(xml).toContain('sqref="G14:H1048576"');
    const again = path.join(dir, "again.xlsm");
    await fs.writeFile(again, copy);
    const { doc: doc2 } = await runJson(["--lang", "en", again]);
    const codes = (d: typeof doc) =>
      d.files[0].forms.flatMap((f) => f.findings.map((x) => `${x.sheet}!${x.cell} ${x.code}`)).sort();
    expect(codes(doc2)).toEqual(codes(doc));
  });

  test("two runs give byte-identical copies", async () => {
    const second = await copyOf("rich.xlsm", original);
    expect(second.copy.equals(copy)).toBe(true);
  });
});

describe("the hostile packages of issue 14", () => {
  async function keepsEverything(original: Buffer, copy: Buffer, skip?: (part: string) => boolean) {
    const diff = await comparePackages(original, copy, {
      rule: await flagStyleRule(original, copy, Object.values(FILL)),
      skip,
    });
    expect(diff.problems).toEqual([]);
    return diff;
  }

  test("a stray value at XFD1: the form stays A1:I24, and the review columns go at J and K", async () => {
    const original = await seed000With({
      sheet: (s) =>
        s.replace(/(<row r="1"[^>]*>[\s\S]*?)(<\/row>)/, `$1<c r="XFD1" t="inlineStr"><is><t>stray</t></is></c>$2`),
    });
    const { copy, doc } = await copyOf("xfd1.xlsx", original);
    expect(formOf(doc, "自评表").range).toBe("A1:I24");
    await keepsEverything(original, copy);
    const xml = await partText(copy, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<c r="J24"[^>]*><f>SUM\(K7,J14:J23\)<\/f>/);
    expect(xml).toContain('<c r="XFD1" t="inlineStr"><is><t>stray</t></is></c>');
  });

  test("a stray value at A1048576: no 'over the limit'; the form is checked and its copy written", async () => {
    const original = await seed000With({
      sheet: (s) =>
        s.replace(
          "</sheetData>",
          `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>stray</t></is></c></row></sheetData>`,
        ),
    });
    const { copy, doc, code } = await copyOf("a1048576.xlsx", original);
    expect(code).toBe(0);
    expect(formOf(doc, "自评表").range).toBe("A1:I24");
    await keepsEverything(original, copy);
  });

  test("4 million styled empty cells: read and written (the copy keeps every one of them, and only gains in the form's rows)", async () => {
    const rows: string[] = [];
    const cols = Array.from({ length: 100 }, (_, c) =>
      c < 26
        ? String.fromCharCode(65 + c)
        : `${String.fromCharCode(64 + Math.floor(c / 26))}${String.fromCharCode(65 + (c % 26))}`,
    );
    for (let r = 30; r < 40030; r++)
      rows.push(`<row r="${r}">${cols.map((c) => `<c r="${c}${r}" s="2"/>`).join("")}</row>`);
    const styled = rows.join("");
    const original = await seed000With({ sheet: (s) => s.replace("</sheetData>", `${styled}</sheetData>`) });
    const { copy, doc } = await copyOf("styled-4m.xlsx", original);
    expect(formOf(doc, "自评表").total.stated).toBe("84.57");
    await keepsEverything(original, copy, (part) => part === "xl/worksheets/sheet1.xml");
    const before = await partText(original, "xl/worksheets/sheet1.xml");
    const after = await partText(copy, "xl/worksheets/sheet1.xml");
    // Rows 30 to the end of the sheet data are the same text; the form's rows gained the review cells.
    const styledRows = before.slice(before.indexOf('<row r="30">'), before.indexOf("</sheetData>"));
    expect(after.includes(styledRows)).toBe(true);
    expect(after.length - before.length).toBeLessThan(20_000);
  }, 120_000);

  test.each([
    ["a name over 31 characters", "绩效自评表".repeat(7)],
    ["a name starting with an apostrophe", "'自评表"],
    ["a name holding [", "自评表[2021]"],
    ["a sheet named History", "History"],
  ])("%s: checked (not 'the workbook cannot be parsed'), copied with the name kept", async (_what, name) => {
    const escaped = name.replace(/'/g, "&apos;");
    const original = await seed000With({ workbook: (s) => s.replace('name="自评表"', `name="${escaped}"`) });
    const { copy, doc } = await copyOf("names.xlsx", original);
    expect(doc.files[0].error).toBeUndefined();
    expect(formOf(doc, name).total.stated).toBe("84.57");
    await keepsEverything(original, copy);
    expect(await partText(copy, "xl/workbook.xml")).toBe(await partText(original, "xl/workbook.xml"));
  });

  test('a relationship target with ../ (Target="../xl/worksheets/sheet1.xml"): read and copied', async () => {
    const original = await seed000With({
      workbookRels: (s) => s.replace('Target="worksheets/sheet1.xml"', 'Target="../xl/worksheets/sheet1.xml"'),
    });
    const { copy, doc } = await copyOf("dotdot.xlsx", original);
    expect(formOf(doc, "自评表").total.stated).toBe("84.57");
    const diff = await keepsEverything(original, copy);
    expect(diff.changed).toContain("xl/worksheets/sheet1.xml");
  });
});
