/**
 * 复核总分 of every fixture form (samples/), each against its hand computation: the stated scores,
 * then each row the review changes, by the rules of 财预〔2020〕10号 — 预算执行率得分 = 执行率 × 分值
 * (capped); a quantitative indicator met scores full, a missed one 完成值/指标值 × 分值; a qualitative
 * one keeps its stated score inside its band (达成 80–100%), else the band's edge; a row with no
 * actual scores 0. seed000, 流动人才集体户管理服务经费 and the two score tables are computed in
 * test/cli/seeds.test.ts. seed003 under spend-ratio (its own forms' rule for cost rows: 完成值/指标值 × 分值).
 */
import { formOf, JDoc, runJson, SEED002, SEED003 } from "../helpers/xlsx-builders";

let seed002: JDoc;
let seed003: JDoc;
beforeAll(async () => {
  seed002 = (await runJson([SEED002])).doc;
  seed003 = (await runJson(["--policy", "spend-ratio", SEED003])).doc;
});

type Row = [sheet: string, which: string | undefined, self: string, review: string, deviation: string];

test.each<Row>([
  // 85 − 9 + 8.92 (budget 10 × 89.23%) − 5 + 10 (H15 ≤ target met: full) − 7 + 8 (H17 达成, band 8–10) = 90.92
  ["项目1", undefined, "85", "90.92", "-5.92"],
  // 98.8 − 9.8 + 9.83 (10 × 98.32%) − 9 + 10 (H17 met) = 99.83
  ["项目2", undefined, "98.8", "99.83", "-1.03"],
  // 96.5 − 17.5 + 20 (H17 met) − 9 + 10 (H18 met) = 100; budget 10 × 100% = 10 as stated
  ["项目3", undefined, "96.5", "100", "-3.5"],
  // 85.8 − 5.8 + 5.85 (10 × 58.53%) − 4 + 10 (H17 met) − 9 + 10 (H19 met) = 92.85
  ["项目4", undefined, "85.8", "92.85", "-7.05"],
  // 97.8 − 9.9 + 9.97 (10 × 99.71%) − 9.9 + 10 (H17) − 18 + 20 (H18) = 99.97
  ["项目5-8", "服务大厅", "97.8", "99.97", "-2.17"],
  // no 总分 row: self = the stated scores' sum 95.8; − 8.9 + 8.88 (10 × 88.84%) − 7.5 + 10 (H39 met) = 98.28
  ["项目5-8", "中工会", "95.8", "98.28", "-2.48"],
  // 97.5 − 10 + 9.96 (10 × 99.59%) − 9.5 + 9.9 (10 × 97/98) − 4.5 + 4.95 (5 × 99/100) − 24.5 + 25 (H68) = 98.81
  ["项目5-8", "信息化运维", "97.5", "98.81", "-1.31"],
  // 97 − 19 + 20 (H90 met) − 18 + 12 (H88 第三季度前 done 第四季度: missed, 未达成 band 0–12 of 20) = 92; budget 10 × 100%
  ["项目5-8", "外国人来华", "97", "92", "5"],
])("seed002 %s %s: 自评 %s, 复核 %s, 偏差 %s", (sheet, which, self, review, deviation) => {
  const form = formOf(seed002, sheet, which);
  expect([form.self?.total, form.total.review, form.deviation]).toEqual([self, review, deviation]);
});

test.each<Row>([
  // 94.6 − 7.8 + 7.84 (10 × 78.44%) − 1.9 + 1.89 (3 × 2.52/4) − 4.1 + 4.07 (5 × 51.25/63) − 0.8 + 0.76 (2 × 1.14/3) = 94.56
  ["流动人员档案管理经费", undefined, "94.6", "94.56", "0.04"],
  // 97.7 − 9.4 + 10 (H16 met) − 9 + 10 (H19 met) = 99.3
  ["人才市场运行经费", undefined, "97.7", "99.3", "-1.6"],
  // 88.2 − 2.2 + 2.24 (10 × 22.38%) − 5.6 + 1.12 (2 × 12/21.45) − 1.4 + 1.37 (3 × 10.38/22.72) − 10 + 0 (H21: no actual) = 73.73
  ["人才工作服务经费", undefined, "88.2", "73.73", "14.47"],
  // 97.4 − 8.7 + 8.74 (10 × 87.44%) − 1.9 + 1.97 (2 × 12.83/13) − 5.2 + 5.25 (6 × 64.36/73.6) − 1.6 + 1.61 (2 × 17.63/21.84) = 97.57
  ["就业创业专项资金", undefined, "97.4", "97.57", "-0.17"],
])("seed003 (spend-ratio) %s: 自评 %s, 复核 %s, 偏差 %s", (sheet, which, self, review, deviation) => {
  const form = formOf(seed003, sheet, which);
  expect([form.self?.total, form.total.review, form.deviation]).toEqual([self, review, deviation]);
});
