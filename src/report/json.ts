/**
 * perf-check's --json document: the policy in force (name, label, packs), every file handed over
 * (its keys in one order: file, status, converted, error, skipped, findings, forms), and the batch
 * summary (summary.ts) — the same counts the other outputs show. Pure.
 */
import { rulesInForce } from "./rules";
import { summarize, type BatchSummary } from "./summary";
import type { ReportFile, ReportRun } from "./types";

export interface JsonDocument {
  policy: { name: string; label: string; packs: string[] };
  files: Omit<ReportFile, "rel" | "annotated">[];
  summary: BatchSummary;
}

export function jsonDocument(run: ReportRun): JsonDocument {
  const r = rulesInForce(run.policy, run.lang);
  return {
    policy: { name: r.policy.name, label: r.policy.label, packs: r.packs.map((p) => p.name) },
    files: run.files.map((f) => ({
      file: f.file,
      status: f.status,
      converted: f.converted,
      error: f.error,
      skipped: f.skipped,
      findings: f.findings,
      forms: f.forms,
    })),
    summary: summarize(run.files, run.policy),
  };
}
