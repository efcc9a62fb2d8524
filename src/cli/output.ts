/**
 * What perf-check prints: the text lines for a terminal (or a pipe), the summary line, and the
 * JSON document. Every file handed over is printed, whatever became of it.
 *
 * Text taken from cells or file names never reaches the terminal raw: line breaks and control
 * characters (ESC and the rest of C0 and C1, bidirectional overrides) are shown as visible symbols,
 * so a cell cannot clear the screen, retitle the window or forge a line of output (plain()).
 */
import type { GradeBand } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang, StringKey } from "../i18n/strings";
import { JsonFile, JsonFinding, summarize } from "./check";

/**
 * Text safe to print on one line: CR/LF and the other line breaks become "↵", C0 controls and DEL
 * their Unicode control pictures ("␛" for ESC), C1 controls and bidirectional controls "�".
 */
export function plain(s: unknown): string {
  return (
    String(s ?? "")
      .replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, "↵")
      .replace(/\t/g, " ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
      .replace(/\u007f/g, "\u2421")
      .replace(/[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "\ufffd")
  );
}

type Counted = "FILES" | "FORMS" | "ERRORS" | "WARNINGS";

/** "1 form", "2 forms"; "1 张表". */
export function countOf(lang: Lang, what: Counted, n: number): string {
  const key = (n === 1 ? `CLI_COUNT_${what}_ONE` : `CLI_COUNT_${what}`) as StringKey;
  return t(lang, key, { n });
}

/** The summary: every file counted as checked (converted ones among them), unreadable or skipped. */
export function summaryLine(files: readonly JsonFile[], lang: Lang): string {
  const s = summarize(files);
  return t(lang, "CLI_SUMMARY", {
    files: countOf(lang, "FILES", s.files),
    checked: s.checked,
    converted: s.converted,
    unreadable: s.unreadable,
    skipped: s.skipped,
    forms: countOf(lang, "FORMS", s.forms),
    errors: countOf(lang, "ERRORS", s.errors),
    warnings: countOf(lang, "WARNINGS", s.warnings),
  });
}

/** A severity (or "layout") in the output language, padded so the columns after it line up. */
function label(lang: Lang, key: StringKey): string {
  const s = t(lang, key);
  return lang === "en" ? s.toLowerCase().padEnd(7) : s;
}

/** "警告 H15   CODE: message"; a file-level finding has no cell column. */
function findingLine(lang: Lang, x: JsonFinding): string {
  const cell = x.cell ? `${plain(x.cell).padEnd(5)} ` : "";
  return `${label(lang, `SEV_${x.severity}` as StringKey)} ${cell}${x.code}: ${plain(x.message)}`;
}

/**
 * The text output: for each file its name, then its file-level findings, forms (total, grade,
 * counts), their findings and their layout problems; unreadable files on `err`, skipped ones with
 * their reason on `out`. The summary line is not included. `grades`: the policy's grade bands, for
 * their English names.
 */
export function renderText(
  files: readonly JsonFile[],
  lang: Lang,
  out: (s: string) => void,
  err: (s: string) => void,
  grades: readonly GradeBand[] = [],
): void {
  // In English a grade the policy knows gets its English name: "良 (Good)".
  const gradeText = (g: string) => {
    const band = lang === "en" ? grades.find((b) => b.grade === g.trim()) : undefined;
    return band ? `${g} (${band.en})` : g;
  };
  for (const f of files) {
    const name = plain(f.file);
    if (f.status === "unreadable") {
      err(`${name}: ${t(lang, "CLI_ERROR")}: ${plain(f.error)}\n`);
      continue;
    }
    if (f.status === "skipped") {
      out(`${name}: ${t(lang, "CLI_SKIPPED")}: ${plain(f.skipped)}\n`);
      continue;
    }
    out(f.converted ? `${name}  (${t(lang, "CLI_CONVERTED_NOTE")})\n` : `${name}\n`);
    for (const x of f.findings) out(`  ${findingLine(lang, x)}\n`);
    for (const form of f.forms) {
      const e = form.findings.filter((x) => x.severity === "error").length;
      const w = form.findings.filter((x) => x.severity === "warning").length;
      const grade = gradeText(form.grade.stated ?? form.grade.computed ?? "");
      out(
        `  ${plain(form.sheet)}!${form.range} ${plain(form.name ?? "")}  ${t(lang, "CLI_TOTAL")} ${plain(form.total.stated ?? "—")}/${form.total.computed ?? "—"} ${plain(grade)}  ${e}E ${w}W\n`,
      );
      for (const x of form.findings) out(`    ${findingLine(lang, x)}\n`);
      for (const i of form.layoutIssues)
        out(
          `    ${label(lang, "CLI_LAYOUT")} ${plain(i.cell ?? "").padEnd(5)} ${plain(i.field)} ${i.kind}: ${plain(i.message)}\n`,
        );
    }
  }
}

/** The --json document: every file (its keys in one order), then the counts. */
export function jsonDocument(files: readonly JsonFile[]): string {
  const ordered = files.map((f) => ({
    file: f.file,
    status: f.status,
    converted: f.converted,
    error: f.error,
    skipped: f.skipped,
    findings: f.findings,
    forms: f.forms,
  }));
  return JSON.stringify({ files: ordered, summary: summarize(files) }, null, 2) + "\n";
}
