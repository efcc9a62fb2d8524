/** readValue: what accountants type in the seed forms (seeds 000/002/003) and their variants. */
import { Decimal } from "../../src/engine/decimal";
import type { ParsedValue } from "../../src/engine/types";
import { classifyAchievement, formatValue, numberOf, readValue, unitsCompatible } from "../../src/engine/value";

type Num = Extract<ParsedValue, { kind: "number" }>;

function num(raw: Parameters<typeof readValue>[0], numFmt?: string): Num {
  const p = readValue(raw, numFmt);
  if (p.kind !== "number") throw new Error(`expected a number from ${JSON.stringify(raw)}, got ${JSON.stringify(p)}`);
  return p;
}

function expectNumber(
  raw: Parameters<typeof readValue>[0],
  want: { op: Num["op"]; value: string; unit?: string; percent?: boolean; approx?: boolean; printedDecimals?: number },
  numFmt?: string,
) {
  const p = num(raw, numFmt);
  expect(p.op).toBe(want.op);
  expect(p.value.eq(new Decimal(want.value))).toBe(true);
  expect(p.unit).toBe(want.unit ?? "");
  expect(p.percent).toBe(want.percent ?? false);
  if (want.approx !== undefined) expect(p.approx).toBe(want.approx);
  if (want.printedDecimals !== undefined) expect(p.printedDecimals).toBe(want.printedDecimals);
}

describe("readValue: operators", () => {
  it.each([
    ["≥3000", ">=", "3000", "", false], // seed 003 流动人才集体户
    ["≥90%", ">=", "0.9", "", true],
    ["≥ 95％", ">=", "0.95", "", true], // full-width ％
    ["≥９５％", ">=", "0.95", "", true], // full-width digits
    ["＞８０", ">", "80", "", false],
    ["＜5", "<", "5", "", false],
    ["≧90%", ">=", "0.9", "", true],
    ["不低于95%", ">=", "0.95", "", true], // seed 002 “中工会”
    ["不少于10次", ">=", "10", "次", false],
    ["不高于5%", "<=", "0.05", "", true],
    ["不超过9万元", "<=", "9", "万元", false],
    ["大于80", ">", "80", "", false],
    ["小于3天", "<", "3", "天", false],
    ["达到100%", ">=", "1", "", true],
    [">=60", ">=", "60", "", false],
    ["<=4", "<=", "4", "", false],
    ["=1项", "=", "1", "项", false],
    ["90%以上", ">=", "0.9", "", true],
    ["5000人以下", "<=", "5000", "人", false],
    ["4小时以内", "<=", "4", "小时", false],
    ["3个月内", "<=", "3", "个月", false],
    ["≤4小时", "<=", "4", "小时", false], // seed 002 办公场地租赁费
    ["≤9万元", "<=", "9", "万元", false], // seed 003
    ["≤20分钟钟", "<=", "20", "分钟钟", false], // seed 002 信息化运维费 (typo kept)
  ] as const)("%s → op %s, value %s, unit %j, percent %s", (raw, op, value, unit, percent) => {
    expectNumber(raw, { op, value, unit, percent });
  });
  it('"90%以上" and "700 余人次" are marked approximate', () => {
    expect(num("90%以上").approx).toBe(true);
    expect(num("≥90%").approx).toBe(false);
  });
});

