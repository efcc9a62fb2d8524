/**
 * 时效 indicators (issue 11, kind 8): a deadline target ("9月前", "12月底前", "2023年10月31日前",
 * "按时完成") is met or missed by comparing dates with the actual ("7月", "10月20日", "已按时完成"),
 * never scored as a ratio of month numbers. Rule: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) —
 * a target achieved scores its full weight; a missed one the 未达成 band of the policy.
 * Also: invisible characters (zero-width space, soft hyphen, word joiner) inside a value.
 */
import fs from "fs";
import path from "path";
import { Converter } from "opencc-js/cn2t";
import { Decimal } from "../../src/engine/decimal";
import { indicatorScore } from "../../src/engine/rules";
import { national } from "../../src/engine/policy";
import { compactText, meetsDeadline, readCompletion, readDeadline, readValue } from "../../src/engine/value";

const score = (target: string, actual: string, weight = 5) =>
  indicatorScore({ target: readValue(target), actual: readValue(actual), weight: new Decimal(weight) }, national);

describe("deadline targets and completions are read as dates", () => {
  it.each([
    ["9月前", { kind: "by", date: { month: 9 } }],
    ["11月前", { kind: "by", date: { month: 11 } }],
    ["12月底前", { kind: "by", date: { month: 12 } }],
    ["2023年10月31日前", { kind: "by", date: { year: 2023, month: 10, day: 31 } }],
    ["10月31日之前完成", { kind: "by", date: { month: 10, day: 31 } }],
    ["年底前", { kind: "by", date: { month: 12 } }],
    ["按时完成", { kind: "on-time" }],
    // Quarters and half years (seed002 项目5-8 H88 第三季度前): all of the span is allowed, as for a month.
    ["第三季度前", { kind: "by", date: { month: 9 } }],
    ["三季度末前完成", { kind: "by", date: { month: 9 } }],
    ["第4季度前", { kind: "by", date: { month: 12 } }],
    ["2023年第一季度前", { kind: "by", date: { year: 2023, month: 3 } }],
    ["上半年完成", { kind: "by", date: { month: 6 } }],
    ["下半年前", { kind: "by", date: { month: 12 } }],
  ])("%s", (text, expected) => {
    expect(readDeadline(text)).toMatchObject(expected);
  });

  it.each([
    ["7月", { kind: "date", date: { month: 7 } }],
    ["10月20日", { kind: "date", date: { month: 10, day: 20 } }],
    ["2023年7月", { kind: "date", date: { year: 2023, month: 7 } }],
    ["已按时完成", { kind: "on-time" }],
    ["未按时完成", { kind: "late" }],
    ["第四季度", { kind: "date", date: { month: 10, toMonth: 12 } }],
    ["已于三季度完成", { kind: "date", date: { month: 7, toMonth: 9 } }],
    ["上半年", { kind: "date", date: { month: 1, toMonth: 6 } }],
  ])("%s", (text, expected) => {
    expect(readCompletion(text)).toEqual(expected);
  });

  it("texts that name no deadline are not deadlines (≥90%, 3个月内完成, 及时响应)", () => {
    for (const t of ["≥90%", "按照当年发布通知后3个月内完成", "及时响应，当天咨询当天解决", "100", "显著"])
      expect([t, readDeadline(t)]).toEqual([t, undefined]);
  });

  it("dates are compared: earlier or within the month met, later missed, a month against a day inside it undetermined", () => {
    const by = (t: string, a: string) => meetsDeadline(readDeadline(t)!, readCompletion(a)!);
    expect(by("9月前", "7月")).toBe(true);
    expect(by("9月前", "9月")).toBe(true);
    expect(by("9月前", "10月")).toBe(false);
    expect(by("2023年10月31日前", "10月20日")).toBe(true);
    expect(by("2023年10月31日前", "2023年11月5日")).toBe(false);
    expect(by("2023年10月31日前", "2024年1月")).toBe(false);
    expect(by("10月15日前", "10月")).toBeUndefined();
    expect(by("按时完成", "已按时完成")).toBe(true);
    expect(by("按时完成", "未按时完成")).toBe(false);
    // A quarter or half year done: met if it ends by the deadline, missed if it starts after it.
    expect(by("第三季度前", "第四季度")).toBe(false);
    expect(by("第三季度前", "第三季度")).toBe(true);
    expect(by("第三季度前", "8月")).toBe(true);
    expect(by("9月前", "上半年")).toBe(true);
    expect(by("8月前", "第三季度")).toBeUndefined();
    expect(by("9月15日前", "第三季度")).toBeUndefined();
    expect(by("年底前", "第四季度")).toBe(true);
  });

  it("seed002 项目5-8 H88: 第三季度前, done 第四季度, 20 points: missed, the 未达成 band 0–12 (财预〔2020〕10号; policy.qualitativeBands.unmet)", () => {
    const r = score("第三季度前", "第四季度", 20);
    expect(r).toMatchObject({ status: "qualitative", achievement: "unmet" });
    if (r.status !== "qualitative") throw new Error(r.status);
    expect([r.lo.toString(), r.hi.toString()]).toEqual(["0", "12"]);
  });
});

