/**
 * The layouts in use (issue 11): kinds, not files. Forms generated from their parts
 * (test/helpers/grid-builders.ts templateForm) — header band shapes × column orders × header label
 * variants × weight placement × split targets × blank rows × total label variants and places ×
 * name labels × traditional / invisible characters — must all read the same: the same indicator
 * rows, columns, weights, total and name, stated below as data. The kinds shown on the fixture
 * seed000 (samples/seed000-bj-kjw.xlsx, sheet 自评表) are each a test with the right value.
 */
import path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { Converter } from "opencc-js/cn2t";
import type { ProjectForm } from "../../src/engine/model";
import { detectForms } from "../../src/layout/detect";
import { Grid } from "../../src/layout/grid";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import {
  CellModel,
  insertRow,
  TEMPLATE_NAME,
  TEMPLATE_ROWS,
  TEMPLATE_TOTAL,
  TemplateColumn,
  templateForm,
  TemplateSpec,
} from "../helpers/grid-builders";

const traditional = Converter({ from: "cn", to: "tw" });
/** A zero-width space, soft hyphen or word joiner after the first character of every text. */
const invisible = (ch: string) => (s: string) => (s.length > 1 ? s[0] + ch + s.slice(1) : s);

const TEXTS: [string, (s: string) => string][] = [
  ["plain", (s) => s],
  ["traditional", (s) => traditional(s)],
  ["zero-width space", invisible("\u200b")],
  ["soft hyphen", invisible("\u00ad")],
  ["word joiner", invisible("\u2060")],
];
const HEADER_SETS: Record<TemplateColumn, string>[] = [
  {
    level1: "一级指标",
    level2: "二级指标",
    level3: "三级指标",
    target: "年度指标值",
    actual: "实际完成值",
    weight: "分值",
    score: "得分",
    reason: "偏差原因分析及改进措施",
  },
  // issue kind 3: 项目 | 类别 | 指标名称 | 目标值 | 权重 | 实际完成值 | 自评分
  {
    level1: "项目",
    level2: "类别",
    level3: "指标名称",
    target: "目标值",
    actual: "实际完成值",
    weight: "权重",
    score: "自评分",
    reason: "未完成原因分析",
  },
  {
    level1: "一级指标",
    level2: "二级指标",
    level3: "指标名称",
    target: "年度目标值",
    actual: "实际完成值(B)",
    weight: "指标分值",
    score: "自评得分",
    reason: "偏差原因",
  },
];
const ORDERS: TemplateColumn[][] = [
  ["level1", "level2", "level3", "target", "actual", "weight", "score", "reason"],
  ["reason", "score", "weight", "actual", "target", "level3", "level2", "level1"],
  ["level3", "level1", "level2", "actual", "target", "score", "weight", "reason"],
  ["reason", "level1", "level2", "level3", "weight", "target", "actual", "score"],
];
/** A band of two or three rows merged, or drawn without merges (tryout: yongde's band with its merges removed). */
const BAND_MERGES = ["merged", "repeated", "blank"] as const;
const TOTAL_LABELS = ["总分", "总分：", "总分:", "总分（100分）", "得分合计", "综合得分", "總分"];
const NAME_LABELS: [string, boolean][] = [
  ["项目名称", false],
  ["项目名称:", false],
  ["项目名称", true],
  ["专项名称", false],
  ["专项资金名称", false],
];

function spec(i: number, over: Partial<TemplateSpec>): TemplateSpec {
  return {
    band: 1,
    order: ORDERS[i % ORDERS.length],
    headers: HEADER_SETS[i % HEADER_SETS.length],
    weights: "column",
    splitTarget: false,
    blankAfter: i % 3 === 0 ? 2 : 0,
    blankBeforeTotal: i % 2 === 1,
    totalLabel: TOTAL_LABELS[i % TOTAL_LABELS.length],
    totalInside: i % 4 >= 2,
    text: (s) => s,
    nameLabel: NAME_LABELS[i % NAME_LABELS.length][0],
    nameInCell: NAME_LABELS[i % NAME_LABELS.length][1],
    ...over,
  };
}

