/**
 * The ribbon's "Validate sheet" (复核工作表) command: checks the forms on the active sheet
 * with the workbook's stored mapping and policy, flags the cells at fault (fill + note; the
 * earlier flags are replaced) and publishes the counts (last-run.ts) for the task pane.
 */
import type { Lang } from "../i18n/strings";
import { displayLang } from "./display-language";
import { PortError, toPortError, xboth } from "./messages";
import { publishLastRun, type LastRun } from "./last-run";
import { createOfficePort } from "./office-port";
import type { SheetAnalysis, WorkbookPort } from "./port";

/**
 * Validate the active sheet. Publishes the outcome (success or error) and returns it; a failure
 * is published and then thrown as a PortError.
 */
export async function validateActiveSheet(
  port: WorkbookPort = createOfficePort(),
  lang: Lang = displayLang(),
): Promise<LastRun> {
  try {
    const analysis = await port.validateActiveSheet({ lang });
    const run: LastRun = {
      command: "validate",
      at: Date.now(),
      sheet: analysis.sheet,
      analysis,
      summary: summaryOf(analysis),
    };
    publishLastRun(run);
    return run;
  } catch (e) {
    const err = e instanceof PortError ? e : toPortError(e, "?");
    const analysis = err.data as SheetAnalysis | undefined;
    publishLastRun({
      command: "validate",
      at: Date.now(),
      sheet: analysis?.sheet,
      analysis,
      summary: analysis ? summaryOf(analysis) : undefined,
      error: { zh: err.zh, en: err.en, code: err.code },
    });
    throw err;
  }
}

function summaryOf(a: SheetAnalysis) {
  if (a.results.length === 0) return xboth("VALIDATE_NO_FORMS", { sheet: a.sheet });
  return xboth("VALIDATE_SUMMARY", { sheet: a.sheet, forms: a.results.length, ...a.counts });
}
