/**
 * perf-check's text output: the policy and packs first, then per file its forms — 自评 / 复核 / 偏差
 * with both grades (未评分 where the unit scored nothing) and the finding counts — and their
 * findings, then the summary line. Unreadable files go to the error lines. Pure.
 */
import { t } from "../i18n/strings";
import { counts, figures, summaryLine } from "./format";
import { rulesInForce } from "./rules";
import { summarize } from "./summary";
import type { ReportRun } from "./types";

export interface TextOutput {
  /** Lines for stdout. */
  out: string[];
  /** Lines for stderr (unreadable files). */
  err: string[];
}

/** The policy line: "规则集：national（全国通行…）；规则包：core、review". */
export function policyLine(run: Pick<ReportRun, "policy" | "lang">): string {
  const r = rulesInForce(run.policy, run.lang);
  return t(run.lang, "CLI_POLICY_LINE", {
    name: r.policy.name,
    label: r.policy.label,
    packs: r.packs.map((p) => p.name).join(t(run.lang, "LIST_SEPARATOR")),
  });
}

export function renderText(run: ReportRun): TextOutput {
  const { lang } = run;
  const out = [policyLine(run)];
  const err: string[] = [];
  for (const f of run.files) {
    if (f.error !== undefined) {
      err.push(`${f.file}: ${t(lang, "CLI_ERROR")}: ${f.error}`);
      continue;
    }
    out.push(f.file);
    for (const x of f.findings ?? []) out.push(`  ${x.severity.padEnd(7)} ${x.cell.padEnd(5)} ${x.code}: ${x.message}`);
    for (const form of f.forms) {
      const c = counts(form.findings);
      const n = figures(form, lang);
      const scores = t(lang, "CLI_FORM_SCORES", {
        self: form.self ? `${n.self} ${n.selfGrade}` : n.self,
        review: `${n.review} ${n.reviewGrade}`,
        deviation: n.deviation || "—",
      });
      out.push(`  ${form.sheet}!${form.range} ${form.name ?? ""}  ${scores}  ${c.error}E ${c.warning}W ${c.info}I`);
      for (const x of form.findings)
        out.push(`    ${x.severity.padEnd(7)} ${x.cell.padEnd(5)} ${x.code}: ${x.message}`);
    }
  }
  out.push(summaryLine(summarize(run.files, run.policy), lang));
  return { out, err };
}
