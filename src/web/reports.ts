/**
 * The run's downloads, rendered in the worker by the same pure modules perf-check writes them
 * with: the JSON document (src/pipeline), the HTML and CSV reports. Bytes out, UTF-8.
 */
import type { Policy } from "../engine/types";
import { t } from "../i18n/strings";
import type { Lang } from "../i18n/strings";
import { renderCsv, renderHtml } from "../cli/report";
import type { JsonFile } from "../pipeline/check";
import { jsonDocument } from "../pipeline/check-file";
import type { ReportKind } from "./protocol";

const utf8 = new TextEncoder();

export interface Rendered {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** A report of the run in `lang`, with the file name to save it under. */
export function renderReport(kind: ReportKind, files: JsonFile[], lang: Lang, policy: Policy): Rendered {
  void policy;
  const stem = t(lang, "WEB_REPORT_FILE");
  switch (kind) {
    case "json":
      return {
        name: "perf-check.json",
        mime: "application/json",
        bytes: utf8.encode(jsonDocument(files)),
      };
    case "html":
      return { name: `${stem}.html`, mime: "text/html", bytes: utf8.encode(renderHtml(files, lang)) };
    case "csv":
      return { name: `${stem}.csv`, mime: "text/csv", bytes: utf8.encode(renderCsv(files, lang)) };
    default:
      throw new Error(`report ${kind}`);
  }
}