describe("readValue: units and printed decimals", () => {
  it('"21.84 万 元": spaces inside units are dropped (seed 003 就业创业专项资金)', () => {
    expectNumber("21.84 万 元", { op: "none", value: "21.84", unit: "万元", printedDecimals: 2 });
  });
  it('"700 余人次": approximate, unit 人次, op none (seed 003 人才工作服务经费)', () => {
    expectNumber("700 余人次", { op: "none", value: "700", unit: "人次", approx: true });
  });
  it('"≥4000 家 (次)": unit 家(次) (seed 003 就业创业专项资金)', () => {
    expectNumber("≥4000 家 (次)", { op: ">=", value: "4000", unit: "家(次)" });
    expectNumber("≥4000 家（次）", { op: ">=", value: "4000", unit: "家(次)" });
  });
  it('"100.00%": percent 1, printedDecimals 2 (seed 003 流动人员档案管理经费)', () => {
    expectNumber("100.00%", { op: "none", value: "1", percent: true, printedDecimals: 2 });
  });
  it('"2261.73/平方米": unit /平方米 (seed 002 办公场地租赁费)', () => {
    expectNumber("2261.73/平方米", { op: "none", value: "2261.73", unit: "/平方米", printedDecimals: 2 });
  });
  it('"12 万" and "0 万元" (seed 003 人才工作服务经费)', () => {
    expectNumber("12 万", { op: "none", value: "12", unit: "万" });
    expectNumber("0 万元", { op: "none", value: "0", unit: "万元" });
  });
  it('"100%满意度": percent 1, unit 满意度 (seed 002 “中工会”)', () => {
    expectNumber("100%满意度", { op: "none", value: "1", unit: "满意度", percent: true });
  });
  it('"5000人", "1项", "11\\u3000" (seed 000, 003, 002)', () => {
    expectNumber("5000人", { op: "none", value: "5000", unit: "人" });
    expectNumber("1项", { op: "none", value: "1", unit: "项" });
    expectNumber("11\u3000", { op: "none", value: "11", unit: "" });
  });
  it("thousands separators and full-width decimal points", () => {
    expectNumber("1,234.5万元", { op: "none", value: "1234.5", unit: "万元", printedDecimals: 1 });
    expectNumber("１２．５", { op: "none", value: "12.5", unit: "" });
  });
  it("units longer than 6 characters make the cell text", () => {
    expect(readValue("3个批次的技术研讨").kind).toBe("text"); // seed 002 “中工会”
    expect(readValue("12345七个字的单位名").kind).toBe("text");
  });
});

describe("readValue: numbers embedded in prose are text", () => {
  it.each([
    "不超过行业平均人工成本，每人每月9900元", // seed 000 人力指标
    "阶段性成果报告12份；总结报告4份", // seed 002 “中工会”
    "1.项目启动2021年1月至5月；2.项目实施阶段：2021年6-12月", // seed 002 海创扶持资金
    "无差错少投诉，社会满意度90%以上", // seed 000 社会满意度
    "政策解读及宣讲3次",
    "1,2,3",
  ])("%s", (raw) => {
    expect(readValue(raw).kind).toBe("text");
  });
});

describe("readValue: number cells", () => {
  it("plain numbers: General precision", () => {
    expectNumber(19.978525, { op: "none", value: "19.978525", printedDecimals: 6 });
    expectNumber(0.1, { op: "none", value: "0.1", printedDecimals: 1 });
  });
  it("percent formats: percent true, the fraction as stored, decimals from the format", () => {
    expectNumber(0.3709, { op: "none", value: "0.3709", percent: true, printedDecimals: 2 }, "0.00%");
    expectNumber(0.78, { op: "none", value: "0.78", percent: true, printedDecimals: 0 }, "0%");
    expect(num(0.3709, "0.00%").text).toBe("37.09%");
  });
  it("fixed formats", () => {
    expectNumber(3.7, { op: "none", value: "3.7", printedDecimals: 2 }, "0.00");
  });
  it("NaN and Infinity are errors", () => {
    expect(readValue(NaN).kind).toBe("error");
    expect(readValue(Infinity).kind).toBe("error");
  });
});

