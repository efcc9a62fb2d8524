/**
 * The finding codes the seeds do not contain, each shown on a mutated copy of a fixture: one or
 * two cells changed with exceljs, saved to a temp dir, checked with perf-check --json.
 * Each test names the fixture, the form and the cell it changes. They show the core pack's codes
 * (the arithmetic), so they run under national with the core pack alone; what the review pack notes
 * on the fixtures themselves is asserted in seeds.test.ts.
 */
import path from "path";
import type ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { core } from "../../src/engine/checks";
import {
  codesAt,
  formOf,
  JForm,
  makeTempDir,
  mutateWorkbook,
  removeDir,
  runJson,
  SEED000,
  SEED002,
  SEED003,
  sheet,
} from "../helpers/xlsx-builders";

let dir: string;
/** national, and spend-ratio, with the core pack alone. */
let corePolicy: string;
let spendRatioCore: string;
beforeAll(async () => {
  dir = await makeTempDir("mutations");
  corePolicy = path.join(dir, "core-only.json");
  await fs.writeFile(corePolicy, JSON.stringify({ extends: "national", name: "national-core", packs: ["core"] }));
  spendRatioCore = path.join(dir, "spend-ratio-core.json");
  await fs.writeFile(
    spendRatioCore,
    JSON.stringify({ extends: "spend-ratio", name: "spend-ratio-core", packs: ["core"] }),
  );
});
afterAll(() => removeDir(dir));

async function checkMutated(src: string, name: string, fn: (wb: ExcelJS.Workbook) => void, argv: string[] = []) {
  const file = await mutateWorkbook(src, path.join(dir, name), fn);
  return runJson(["--policy", corePolicy, ...argv, file]);
}

function only(form: JForm, code: string) {
  return form.findings.filter((f) => f.code === code);
}

test("control: seed000 round-tripped through exceljs unchanged still has no finding", async () => {
  const { doc, code } = await checkMutated(SEED000, "seed000-roundtrip.xlsx", () => undefined);
  expect(codesAt(formOf(doc, "自评表"))).toEqual([]);
  expect(code).toBe(0);
});

test("EXECRATE_MISMATCH: seed000 自评表!G7 0.3709 → 0.3809 (38.09% stated, 19.978525/53.861 = 37.09%)", async () => {
  const { doc, code } = await checkMutated(SEED000, "execrate.xlsx", (wb) => {
    sheet(wb, "自评表").getCell("G7").value = 0.3809;
  });
  const form = formOf(doc, "自评表");
  expect(codesAt(form)).toEqual(["EXECRATE_MISMATCH@G7"]);
  expect(form.findings[0]).toMatchObject({ severity: "error", expected: "37.09%", found: "38.09%" });
  expect(code).toBe(1);
});

test("TOTAL_MISMATCH: seed000 自评表!H24 84.57 → 85.57 (stated scores add to 84.57)", async () => {
  const { doc, code } = await checkMutated(SEED000, "total.xlsx", (wb) => {
    sheet(wb, "自评表").getCell("H24").value = 85.57;
  });
  const form = formOf(doc, "自评表");
  expect(codesAt(form)).toEqual(["TOTAL_MISMATCH@H24"]);
  expect(form.findings[0]).toMatchObject({ severity: "error", expected: "84.57", found: "85.57" });
  // The review total is the policy's re-scoring of the same rows (84.57 by hand, see seeds.test.ts).
  expect(form.total).toEqual({ stated: "85.57", computed: "84.57", review: "84.57" });
  expect(code).toBe(1);
});

