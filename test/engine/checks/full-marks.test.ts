/**
 * FULL_MARKS_NO_REASON — source: 财预〔2020〕10号 (fair evaluation; deviations explained) and public
 * 复核 practice (spot-check notices single out forms scored full everywhere with nothing explained).
 */
import { fullMarks } from "../../../src/engine/checks/full-marks";
import { checkForm } from "../../../src/engine/checks";
import { national } from "../../../src/engine/policy";
import { projectForm } from "../../helpers/form-builder";
import { codes, good, run } from "./base";

test("meta: info (a sign, not a fault), cites the review practice", () => {
  expect(fullMarks.meta).toMatchObject({ severity: "info", source: "SOURCE_REVIEW_FULL_MARKS" });
});

/** The base form scored full everywhere: 9 + 20 + 15 + 15 + 30 + 10 = 99. */
const allFull = (reason: string | null) =>
  run((s) => {
    s.indicators[3].score = 30;
    s.indicators[3].reason = reason;
    s.total = { weight: 100, score: 99, grade: "优" };
  });

test("every indicator full and no reason anywhere: one note on the total cell", () => {
  const r = allFull(null);
  expect(codes(r)).toEqual(["FULL_MARKS_NO_REASON@G16"]);
  expect(r.findings[0].message.zh).toBe("全部 5 项指标均为满分，偏差原因一栏全部为空");
});

test("“无” says nothing either; one real reason, or one indicator short of full, and it is not flagged", () => {
  expect(codes(allFull("无"))).toEqual(["FULL_MARKS_NO_REASON@G16"]);
  expect(codes(allFull("经验收全部达标"))).toEqual([]);
  expect(codes(run())).toEqual([]); // 28 of 30 on the 效益 row
});

test("a form without a 偏差原因 column gave nowhere to write: not flagged", () => {
  const spec = good();
  spec.indicators[3].score = 30;
  spec.indicators[3].reason = null;
  spec.total = { weight: 100, score: 99, grade: "优" };
  const form = projectForm(spec);
  delete form.columns.reason;
  for (const i of form.indicators) delete i.reason;
  expect(checkForm(form, national).findings.map((f) => f.code)).toEqual([]);
});
