/**
 * Property tests (fast-check) for layout detection on arbitrary sheets (issue: "random grids … never
 * throw, finish in bounded time, every field address lies inside the grid").
 *
 * Grids are built from the words real templates use (every header synonym, 总分, 项目名称, 其中,
 * level-1 labels with weights, titles), numbers, blanks, error texts ("#DIV/0!"), arbitrary strings,
 * and random merge areas — overlapping ones, 1×1 ones, ones reaching past the grid. Bounded time is
 * asserted by counting the cell reads detection makes (Grid.raw), not by a clock.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/engine/types";
import type { FormModel, RangeBox } from "../../src/engine/model";
import { detectForms } from "../../src/layout/detect";
import { address, Grid, parseAddress } from "../../src/layout/grid";
import { FUNDS_HEADERS, INDICATOR_HEADERS } from "../../src/layout/headers";
import type { MappedField, MappingForm } from "../../src/layout/mapping";

const WORDS = [
  ...Object.values(INDICATOR_HEADERS).flat(),
  ...Object.values(FUNDS_HEADERS).flat(),
  "一级指标",
  "二级指标",
  "三级指标",
  "四级指标",
  "名称",
  "分值",
  "得分",
  "总分",
  "合计",
  "等级",
  "评价等级",
  "项目名称",
  "项目支出绩效自评表",
  "部门整体支出绩效评价指标体系",
  "年度资金总额",
  "其中：财政拨款",
  "上年结转资金",
  "其他资金",
  "预期目标",
  "年度总体目标",
  "绩效指标 (90)",
  "产出指标 (50分)",
  "效益指标(30)",
  "满意度指标",
  "数量指标",
  "社会效益指标",
  "可持续影响指标",
  "服务对象满意度指标",
  "全年",
  "执行",
  "序号",
  "备注",
  "—",
  "-",
  "≥90%",
  "100%",
  "显著",
];
const ERRORS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ noNaN: false })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("", "  ", "\u3000", "(50分)", "（10）", "12.5", " 98.32 ", "0.3709%") },
  { weight: 1, arbitrary: fc.boolean() },
);

interface GridSpec {
  top: number;
  left: number;
  values: CellValue[][];
  merges: RangeBox[];
  numFmts: (string | undefined)[][];
}

function gridSpec(maxRows: number, maxCols: number): fc.Arbitrary<GridSpec> {
  return fc
    .record({
      top: fc.integer({ min: 0, max: 30 }),
      left: fc.integer({ min: 0, max: 10 }),
      rows: fc.integer({ min: 0, max: maxRows }),
      cols: fc.integer({ min: 0, max: maxCols }),
    })
    .chain(({ top, left, rows, cols }) =>
      fc.record({
        top: fc.constant(top),
        left: fc.constant(left),
        values: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        numFmts: fc.array(
          fc.array(fc.constantFrom(undefined, "0%", "0.00%", "General", "@"), { minLength: cols, maxLength: cols }),
          { minLength: rows, maxLength: rows },
        ),
        // Merge areas anywhere near the grid: overlapping, degenerate, reaching past its edges (and a few inverted ones).
        merges: fc.array(
          fc
            .record({
              r: fc.integer({ min: Math.max(0, top - 2), max: top + rows + 2 }),
              c: fc.integer({ min: Math.max(0, left - 2), max: left + cols + 2 }),
              h: fc.integer({ min: -1, max: 12 }),
              w: fc.integer({ min: -1, max: 8 }),
            })
            .map(({ r, c, h, w }) => ({ top: r, left: c, bottom: r + h, right: c + w })),
          { maxLength: 25 },
        ),
      }),
    );
}

/**
 * Sheets that look like forms: rows drawn from the row kinds of the fixtures (title, 项目名称, funds
 * header and rows, indicator header in a random column order, indicator rows, 总分, score-table
 * header / 名称-分值 row / rows, blank), each cell then possibly replaced by anything at all.
 */
const ROW_KINDS: CellValue[][] = [
  ["项目支出绩效自评表"],
  ["项目名称", "某项目"],
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年", "分值", "执行", "得分"],
  [null, "年度资金总额", 100, 100, 37.09, 10, 0.3709, 3.71],
  [null, "其中：财政拨款", 100, 100, 37.09, "—", 0.3709, "—"],
  [
    "绩效指标 (90)",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ],
  ["序号", "得分", "三级指标", "一级指标", "指标值", "权重", "实际值", "二级指标", "未完成原因分析", "备注"],
  [null, "产出指标 (50分)", "数量指标", "审核人数", "5000人", "164人", 8, 0.26, "因政策变动"],
  [null, null, "质量指标", "做好政策宣讲", "开展", "3次", 5, 5, null],
  [null, null, "社会效益指标", "政策修订", "优化", "形成报告", 30, "#DIV/0!", null],
  ["总分", null, null, null, null, null, 100, 84.57],
  ["一级指标", null, "二级指标", null, "三级指标", null, "得分"],
  ["名称", "分值", "名称", "分值", "名称", "分值"],
  ["部门决策", 20, "预算编制", 10, "科学性", 5, 5],
  [null, null, null, null, "规范性", 5, 5],
  ["等级", "优"],
  [],
];

