/**
 * The batch summary the page shows above its table of forms: perf-check's own (src/report
 * summarize, the counts every report and the JSON document give) over the files whose entry is
 * known so far — the skipped and unreadable at once, the others as the worker answers — so it
 * grows while the batch runs and is the report's when it has finished. Pure.
 */
import type { Policy } from "../../engine/types";
import type { StringKey } from "../../i18n/strings";
import { summarize, type BatchSummary, type FormRef } from "../../report/summary";
import type { ReportFile } from "../../report/types";

export interface PageSummary {
  summary: BatchSummary;
  /** For each file the summary counted (its FormRef.file), the page's row index. */
  rowOf: number[];
}

/**
 * The summary of the entries known so far, in the page's row order (`entries[i]` is row i's
 * entry, undefined while it waits for the worker) under `policy`.
 */
export function pageSummary(entries: readonly (ReportFile | undefined)[], policy: Policy): PageSummary {
  const rowOf: number[] = [];
  const files: ReportFile[] = [];
  entries.forEach((e, i) => {
    if (e) {
      rowOf.push(i);
      files.push(e);
    }
  });
  return { summary: summarize(files, policy), rowOf };
}

/** The key of a form's row in the table of forms (src/web/model/rows.ts FormRow.key). */
export function rowKey(p: PageSummary, ref: FormRef): string {
  return `${p.rowOf[ref.file]}:${ref.form}`;
}

/** A count the summary shows, with its label's key in the string table. */
export interface SummaryCount {
  key: keyof BatchSummary;
  label: StringKey;
  n: number;
  /** Drawn as a problem when above zero. */
  tone?: "danger" | "warning";
}

/**
 * The counts of a summary in the order the page shows them: files by what became of them, forms by
 * kind, findings by severity. (`converted` is left out: a browser converts nothing, so it is 0.)
 */
export function summaryCounts(s: BatchSummary): SummaryCount[] {
  return [
    { key: "files", label: "WEB_SUMMARY_FILES", n: s.files },
    { key: "checked", label: "WEB_SUMMARY_CHECKED", n: s.checked },
    { key: "unreadable", label: "WEB_STATUS_UNREADABLE", n: s.unreadable, tone: "danger" },
    { key: "skipped", label: "WEB_STATUS_SKIPPED", n: s.skipped },
    { key: "forms", label: "WEB_SUMMARY_FORMS", n: s.forms },
    { key: "projectForms", label: "WEB_SUMMARY_PROJECT_FORMS", n: s.projectForms },
    { key: "scoreTables", label: "WEB_SUMMARY_SCORE_TABLES", n: s.scoreTables },
    { key: "unscored", label: "WEB_UNSCORED", n: s.unscored },
    { key: "errors", label: "REPORT_errors", n: s.errors, tone: "danger" },
    { key: "warnings", label: "REPORT_warnings", n: s.warnings, tone: "warning" },
    { key: "infos", label: "REPORT_info", n: s.infos },
  ];
}
