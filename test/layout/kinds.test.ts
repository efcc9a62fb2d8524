/**
 * Issue 11's kinds, each on its smallest input, and the three shared cases (test/data/cases/,
 * right answers in test/data/cases/README.md) as detection reads them: every field the checks
 * need at its cell.
 */
import path from "path";
import ExcelJS from "exceljs";
import type { ProjectForm } from "../../src/engine/model";
import { Decimal } from "../../src/engine/decimal";
import { national } from "../../src/engine/policy";
import { indicatorScore } from "../../src/engine/rules";
import { readSplitTarget, readValue } from "../../src/engine/value";
import { detectForms } from "../../src/layout/detect";
import { Grid } from "../../src/layout/grid";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import { CellModel, gridOf, unmerge } from "../helpers/grid-builders";

const only = (g: Grid): ProjectForm => {
  const forms = detectForms(g);
  expect(forms.map((f) => f.kind)).toEqual(["project"]);
  return forms[0] as ProjectForm;
};
const issuesOf = (f: ProjectForm) => f.issues.map((i) => `${i.kind} ${i.field}@${i.cell ?? "-"}`).sort();

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];

describe("kind 2: a header repeated inside one form is one form", () => {
  const g = gridOf(
    [
      ["项目支出绩效自评表"],
      ["项目名称", "某项目"],
      ["年度绩效目标1(40分)", ...HEADER],
      [null, "产出指标", "数量指标", "培训人数", "≥10人", "12人", 20, 20],
      [null, "效益指标", "社会效益指标", "带动就业", "显著", "显著", 20, 19.6],
      ["年度绩效目标2(40分)", ...HEADER],
      [null, "产出指标", "质量指标", "合格率", "≥95%", "96%", 20, 20],
      [null, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 20, 20],
      ["总分", null, null, null, null, null, 80, 79.6],
    ],
    { merges: ["A3:A5", "A6:A8"] },
  );
  it("年度绩效目标1(40分) and 年度绩效目标2(40分), each under its own header: four indicators, one total, two sections", () => {
    const f = only(g);
    expect(f.indicators.map((i) => i.row + 1)).toEqual([4, 5, 7, 8]);
    expect([f.total?.row, f.total?.score?.value]).toEqual([8, 79.6]);
    expect(f.headerBands).toEqual([
      [2, 2],
      [5, 5],
    ]);
    expect(f.sections).toEqual([
      { name: "年度绩效目标1", statedWeight: "40", labelCell: "A3", rows: [3, 4] },
      { name: "年度绩效目标2", statedWeight: "40", labelCell: "A6", rows: [6, 7] },
    ]);
    expect(issuesOf(f)).toEqual([]);
  });
});

describe("kind 3: fewer or other level columns", () => {
  it("项目 | 类别 | 指标名称 | 目标值 | 权重 | 实际完成值 | 自评分 is a form (was 0 forms)", () => {
    const f = only(
      gridOf([
        ["项目", "类别", "指标名称", "目标值", "权重", "实际完成值", "自评分"],
        ["产出指标", "数量指标", "培训人数", "≥10人", 50, "12人", 50],
        ["效益指标", "社会效益指标", "带动就业", "显著", 40, "显著", 38],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", 10, "95%", 10],
        ["总分", null, null, null, 100, null, 98],
      ]),
    );
    expect(f.columns).toEqual({ level1: 0, level2: 1, level3: 2, target: 3, weight: 4, actual: 5, score: 6 });
    expect(f.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ["产出指标", "数量指标", "培训人数"],
      ["效益指标", "社会效益指标", "带动就业"],
      ["满意度指标", "服务对象满意度指标", "满意度"],
    ]);
    expect(f.total?.score?.value).toBe(98);
  });

  it("one level column only (指标名称): the indicators are read, no level column is reported missing", () => {
    const f = only(
      gridOf([
        ["指标名称", "目标值", "实际完成值", "分值", "得分"],
        ["培训人数", "≥10人", "12人", 60, 60],
        ["满意度", "≥90%", "95%", 40, 40],
        ["合计", null, null, 100, 100],
      ]),
    );
    expect(f.indicators.map((i) => i.level3)).toEqual(["培训人数", "满意度"]);
    expect(issuesOf(f)).toEqual(["missing name@-"]);
  });
});

