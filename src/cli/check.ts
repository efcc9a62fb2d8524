/**
 * perf-check's checking of a workbook and its JSON shapes now live in the pure pipeline
 * (src/pipeline/check.ts), shared with the web checker; re-exported here for the CLI's modules.
 */
export * from "../pipeline/check";
