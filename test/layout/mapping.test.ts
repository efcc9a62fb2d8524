/**
 * The user-correctable column mapping (src/layout/mapping.ts) against the fixture forms
 * (samples/*.xlsx): saved mappings round-trip through their JSON document,
 * an explicit mapping overrides detection, a mapping whose columns moved is reported as
 * stale-mapping and not applied, and invalid documents are rejected with clear MappingErrors
 * (issue: "Mapping" and "Each form reports what it could not place … stale-mapping").
 */
import path from "path";
import ExcelJS from "exceljs";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import type { ProjectForm } from "../../src/engine/model";
import { detectForms } from "../../src/layout/detect";
import type { Grid } from "../../src/layout/grid";
import {
  MappingError,
  MappingForm,
  mappingFromForm,
  parseMappingDoc,
  SheetMapping,
  toMappingDoc,
} from "../../src/layout/mapping";
import {
  CellModel,
  formView,
  insertColumn,
  mapView,
  offset,
  permuteColumns,
  renameHeaders,
} from "../helpers/grid-builders";

const SAMPLES = path.resolve(__dirname, "../../samples");
const FILES = ["seed000-bj-kjw.xlsx", "seed002-bj-hwxr.xlsx", "seed003-bt-rcfw.xlsx"];

const grids = new Map<string, Grid[]>();

beforeAll(async () => {
  for (const file of FILES) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, file));
    grids.set(
      file,
      wb.worksheets.map((ws) => worksheetToGrid(ws)),
    );
  }
});

function sheet(file: string, name: string): Grid {
  const g = (grids.get(file) ?? []).find((x) => x.sheet === name);
  if (!g) throw new Error(`${file}/${name}`);
  return g;
}

const projects = (g: Grid) => detectForms(g).filter((f): f is ProjectForm => f.kind === "project");

/** The JSON text a user's saved mapping becomes, and back. */
function throughJson(m: Map<string, SheetMapping>): Map<string, SheetMapping> {
  return parseMappingDoc(JSON.parse(JSON.stringify(toMappingDoc(m))));
}

describe("a saved mapping round-trips (mappingFromForm → toMappingDoc → JSON → parseMappingDoc)", () => {
  it.each(FILES)("%s: every project form of every sheet", (file) => {
    const saved = new Map<string, SheetMapping>();
    for (const g of grids.get(file) ?? []) {
      const forms = projects(g).map((f) => mappingFromForm(g, f));
      if (forms.length) saved.set(g.sheet, { forms });
    }
    expect(saved.size).toBeGreaterThan(0);
    expect(throughJson(saved)).toEqual(saved);
  });

  it("the document speaks 1-based rows and column letters (seed000 自评表: header row 13, 年度指标值 in E13, funds header row 6)", () => {
    const g = sheet("seed000-bj-kjw.xlsx", "自评表");
    const doc = toMappingDoc(new Map([[g.sheet, { forms: [mappingFromForm(g, projects(g)[0])] }]]));
    const f = doc.sheets["自评表"].forms[0];
    expect(f).toMatchObject({ range: "A1:I24", headerRow: 13, fundsHeaderRow: 6 });
    expect(f.fields["ind.target"]).toEqual({ col: "E", header: "年度指标值" });
    expect(f.fields["ind.reason"]).toEqual({ col: "I", header: "偏差原因分析及改进措施" });
    expect(f.fields["funds.rate"]).toEqual({ col: "G", header: "执行率" });
  });

  it("re-applying a saved mapping changes nothing but confirms every column (confidence 1; seed002 项目5-8, all four forms)", () => {
    const g = sheet("seed002-bj-hwxr.xlsx", "项目5-8");
    const plain = detectForms(g);
    const saved = throughJson(new Map([[g.sheet, { forms: projects(g).map((f) => mappingFromForm(g, f)) }]]));
    const mapped = detectForms(g, saved.get(g.sheet));
    expect(mapped.map(formView)).toEqual(plain.map(formView));
    for (const f of mapped) for (const v of Object.values(f.confidence)) expect(v).toBe(1);
  });

  it("a saved mapping confirms the truncated 全年/执行 columns: no longer reported inferred (seed003 人才工作服务经费 E5, G5); the blank level-1 B19 still is", () => {
    const g = sheet("seed003-bt-rcfw.xlsx", "人才工作服务经费");
    const plain = projects(g)[0];
    expect(plain.issues.map((i) => `${i.kind} ${i.field}@${i.cell}`).sort()).toEqual([
      "inferred funds.executed@E5",
      "inferred funds.rate@G5",
      "inferred ind.level1@B19",
    ]);
    const saved = throughJson(new Map([[g.sheet, { forms: [mappingFromForm(g, plain)] }]]));
    const f = detectForms(g, saved.get(g.sheet))[0] as ProjectForm;
    expect(f.issues.map((i) => `${i.kind} ${i.field}@${i.cell}`)).toEqual(["inferred ind.level1@B19"]);
    expect(f.funds?.columns).toEqual(plain.funds?.columns);
    expect(f.confidence["funds.executed"]).toBe(1);
    expect(f.confidence["funds.rate"]).toBe(1);
  });
});