describe("kind 4: the total wherever it stands", () => {
  it("(a) `其他需要说明事项 | 无 | 总分 | 100 | 96 | 优`: the total and its grade, not an indicator", () => {
    const f = only(
      gridOf([
        [...HEADER, "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 60, 60, null],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 40, 36, "宣传不足"],
        ["其他需要说明事项", "无", "无", "无", "总分", 100, 96, "优"],
      ]),
    );
    expect(f.indicators).toHaveLength(2);
    expect([f.total?.labelCell, f.total?.weight?.cell, f.total?.score?.cell, f.total?.grade?.cell]).toEqual([
      "E4",
      "F4",
      "G4",
      "H4",
    ]);
  });

  it("(a) a grade word right of the table (an annotated copy's review grade) is not the form's grade", () => {
    const f = only(
      gridOf([
        HEADER,
        ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 100, 96],
        ["总分", null, null, null, null, 100, 96, null, 96, "优"],
      ]),
    );
    expect([f.total?.score?.cell, f.total?.grade]).toEqual(["G3", undefined]);
  });

  it("(c) a self-score stated in the head block (自评得分 | 98) or beside the title (自评得分：98分)", () => {
    const body = [HEADER, ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 100, 94]];
    const a = only(gridOf([["项目支出绩效自评表"], ["项目名称", "某项目", "自评得分", 98], ...body]));
    expect([a.statedScore?.cell, a.statedScore?.value]).toEqual(["D2", 98]);
    const b = only(
      gridOf([["项目支出绩效自评表", null, null, null, "自评得分：98分"], ["项目名称", "某项目"], ...body]),
    );
    expect([b.statedScore?.cell, b.statedScore?.value]).toEqual(["E1", "98"]);
  });
});

describe("kind 7: split columns and system exports", () => {
  it("单项指标得分 | 权重占比 | 折算得分: the converted score counts, 权重占比 is the weight, the raw score is kept apart", () => {
    const f = only(
      gridOf([
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "单项指标得分", "权重占比", "折算得分"],
        ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 100, "60%", 60],
        ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 100, "40%", 40],
      ]),
    );
    expect([f.columns.rawScore, f.columns.weight, f.columns.score]).toEqual([5, 6, 7]);
    expect(issuesOf(f)).toEqual(["missing name@-", "missing total.score@-"]);
  });

  it("a score column with no header is read from its numbers and reported inferred", () => {
    const f = only(
      gridOf([
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", null],
        ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 60, 60],
        ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 40, 38],
        ["总分", null, null, null, null, 100, 98],
      ]),
    );
    expect(f.columns.score).toBe(6);
    expect(f.indicators.map((i) => i.score?.value)).toEqual([60, 38]);
    expect(issuesOf(f)).toEqual(["inferred ind.score@G1", "missing name@-"]);
  });

  it("funds written as label/value pairs (预算数 | 100 | 执行数 | 80 | 执行率 | 80% | 得分 | 8)", () => {
    const f = only(
      gridOf([
        ["项目名称", "某项目"],
        ["预算数", 100, "执行数", 80, "执行率", "80%", "得分", 8],
        HEADER,
        ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 90, 90],
      ]),
    );
    const t = f.funds?.total;
    expect([f.funds?.layout, t?.budget?.cell, t?.executed?.cell, t?.rate?.cell, t?.score?.cell]).toEqual([
      "pairs",
      "B2",
      "D2",
      "F2",
      "H2",
    ]);
  });

  it("指标性质 gives the direction the target text lacks: ≤ | 5 | % is a ceiling, so 3% meets it (财预〔2020〕10号: met scores full)", () => {
    const target = readSplitTarget(5, undefined, "≤", "%");
    expect(target).toMatchObject({ kind: "number", op: "<=", percent: true });
    const r = indicatorScore({ target, actual: readValue("3%"), weight: new Decimal(10) }, national);
    expect(r).toMatchObject({ status: "scored", kind: "lower", met: true });
    expect(r.status === "scored" && r.value.toString()).toBe("10");
    expect(readSplitTarget(100, undefined, "═", "%")).toMatchObject({ op: "=", percent: true });
    expect(readSplitTarget(30, undefined, "反向指标", "天")).toMatchObject({ op: "<=", unit: "天" });
  });
});