/** The one form detected on a generated template, checked field by field against what the template holds. */
function expectRead(s: TemplateSpec): void {
  const { model, expect: e } = templateForm(s);
  const forms = detectForms(model.toGrid());
  expect(forms.map((f) => f.kind)).toEqual(["project"]);
  const f = forms[0] as ProjectForm;
  const T = s.text;
  expect(f.indicatorHeaderRow).toBe(e.headerRow);
  expect(f.indicators.map((i) => i.row)).toEqual(e.rows);
  const labels = s.weights !== "column";
  expect(
    f.indicators.map((i) => [
      i.level1,
      i.level2,
      i.level3,
      i.target?.col,
      i.actual?.col,
      i.weight?.value,
      i.score?.value,
      i.targetOp?.col,
      i.unit?.col,
    ]),
  ).toEqual(
    TEMPLATE_ROWS.map((d) => [
      d.l1,
      d.l2,
      T(d.l3),
      e.cols.target,
      e.cols.actual,
      labels ? undefined : d.weight,
      d.score,
      s.splitTarget ? e.cols.targetOp : undefined,
      s.splitTarget ? e.cols.unit : undefined,
    ]),
  );
  expect(f.groups.map((g) => [g.name, g.statedWeight])).toEqual([
    ["产出指标", labels ? "50" : undefined],
    ["效益指标", labels ? "30" : undefined],
    ["满意度指标", labels ? "10" : undefined],
  ]);
  expect(f.weightsFrom).toBe(labels ? "labels" : "column");
  expect([f.total?.row, f.total?.score?.value, f.total?.weight?.value]).toEqual([
    e.totalRow,
    TEMPLATE_TOTAL.score,
    labels ? undefined : TEMPLATE_TOTAL.weight,
  ]);
  expect(f.name?.cell).toBe(e.nameCell);
  expect([T(TEMPLATE_NAME), TEMPLATE_NAME]).toContain(f.name?.value);
  expect([f.funds?.total?.budget?.value, f.funds?.total?.executed?.value]).toEqual([100, 90]);
  expect(f.issues.filter((i) => i.kind === "missing" || i.kind === "ambiguous")).toEqual([]);
}

describe("generated templates: every combination of the parts reads the same", () => {
  const cases: [string, TemplateSpec][] = [];
  let i = 0;
  for (const band of [1, 2, 3] as const)
    for (const bandMerges of band === 1 ? (["merged"] as const) : BAND_MERGES)
      for (const weights of ["column", "paren", "bare", "percent"] as const)
        for (const [textName, text] of TEXTS)
          for (const splitTarget of [false, true]) {
            const s = spec(i++, { band, bandMerges, weights, text, splitTarget });
            cases.push([
              `band ${band}${band > 1 ? ` ${bandMerges}` : ""}, weights ${weights}, ${textName}, target ${splitTarget ? "split" : "one column"}, ` +
                `columns ${s.order.join("|")}, total "${s.totalLabel}"${s.totalInside ? " inside" : ""}, ` +
                `blank rows ${s.blankAfter ? "inside" : "none"}${s.blankBeforeTotal ? " + before total" : ""}, name "${s.nameLabel}"`,
              s,
            ]);
          }
  it.each(cases)("%s", (_name, s) => expectRead(s));

  it("random combinations (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.record({
          band: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
          bandMerges: fc.constantFrom(...BAND_MERGES),
          order: fc.constantFrom(...ORDERS),
          headers: fc.constantFrom(...HEADER_SETS),
          weights: fc.constantFrom("column", "paren", "bare", "percent") as fc.Arbitrary<TemplateSpec["weights"]>,
          splitTarget: fc.boolean(),
          blankAfter: fc.constantFrom(0, 1, 2, 4),
          blankBeforeTotal: fc.boolean(),
          totalLabel: fc.constantFrom(...TOTAL_LABELS),
          totalInside: fc.boolean(),
          text: fc.constantFrom(...TEXTS.map((t) => t[1])),
          name: fc.constantFrom(...NAME_LABELS),
        }),
        (r) => expectRead({ ...r, nameLabel: r.name[0], nameInCell: r.name[1] }),
      ),
      { numRuns: 150 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// The kinds on the fixture seed000 自评表 (issue 11's smallest inputs)
// ------------------------------------------------------------------------------------------------

const SEED000 = path.resolve(__dirname, "../../samples/seed000-bj-kjw.xlsx");
let seed000: CellModel;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED000);
  seed000 = CellModel.fromGrid(worksheetToGrid(wb.getWorksheet("自评表")!));
});

