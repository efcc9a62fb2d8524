/**
 * `perf-check --rules`: the rules in force — the policy, its packs in order, each check with its code,
 * name, severity and source — in zh and en; and what the reports name (policy and packs).
 */
import { PACKS } from "../../src/engine/checks";
import { getPolicy } from "../../src/engine/policy";
import { renderRules, rulesInForce } from "../../src/report";
import { runCli } from "../helpers/xlsx-builders";

test("national: core then review, every check of each with its name, severity and source", () => {
  const r = rulesInForce(getPolicy("national"), "zh");
  expect(r.policy).toMatchObject({ name: "national", label: "全国通行（财预〔2020〕10号）" });
  expect(r.packs.map((p) => [p.name, p.label])).toEqual([
    ["core", "自评表计算核对"],
    ["review", "复核要点"],
  ]);
  expect(r.packs.map((p) => p.rules.length)).toEqual([PACKS.core.checks.length, PACKS.review.checks.length]);
  expect(r.packs[1].rules.find((x) => x.code === "COST_TARGET_LOWER_BOUND")).toEqual({
    code: "COST_TARGET_LOWER_BOUND",
    name: "成本指标写成下限（≥）",
    severity: "warning",
    source: "财预〔2021〕101号 指引：成本指标反映成本控制要求，指标值为控制上限（≤）",
    fix: "把成本指标写成控制上限，如“≤50万元”",
  });
});

test("the text in both languages names every code once, its severity and source", () => {
  for (const lang of ["zh", "en"] as const) {
    const text = renderRules(getPolicy("spend-ratio"), lang);
    for (const pack of Object.values(PACKS))
      for (const c of pack.checks)
        expect(text.split("\n").filter((l) => l.startsWith(`  ${c.meta.code}  `))).toHaveLength(1);
    expect(text.split("\n")[0]).toBe(
      lang === "zh"
        ? "规则集：spend-ratio — 成本指标按支出比例（包头）"
        : "Policy: spend-ratio — Cost indicators by spend ratio (Baotou)",
    );
  }
  expect(renderRules(getPolicy(), "en")).toContain(
    "  DUPLICATE_INDICATOR  Indicator set twice  [Warning]\n      Source: Review practice:",
  );
});

test("perf-check --rules prints them and exits 0 with no path; --policy picks the policy; no path otherwise is usage (2)", async () => {
  const zh = await runCli(["--rules", "--policy", "budget-20"]);
  expect(zh.code).toBe(0);
  expect(zh.out).toBe(renderRules(getPolicy("budget-20"), "zh"));
  const en = await runCli(["--rules", "--lang", "en"]);
  expect(en.out).toContain("Rule pack: review — Review points");
  const none = await runCli([]);
  expect(none.code).toBe(2);
  expect(none.err).toContain("--rules");
});