describe("kind 9: labels", () => {
  it("a budget column headed only 年初预算数(A) is the budget when there is no 全年预算数 (reported inferred)", () => {
    const f = only(
      gridOf([
        ["项目名称：某项目"],
        ["项目资金", "年初预算数(A)", "执行数(B)", "执行率(B/A)", "得分"],
        ["年度资金总额", 100, 90, "90%", 9],
        HEADER,
        ["产出指标", "数量指标", "培训人数", "≥10人", "12人", 90, 90],
      ]),
    );
    expect([f.funds?.total?.budget?.cell, f.funds?.total?.executed?.cell]).toEqual(["B3", "C3"]);
    expect(issuesOf(f)).toContain("inferred funds.budget@B2");
    expect(f.name?.value).toBe("某项目");
  });
});

describe("kind 12: a hidden, empty template sheet", () => {
  const rows = [["项目名称", null], HEADER, ["产出指标", "数量指标", "培训人数", "≥10人", null, 60, null]];
  it("is marked an unused template (no findings are made on it); the same sheet visible, or filled, is not", () => {
    expect(detectForms(gridOf(rows, { hidden: true }))[0].hiddenTemplate).toBe(true);
    expect(detectForms(gridOf(rows))[0].hiddenTemplate).toBeUndefined();
    const filled = rows.map((r) => [...r]);
    filled[2][4] = "12人";
    expect(detectForms(gridOf(filled, { hidden: true }))[0].hiddenTemplate).toBeUndefined();
  });
});

describe("a form found without a column it needs tells the user (FormModel issues, shown by perf-check and the pane)", () => {
  it("no 实际完成值 and no 得分 column: each reported missing, in both languages", () => {
    const f = only(
      gridOf([
        ["项目名称", "某项目"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "分值"],
        ["产出指标", "数量指标", "培训人数", "≥10人", 100],
      ]),
    );
    const missing = f.issues.filter((i) => i.kind === "missing");
    expect(missing.map((i) => i.field).sort()).toEqual(["ind.actual", "ind.score", "total.score"]);
    expect(missing.find((i) => i.field === "ind.actual")?.message).toEqual({
      zh: "指标表缺少“实际完成值”列",
      en: "Indicator table has no 实际完成值 column",
    });
  });
});

// ------------------------------------------------------------------------------------------------
// The three shared cases (test/data/cases/README.md)
// ------------------------------------------------------------------------------------------------

const CASES = path.resolve(__dirname, "../data/cases");
async function caseGrid(file: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(CASES, file));
  return worksheetToGrid(wb.worksheets[0]);
}

/** yongde-2022's indicator columns (test/data/cases/README.md: A-C levels, D-F 指标性质 | 指标值 | 度量单位, G-J). */
const YONGDE_COLUMNS = {
  level1: 0,
  level2: 1,
  level3: 2,
  targetOp: 3,
  target: 4,
  unit: 5,
  actual: 6,
  weight: 7,
  score: 8,
  reason: 9,
};

