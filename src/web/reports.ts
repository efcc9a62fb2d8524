/**
 * The run's downloads, rendered in the worker by the same pure modules perf-check writes them
 * with (src/report): the JSON document, the HTML, CSV and XLSX reports. Bytes out; text in UTF-8.
 */
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import type { JsonFile } from "../pipeline/check";
import { jsonDocument, renderCsv, renderHtml, renderXlsx, type ReportRun } from "../report";
import type { ReportKind } from "./protocol";

/** The tool's version, set by the checker's build (webpack.checker.js) from package.json. */
declare const __PERF_VERSION__: string | undefined;
const VERSION = typeof __PERF_VERSION__ === "string" ? __PERF_VERSION__ : "dev";

const utf8 = new TextEncoder();

export interface Rendered {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** Today as YYYY-MM-DD, local time (the reports' date, as perf-check gives it). */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** A report of the run in `lang`, with the file name to save it under. */
export function renderReport(kind: ReportKind, files: JsonFile[], lang: Lang, policy: Policy): Rendered {
  const run: ReportRun = { files, lang, policy, date: today(), version: VERSION };
  const stem = t(lang, "WEB_REPORT_FILE");
  switch (kind) {
    case "json":
      return {
        name: "perf-check.json",
        mime: "application/json",
        bytes: utf8.encode(JSON.stringify(jsonDocument(run), null, 2) + "\n"),
      };
    case "html":
      return { name: `${stem}.html`, mime: "text/html", bytes: utf8.encode(renderHtml(run)) };
    case "csv":
      return { name: `${stem}.csv`, mime: "text/csv", bytes: utf8.encode(renderCsv(run)) };
    case "xlsx":
      return {
        name: `${stem}.xlsx`,
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes: renderXlsx(run),
      };
    default:
      throw new Error(`report ${String(kind)}`);
  }
}