describe("readValue: blanks, dashes, errors, booleans", () => {
  it.each([null, undefined, "", "   ", "\u3000", "\n"])("%j → blank", (raw) => {
    expect(readValue(raw as string | null).kind).toBe("blank");
  });
  it.each(["—", "-", "－", "/", "无", "——", "／"])("%s → dash", (raw) => {
    const p = readValue(raw);
    expect(p.kind).toBe("dash");
    if (p.kind === "dash") expect(p.text).toBe(raw);
  });
  it.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"])("%s → error", (raw) => {
    expect(readValue(raw).kind).toBe("error");
  });
  it("booleans → text", () => {
    expect(readValue(true)).toEqual({ kind: "text", text: "TRUE" });
    expect(readValue(false)).toEqual({ kind: "text", text: "FALSE" });
  });
  it("negative numbers are numbers, not dashes", () => {
    expectNumber("-15.52%", { op: "none", value: "-0.1552", percent: true });
  });
});

describe("achievement of qualitative actual texts", () => {
  it.each([
    ["达成", "met"],
    ["目标达成", "met"], // seed 002 特聘岗位
    ["已完成", "met"],
    ["完成年度目标", "met"],
    ["符合标准", "met"], // seed 002 海创
    ["显著", "met"], // seed 003
    ["得到提升", "met"], // seed 002
    ["长期", "met"],
    ["全年", "met"],
    ["良好", "met"],
    ["是", "met"],
    ["按时完成", "met"],
    ["基本达成", "mostly"], // seed 002 海创 资助孵化海创数量
    ["基本完成", "mostly"],
    ["部分达成", "partial"],
    ["部分完成", "partial"],
    ["未达成", "unmet"],
    ["未完成", "unmet"],
    ["否", "unmet"],
    ["每年一次", undefined],
    ["第四季度", undefined],
  ] as const)("%s → %s", (text, want) => {
    expect(classifyAchievement(text)).toBe(want);
    const p = readValue(text);
    expect(p.kind).toBe("text");
    if (p.kind === "text") expect(p.achievement).toBe(want);
  });
});

describe("formatValue and numberOf", () => {
  it.each(["≥90%", "≤4小时", "21.84 万 元", "700 余人次", "100.00%", "≥4000 家 (次)", "不超过9万元", "=5", "-3.5"])(
    "%s round-trips",
    (raw) => {
      const p = num(raw);
      const q = num(formatValue(p));
      expect(q.op).toBe(p.op);
      expect(q.value.eq(p.value)).toBe(true);
      expect(q.unit).toBe(p.unit);
      expect(q.percent).toBe(p.percent);
    },
  );
  it("shows percents with their printed decimals", () => {
    expect(formatValue(num("100.00%"))).toBe("100.00%");
    expect(formatValue(num("≥ 95％"))).toBe("≥95%");
  });
  it("text, dash, blank and error show their text", () => {
    expect(formatValue(readValue("显著"))).toBe("显著");
    expect(formatValue(readValue("—"))).toBe("—");
    expect(formatValue(readValue(null))).toBe("");
    expect(formatValue(readValue("#DIV/0!"))).toBe("#DIV/0!");
  });
  it("numberOf: the number inside, percent as fraction; null when none", () => {
    expect(numberOf("≥90%")!.eq(new Decimal("0.9"))).toBe(true);
    expect(numberOf("21.84 万 元")!.eq(new Decimal("21.84"))).toBe(true);
    expect(numberOf(0.5, "0%")!.eq(new Decimal("0.5"))).toBe(true);
    expect(numberOf("显著")).toBeNull();
    expect(numberOf(null)).toBeNull();
    expect(numberOf("—")).toBeNull();
  });
});

describe("unitsCompatible", () => {
  it.each([
    ["万元", "万元", true],
    ["", "万元", true],
    ["分钟钟", "分钟", true], // seed 002 信息化运维费 typo
    ["万元", "万", true], // seed 003 "12 万" vs "21.45 万元"
    ["次", "人次", true], // seed 003 "≥600 次" vs "700 余人次"
    ["万元", "元", false],
    ["人", "万元", false],
    ["小时", "天", false],
  ] as const)("%s vs %s → %s", (a, b, want) => {
    expect(unitsCompatible(a, b)).toBe(want);
  });
});
