/**
 * GRADE_MISMATCH: a stated 等级 that is not the grade band of the stated total (or, without one,
 * of the stated scores' sum): 优 ≥90, 良 ≥80, 中 ≥60, 差 below (the policy's grade bands).
 * Source: 财预〔2020〕10号 (评分与评级相结合：90（含）以上为优、80（含）–90 为良、60（含）–80 为中、60 以下为差).
 */
import { formatDecimal } from "../decimal";
import { grade } from "../rules";
import type { Check } from "./types";
import { isBlank } from "./values";

const SYNONYMS: Record<string, string> = { 优秀: "优", 良好: "良", 中等: "中", 合格: "中", 较差: "差", 不合格: "差" };

/** The grade a stated text names: "优秀" → 优, "良" → 良. */
export function gradeNamed(text: string): string {
  const t = text.replace(/\s+/g, "");
  return SYNONYMS[t] ?? t.slice(0, 1);
}

export const gradeMismatch: Check = {
  meta: {
    code: "GRADE_MISMATCH",
    severity: "error",
    title: "CHECK_GRADE_MISMATCH",
    source: "SOURCE_MOF_GRADES",
    fix: "FIX_GRADE_MISMATCH",
    messages: ["GRADE_MISMATCH"],
    forms: ["project"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    const gf = ev.form.total?.grade;
    if (ev.kind !== "project" || !gf || isBlank(gf)) return;
    const base = ev.totals.stated?.value ?? ev.totals.computed;
    const expected = grade(base, ctx.policy).grade;
    const found = String(gf.value).trim();
    if (gradeNamed(found) === expected) return;
    ctx.report(gf, "GRADE_MISMATCH", { found, expected, total: formatDecimal(base) }, expected, found);
  },
};
