/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs cells, not Office.js proxies */
/**
 * perf-check --write DIR (spec: "an annotated copy of each workbook: computed rates, scores and
 * totals written as native Excel formulas, each finding flagged on its cell (fill + cell note),
 * input cells untouched, the original never modified").
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FILL, planForSheet } from "../../src/cli/annotate";
import { checkGrids } from "../../src/cli/check";
import { DEFAULT_LIMITS, openWorkbook } from "../../src/cli/read";
import type { Plan } from "../../src/engine/plan";
import { getPolicy } from "../../src/engine/policy";
import {
  fileEntry,
  JDoc,
  makeTempDir,
  removeDir,
  runCli,
  runJson,
  SEED000,
  SEED002,
  SEED003,
} from "../helpers/xlsx-builders";

const RANK = { info: 0, warning: 1, error: 2 } as const;

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}

/** The plan perf-check applies, computed independently from the original file. */
async function plansOf(file: string, policyName?: string): Promise<Map<string, Plan>> {
  const { grids } = await openWorkbook(file, DEFAULT_LIMITS);
  const policy = getPolicy(policyName);
  const sheets = checkGrids(grids, policy, undefined);
  return new Map(sheets.map((s) => [s.grid.sheet, planForSheet(s, policy, "zh")]));
}

/** sheet name → its worksheet XML, read from the package (workbook.xml + rels). */
async function sheetXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const rel =
      new RegExp(`<Relationship\\b[^>]*Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels) ??
      new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const target = rel![1].replace(/^\/?(xl\/)?/, "xl/");
    out.set(m[1].replace(/&amp;/g, "&"), await zip.file(target)!.async("string"));
  }
  return out;
}

function xmlCell(xml: string, addr: string): string | undefined {
  return new RegExp(`<c r="${addr}"(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (!n) return "";
  if (typeof n === "string") return n;
  return ((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

describe("--write DIR on a folder of the three fixtures", () => {
  let tmp: string;
  let input: string;
  let out: string;
  let doc: JDoc;
  let code: number;
  const layout = [
    {
      src: SEED000,
      rel: path.join("2021", "北京", "seed000-bj-kjw.xlsx"),
      copy: path.join("2021", "北京", "seed000-bj-kjw.checked.xlsx"),
    },
    {
      src: SEED002,
      rel: path.join("海外学人 中心", "seed 002.xlsx"),
      copy: path.join("海外学人 中心", "seed 002.checked.xlsx"),
    },
    { src: SEED003, rel: "seed003-bt-rcfw.xlsx", copy: "seed003-bt-rcfw.checked.xlsx" },
  ];
  const hashes = new Map<string, string>();
  const mtimes = new Map<string, number>();

  beforeAll(async () => {
    tmp = await makeTempDir("write");
    input = path.join(tmp, "in");
    out = path.join(tmp, "out");
    for (const l of layout) {
      const f = path.join(input, l.rel);
      await fs.mkdir(path.dirname(f), { recursive: true });
      await fs.copyFile(l.src, f);
      hashes.set(f, await sha256(f));
      mtimes.set(f, (await fs.stat(f)).mtimeMs);
    }
    ({ doc, code } = await runJson(["--write", out, input]));
  });
  afterAll(() => removeDir(tmp));

  test("exit 1 (seed002's FUNDS_BREAKDOWN, seed003's errors) and every file checked", () => {
    expect(code).toBe(1);
    expect(doc.files).toHaveLength(3);
    for (const f of doc.files) expect(f.error).toBeUndefined();
  });

  test("one annotated copy per workbook under DIR, same relative layout, nothing else written", async () => {
    expect(await listFiles(out)).toEqual(layout.map((l) => l.copy).sort());
  });

  test("the originals are never modified (same bytes, same mtime)", async () => {
    for (const [f, h] of hashes) {
      expect(await sha256(f)).toBe(h);
      expect((await fs.stat(f)).mtimeMs).toBe(mtimes.get(f));
    }
    expect(await listFiles(input)).toEqual(layout.map((l) => l.rel).sort());
  });

  test.each(layout.map((l) => [l.copy, l] as const))(
    "%s: every cell of the original keeps its value and style; flagged cells change only their fill",
    async (_name, l) => {
      const orig = new ExcelJS.Workbook();
      await orig.xlsx.readFile(path.join(input, l.rel));
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(path.join(out, l.copy));
      const flagged = new Set(
        fileEntry(doc, path.join(input, l.rel)).forms.flatMap((f) => f.findings.map((x) => `${x.sheet}!${x.cell}`)),
      );
      expect(copy.worksheets.map((w) => w.name)).toEqual(orig.worksheets.map((w) => w.name));
      let n = 0;
      for (const ws of orig.worksheets) {
        const cs = copy.getWorksheet(ws.name)!;
        expect((cs.model as unknown as { merges: string[] }).merges.sort()).toEqual(
          (ws.model as unknown as { merges: string[] }).merges.sort(),
        );
        ws.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            const at = `${ws.name}!${cell.address}`;
            const c = cs.getCell(cell.address);
            const style = (x: ExcelJS.Cell) =>
              JSON.parse(JSON.stringify({ ...x.style, ...(flagged.has(at) ? { fill: "flagged" } : {}) })) as unknown;
            expect({ at, value: c.value, style: style(c) }).toEqual({ at, value: cell.value, style: style(cell) });
            n++;
          }),
        );
      }
      expect(n).toBeGreaterThan(100);
    },
  );

  test.each(layout.map((l) => [l.copy, l] as const))(
    "%s: review-column rates/scores/totals are native formulas (not text) in new cells only",
    async (_name, l) => {
      const plans = await plansOf(path.join(input, l.rel));
      const orig = new ExcelJS.Workbook();
      await orig.xlsx.readFile(path.join(input, l.rel));
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(path.join(out, l.copy));
      const xml = await sheetXml(path.join(out, l.copy));
      let formulas = 0;
      for (const [sheetName, plan] of plans) {
        const ws = copy.getWorksheet(sheetName)!;
        const os = orig.getWorksheet(sheetName)!;
        const written = new Set(plan.writes.map((w) => w.cell));
        for (const w of plan.writes) {
          // Review columns only go into cells that were empty.
          expect({ at: `${sheetName}!${w.cell}`, before: os.getCell(w.cell).value }).toEqual({
            at: `${sheetName}!${w.cell}`,
            before: null,
          });
          const c = ws.getCell(w.cell);
          if (w.formula) {
            formulas++;
            expect(w.formula.startsWith("=")).toBe(true);
            expect(c.type).toBe(ExcelJS.ValueType.Formula);
            expect(c.formula).toBe(w.formula.slice(1));
            // In the package: an <f> element, never a string cell.
            const x = xmlCell(xml.get(sheetName)!, w.cell)!;
            expect(x).toMatch(/<f>[^<]+<\/f>/);
            // A formula with its cached result: a number, or the grade's text (t="str"), never a string cell.
            expect(x).not.toMatch(w.kind === "grade" ? /t="(s|inlineStr)"/ : /t="(s|str|inlineStr)"/);
            // Only cell references, numbers, functions and the policy's grade names: no text from the form.
            const grades = getPolicy().grades.map((g) => `"${g.grade}"`);
            expect(grades.reduce((f, g) => f.split(g).join('""'), w.formula)).toMatch(/^=[A-Z0-9(),.:+\-*/<>=""$ ]+$/);
          } else {
            expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(c.text).toBe(w.text);
          }
        }
        // Nothing else appeared: every non-empty cell of the copy is an original cell or a planned write.
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (cell.value === null) return;
            if (os.getCell(cell.address).value === null)
              expect(`${sheetName}!${cell.address} planned: ${written.has(cell.address)}`).toBe(
                `${sheetName}!${cell.address} planned: true`,
              );
          }),
        );
      }
      expect(formulas).toBeGreaterThan(0);
    },
  );

  test("seed000 自评表: rate J7 = E7/D7, budget score K7, J14 by the rule (text figures as literals, noted), review total J24 = SUM of the review column, grade K24", async () => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, layout[0].copy));
    const ws = copy.getWorksheet("自评表")!;
    expect(ws.getCell("J6").text).toBe("复核执行率");
    expect(ws.getCell("K6").text).toBe("复核得分");
    expect(ws.getCell("J7").value).toEqual({ formula: 'IF(N(D7)=0,"",E7/D7)', result: 0.3709274799948014 });
    expect((ws.getCell("K7").value as ExcelJS.CellFormulaValue).formula).toBe(
      'IF(N(D7)=0,"",ROUND(MIN(1,MAX(0,E7/D7))*F7,2))',
    );
    expect((ws.getCell("K7").value as ExcelJS.CellFormulaValue).result).toBe(3.71);
    // E14 "5000人" and F14 "164人" are text: the rule's figures go in as literals, and the note says so.
    expect(ws.getCell("J14").value).toEqual({
      formula: "ROUND(MAX(0,MIN(1,IF(164>=5000,1,IF(5000>0,164/5000,0))))*G14,2)",
      result: 0.26,
    });
    expect(noteText(ws.getCell("J14"))).toContain("E14“5000人”是文字");
    // A qualitative row: its stated score inside its band (达成: 80–100% of the weight).
    expect(ws.getCell("J18").value).toEqual({ formula: "MIN(G18,MAX(G18*0.8,H18))", result: 5 });
    // 复核总分 sums the review column (K7 and J14:J23), never the stated scores in H.
    expect(ws.getCell("J24").value).toEqual({ formula: "SUM(K7,J14:J23)", result: 84.57 });
    expect((ws.getCell("K24").value as ExcelJS.CellFormulaValue).result).toBe("良");
    expect(ws.getCell("J7").numFmt).toBe("0.00%");
  });

  test("each finding is flagged on its cell: fill of the most severe finding there, note with every message", async () => {
    let flagged = 0;
    for (const l of layout) {
      const entry = fileEntry(doc, path.join(input, l.rel));
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(path.join(out, l.copy));
      const byCell = new Map<string, (typeof entry.forms)[0]["findings"]>();
      for (const f of entry.forms.flatMap((x) => x.findings)) {
        const k = `${f.sheet}!${f.cell}`;
        byCell.set(k, [...(byCell.get(k) ?? []), f]);
      }
      for (const [k, fs_] of byCell) {
        const top = fs_.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a)).severity;
        const c = copy.getWorksheet(fs_[0].sheet)!.getCell(fs_[0].cell);
        expect({ k, fill: c.fill }).toEqual({
          k,
          fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILL[top] } },
        });
        const note = noteText(c);
        for (const f of fs_) expect(note).toContain(f.message);
        flagged++;
      }
      const plans = await plansOf(path.join(input, l.rel));
      const notedWrites = new Set(
        [...plans].flatMap(([sheet, p]) => p.writes.filter((w) => w.note).map((w) => `${sheet}!${w.cell}`)),
      );
      // No flag (note, or one of the flag fills) where there is no finding: exceljs shares one style
      // object between cells, so a careless fill would spread over whole forms.
      const flagFills = new Set(Object.values(FILL));
      for (const ws of copy.worksheets) {
        ws.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            const at = `${ws.name}!${cell.address}`;
            const fill = cell.fill as ExcelJS.FillPattern | undefined;
            const flagFill = !!fill && fill.pattern === "solid" && flagFills.has(fill.fgColor?.argb ?? "");
            // A review cell's own note (literal operands) is no flag: it has no fill.
            const reviewNote = !flagFill && notedWrites.has(at);
            if ((cell.note && !reviewNote) || flagFill)
              expect(`${at} flagged: ${byCell.has(at)}`).toBe(`${at} flagged: true`);
          }),
        );
      }
    }
    // seed002 + seed003 under national have dozens of flagged cells.
    expect(flagged).toBeGreaterThan(40);
  });

  test("项目4!H7 (BUDGET_SCORE_MISMATCH) in the seed002 copy: warning fill, note, value 5.8 kept", async () => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, layout[1].copy));
    const c = copy.getWorksheet("项目4")!.getCell("H7");
    expect(c.value).toBe(5.8);
    expect(c.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: FILL.warning } });
    expect(noteText(c)).toContain("5.8");
    const e80 = copy.getWorksheet("项目5-8")!.getCell("E80");
    expect(e80.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: FILL.error } });
  });

  test("the text summary names the annotated copies' folder", async () => {
    const out2 = path.join(tmp, "out-text");
    const run = await runCli(["--write", out2, path.join(input, layout[0].rel)]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(path.resolve(out2));
    expect(await listFiles(out2)).toEqual(["seed000-bj-kjw.checked.xlsx"]);
  });
});