function formishSpec(maxRows: number): fc.Arbitrary<GridSpec> {
  return fc
    .record({
      top: fc.integer({ min: 0, max: 5 }),
      left: fc.integer({ min: 0, max: 5 }),
      kinds: fc.array(fc.nat(ROW_KINDS.length - 1), { minLength: 1, maxLength: maxRows }),
      shift: fc.integer({ min: 0, max: 3 }),
    })
    .chain(({ top, left, kinds, shift }) => {
      const width = 10 + shift;
      return fc.record({
        top: fc.constant(top),
        left: fc.constant(left),
        values: fc.tuple(
          ...kinds.map((k) =>
            fc
              .array(fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cell }), {
                minLength: width,
                maxLength: width,
              })
              .map((noise) =>
                Array.from({ length: width }, (_, c) => {
                  const base = c < shift ? null : (ROW_KINDS[k][c - shift] ?? null);
                  return noise[c] === undefined ? base : (noise[c] as CellValue);
                }),
              ),
          ),
        ),
        numFmts: fc.constant([]),
        merges: fc.array(
          fc
            .record({
              r: fc.nat(kinds.length + 2),
              c: fc.nat(width + 1),
              h: fc.integer({ min: 0, max: 6 }),
              w: fc.integer({ min: 0, max: 4 }),
            })
            .map(({ r, c, h, w }) => ({ top: top + r, left: left + c, bottom: top + r + h, right: left + c + w })),
          { maxLength: 12 },
        ),
      });
    });
}

const toGrid = (s: GridSpec) =>
  new Grid({ sheet: "random", top: s.top, left: s.left, values: s.values, numFmts: s.numFmts, merges: s.merges });

/** Every address a form names (fields, level/label cells, issue cells), with where it was found. */
function addressesOf(form: FormModel): { where: string; row: number; col: number; cell?: string }[] {
  const out: { where: string; row: number; col: number; cell?: string }[] = [];
  const walk = (v: unknown, where: string) => {
    if (v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${where}[${i}]`));
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.cell === "string" && typeof o.row === "number" && typeof o.col === "number")
      out.push({ where, row: o.row, col: o.col, cell: o.cell });
    for (const [k, x] of Object.entries(o)) {
      if (typeof x === "string" && /(Cell|^cell)$/.test(k)) {
        const p = parseAddress(x);
        if (!p) throw new Error(`${where}.${k} is not an address: ${x}`);
        out.push({ where: `${where}.${k}`, row: p.row, col: p.col });
      } else walk(x, `${where}.${k}`);
    }
  };
  walk(form, form.kind);
  return out;
}

function fail(what: string): never {
  throw new Error(what);
}

/** The invariants of any detection result; `issuesInside`: issue cells too (not so for a mapping's stale cells). */
function checkForms(grid: Grid, forms: FormModel[], opts: { ordered: boolean; issuesInside?: boolean }): void {
  let prevBottom = -1;
  const box = `${address(grid.top, grid.left)}:${address(grid.bottom, grid.right)}`;
  for (const f of forms) {
    for (const a of addressesOf(f)) {
      const isIssue = /\.issues\[/.test(a.where);
      if (isIssue && opts.issuesInside === false) continue;
      if (!grid.inside(a.row, a.col)) fail(`${a.where} at ${address(a.row, a.col)} lies outside the grid ${box}`);
      if (a.cell !== undefined && a.cell !== address(a.row, a.col))
        fail(`${a.where}: cell ${a.cell} is not row ${a.row}, col ${a.col}`);
    }
    const r = f.range;
    if (!(r.top <= r.bottom && r.left <= r.right)) fail(`${f.kind} range ${JSON.stringify(r)} is inverted`);
    if (!(grid.inside(r.top, r.left) && grid.inside(r.bottom, r.right)))
      fail(`${f.kind} range ${address(r.top, r.left)}:${address(r.bottom, r.right)} exceeds the grid ${box}`);
    if (opts.ordered) {
      if (r.top <= prevBottom)
        fail(`${f.kind} at row ${r.top + 1} overlaps the form above (ending on row ${prevBottom + 1})`);
      prevBottom = r.bottom;
    }
    for (const [k, v] of Object.entries(f.confidence))
      if (v !== undefined && !(v >= 0 && v <= 1)) fail(`confidence ${k} = ${v}`);
    if (f.kind === "project") {
      for (let i = 1; i < f.indicators.length; i++)
        if (f.indicators[i].row <= f.indicators[i - 1].row) fail("indicator rows out of order");
      for (const ind of f.indicators)
        if (ind.row < r.top || ind.row > r.bottom) fail(`indicator row ${ind.row + 1} outside its form's range`);
      for (const g of f.groups)
        for (const row of g.rows)
          if (!f.indicators.some((i) => i.row === row)) fail(`group ${g.name} names row ${row + 1}, no indicator row`);
      for (const is of f.issues)
        if (!["missing", "ambiguous", "stale-mapping", "inferred"].includes(is.kind)) fail(`issue kind ${is.kind}`);
    } else {
      for (const row of f.rows)
        if (row.levels.length !== f.depth)
          fail(`score row ${row.row + 1} has ${row.levels.length} levels, depth ${f.depth}`);
    }
  }
}

