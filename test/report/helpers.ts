/**
 * A run to render: the fixtures (samples/) and the shared cases read through perf-check's pipeline,
 * a form the unit did not score (built), and a file that could not be read — every kind the
 * reports count. Test-only.
 */
import path from "path";
import { checkForm } from "../../src/engine/checks";
import { checkGrids, jsonForm } from "../../src/cli/check";
import { openWorkbook } from "../../src/cli/read";
import { getPolicy } from "../../src/engine/policy";
import type { Policy } from "../../src/engine/types";
import type { ReportFile, ReportRun } from "../../src/report";
import { good } from "../engine/checks/base";
import { projectForm } from "../helpers/form-builder";
import { SEEDS } from "../helpers/xlsx-builders";

export const CASES = ["fuwumaoyi-2020.xlsx", "jinzhai-dept-2023.xlsx", "yongde-2022.xlsx"].map((f) =>
  path.resolve(__dirname, "../data/cases", f),
);

/** The unit filled in no score: 未评分. */
export function unscoredFile(policy: Policy): ReportFile {
  const spec = good();
  for (const i of spec.indicators) i.score = null;
  spec.funds!.score = null;
  spec.total = { weight: 100, score: null, grade: null };
  return {
    file: "built/unscored.xlsx",
    rel: "unscored.xlsx",
    forms: [jsonForm(checkForm(projectForm(spec), policy), "zh")],
  };
}

export async function sampleRun(lang: "zh" | "en" = "zh", policyName = "national"): Promise<ReportRun> {
  const policy = getPolicy(policyName);
  const files: ReportFile[] = [];
  for (const file of [...SEEDS, ...CASES]) {
    const { grids } = await openWorkbook(file);
    const forms = checkGrids(grids, policy, undefined).flatMap((s) => s.result.results.map((r) => jsonForm(r, lang)));
    files.push({ file, rel: path.basename(file), forms });
  }
  files.push(unscoredFile(policy));
  files.push({ file: "broken.xlsx", rel: "broken.xlsx", error: "不是 .xlsx 文件（不是 zip 格式）", forms: [] });
  return { files, lang, policy, date: "2026-12-01", version: "0.1.0" };
}