describe("WEIGHT_SUM", () => {
  test("seed003 流动人才集体户管理服务经费!B12 产出指标 (50分) → (60分): the group's weights add to 50", async () => {
    const { doc, code } = await checkMutated(
      SEED003,
      "weight-group.xlsx",
      (wb) => {
        sheet(wb, "流动人才集体户管理服务经费").getCell("B12").value = "产出指标 (60分)";
      },
      ["--policy", spendRatioCore],
    );
    const form = formOf(doc, "流动人才集体户管理服务经费");
    expect(codesAt(form)).toEqual(["WEIGHT_SUM@B12"]);
    expect(form.findings[0]).toMatchObject({ severity: "error", expected: "50", found: "60" });
    expect(code).toBe(1);
  });

  test("seed000 自评表!G15 weight 7 → 8: indicator weights + 10 add to 101, 总分 row states 100 (G24)", async () => {
    const { doc } = await checkMutated(SEED000, "weight-total.xlsx", (wb) => {
      sheet(wb, "自评表").getCell("G15").value = 8;
    });
    const form = formOf(doc, "自评表");
    const ws = only(form, "WEIGHT_SUM");
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ cell: "G24", severity: "error", expected: "101", found: "100" });
    // The changed weight also changes the rule's score of that row (8 × 4000/5000 = 6.4 ≠ 5.6): nothing else.
    expect(codesAt(form)).toEqual(["INDICATOR_SCORE_MISMATCH@H15", "WEIGHT_SUM@G24"]);
  });

  test("seed002 部门整体评价!D4 预算编制 10 → 11: parent D4 ≠ its children (5+5), B4 部门决策 20 ≠ 11+10, total row D22 100 ≠ 101", async () => {
    const { doc, code } = await checkMutated(SEED002, "weight-parent.xlsx", (wb) => {
      sheet(wb, "部门整体评价").getCell("D4").value = 11;
    });
    const form = formOf(doc, "部门整体评价");
    expect(codesAt(form)).toEqual(["WEIGHT_SUM@B4", "WEIGHT_SUM@D22", "WEIGHT_SUM@D4"]);
    const d4 = form.findings.find((f) => f.cell === "D4");
    expect(d4).toMatchObject({ severity: "error", expected: "10", found: "11" });
    expect(form.findings.find((f) => f.cell === "B4")).toMatchObject({ expected: "21", found: "20" });
    expect(form.findings.find((f) => f.cell === "D22")).toMatchObject({ expected: "101", found: "100" });
    expect(code).toBe(1);
  });
});

test("OVER_EXECUTION: seed000 自评表!E7 (and E8) 19.978525 → 60 > D7 53.861, rate cells 111.40%, score 10, total 90.86", async () => {
  const { doc, code } = await checkMutated(SEED000, "over.xlsx", (wb) => {
    const ws = sheet(wb, "自评表");
    ws.getCell("E7").value = 60;
    ws.getCell("E8").value = 60; // 其中 row still adds up
    ws.getCell("G7").value = 1.114; // 60/53.861 = 111.40% (0.00%)
    ws.getCell("G8").value = 1.114;
    ws.getCell("H7").value = 10; // rate capped at 100% × 10
    ws.getCell("H24").value = 90.86; // 84.57 − 3.71 + 10
  });
  const form = formOf(doc, "自评表");
  expect(codesAt(form)).toEqual(["OVER_EXECUTION@E7"]);
  expect(form.findings[0]).toMatchObject({ severity: "warning", expected: "53.861", found: "60" });
  expect(form.funds?.score).toBe("10");
  // A warning alone: exit 0.
  expect(code).toBe(0);
});

describe("GRADE_MISMATCH", () => {
  const withGrade = (g: string) => (wb: ExcelJS.Workbook) => {
    const ws = sheet(wb, "自评表");
    ws.getCell("A25").value = "等级";
    ws.getCell("B25").value = g;
  };

  test("seed000: 等级 label at A25 and 优 at B25 under the 总分 row (84.57 is 良)", async () => {
    const { doc, code } = await checkMutated(SEED000, "grade-wrong.xlsx", withGrade("优"));
    const form = formOf(doc, "自评表");
    expect(codesAt(form)).toEqual(["GRADE_MISMATCH@B25"]);
    expect(form.findings[0]).toMatchObject({ severity: "error", expected: "良", found: "优" });
    // 84.57 = 3.71 + 0.26 + 5.6 + 5 + 5 + 5 + 6 + 4 + 10 + 30 + 10, both summed as stated and re-scored (良).
    expect(form.grade).toEqual({ stated: "优", computed: "良", review: "良" });
    expect(code).toBe(1);
  });

  test("control: the right grade (良好) at B25 is no finding", async () => {
    const { doc, code } = await checkMutated(SEED000, "grade-right.xlsx", withGrade("良好"));
    const form = formOf(doc, "自评表");
    expect(codesAt(form)).toEqual([]);
    expect(form.grade).toEqual({ stated: "良好", computed: "良", review: "良" });
    expect(code).toBe(0);
  });
});