describe("an explicit mapping overrides detection", () => {
  /** seed000 自评表 with a 备注 column appended in J (header J13, notes in J14, J16). */
  function withRemarks() {
    const m = CellModel.fromGrid(sheet("seed000-bj-kjw.xlsx", "自评表"));
    const v = insertColumn(
      m,
      9,
      new Map([
        [12, "备注"],
        [13, "见附件"],
        [15, "已整改"],
      ]),
    );
    return v.model.toGrid();
  }

  it("ind.reason mapped to the 备注 column J: every indicator's reason is read from J (issue: map ind.reason to a 备注 column)", () => {
    const g = withRemarks();
    expect(projects(g)[0].columns.reason).toBe(8); // detection alone: 偏差原因分析及改进措施 in I13
    const mf: MappingForm = {
      top: 0,
      left: 0,
      bottom: 23,
      right: 9,
      headerRow: 12,
      fundsHeaderRow: 5,
      fields: { "ind.reason": { col: 9, header: "备注" } },
    };
    const f = detectForms(g, { forms: [mf] })[0] as ProjectForm;
    expect(f.columns.reason).toBe(9);
    expect(f.confidence["ind.reason"]).toBe(1);
    expect(f.indicators.map((i) => i.reason?.cell)).toEqual([
      "J14",
      "J15",
      "J16",
      "J17",
      "J18",
      "J19",
      "J20",
      "J21",
      "J22",
      "J23",
    ]);
    expect(f.indicators[0].reason?.value).toBe("见附件");
    expect(f.indicators[2].reason?.value).toBe("已整改");
    expect(f.issues).toEqual([]);
    // every other column is still detected
    expect(f.columns).toEqual({
      level1: 1,
      level2: 2,
      level3: 3,
      target: 4,
      actual: 5,
      weight: 6,
      score: 7,
      reason: 9,
    });
  });

  it("the same mapping survives the JSON document (column letter J, header 备注)", () => {
    const g = withRemarks();
    const doc = {
      version: 1,
      sheets: {
        自评表: {
          forms: [
            {
              range: "A1:J24",
              headerRow: 13,
              fundsHeaderRow: 6,
              fields: { "ind.reason": { col: "J", header: "备注" } },
            },
          ],
        },
      },
    };
    const m = parseMappingDoc(JSON.parse(JSON.stringify(doc)));
    const f = detectForms(g, m.get("自评表"))[0] as ProjectForm;
    expect(f.indicators.map((i) => i.reason?.cell)).toEqual([
      "J14",
      "J15",
      "J16",
      "J17",
      "J18",
      "J19",
      "J20",
      "J21",
      "J22",
      "J23",
    ]);
  });

  it("a mapped column takes over a column detection gave another field (score → I releases reason; seed000 自评表 I13)", () => {
    const g = sheet("seed000-bj-kjw.xlsx", "自评表");
    const mf: MappingForm = {
      top: 0,
      left: 0,
      bottom: 23,
      right: 8,
      headerRow: 12,
      fields: { "ind.score": { col: 8, header: "偏差原因分析及改进措施" } },
    };
    const f = detectForms(g, { forms: [mf] })[0] as ProjectForm;
    expect(f.columns.score).toBe(8);
    expect(f.columns.reason).toBeUndefined();
    expect(f.indicators[0].score?.cell).toBe("I14");
    expect(f.indicators[0].reason).toBeUndefined();
  });

  it("a mapping without a recorded header is applied as is (funds.rate → G on seed003 人才工作服务经费, whose G5 reads 执行)", () => {
    const g = sheet("seed003-bt-rcfw.xlsx", "人才工作服务经费");
    const mf: MappingForm = {
      top: 0,
      left: 0,
      bottom: 21,
      right: 8,
      headerRow: 10,
      fundsHeaderRow: 4,
      fields: { "funds.rate": { col: 6 } },
    };
    const f = detectForms(g, { forms: [mf] })[0] as ProjectForm;
    expect(f.funds?.total?.rate?.cell).toBe("G6");
    expect(f.confidence["funds.rate"]).toBe(1);
    expect(f.issues.map((i) => `${i.kind} ${i.field}@${i.cell}`).sort()).toEqual([
      "inferred funds.executed@E5",
      "inferred ind.level1@B19",
    ]);
  });
});

