/** SCORE_EXCEEDS_WEIGHT — source: 财预〔2020〕10号 (each item is scored within the weight it is given). */
import { checkForm } from "../../../src/engine/checks";
import { scoreExceedsWeight } from "../../../src/engine/checks/score-exceeds-weight";
import { national } from "../../../src/engine/policy";
import { scoreTable } from "../../helpers/form-builder";
import { codes, run } from "./base";

test("meta: error, cites 财预〔2020〕10号", () => {
  expect(scoreExceedsWeight.meta).toMatchObject({
    code: "SCORE_EXCEEDS_WEIGHT",
    severity: "error",
    source: "SOURCE_MOF_SCORING",
  });
});

test("an indicator scored 22 on a weight of 20", () => {
  const r = run((s) => {
    s.indicators[0].score = 22;
    s.total = { weight: 100, score: 99, grade: "优" };
  });
  expect(codes(r)).toEqual(["SCORE_EXCEEDS_WEIGHT@G11"]);
  expect(r.findings[0]).toMatchObject({ expected: "20", found: "22" });
  expect(r.findings[0].message).toEqual({ zh: "得分 22 超过分值 20", en: "Score 22 exceeds its weight 20" });
  // The review caps nothing here: the row is quantitative and re-scored by rule (20).
  expect(r.indicators[0].review).toBe("20");
});

test("the budget score 12 on the block's weight of 10 (not a mismatch as well)", () => {
  const r = run((s) => {
    s.funds!.score = 12;
    s.total = { weight: 100, score: 100, grade: "优" };
  });
  expect(codes(r)).toEqual(["SCORE_EXCEEDS_WEIGHT@H3"]);
});

test("a score-table leaf scored 6 on a weight of 5", () => {
  const form = scoreTable([
    ["投入", 10, "预算编制", 5, 6],
    ["投入", 10, "目标设置", 5, 5],
  ]);
  const r = checkForm(form, national);
  expect(r.findings.filter((f) => f.code === "SCORE_EXCEEDS_WEIGHT").map((f) => f.cell)).toEqual(["E3"]);
  // Review: the score table's stated scores are kept, capped at the weight: 5 + 5.
  expect(r.total.review).toBe("10");
});