describe("--write never overwrites: same names, and inputs inside DIR", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await makeTempDir("write-names");
  });
  afterAll(() => removeDir(tmp));

  test("two inputs named x.xlsx in different folders, given as files: x.checked.xlsx and x.checked-2.xlsx", async () => {
    for (const d of ["a", "b"]) {
      await fs.mkdir(path.join(tmp, d), { recursive: true });
      await fs.copyFile(SEED000, path.join(tmp, d, "x.xlsx"));
    }
    const out = path.join(tmp, "out");
    const run = await runCli(["--write", out, path.join(tmp, "a", "x.xlsx"), path.join(tmp, "b", "x.xlsx")]);
    expect(run.code).toBe(0);
    expect(await listFiles(out)).toEqual(["x.checked-2.xlsx", "x.checked.xlsx"]);
  });

  test("an input that is itself named seed.checked.xlsx inside DIR is not overwritten by seed.xlsx's copy", async () => {
    const out = path.join(tmp, "out2");
    await fs.mkdir(out, { recursive: true });
    const inside = path.join(out, "seed.checked.xlsx");
    await fs.copyFile(SEED002, inside);
    const before = await sha256(inside);
    await fs.copyFile(SEED000, path.join(tmp, "seed.xlsx"));
    const run = await runCli(["--write", out, path.join(tmp, "seed.xlsx"), inside]);
    expect(run.code).toBe(1);
    expect(await sha256(inside)).toBe(before);
    expect(await listFiles(out)).toEqual(["seed.checked-2.xlsx", "seed.checked.checked.xlsx", "seed.checked.xlsx"]);
  });
});
