/**
 * FORMULA_NOT_CALCULATED — source: this tool's guarantee (a value a rule needs is reported, never
 * guessed or skipped). Issue 10: a form whose scores are all formulas without saved results printed
 * "总分 —/0 差" and no finding.
 */
import { checkForm } from "../../../src/engine/checks";
import { figureCells, formulaNotCalculated } from "../../../src/engine/checks/formula-not-calculated";
import { getPolicy } from "../../../src/engine/policy";
import { scoreTable } from "../../helpers/form-builder";
import { codes, run } from "./base";

/** A formula cell as a program writes it: the formula, no cached value. */
const bare = (formula: string) => ({ value: null, formula });

test("meta: warning, cites the tool's guarantee", () => {
  expect(formulaNotCalculated.meta).toMatchObject({ severity: "warning", source: "SOURCE_TOOL_UNREADABLE" });
});

test("every score and the total written as formulas with no result: one finding on each cell, saying what to do", () => {
  const r = run((s) => {
    s.indicators.forEach((ind, i) => (ind.score = bare(`=F${11 + i}`)));
    s.total = { weight: 100, score: bare("=SUM(G11:G15)+H3"), grade: "优" };
  });
  expect(codes(r).filter((c) => c.startsWith("FORMULA_NOT_CALCULATED"))).toEqual([
    "FORMULA_NOT_CALCULATED@G11",
    "FORMULA_NOT_CALCULATED@G12",
    "FORMULA_NOT_CALCULATED@G13",
    "FORMULA_NOT_CALCULATED@G14",
    "FORMULA_NOT_CALCULATED@G15",
    "FORMULA_NOT_CALCULATED@G16",
  ]);
  const total = r.findings.find((f) => f.cell === "G16")!;
  expect(total).toMatchObject({ severity: "warning", found: "=SUM(G11:G15)+H3" });
  expect(total.message).toEqual({
    zh: "公式 =SUM(G11:G15)+H3 没有保存的计算结果（文件不是由 Excel 或 WPS 保存的）：在 Excel 或 WPS 中打开并保存工作簿后才能复核这个数字",
    en: "The formula =SUM(G11:G15)+H3 has no saved result (the file was not saved by Excel or WPS): this figure can be checked once the workbook is opened and saved in Excel or WPS",
  });
  // Not also reported as a blank or a text total.
  expect(codes(r)).not.toContain("TOTAL_NOT_NUMBER@G16");
});

test("amounts, rates and weights too; a formula with its saved result is not reported", () => {
  const r = run((s) => {
    s.funds!.executed = bare("=SUM(E4:E5)");
    s.funds!.rate = bare("=E3/D3");
    s.indicators[0].weight = bare("=20");
    s.indicators[1].score = { value: 15, formula: "=F12" };
  });
  expect(codes(r).filter((c) => c.startsWith("FORMULA_NOT_CALCULATED"))).toEqual([
    "FORMULA_NOT_CALCULATED@E3",
    "FORMULA_NOT_CALCULATED@G3",
    "FORMULA_NOT_CALCULATED@F11",
  ]);
});

test("score tables: leaf scores and level weights", () => {
  const form = scoreTable([["决策", 20, "立项", bare("=20"), bare("=D3")]], { weights: [100, 100], score: 20 });
  expect(figureCells(form).map((f) => f.cell)).toEqual(["B3", "D3", "E3", "B4", "D4", "E4"]);
  const r = checkForm(form, getPolicy("national"));
  expect(r.findings.filter((f) => f.code === "FORMULA_NOT_CALCULATED").map((f) => f.cell)).toEqual(["D3", "E3"]);
});