/** seed000 as tabled in detect.test.ts: 10 indicator rows 14–23 (0-based 13–22), total A24 = 84.57, budget score 3.71. */
function expectSeed000(grid: Grid, shift: (row1: number) => number = (r) => r): ProjectForm {
  const forms = detectForms(grid);
  expect(forms.map((f) => f.kind)).toEqual(["project"]);
  const f = forms[0] as ProjectForm;
  expect(f.indicators.map((i) => i.row + 1)).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map(shift));
  expect(f.indicators.map((i) => i.weight?.value)).toEqual([8, 7, 5, 5, 5, 6, 4, 10, 30, 10]);
  expect(f.indicators.map((i) => i.score?.value)).toEqual([0.26, 5.6, 5, 5, 5, 6, 4, 10, 30, 10]);
  expect([f.total?.row !== undefined ? f.total.row + 1 : undefined, f.total?.score?.value]).toEqual([shift(24), 84.57]);
  expect(f.funds?.total?.score?.value).toBe(3.71);
  expect(f.issues.filter((i) => i.kind === "missing")).toEqual([]);
  return f;
}

const setText = (m: CellModel, a: string, v: string) => {
  const c = m.at(a);
  const p = /^([A-Z]+)(\d+)$/.exec(a)!;
  const col = p[1].charCodeAt(0) - 65;
  m.set(Number(p[2]) - 1, col, { ...(c ?? { value: null }), value: v });
};

describe("kind 1: a header band of two rows with merges (seed000, a row inserted under a header and every header cell merged down into it)", () => {
  it("the indicator header (row 13): all ten indicators, total 84.57, not 总分 —/3.71", () => {
    const v = insertRow(seed000, 13, { mergeDown: true });
    const f = expectSeed000(v.model.toGrid(), (r) => (r >= 14 ? r + 1 : r));
    expect([f.indicatorHeaderRow, f.headerBands]).toEqual([13, [[12, 13]]]);
  });

  it("the funds header (row 6): the funds block keeps its amounts (budget 53.861, executed 19.978525)", () => {
    const v = insertRow(seed000, 6, { mergeDown: true });
    const f = expectSeed000(v.model.toGrid(), (r) => (r >= 7 ? r + 1 : r));
    expect([f.funds?.headerRow, f.funds?.total?.budget?.value, f.funds?.total?.executed?.value]).toEqual([
      6, 53.861, 19.978525,
    ]);
  });
});

describe("kind 4b: the total label's variants in seed000 A24 are the total row, not an indicator (84.57, not 169.14)", () => {
  it.each(TOTAL_LABELS.concat(["總　分"]))("%s", (label) => {
    const m = seed000.clone();
    setText(m, "A24", label);
    const f = expectSeed000(m.toGrid());
    expect(f.total?.labelCell).toBe("A24");
  });
});

describe("kind 10: blank rows and odd characters", () => {
  it("a blank row inside the indicator table (seed000, at row 18) does not cut the form", () => {
    const v = insertRow(seed000, 17);
    expectSeed000(v.model.toGrid(), (r) => (r >= 18 ? r + 1 : r));
  });

  it("a blank row before the total does not lose the total", () => {
    const v = insertRow(seed000, 23);
    expectSeed000(v.model.toGrid(), (r) => (r >= 24 ? r + 1 : r));
  });

  it.each([
    ["zero-width space", "\u200b"],
    ["soft hyphen", "\u00ad"],
    ["word joiner", "\u2060"],
  ])("a %s inside 得分 (H13) does not hide the column", (_n, ch) => {
    const m = seed000.clone();
    setText(m, "H13", `得${ch}分`);
    const f = expectSeed000(m.toGrid());
    expect(f.columns.score).toBe(7);
  });

  it("every header and label in traditional characters (總分, 實際完成值, 預算) reads the same", () => {
    const m = seed000.clone();
    for (const e of m.entries())
      if (typeof e.data.value === "string") m.set(e.row, e.col, { ...e.data, value: traditional(e.data.value) });
    const f = expectSeed000(m.toGrid());
    expect(f.name?.value).toBe(traditional("2021年北京市科学技术委员会人才交流中心创新创业人才积分落户工作项目"));
  });
});
