/** UNREADABLE_VALUE — source: this tool's guarantee (a value a rule needs is reported, never guessed or skipped). */
import { unreadableValue } from "../../../src/engine/checks/unreadable-value";
import { codes, run } from "./base";

test("meta: info", () => {
  expect(unreadableValue.meta).toMatchObject({ severity: "info", source: "SOURCE_TOOL_UNREADABLE" });
});

test("a weight, a score and an amount that are not numbers; a dash is not reported", () => {
  const r = run((s) => {
    s.indicators[0].weight = "二十";
    s.indicators[1].score = "满分";
    s.funds!.budget = "一百万";
    s.indicators[2].score = "—";
  });
  expect(codes(r)).toEqual(
    expect.arrayContaining(["UNREADABLE_VALUE@D3", "UNREADABLE_VALUE@F11", "UNREADABLE_VALUE@G12"]),
  );
  expect(codes(r)).not.toContain("UNREADABLE_VALUE@G13");
});

test("units that differ: the reason in both languages on the actual cell", () => {
  const r = run((s) => {
    s.indicators[0].actual = "3万元";
    s.indicators[0].reason = "x";
  });
  const f = r.findings.find((x) => x.code === "UNREADABLE_VALUE")!;
  expect(f.cell).toBe("E11");
  expect(f.message).toEqual({
    zh: "无法读取：单位不一致：指标值“人”，完成值“万元”",
    en: 'Could not read: units differ: target "人", actual "万元"',
  });
  // Not re-scorable: the stated 20 is kept in the review.
  expect(r.indicators[0].review).toBe("20");
});
