/**
 * A run to render: the fixtures (samples/) and the shared cases read through perf-check's pipeline,
 * a form the unit did not score (built), a workbook with no form (NO_FORM, from a pay sheet), a
 * file that could not be read and one skipped — every kind the reports count. Test-only.
 */
import path from "path";
import { checkForm } from "../../src/engine/checks";
import { checkGrids, jsonForm, noFormFinding } from "../../src/cli/check";
import { openWorkbook } from "../../src/cli/read";
import { getPolicy } from "../../src/engine/policy";
import type { Policy } from "../../src/engine/types";
import type { ReportFile, ReportRun } from "../../src/report";
import { good } from "../engine/checks/base";
import { projectForm } from "../helpers/form-builder";
import { gridOf } from "../helpers/grid-builders";
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
    status: "checked",
    findings: [],
    forms: [jsonForm(checkForm(projectForm(spec), policy), "zh")],
  };
}

/** A pay sheet: a table, but no 绩效自评表 — checked, no form, the file-level finding NO_FORM. */
export function payFile(policy: Policy): ReportFile {
  const grid = gridOf(
    [
      ["姓名", "基本工资", "绩效工资", "应发合计"],
      ["张三", 5000, 1200, 6200],
    ],
    { sheet: "工资表" },
  );
  const finding = noFormFinding(checkGrids([grid], policy, undefined), "zh");
  return { file: "built/pay.xlsx", rel: "pay.xlsx", status: "checked", findings: finding ? [finding] : [], forms: [] };
}

export async function sampleRun(lang: "zh" | "en" = "zh", policyName = "national"): Promise<ReportRun> {
  const policy = getPolicy(policyName);
  const files: ReportFile[] = [];
  for (const file of [...SEEDS, ...CASES]) {
    const { grids } = await openWorkbook(file);
    const forms = checkGrids(grids, policy, undefined).flatMap((s) => s.result.results.map((r) => jsonForm(r, lang)));
    files.push({ file, rel: path.basename(file), status: "checked", findings: [], forms });
  }
  files.push(unscoredFile(policy));
  files.push(payFile(policy));
  files.push({
    file: "~$a.xlsx",
    rel: "~$a.xlsx",
    status: "skipped",
    skipped: "Excel/WPS 打开工作簿时生成的临时锁定文件，不是工作簿",
    findings: [],
    forms: [],
  });
  files.push({
    file: "broken.xlsx",
    rel: "broken.xlsx",
    status: "unreadable",
    error: "不是 .xlsx 文件（不是 zip 格式）",
    findings: [],
    forms: [],
  });
  return { files, lang, policy, date: "2026-12-01", version: "0.1.0" };
}