describe("deadline scoring (财预〔2020〕10号: met scores full; jinzhai-dept-2023.xlsx rows 18-19)", () => {
  it("9月前 done 7月 and 11月前 done 10月: full marks, not 5 × 7/9 or 5 × 10/11", () => {
    for (const [t, a] of [
      ["9月前", "7月"],
      ["11月前", "10月"],
      ["12月底前", "12月"],
      ["2023年10月31日前", "10月20日"],
      ["按时完成", "已按时完成"],
    ]) {
      const r = score(t, a);
      expect([
        t,
        a,
        r.status,
        r.status === "scored" ? r.value.toString() : "",
        r.status === "scored" && r.kind,
      ]).toEqual([t, a, "scored", "5", "deadline"]);
    }
  });

  it("a missed deadline gets the 未达成 band (0–60% of the weight, policy.qualitativeBands.unmet)", () => {
    const r = score("2023年10月31日前", "2023年11月5日", 10);
    expect(r).toMatchObject({ status: "qualitative", achievement: "unmet" });
    if (r.status !== "qualitative") throw new Error(r.status);
    expect([r.lo.toString(), r.hi.toString()]).toEqual(["0", "6"]);
  });
});

describe("invisible characters inside values (issue 11, kind 10)", () => {
  it("zero-width space, soft hyphen and word joiner do not change what a cell says", () => {
    expect(readValue("9\u200b5%")).toMatchObject({ kind: "number", percent: true });
    expect((readValue("9\u00ad5") as { value: Decimal }).value.toString()).toBe("95");
    expect((readValue("1\u206000") as { value: Decimal }).value.toString()).toBe("100");
  });
});

describe("traditional characters in values (issue 11, kind 10)", () => {
  const tw = Converter({ from: "cn", to: "tw" });
  const hk = Converter({ from: "cn", to: "hk" });

  it("顯著, 未達成, 不低於90%, 已按時完成, 年底前, 300餘人 read as their simplified forms", () => {
    for (const s of [
      "显著",
      "未达成",
      "基本达成",
      "不低于90%",
      "已按时完成",
      "按时完成",
      "年底前",
      "300余人",
      "10个工作日以内",
    ]) {
      for (const t of [tw(s), hk(s)]) {
        expect([t, readValue(t)]).toEqual([t, { ...readValue(s), text: t }]);
        expect([t, readDeadline(t)?.kind, readCompletion(t)]).toEqual([t, readDeadline(s)?.kind, readCompletion(s)]);
      }
    }
  });

  it("the fold table covers every character the value vocabulary is written with (OpenCC cn→tw and cn→hk)", () => {
    const src = fs.readFileSync(path.resolve(__dirname, "../../src/engine/value.ts"), "utf8");
    // The vocabulary's own characters (the table's traditional keys, folded by it, are not vocabulary).
    const chars = [...new Set([...src].filter((c) => /[\u4e00-\u9fff]/.test(c) && compactText(c) === c))];
    const unfolded = chars.flatMap((c) =>
      [tw(c), hk(c)].filter((t) => t !== c && [...t].length === 1 && compactText(t) !== c).map((t) => `${t}→${c}`),
    );
    expect(unfolded).toEqual([]);
  });
});
