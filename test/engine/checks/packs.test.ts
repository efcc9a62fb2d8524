/**
 * Rule packs (src/engine/checks/packs.ts): every check is one module with its meta (code, severity,
 * title, source, fix, message keys), listed in a named pack that a policy chooses.
 */
import { checksOf, core, PACKS, packsOf, review, SEVERITY } from "../../../src/engine/checks";
import { getPolicy, policyFromJson, PolicyError } from "../../../src/engine/policy";
import { STRINGS } from "../../../src/i18n/strings";

test("core holds the sixteen checks of the self-evaluation table, each code once", () => {
  expect(core.checks.map((c) => c.meta.code).sort()).toEqual(
    [
      "BUDGET_SCORE_MISMATCH",
      "EXECRATE_MISMATCH",
      "FORMULA_NOT_CALCULATED",
      "FUNDS_BREAKDOWN",
      "GRADE_MISMATCH",
      "INDICATOR_SCORE_MISMATCH",
      "MISSING_ACTUAL",
      "MISSING_REASON",
      "MISSING_TOTAL",
      "OVER_EXECUTION",
      "QUALITATIVE_BAND",
      "SCORE_EXCEEDS_WEIGHT",
      "TOTAL_MISMATCH",
      "TOTAL_NOT_NUMBER",
      "UNREADABLE_VALUE",
      "WEIGHT_SUM",
    ].sort(),
  );
});

test("every check's title, source, fix and messages are in the string table in both languages", () => {
  for (const pack of Object.values(PACKS)) {
    for (const { meta } of pack.checks) {
      for (const key of [meta.title, meta.source, meta.fix, ...meta.messages]) {
        expect([meta.code, key, !!STRINGS[key]?.zh, !!STRINGS[key]?.en]).toEqual([meta.code, key, true, true]);
      }
      expect(SEVERITY[meta.code]).toBe(meta.severity);
    }
  }
});

test("a policy names its packs; unknown names are refused when the checks run", () => {
  for (const name of ["national", "linear", "spend-ratio", "budget-20"])
    expect(packsOf(getPolicy(name)).map((p) => p.name)).toEqual(["core", "review"]);
  expect(checksOf(getPolicy("spend-ratio"))).toHaveLength(core.checks.length + review.checks.length);
  expect(checksOf(policyFromJson({ name: "core-only", packs: ["core"] }))).toHaveLength(core.checks.length);
  const p = policyFromJson({ name: "x", packs: ["core", "nowhere"] });
  expect(() => packsOf(p)).toThrow(PolicyError);
  expect(() => policyFromJson({ name: "y", packs: [] })).toThrow(PolicyError);
});
