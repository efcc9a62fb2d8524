/**
 * perf-check's --json document: the policy in force (name, label, packs), every file as before
 * (`{ file, forms }` or `{ file, error, forms: [] }`), and the batch summary (summary.ts) — the
 * same counts the other outputs show. Pure.
 */
import { rulesInForce } from "./rules";
import { summarize, type BatchSummary } from "./summary";
import type { ReportRun } from "./types";

export interface JsonDocument {
  policy: { name: string; label: string; packs: string[] };
  files: unknown[];
  summary: BatchSummary;
}

export function jsonDocument(run: ReportRun): JsonDocument {
  const r = rulesInForce(run.policy, run.lang);
  return {
    policy: { name: r.policy.name, label: r.policy.label, packs: r.packs.map((p) => p.name) },
    files: run.files.map((f) => {
      const rest = { ...f };
      delete rest.rel;
      delete rest.annotated;
      return rest.error !== undefined ? { file: rest.file, error: rest.error, forms: [] } : rest;
    }),
    summary: summarize(run.files, run.policy),
  };
}
