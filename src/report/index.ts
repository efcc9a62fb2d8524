/**
 * The reviewer's reports, rendered from a run (types.ts) without fs or a clock, so a browser renders
 * the same bytes: HTML, CSV, XLSX, the text output, the JSON document, the batch summary and the
 * rules in force. The CLI (src/cli/report.ts) only writes what these return.
 */
export * from "./types";
export { summarize, allFull, UNSCORED, DEVIATION_LIMIT, HIGH_SELF, LOW_RATE, RATE_BANDS } from "./summary";
export type { BatchSummary, FormRef, GradeCount, BandCount } from "./summary";
export { renderHtml } from "./html";
export { renderCsv, csvCell } from "./csv";
export { renderXlsx, reportSheets } from "./xlsx";
export { renderText, policyLine } from "./text";
export { jsonDocument } from "./json";
export { rulesInForce, renderRules, codeName, codeFix, severityName } from "./rules";
export { escapeHtml, plain, summaryLine } from "./format";
