/**
 * Detection rules on small hand-built sheets, each rule named after its source: what a form
 * cannot place is reported on it (issue: "Each form reports what it could not place (form.issues:
 * missing / ambiguous / stale-mapping / inferred) instead of guessing silently; confidence per
 * field"), and the template habits the fixtures show in one place each.
 */
import type { CellValue } from "../../src/engine/types";
import type { ProjectForm, ScoreTableForm } from "../../src/engine/model";
import { detectForms } from "../../src/layout/detect";
import { gridOf } from "../helpers/grid-builders";

const HEAD: CellValue[] = [
  "绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];
const row = (...cells: CellValue[]) => cells;

const ROWS: CellValue[][] = [
  row(null, "产出指标", "数量指标", "a", "≥1", "1", 50, 50),
  row(null, "效益指标", "社会效益指标", "b", "显著", "显著", 40, 40),
];
const SATISFACTION = row(null, "满意度指标", "服务对象满意度", "c", "≥90%", "95%", 10, 10);

/** A minimal project form: name, funds block, indicator table and 总分 (seed000's layout, shortened). */
function form(opts: { head?: CellValue[]; rows?: CellValue[][]; total?: boolean; name?: boolean } = {}): CellValue[][] {
  const out: CellValue[][] = [
    row("项目支出绩效自评表"),
    opts.name === false ? row("主管部门", "某部门") : row("项目名称", "示例项目"),
    row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
    row(null, "年度资金总额", 100, 100, 90, 10, 0.9, 9),
    row(null, "其中：财政拨款", 100, 100, 90, "—", 0.9, "—"),
    opts.head ?? HEAD,
    ...(opts.rows ?? ROWS),
  ];
  if (opts.total !== false) out.push(row("总分", null, null, null, null, null, 90, 90));
  return out;
}

const project = (values: CellValue[][], merges: string[] = [], numFmts: Record<string, string> = {}) =>
  detectForms(gridOf(values, { merges, numFmts }))[0] as ProjectForm;
const issues = (f: { issues: { kind: string; field: string; cell?: string }[] }) =>
  f.issues.map((i) => `${i.kind} ${i.field}@${i.cell ?? "-"}`).sort();

describe("what a form cannot place is reported, not guessed", () => {
  it("a missing 实际完成值 column: reported missing, no actual field invented", () => {
    const head = [...HEAD];
    head[5] = "说明";
    const f = project(form({ head }));
    expect(f.columns.actual).toBeUndefined();
    expect(f.indicators.every((i) => i.actual === undefined)).toBe(true);
    expect(issues(f)).toEqual(["missing ind.actual@-"]);
    expect(f.confidence["ind.actual"]).toBeUndefined();
  });

  it("two 得分 columns: the first is used and the rival reported ambiguous at its cell", () => {
    const head = [...HEAD, "得分"];
    const f = project(form({ head }));
    expect(f.columns.score).toBe(7);
    expect(issues(f)).toEqual(["ambiguous ind.score@J6"]);
  });

  it("no 项目名称: the name is reported missing", () => {
    const f = project(form({ name: false }));
    expect(f.name).toBeUndefined();
    expect(issues(f)).toEqual(["missing name@-"]);
  });

  it("no 总分 row (seed002 项目5-8, form A23:I41: 产出, 效益 and 满意度 rows, then nothing): total reported missing, indicator rows still read", () => {
    const f = project(form({ total: false, rows: [...ROWS, SATISFACTION] }));
    expect(f.total).toBeUndefined();
    expect(f.truncated).toBeUndefined();
    expect(f.indicators.map((i) => i.row)).toEqual([6, 7, 8]);
    expect(issues(f)).toEqual(["missing total.score@-"]);
  });

  describe("a copy cut off inside its indicator table (test/data/cases/README.md, jinzhai-dept-2023; the table runs 产出, 效益, 满意度, then 总分: 财预〔2020〕10号 附件)", () => {
    it("no 总分, the rows run to the sheet's last row and stop before 满意度指标: cut off, reported on its last row", () => {
      const f = project(form({ total: false }));
      expect(f.truncated).toBe(true);
      expect(issues(f)).toEqual(["missing total.score@A8"]);
      expect(f.issues.find((i) => i.field === "total.score")?.message.en).toContain("on row 8");
    });

    it("something below the table (a note, a signature): not the sheet's end, so the total is missing, not cut off", () => {
      const f = project([...form({ total: false }), row(), row("填报人：张三")]);
      expect(f.truncated).toBeUndefined();
      expect(issues(f)).toEqual(["missing total.score@-"]);
    });

    it("level-1 labels that name no category (甲类, 乙类): never taken as cut off", () => {
      const rows = ROWS.map((r, i) => r.map((c, j) => (j === 1 ? ["甲类", "乙类"][i] : c)));
      const f = project(form({ total: false, rows }));
      expect(f.truncated).toBeUndefined();
      expect(issues(f)).toEqual(["missing total.score@-"]);
    });

    it("a form with its 总分 row is never cut off", () => {
      expect(project(form()).truncated).toBeUndefined();
    });
  });

  it("an indicator table without rows is reported", () => {
    const f = project(form({ rows: [] }));
    expect(f.indicators).toEqual([]);
    expect(issues(f)).toEqual(["missing ind.level3@-"]);
  });

  it("confidence per field: 1 for exact synonyms, 0.9 for a synonym inside a longer header", () => {
    const head = [...HEAD];
    head[4] = "年度指标值（数值）";
    const f = project(form({ head }));
    expect(f.confidence["ind.target"]).toBe(0.9);
    expect(f.indicators[0].target?.confidence).toBe(0.9);
    expect(f.confidence["ind.actual"]).toBe(1);
  });
});

describe("level-1 groups", () => {
  it("a blank level-1 cell continues the group above when its level-2 is of the same category (seed000 B15:B21 under 产出指标)", () => {
    const f = project(
      form({
        rows: [
          row(null, "产出指标", "数量指标", "a", "1", "1", 30, 30),
          row(null, null, "质量指标", "b", "1", "1", 30, 30),
          row(null, "效益指标", "社会效益指标", "c", "1", "1", 30, 30),
        ],
      }),
    );
    expect(f.groups.map((g) => [g.name, g.labelCell, g.rows])).toEqual([
      ["产出指标", "B7", [6, 7]],
      ["效益指标", "B9", [8]],
    ]);
    expect(f.indicators[1].level1Cell).toBe("B7");
    expect(issues(f)).toEqual([]);
  });

  it("a blank level-1 under a level-2 of another category is inferred and reported (seed003 人才工作服务经费 B19: 社会效益指标 → 效益指标)", () => {
    const f = project(
      form({
        rows: [
          row(null, "产出指标 (50)", "数量指标", "a", "1", "1", 50, 50),
          row(null, null, "社会效益指标", "b", "显著", "显著", 30, 30),
          row(null, null, "可持续影响指标", "c", "长期", "长期", 10, 10),
        ],
      }),
    );
    expect(f.groups).toEqual([
      { name: "产出指标", statedWeight: "50", labelCell: "B7", rows: [6], inferred: undefined },
      { name: "效益指标", statedWeight: undefined, labelCell: undefined, rows: [7, 8], inferred: true },
    ]);
    expect(f.indicators.map((i) => [i.level1, i.level1Cell])).toEqual([
      ["产出指标", "B7"],
      ["效益指标", undefined],
      ["效益指标", undefined],
    ]);
    expect(issues(f)).toEqual(["inferred ind.level1@B8"]);
  });

  it("a blank level-1 on the first row is inferred from its level-2 too", () => {
    const f = project(form({ rows: [row(null, null, "数量指标", "a", "1", "1", 50, 50)] }));
    expect(f.groups).toEqual([
      { name: "产出指标", statedWeight: undefined, labelCell: undefined, rows: [6], inferred: true },
    ]);
    expect(issues(f)).toEqual(["inferred ind.level1@B7"]);
  });

  it("the same label repeated unmerged is one group; its stated weight is read once (seed003 产出指标 (50分) repeated)", () => {
    const f = project(
      form({
        rows: [
          row(null, "产出指标 (50分)", "数量指标", "a", "1", "1", 25, 25),
          row(null, "产出指标 (50分)", "质量指标", "b", "1", "1", 25, 25),
        ],
      }),
    );
    expect(f.groups).toEqual([
      { name: "产出指标", statedWeight: "50", labelCell: "B7", rows: [6, 7], inferred: undefined },
    ]);
    expect(f.indicators.map((i) => i.level1Cell)).toEqual(["B7", "B8"]);
  });

  it("a merged level-1 reads its master for every row (seed000 B14:B21)", () => {
    const f = project(
      form({
        rows: [row(null, "产出指标", "数量指标", "a", "1", "1", 25, 25), row(null, null, null, "b", "1", "1", 25, 25)],
      }),
      ["B7:B8", "C7:C8"],
    );
    expect(f.indicators.map((i) => [i.level1, i.level1Cell, i.level2, i.level2Cell])).toEqual([
      ["产出指标", "B7", "数量指标", "C7"],
      ["产出指标", "B7", "数量指标", "C7"],
    ]);
  });
});

describe("funds block", () => {
  it("rates stored as a fraction with a percent format keep value and format (seed000 G7 0.3709, 0.00%)", () => {
    const f = project(form(), [], { G4: "0.00%" });
    expect(f.funds?.total?.rate).toMatchObject({ cell: "G4", value: 0.9, numFmt: "0.00%" });
    expect(f.funds?.parts.map((p) => [p.label, p.part])).toEqual([["其中:财政拨款", true]]);
  });

  it("truncated headers 全年/执行 (seed003 人才工作服务经费 E5/G5) are placed by position and reported inferred with confidence 0.6", () => {
    const v = form();
    v[2] = row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年", "分值", "执行", "得分");
    const f = project(v);
    expect(f.funds?.columns).toEqual({ initial: 2, budget: 3, executed: 4, weight: 5, rate: 6, score: 7 });
    expect(f.confidence["funds.executed"]).toBe(0.6);
    expect(issues(f)).toEqual(["inferred funds.executed@E3", "inferred funds.rate@G3"]);
  });

  it("truncated 执行 left of truncated 全年 is still the rate (columns in another order)", () => {
    const v = form();
    v[2] = row("项目资金（万元）", null, "年初预算数", "全年预算数", "执行", "分值", "全年", "得分");
    v[3] = row(null, "年度资金总额", 100, 100, 0.9, 10, 90, 9);
    const f = project(v);
    expect(f.funds?.columns).toEqual({ initial: 2, budget: 3, rate: 4, weight: 5, executed: 6, score: 7 });
    expect(f.funds?.total?.executed?.value).toBe(90);
  });
});

describe("total and grade", () => {
  it("a 等级 row under 总分 gives the grade cell", () => {
    const v = form();
    v.push(row("等级", "优"));
    const f = project(v);
    expect(f.total?.grade).toMatchObject({ cell: "B10", value: "优" });
  });

  it("a 等级 label in the last column has no grade cell (none is invented off the sheet)", () => {
    const v = form();
    v.push(row(null, null, null, null, null, null, null, null, "等级"));
    const f = project(v);
    expect(f.total).toBeDefined();
    expect(f.total?.grade).toBeUndefined();
  });
});

describe("score tables (seed002 部门整体评价)", () => {
  const TABLE: CellValue[][] = [
    row("部门整体支出绩效评价指标体系"),
    row("一级指标", null, "二级指标", null, "三级指标", null, "得分"),
    row("名称", "分值", "名称", "分值", "名称", "分值"),
    row("部门决策", 20, "预算编制", 10, "科学性", 5, 5),
    row(null, null, null, null, "规范性", 5, 5),
    row(null, null, "目标设置", 10, "完整性", 10, 9),
    row("总分", 20, null, 10, null, 20, 19),
  ];
  it("merged level headers over 名称/分值 and merged level cells", () => {
    const t = detectForms(
      gridOf(TABLE, { merges: ["A1:G1", "A2:B2", "C2:D2", "E2:F2", "G2:G3", "A4:A6", "B4:B6", "C4:C5", "D4:D5"] }),
    )[0] as ScoreTableForm;
    expect(t.kind).toBe("score-table");
    expect(t.levelColumns).toEqual([
      { name: 0, weight: 1 },
      { name: 2, weight: 3 },
      { name: 4, weight: 5 },
    ]);
    expect(t.rows.map((r) => r.levels.map((l) => `${l.name}@${l.nameCell}/${l.weight?.cell}`))).toEqual([
      ["部门决策@A4/B4", "预算编制@C4/D4", "科学性@E4/F4"],
      ["部门决策@A4/B4", "预算编制@C4/D4", "规范性@E5/F5"],
      ["部门决策@A4/B4", "目标设置@C6/D6", "完整性@E6/F6"],
    ]);
    expect(t.total?.levelWeights.map((w) => w.cell)).toEqual(["B7", "D7", "F7"]);
    expect(t.total?.score?.cell).toBe("G7");
    expect(t.issues).toEqual([]);
  });

  it("level headers repeated unmerged over 名称/分值 (一级指标 in A2 and B2) are one level each", () => {
    const v = TABLE.map((r) => [...r]);
    v[1] = row("一级指标", "一级指标", "二级指标", "二级指标", "三级指标", "三级指标", "得分");
    const t = detectForms(gridOf(v))[0] as ScoreTableForm;
    expect(t.depth).toBe(3);
    expect(t.levelColumns).toEqual([
      { name: 0, weight: 1 },
      { name: 2, weight: 3 },
      { name: 4, weight: 5 },
    ]);
    expect(t.rows[1].levels.map((l) => `${l.name}@${l.nameCell}`)).toEqual(["部门决策@A4", "预算编制@C4", "规范性@E5"]);
  });

  it("评分 as the score header (a synonym of 得分) and no 总分 row: read, and the missing total reported", () => {
    const v = TABLE.slice(0, 6).map((r) => r.slice(0, 7));
    v[1] = row("一级指标", null, "二级指标", null, "三级指标", null, "评分");
    const t = detectForms(gridOf(v))[0] as ScoreTableForm;
    expect(t.kind).toBe("score-table");
    expect(t.scoreColumn).toBe(6);
    expect(t.rows.map((r) => r.score?.cell)).toEqual(["G4", "G5", "G6"]);
    expect(t.total).toBeUndefined();
    expect(issues(t)).toEqual(["missing total.score@-"]);
  });
});