describe("the shared cases as detection reads them", () => {
  it("yongde-2022: a two-row indicator header (rows 12-13), the target split 指标性质 | 指标值 | 度量单位, the total on row 24 in column G", async () => {
    const f = only(await caseGrid("yongde-2022.xlsx"));
    expect([f.indicatorHeaderRow, f.headerBands]).toEqual([12, [[11, 12]]]);
    expect(f.columns).toEqual(YONGDE_COLUMNS);
    expect(f.indicators.map((i) => i.row + 1)).toEqual([14, 15, 16, 17, 18, 19, 21, 22, 23]);
    expect(f.indicators.map((i) => i.score?.value)).toEqual([10, 10, 7, 10, 10, 9, 10, 10, 10]);
    const t = f.total;
    expect([t?.row, t?.labelCell, t?.weight?.value, t?.score?.value, t?.grade?.value]).toEqual([
      23,
      "G24",
      100,
      96,
      "优",
    ]);
    expect([f.name?.cell, f.funds?.total?.budget?.value, f.funds?.total?.score?.value]).toEqual(["B3", 387664.62, 10]);
    expect(issuesOf(f)).toEqual([]);
  });

  it("fuwumaoyi-2020: the budget block worth 20 (A8), no 分值 column: weights from 产出指标(60分) / 效益指标(40分), 年度绩效目标(80分) over them", async () => {
    const f = only(await caseGrid("fuwumaoyi-2020.xlsx"));
    expect(f.funds?.statedWeight).toEqual({ value: "20", cell: "A8" });
    expect([f.funds?.total?.budget?.cell, f.funds?.total?.executed?.cell, f.funds?.total?.score?.cell]).toEqual([
      "D9",
      "E9",
      "G9",
    ]);
    expect(f.weightsFrom).toBe("labels");
    expect(f.groups.map((g) => [g.name, g.statedWeight, g.labelCell])).toEqual([
      ["产出指标", "60", "B11"],
      ["效益指标", "40", "B17"],
    ]);
    expect(f.indicatorsStatedWeight).toEqual({ value: "80", cell: "A10" });
    expect([f.total?.row, f.total?.score?.cell]).toEqual([18, "G19"]);
    expect(issuesOf(f)).toEqual(["inferred ind.weight@A10"]);
  });

  it.each([
    ["the band's merges removed, its labels only in the top cell (G12:J13 and A12:C12, D12:F12 unmerged)", "blank"],
    ["the band's merges removed, each group label repeated across its columns", "copy"],
  ] as const)(
    "yongde-2022 drawn without merges in its header band (rows 12-13): %s, the same columns and rows",
    async (_name, mode) => {
      // tryout: the band's labels 实际完成值 / 分值 / 得分 / 偏差原因 only on row 12 over blank cells of row 13.
      const model = CellModel.fromGrid(await caseGrid("yongde-2022.xlsx"));
      const inBand = (m: { top: number; bottom: number }) => m.top >= 11 && m.bottom <= 12;
      const f = only(unmerge(model, mode, inBand).model.toGrid());
      expect(f.indicatorHeaderRow).toBe(12);
      expect(f.columns).toEqual(YONGDE_COLUMNS);
      expect(f.indicators.map((i) => i.row + 1)).toEqual([14, 15, 16, 17, 18, 19, 21, 22, 23]);
      expect([f.total?.weight?.value, f.total?.score?.value]).toEqual([100, 96]);
      expect(issuesOf(f)).toEqual([]);
    },
  );

  it("jinzhai-dept-2023: the name under 部门 (B3), the funds block and rows 12-19; the published copy is cut off (no 满意度指标, no total) on its last row", async () => {
    const f = only(await caseGrid("jinzhai-dept-2023.xlsx"));
    expect([f.name?.cell, f.name?.value]).toEqual(["B3", "金寨县茶谷和美丽乡村建设服务中心"]);
    expect([f.funds?.total?.budget?.value, f.funds?.total?.executed?.value]).toEqual([329.77, 338.31]);
    expect(f.indicators.map((i) => i.row + 1)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(f.truncated).toBe(true);
    expect(issuesOf(f)).toEqual(["missing total.score@A19"]);
  });
});