describe("a mapping that no longer fits is reported stale-mapping and not applied", () => {
  it("columns moved (indicator columns reversed; seed000 自评表): every mapped field whose header changed is reported at its old cell, detection reads the moved columns", () => {
    const g0 = sheet("seed000-bj-kjw.xlsx", "自评表");
    const saved = throughJson(new Map([[g0.sheet, { forms: [mappingFromForm(g0, projects(g0)[0])] }]]));
    const model = CellModel.fromGrid(g0);
    const v = permuteColumns(model, 12, 23, [8, 7, 6, 5, 4, 3, 2, 1]);
    const g = v.model.toGrid();
    const f = detectForms(g, saved.get("自评表"));
    expect(f).toHaveLength(1);
    const form = f[0] as ProjectForm;
    // Not applied: the fields are where the headers now are (I13 一级指标 … B13 偏差原因…).
    expect(form.columns).toEqual({
      level1: 8,
      level2: 7,
      level3: 6,
      target: 5,
      actual: 4,
      weight: 3,
      score: 2,
      reason: 1,
    });
    const stale = form.issues.filter((i) => i.kind === "stale-mapping");
    expect(stale.map((i) => `${i.field}@${i.cell}`).sort()).toEqual(
      [
        "ind.level1@B13",
        "ind.level2@C13",
        "ind.level3@D13",
        "ind.target@E13",
        "ind.actual@F13",
        "ind.weight@G13",
        "ind.score@H13",
        "ind.reason@I13",
      ].sort(),
    );
    const target = stale.find((i) => i.field === "ind.target");
    expect(target?.message.zh).toContain("年度指标值");
    expect(target?.message.en).toContain("columns may have moved");
    // Detected confidence, not the mapping's 1 … and the funds fields (unchanged headers) are applied.
    expect(form.confidence["funds.rate"]).toBe(1);
    expect(form.issues.filter((i) => i.kind !== "stale-mapping")).toEqual([]);
    // The rest of the form is exactly what detection alone gives on the moved sheet.
    const alone = detectForms(g)[0] as ProjectForm;
    expect({ ...formView(form), issues: [] }).toEqual({ ...formView(alone), issues: [] });
  });

  it("a header renamed in place (年度指标值 → 年度目标值, same column E13) is stale too: the saved header no longer matches", () => {
    const g0 = sheet("seed000-bj-kjw.xlsx", "自评表");
    const mf = mappingFromForm(g0, projects(g0)[0]);
    const g = renameHeaders(CellModel.fromGrid(g0), 12, { 年度指标值: "年度目标值" }).model.toGrid();
    const form = detectForms(g, { forms: [mf] })[0] as ProjectForm;
    expect(form.issues.map((i) => `${i.kind} ${i.field}@${i.cell}`)).toEqual(["stale-mapping ind.target@E13"]);
    expect(form.columns.target).toBe(4);
  });

  it("the form moved down (its mapped header row no longer holds a header): a stale placeholder is reported, the moved form is detected on its own", () => {
    const g0 = sheet("seed000-bj-kjw.xlsx", "自评表");
    const mf = mappingFromForm(g0, projects(g0)[0]);
    const moved = offset(CellModel.fromGrid(g0), 30, 0);
    const g = moved.model.toGrid();
    const forms = detectForms(g, { forms: [mf] });
    expect(forms).toHaveLength(2);
    expect(formView(forms[0])).toEqual(mapView(formView(projects(g0)[0]), moved.map));
    const stale = forms[1] as ProjectForm;
    expect(stale.indicators).toEqual([]);
    expect(stale.issues).toEqual([expect.objectContaining({ field: "mapping", kind: "stale-mapping", cell: "A13" })]);
    expect(stale.issues[0].message.en).toContain("row 13");
  });

  it("funds fields mapped on a form that has no funds header are reported, not applied", () => {
    const g0 = sheet("seed000-bj-kjw.xlsx", "自评表");
    const model = CellModel.fromGrid(g0);
    // Clear the funds headers C6:H6 (年初预算数 … 得分): the form now has no 资金 header.
    for (const e of model.entries()) if (e.row === 5 && e.col >= 2) model.cells.delete(e.row * 16384 + e.col);
    const g = model.toGrid();
    const mf: MappingForm = {
      top: 0,
      left: 0,
      bottom: 23,
      right: 8,
      headerRow: 12,
      fundsHeaderRow: 5,
      fields: { "funds.budget": { col: 3, header: "全年预算数" } },
    };
    const form = detectForms(g, { forms: [mf] })[0] as ProjectForm;
    expect(form.funds).toBeUndefined();
    expect(form.issues.map((i) => `${i.kind} ${i.field}`)).toEqual(["stale-mapping funds.budget"]);
  });
});

