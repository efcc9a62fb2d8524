/**
 * The batch summary (src/report/summary.ts), on forms built and checked here. Its definitions come
 * from issue 13: 自评总分 = the stated 总分, else the stated scores' sum; 偏差 = 自评 − 复核; an
 * unscored form is 未评分 (never 差); the lists |偏差| ≥ 5, 自评 ≥ 95 with 执行率 < 80%, all rows full.
 */
import { checkForm } from "../../src/engine/checks";
import { checkGrids, jsonForm } from "../../src/cli/check";
import { getPolicy, national } from "../../src/engine/policy";
import { summarize, UNSCORED, type ReportFile } from "../../src/report";
import { good, run } from "../engine/checks/base";
import { projectForm, scoreTable, type ProjectSpec } from "../helpers/form-builder";
import { unscoredFile } from "./helpers";

const file = (name: string, ...edits: ((s: ProjectSpec) => void)[]): ReportFile => ({
  file: name,
  status: "checked",
  findings: [],
  forms: edits.map((e) => jsonForm(run(e), "zh")),
});

test("every form counted once under its self grade and once under its review grade; 未评分 apart, never 差", () => {
  const files: ReportFile[] = [
    file("a.xlsx", () => undefined), // 97 / 97 优
    unscoredFile(national), // 未评分; review 93 (优)
    {
      file: "b.xlsx",
      status: "checked",
      findings: [],
      forms: [
        jsonForm(
          checkForm(scoreTable([["决策", 20, "目标", 20, 12]], { weights: [20, 20], score: 12 }), national),
          "zh",
        ),
      ],
    },
  ];
  const s = summarize(files, national);
  expect([s.forms, s.projectForms, s.scoreTables, s.unscored]).toEqual([3, 2, 1, 1]);
  expect(s.grades).toEqual([
    { grade: "优", self: 1, review: 2 },
    { grade: "良", self: 0, review: 0 },
    { grade: "中", self: 0, review: 0 },
    { grade: "差", self: 1, review: 1 }, // the score table: 12 of 20 stated, 12 reviewed
    { grade: UNSCORED, self: 1, review: 0 },
  ]);
  expect(s.grades.reduce((n, g) => n + g.self, 0)).toBe(s.forms);
  expect(s.grades.reduce((n, g) => n + g.review, 0)).toBe(s.forms);
});

test("|偏差| ≥ 5 listed: a blank budget score makes 88 stated against 97 reviewed (−9); −4.99 is not", () => {
  const s = summarize(
    [
      file(
        "c.xlsx",
        (x) => {
          x.funds!.score = null;
          x.total = { weight: 100, score: 88, grade: "良" };
        },
        (x) => (x.total = { weight: 100, score: "92.01", grade: "优" }), // 偏差 92.01 − 97 = −4.99
      ),
    ],
    national,
  );
  expect(s.deviations.map((r) => [r.form, r.self, r.review, r.deviation])).toEqual([[0, "88", "97", "-9"]]);
});

test("self ≥ 95 with 执行率 < 80%: 79% listed, 80% not; 94.99 not", () => {
  const at = (executed: number, total: string) => (x: ProjectSpec) => {
    x.funds!.executed = executed;
    x.funds!.rate = { value: executed / 100, numFmt: "0%" };
    x.funds!.score = executed / 10;
    x.total = { weight: 100, score: total, grade: "优" };
  };
  const s = summarize([file("d.xlsx", at(79, "95"), at(80, "96"), at(70, "94.99"))], national);
  expect(s.highSelfLowRate.map((r) => [r.form, r.rate])).toEqual([[0, "0.79"]]);
});

test("every weighted row at full marks: listed (the budget block does not count); one row short is not", () => {
  const s = summarize(
    [
      file(
        "e.xlsx",
        (x) => {
          x.indicators[3].score = 30;
          x.total = { weight: 100, score: 99, grade: "优" };
        },
        () => undefined, // 28 of 30 on the 效益 row
      ),
    ],
    national,
  );
  expect(s.allFullMarks.map((r) => r.form)).toEqual([0]);
});

test("执行率 bands: each form with a rate in exactly one band; forms without one apart", () => {
  const rate = (executed: number) => (x: ProjectSpec) => {
    x.funds!.executed = executed;
    x.funds!.rate = null;
  };
  const s = summarize([file("f.xlsx", rate(59.99), rate(60), rate(89), rate(90), rate(100), rate(120))], national);
  expect(s.rates.map((b) => b.count)).toEqual([1, 1, 1, 1, 2]);
  const noFunds = good();
  delete noFunds.funds;
  const t = summarize(
    [
      {
        file: "g.xlsx",
        status: "checked",
        findings: [],
        forms: [jsonForm(checkForm(projectForm(noFunds), national), "zh")],
      },
    ],
    national,
  );
  expect([t.noRate, t.rates.reduce((n, b) => n + b.count, 0)]).toEqual([1, 0]);
});

test("the fixtures: all 16 forms of the three seeds counted, score tables included (the old chart counted 14)", async () => {
  const { openWorkbook } = await import("../../src/cli/read");
  const { SEEDS } = await import("../helpers/xlsx-builders");
  const files: ReportFile[] = [];
  for (const f of SEEDS) {
    const { grids } = await openWorkbook(f);
    files.push({
      file: f,
      status: "checked",
      findings: [],
      forms: checkGrids(grids, getPolicy(), undefined).flatMap((x) => x.result.results.map((r) => jsonForm(r, "zh"))),
    });
  }
  const s = summarize(files, national);
  expect([s.forms, s.projectForms, s.scoreTables]).toEqual([16, 14, 2]);
  expect(s.grades.reduce((n, g) => n + g.self, 0)).toBe(16);
});