/** Cells of the grid's box (an empty grid still spans one column). */
const cellsOf = (g: Grid) => Math.max(1, g.rowCount) * (g.right - g.left + 1);

/** Count the cell reads detection makes: the measure of its work. */
function countingReads<T>(run: () => T): { result: T; reads: number } {
  const spy = jest.spyOn(Grid.prototype, "raw");
  try {
    const result = run();
    return { result, reads: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

describe("detectForms on random sheets", () => {
  it("never throws; every field, label and issue cell lies inside the grid; forms are ordered and disjoint", () => {
    fc.assert(
      fc.property(gridSpec(40, 12), (s) => {
        const grid = toGrid(s);
        checkForms(grid, detectForms(grid), { ordered: true });
      }),
      { numRuns: 1500 },
    );
  });

  it("on form-like sheets (fixture row kinds in random order, cells randomly replaced, random merges): the same invariants", () => {
    fc.assert(
      fc.property(formishSpec(60), (s) => {
        const grid = toGrid(s);
        checkForms(grid, detectForms(grid), { ordered: true });
      }),
      { numRuns: 1500 },
    );
  });

  it("with a random (even nonsensical) mapping: never throws, and what it reads still lies inside the grid", () => {
    const FIELDS: MappedField[] = [
      "ind.level1",
      "ind.level3",
      "ind.target",
      "ind.actual",
      "ind.weight",
      "ind.score",
      "ind.reason",
      "funds.budget",
      "funds.executed",
      "funds.rate",
    ];
    const mappingForm: fc.Arbitrary<MappingForm> = fc
      .record({
        top: fc.integer({ min: 0, max: 60 }),
        h: fc.integer({ min: 0, max: 40 }),
        hr: fc.integer({ min: 0, max: 60 }),
        fr: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fields: fc.dictionary(
          fc.constantFrom(...FIELDS),
          fc.record({
            col: fc.integer({ min: 0, max: 40 }),
            header: fc.option(fc.constantFrom(...WORDS, ""), { nil: undefined }),
          }),
        ),
      })
      .map(({ top, h, hr, fr, fields }) => ({
        top,
        left: 0,
        bottom: top + h,
        right: 20,
        headerRow: hr,
        fundsHeaderRow: fr,
        fields: fields as MappingForm["fields"],
      }));
    fc.assert(
      fc.property(gridSpec(40, 12), fc.array(mappingForm, { maxLength: 3 }), (s, forms) => {
        const grid = toGrid(s);
        const detected = detectForms(grid, { forms });
        // Stale placeholders stand where the mapping said the form was; every other form reads only the grid.
        checkForms(
          grid,
          detected.filter((f) => !f.issues.some((i) => i.field === "mapping")),
          { ordered: false, issuesInside: false },
        );
      }),
      { numRuns: 800 },
    );
  });

  it("a 200×30 sheet finishes within a bounded number of cell reads (≤ 20 per cell)", () => {
    fc.assert(
      fc.property(
        gridSpec(200, 30).filter((s) => s.values.length >= 150),
        (s) => {
          const grid = toGrid(s);
          const { result, reads } = countingReads(() => detectForms(grid));
          checkForms(grid, result, { ordered: true });
          expect(reads).toBeLessThanOrEqual(20 * cellsOf(grid));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("detectForms work grows linearly on adversarial sheets", () => {
  /** A sheet of `n` rows built from one row pattern repeated. */
  function tiled(n: number, pattern: CellValue[][]): Grid {
    const values: CellValue[][] = [];
    for (let r = 0; r < n; r++) values.push([...pattern[r % pattern.length]]);
    return new Grid({ sheet: "tiled", values });
  }
  const IND = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
  const DATA = [null, "产出指标", "数量指标", "x", "≥1", "1", 5, 5, null];
  const FUNDS = ["项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null];
  const SCORE = ["一级指标", null, "二级指标", null, "三级指标", null, "得分", null, null];
  const cases: [string, CellValue[][]][] = [
    ["indicator header on every row", [IND]],
    ["header, one data row, no blank row, no 总分", [IND, DATA]],
    ["funds header then indicator header, no data", [FUNDS, IND]],
    ["one form's data rows without end (no 总分, no blank row)", [DATA]],
    ["score-table headers between data rows", [SCORE, DATA, DATA]],
    ["title rows only", [["项目支出绩效自评表", "项目名称", "x"]]],
    ["总分 everywhere", [["总分", null, null, null, null, null, 100, 90, null]]],
  ];
  it.each(cases)("%s: reads per cell stay flat from 500 to 4000 rows", (_name, pattern) => {
    const per = [500, 4000].map((n) => {
      const g = tiled(n, pattern);
      const { result, reads } = countingReads(() => detectForms(g));
      checkForms(g, result, { ordered: true });
      return reads / cellsOf(g);
    });
    expect(per[1]).toBeLessThanOrEqual(per[0] * 1.25 + 1);
    expect(per[1]).toBeLessThanOrEqual(20);
  });
});