describe("invalid mapping documents give MappingError with clear messages", () => {
  const ok = { range: "A1:I24", headerRow: 13, fields: { "ind.reason": { col: "J", header: "备注" } } };
  const doc = (form: unknown) => ({ version: 1, sheets: { 自评表: { forms: [form] } } });
  const cases: [string, unknown, string][] = [
    ["null", null, "not a JSON object"],
    ["a string", "mapping", "not a JSON object"],
    ["an array", [], "version must be 1"],
    ["version 2", { version: 2, sheets: {} }, "version must be 1"],
    ["no sheets", { version: 1 }, "missing sheets"],
    ["sheets as an array", { version: 1, sheets: [] }, "sheets must be an object keyed by sheet name"],
    ["a sheet without forms", { version: 1, sheets: { 自评表: {} } }, 'sheet "自评表" has no forms array'],
    ["a null form", doc(null), "自评表 #1: a form must be an object"],
    ["a range that is no range", doc({ ...ok, range: "here" }), "自评表 #1: range is not a cell range"],
    ["a range of three corners", doc({ ...ok, range: "A1:I24:J30" }), "自评表 #1: range is not a cell range"],
    ["a range past the last sheet row", doc({ ...ok, range: "A1:I1048577" }), "自评表 #1: range is not a cell range"],
    ["a range that is a number", doc({ ...ok, range: 24 }), "自评表 #1: range is not a cell range"],
    [
      "headerRow 0",
      doc({ ...ok, headerRow: 0 }),
      "自评表 #1: headerRow must be a sheet row number (a whole number from 1 to 1048576)",
    ],
    [
      "headerRow as text",
      doc({ ...ok, headerRow: "13" }),
      "自评表 #1: headerRow must be a sheet row number (a whole number from 1 to 1048576)",
    ],
    [
      "headerRow 1.5",
      doc({ ...ok, headerRow: 1.5 }),
      "自评表 #1: headerRow must be a sheet row number (a whole number from 1 to 1048576)",
    ],
    [
      "headerRow beyond the last sheet row",
      doc({ ...ok, headerRow: 1048577 }),
      "自评表 #1: headerRow must be a sheet row number (a whole number from 1 to 1048576)",
    ],
    [
      "fundsHeaderRow -1",
      doc({ ...ok, fundsHeaderRow: -1 }),
      "自评表 #1: fundsHeaderRow must be a sheet row number (a whole number from 1 to 1048576)",
    ],
    ["fields as a list", doc({ ...ok, fields: ["ind.reason"] }), "自评表 #1: fields must be an object"],
    [
      "an unknown field",
      doc({ ...ok, fields: { "ind.remark": { col: "J" } } }),
      '自评表 #1: unknown field "ind.remark"',
    ],
    [
      "a field that is not an object",
      doc({ ...ok, fields: { "ind.reason": "J" } }),
      '自评表 #1: field ind.reason has an invalid column "undefined"',
    ],
    [
      "a column that is a number",
      doc({ ...ok, fields: { "ind.reason": { col: 9 } } }),
      '自评表 #1: field ind.reason has an invalid column "9"',
    ],
    [
      "a column that is a cell address",
      doc({ ...ok, fields: { "ind.reason": { col: "J1" } } }),
      '自评表 #1: field ind.reason has an invalid column "J1"',
    ],
    [
      "a column with a sheet name",
      doc({ ...ok, fields: { "ind.reason": { col: "Sheet1!J" } } }),
      '自评表 #1: field ind.reason has an invalid column "Sheet1!J"',
    ],
    [
      "a column beyond XFD",
      doc({ ...ok, fields: { "ind.reason": { col: "XFE" } } }),
      '自评表 #1: field ind.reason has an invalid column "XFE"',
    ],
    [
      "a header that is not text",
      doc({ ...ok, fields: { "ind.reason": { col: "J", header: 5 } } }),
      "自评表 #1: field ind.reason has a header that is not text",
    ],
  ];
  it.each(cases)("%s", (_name, json, en) => {
    let err: unknown;
    try {
      parseMappingDoc(json);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MappingError);
    const me = err as MappingError;
    expect(me.en).toBe(`Invalid mapping: ${en}`);
    expect(me.zh).toMatch(/^映射文件无效：/);
    expect(me.message).toBe(`${me.zh} / ${me.en}`);
  });

  it("the valid neighbours of those cases parse (lower-case and $-anchored column letters, XFD, no header, fundsHeaderRow)", () => {
    const m = parseMappingDoc({
      version: 1,
      sheets: {
        自评表: {
          forms: [
            {
              range: "a1:i24",
              headerRow: 13,
              fundsHeaderRow: 6,
              fields: { "ind.reason": { col: "j" }, "ind.score": { col: "$H" }, "funds.rate": { col: "XFD" } },
            },
          ],
        },
      },
    });
    expect(m.get("自评表")?.forms[0]).toEqual({
      top: 0,
      left: 0,
      bottom: 23,
      right: 8,
      headerRow: 12,
      fundsHeaderRow: 5,
      fields: {
        "ind.reason": { col: 9, header: undefined },
        "ind.score": { col: 7, header: undefined },
        "funds.rate": { col: 16383, header: undefined },
      },
    });
  });
});