test('UNREADABLE_VALUE: seed000 自评表!G16 weight 5 → "abc" (info; the weights then add to 95, so WEIGHT_SUM at G24 too)', async () => {
  const { doc } = await checkMutated(SEED000, "unreadable.xlsx", (wb) => {
    sheet(wb, "自评表").getCell("G16").value = "abc";
  });
  const form = formOf(doc, "自评表");
  const u = only(form, "UNREADABLE_VALUE");
  expect(u).toHaveLength(1);
  expect(u[0]).toMatchObject({ cell: "G16", severity: "info", found: "abc" });
  expect(u[0].message).toContain("abc");
  expect(codesAt(form)).toEqual(["UNREADABLE_VALUE@G16", "WEIGHT_SUM@G24"]);
  expect(form.indicators.find((i) => i.cell === "H16")?.weight).toBeUndefined();
});

test("every code of the core pack is shown by a seed or a mutation here", () => {
  // Seeds (seeds.test.ts): FUNDS_BREAKDOWN BUDGET_SCORE_MISMATCH MISSING_TOTAL QUALITATIVE_BAND MISSING_REASON
  // SCORE_EXCEEDS_WEIGHT MISSING_ACTUAL INDICATOR_SCORE_MISMATCH; program-written.test.ts: FORMULA_NOT_CALCULATED
  // TOTAL_NOT_NUMBER (seed000 with formulas and totals changed); this file: the rest.
  const shown = [
    "FUNDS_BREAKDOWN",
    "BUDGET_SCORE_MISMATCH",
    "MISSING_TOTAL",
    "QUALITATIVE_BAND",
    "MISSING_REASON",
    "SCORE_EXCEEDS_WEIGHT",
    "MISSING_ACTUAL",
    "INDICATOR_SCORE_MISMATCH",
    "EXECRATE_MISMATCH",
    "TOTAL_MISMATCH",
    "WEIGHT_SUM",
    "OVER_EXECUTION",
    "GRADE_MISMATCH",
    "UNREADABLE_VALUE",
    "FORMULA_NOT_CALCULATED",
    "TOTAL_NOT_NUMBER",
  ];
  expect([...shown].sort()).toEqual(core.checks.map((c) => c.meta.code).sort());
});

/*
 * A stated figure holding more digits than it shows — a formula's result such as =E7/D7 in a 0.00%
 * cell, or a SUM with binary noise — is compared as displayed (Excel: 15 significant digits,
 * rounded to the cell's format), so none of these is a finding.
 */
describe("stated figures are compared as displayed, not at full binary precision", () => {
  test("seed000 自评表!G7 = the formula E7/D7 (cached 0.37092747999…, shown 37.09%): no EXECRATE_MISMATCH", async () => {
    const { doc } = await checkMutated(SEED000, "bug-rate-formula.xlsx", (wb) => {
      sheet(wb, "自评表").getCell("G7").value = {
        formula: "E7/D7",
        result: 19.978525 / 53.861,
      } as ExcelJS.CellFormulaValue;
    });
    expect(codesAt(formOf(doc, "自评表"))).toEqual([]);
  });

  test("seed000 自评表!H24 = SUM(H7,H14:H23) with a cached 84.57000000000001 (shown 84.57): no TOTAL_MISMATCH", async () => {
    const { doc } = await checkMutated(SEED000, "bug-total-noise.xlsx", (wb) => {
      sheet(wb, "自评表").getCell("H24").value = {
        formula: "SUM(H7,H14:H23)",
        result: 84.57000000000001,
      } as ExcelJS.CellFormulaValue;
    });
    expect(codesAt(formOf(doc, "自评表"))).toEqual([]);
  });

  test("seed000 自评表!H7 = 3.7092747999 shown as 3.71 (0.00): no BUDGET_SCORE_MISMATCH", async () => {
    const { doc } = await checkMutated(SEED000, "bug-score-digits.xlsx", (wb) => {
      const ws = sheet(wb, "自评表");
      ws.getCell("H7").value = 3.7092747999;
      ws.getCell("H7").numFmt = "0.00";
      ws.getCell("H24").value = { formula: "SUM(H7,H14:H23)", result: 84.5692747999 } as ExcelJS.CellFormulaValue;
      ws.getCell("H24").numFmt = "0.00";
    });
    expect(codesAt(formOf(doc, "自评表"))).toEqual([]);
  });
});
