/**
 * Header vocabulary (src/layout/headers.ts) and grid addressing (src/layout/grid.ts): the synonyms
 * the issue lists, level-1 labels carrying their weight (seed003: "产出指标 (50分)", "产出指标(50)"),
 * level-2 names that tell their level-1 category, A1 addresses and merged cells.
 */
import {
  FUNDS_HEADERS,
  headerMatch,
  INDICATOR_HEADERS,
  level1Category,
  level1Of,
  norm,
  splitWeightLabel,
} from "../../src/layout/headers";
import { Grid, parseAddress, parseRange, rangeAddress } from "../../src/layout/grid";

describe("header synonyms (issue: 年度指标值/指标值/年度目标值; 实际完成值/实际值/全年实际值/完成值; 分值/权重; 得分/自评得分/评分; 偏差原因分析及改进措施/未完成原因分析/偏差原因)", () => {
  const ISSUE: [keyof typeof INDICATOR_HEADERS, string[]][] = [
    ["target", ["年度指标值", "指标值", "年度目标值"]],
    ["actual", ["实际完成值", "实际值", "全年实际值", "完成值"]],
    ["weight", ["分值", "权重"]],
    ["score", ["得分", "自评得分", "评分"]],
    ["reason", ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因"]],
    ["level1", ["一级指标"]],
    ["level2", ["二级指标"]],
    ["level3", ["三级指标"]],
  ];
  it.each(ISSUE)("%s: every synonym matches exactly, and no other column's synonyms match it", (kind, words) => {
    for (const w of words) {
      expect([w, headerMatch(w, INDICATOR_HEADERS[kind])]).toEqual([w, 1]);
      for (const other of Object.keys(INDICATOR_HEADERS) as (keyof typeof INDICATOR_HEADERS)[]) {
        if (other !== kind) expect([w, other, headerMatch(w, INDICATOR_HEADERS[other])]).toEqual([w, other, 0]);
      }
    }
  });

  it("white space, line breaks and full-width spaces inside a header do not matter (实际\\n完成值, 年 度 指 标 值, 得　分)", () => {
    expect(headerMatch("实际\n完成值", INDICATOR_HEADERS.actual)).toBe(1);
    expect(headerMatch(" 年 度 指 标 值 ", INDICATOR_HEADERS.target)).toBe(1);
    expect(headerMatch("得\u3000分", INDICATOR_HEADERS.score)).toBe(1);
  });

  it("a synonym inside a longer header matches with less confidence (年度指标值（数值） → 0.9)", () => {
    expect(headerMatch("年度指标值（数值）", INDICATOR_HEADERS.target)).toBe(0.9);
    expect(headerMatch("", INDICATOR_HEADERS.target)).toBe(0);
  });

  it("funds headers of the fixtures (seed000 C6:H6, seed003 C5:H5) match their own column", () => {
    const row: [keyof typeof FUNDS_HEADERS, string][] = [
      ["initial", "年初预算数"],
      ["budget", "全年预算数"],
      ["executed", "全年执行数"],
      ["weight", "分值"],
      ["rate", "执行率"],
      ["score", "得分"],
    ];
    for (const [k, t] of row) expect([t, headerMatch(t, FUNDS_HEADERS[k])]).toEqual([t, 1]);
  });

  it("norm unifies full-width brackets and colons (其中：当年财政拨款 → 其中:当年财政拨款)", () => {
    expect(norm("其中：当年财政拨款")).toBe("其中:当年财政拨款");
    expect(norm("项目资金 （万元）")).toBe("项目资金(万元)");
  });
});

describe("level-1 labels carrying their weight (seed003 B12 产出指标 (50分), 流动人员档案管理经费 B12 产出指标(50分), 人才工作服务经费 B12 产出指标 (50))", () => {
  it.each([
    ["产出指标 (50分)", "产出指标", "50"],
    ["产出指标(50分)", "产出指标", "50"],
    ["产出指标 (50)", "产出指标", "50"],
    ["产出指标(50)", "产出指标", "50"],
    ["效益指标（30分）", "效益指标", "30"],
    ["满意度指标 (10.5分)", "满意度指标", "10.5"],
    ["满意度指标", "满意度指标", undefined],
    ["产出指标 (五十分)", "产出指标(五十分)", undefined],
  ])("%s → %s, weight %s", (label, name, weight) => {
    expect(splitWeightLabel(label)).toEqual(weight === undefined ? { name } : { name, weight });
  });
});

describe("the level-1 category a level-2 name tells (issue: blank level-1 under 社会效益指标 → 效益指标)", () => {
  it.each([
    ["数量指标", "产出指标"],
    ["质量指标", "产出指标"],
    ["时效指标", "产出指标"],
    ["成本指标", "产出指标"],
    ["社会效益指标", "效益指标"],
    ["生态效益指标", "效益指标"],
    ["可持续影响指标", "效益指标"],
    ["服务对象满意度指标", "满意度指标"],
    ["其他", undefined],
    ["", undefined],
  ])("%s → %s", (l2, l1) => {
    expect(level1Of(l2)).toBe(l1);
  });

  it("level-1 labels fall into their categories, with or without a weight", () => {
    expect(level1Category("产出指标 (50分)")).toBe("output");
    expect(level1Category("效益指标")).toBe("effect");
    expect(level1Category("满意度指标(10)")).toBe("satisfaction");
    expect(level1Category("部门决策")).toBeUndefined();
  });
});

describe("grid addressing", () => {
  it("A1 addresses both ways", () => {
    expect(parseAddress("H14")).toEqual({ row: 13, col: 7 });
    expect(parseAddress("$H$14")).toEqual({ row: 13, col: 7 });
    expect(parseAddress("自评表!AA1")).toEqual({ row: 0, col: 26 });
    expect(parseAddress("A0")).toBeNull();
    expect(parseAddress("14H")).toBeNull();
    expect(parseRange("A24:F24")).toEqual({ top: 23, left: 0, bottom: 23, right: 5 });
    expect(parseRange("F24:A1")).toEqual({ top: 0, left: 0, bottom: 23, right: 5 });
    expect(rangeAddress({ top: 0, left: 0, bottom: 23, right: 8 })).toBe("A1:I24");
    expect(rangeAddress({ top: 2, left: 1, bottom: 2, right: 1 })).toBe("B3");
  });

  it("a merged cell shows its master's value; raw() of a non-master is blank (seed000 B14:B21 产出指标)", () => {
    const values = Array.from({ length: 24 }, () => Array<string | null>(9).fill(null));
    values[13][1] = "产出指标";
    const g = new Grid({ sheet: "s", values, merges: [{ top: 13, left: 1, bottom: 20, right: 1 }] });
    expect(g.value(17, 1)).toBe("产出指标");
    expect(g.raw(17, 1)).toBeNull();
    expect(g.mergeAt(17, 1)).toEqual({ top: 13, left: 1, bottom: 20, right: 1 });
    expect(g.mergeAt(13, 1)).toBeUndefined();
    expect(g.masterMerge(13, 1)).toEqual({ top: 13, left: 1, bottom: 20, right: 1 });
  });

  it("a used-range grid (top/left offset, as Office.js gives it) reads sheet coordinates", () => {
    const g = new Grid({
      sheet: "s",
      top: 4,
      left: 3,
      values: [
        ["项目名称", "x"],
        [1, 2],
      ],
    });
    expect(g.text(4, 3)).toBe("项目名称");
    expect(g.value(5, 4)).toBe(2);
    expect(g.value(0, 0)).toBeNull();
    expect(g.inside(4, 3) && g.inside(5, 4)).toBe(true);
    expect(g.inside(3, 3) || g.inside(4, 5)).toBe(false);
  });

  it("merges whose master lies outside the grid are not merges of the grid (no address off the grid is ever a master)", () => {
    const g = new Grid({
      sheet: "s",
      top: 2,
      left: 2,
      values: [
        [null, null],
        ["a", null],
      ],
      merges: [
        { top: 0, left: 0, bottom: 3, right: 3 },
        { top: 3, left: 2, bottom: 9, right: 9 },
      ],
    });
    expect(g.mergeAt(2, 2)).toBeUndefined();
    expect(g.merges).toEqual([{ top: 3, left: 2, bottom: 9, right: 9 }]);
    expect(g.value(3, 3)).toBe("a");
  });
});
