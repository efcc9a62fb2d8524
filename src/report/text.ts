/**
 * perf-check's text output: the policy and packs first, then every file handed over — a skipped
 * one with its reason, an unreadable one on the error lines, a checked one with its file-level
 * findings (NO_FORM) and its forms: 自评 / 复核 / 偏差 with both grades (未评分 where the unit scored
 * nothing) and the finding counts, their findings and their layout problems — then the summary
 * line. Text from cells or file names is printed through plain(), so it cannot forge a line or
 * drive the terminal. In English a grade the policy knows gets its English name: "良 (Good)". Pure.
 */
import { t, type Lang, type StringKey } from "../i18n/strings";
import { counts, figures, layoutFieldLabel, layoutKindLabel, plain, summaryLine } from "./format";
import { rulesInForce } from "./rules";
import { summarize } from "./summary";
import type { ReportFinding, ReportRun } from "./types";

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

/** A severity (or "layout") in the output language, padded in English so the columns after it line up. */
function label(lang: Lang, key: StringKey): string {
  const s = t(lang, key);
  return lang === "en" ? s.toLowerCase().padEnd(7) : s;
}

/** "警告 H15   CODE: message"; a file-level finding without a cell has no cell column. */
function findingLine(lang: Lang, x: ReportFinding): string {
  const cell = x.cell ? `${plain(x.cell).padEnd(5)} ` : "";
  return `${label(lang, `SEV_${x.severity}` as StringKey)} ${cell}${x.code}: ${plain(x.message)}`;
}

export function renderText(run: ReportRun): TextOutput {
  const { lang } = run;
  const gradeText = (g: string) => {
    const band = lang === "en" ? run.policy.grades.find((b) => b.grade === g.trim()) : undefined;
    return plain(band ? `${g} (${band.en})` : g);
  };
  const out = [policyLine(run)];
  const err: string[] = [];
  for (const f of run.files) {
    const name = plain(f.file);
    if (f.status === "unreadable") {
      err.push(`${name}: ${t(lang, "CLI_ERROR")}: ${plain(f.error)}`);
      continue;
    }
    if (f.status === "skipped") {
      out.push(`${name}: ${t(lang, "CLI_SKIPPED")}: ${plain(f.skipped)}`);
      continue;
    }
    out.push(f.converted ? `${name}  (${t(lang, "CLI_CONVERTED_NOTE")})` : name);
    for (const x of f.findings) out.push(`  ${findingLine(lang, x)}`);
    for (const form of f.forms) {
      const c = counts(form.findings);
      const n = figures(form, lang);
      const scores = t(lang, "CLI_FORM_SCORES", {
        self: form.self ? `${n.self} ${gradeText(n.selfGrade)}` : n.self,
        review: `${n.review} ${gradeText(n.reviewGrade)}`,
        deviation: n.deviation || "—",
      });
      out.push(
        `  ${plain(form.sheet)}!${form.range} ${plain(form.name ?? "")}  ${scores}  ${c.error}E ${c.warning}W ${c.info}I`,
      );
      for (const x of form.findings) out.push(`    ${findingLine(lang, x)}`);
      for (const i of form.layoutIssues ?? [])
        out.push(
          `    ${label(lang, "CLI_LAYOUT")} ${plain(i.cell ?? "").padEnd(5)} ${t(lang, "CLI_LAYOUT_FIELD", { field: layoutFieldLabel(i.field, lang), kind: layoutKindLabel(i.kind, lang) })}: ${plain(i.message)}`,
        );
    }
  }
  out.push(summaryLine(summarize(run.files, run.policy), lang));
  return { out, err };
}
