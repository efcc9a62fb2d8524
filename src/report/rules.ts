/**
 * The rules in force: a policy, the rule packs it names, and each pack's checks with their code,
 * Chinese (or English) name, severity, source and fix hint — for `perf-check --rules` and for the
 * reports, which show each code by its name. Pure.
 */
import { PACKS, packsOf } from "../engine/checks";
import type { Policy } from "../engine/types";
import { t, type Lang, type StringKey } from "../i18n/strings";

export interface RuleInfo {
  code: string;
  name: string;
  severity: string;
  source: string;
  fix: string;
}

export interface PackInfo {
  name: string;
  label: string;
  source: string;
  rules: RuleInfo[];
}

export interface RulesInForce {
  policy: { name: string; label: string; source: string };
  packs: PackInfo[];
}

/** The policy, its packs in order, and every check of each pack, in one language. */
export function rulesInForce(policy: Policy, lang: Lang): RulesInForce {
  return {
    policy: { name: policy.name, label: policy.label[lang], source: policy.source },
    packs: packsOf(policy).map((p) => ({
      name: p.name,
      label: t(lang, p.label),
      source: t(lang, p.source),
      rules: p.checks.map(({ meta }) => ({
        code: meta.code,
        name: t(lang, meta.title),
        severity: meta.severity,
        source: t(lang, meta.source),
        fix: t(lang, meta.fix),
      })),
    })),
  };
}

/** The codes of findings about a whole file, which no check module declares (perf-check's own). */
const FILE_CODES: Record<string, { title: StringKey; fix: StringKey }> = {
  NO_FORM: { title: "CHECK_NO_FORM", fix: "FIX_NO_FORM" },
  FILE_ERROR: { title: "CHECK_FILE_ERROR", fix: "FIX_FILE_ERROR" },
  FILE_SKIPPED: { title: "CHECK_FILE_SKIPPED", fix: "FIX_FILE_SKIPPED" },
};

const CHECKS = new Map<string, { title: StringKey; fix: StringKey }>([
  ...Object.entries(FILE_CODES),
  ...Object.values(PACKS).flatMap((p) => p.checks.map((c): [string, typeof c.meta] => [c.meta.code, c.meta])),
]);

/** A finding code's name ("得分超过分值", "未找到绩效自评表"); an unknown code is its own name. */
export function codeName(code: string, lang: Lang): string {
  const meta = CHECKS.get(code);
  return meta ? t(lang, meta.title) : code;
}

/** A finding code's fix hint, or "" for an unknown code. */
export function codeFix(code: string, lang: Lang): string {
  const meta = CHECKS.get(code);
  return meta ? t(lang, meta.fix) : "";
}

/** A severity in the report's language: 错误 / 警告 / 提示. */
export function severityName(severity: string, lang: Lang): string {
  return ["error", "warning", "info"].includes(severity) ? t(lang, `SEV_${severity}` as StringKey) : severity;
}

/** The text `perf-check --rules` prints: policy, then each pack, then each check on its own lines. */
export function renderRules(policy: Policy, lang: Lang): string {
  const r = rulesInForce(policy, lang);
  const sep = lang === "zh" ? "：" : ": ";
  const source = t(lang, "RULES_SOURCE") + sep;
  const lines = [
    `${t(lang, "RULES_POLICY")}${sep}${r.policy.name} — ${r.policy.label}`,
    `  ${source}${r.policy.source}`,
  ];
  for (const p of r.packs) {
    lines.push("", `${t(lang, "RULES_PACK")}${sep}${p.name} — ${p.label}`, `  ${source}${p.source}`);
    for (const rule of p.rules) {
      lines.push(`  ${rule.code}  ${rule.name}  [${severityName(rule.severity, lang)}]`);
      lines.push(`      ${source}${rule.source}`);
    }
  }
  return lines.join("\n") + "\n";
}
