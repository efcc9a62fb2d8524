/**
 * Ribbon commands (ExecuteFunction actions in manifest.xml). In the shared runtime this
 * bundle runs in the task pane page, so a command shares state with the pane.
 *
 * "Validate sheet" flags the active sheet's findings on their cells and then shows the task
 * pane, which reads the outcome (counts or the error) from src/excel/last-run.ts. Excel has no
 * toast for add-ins; the notes and fills on the sheet plus the pane are the report.
 */
import { validateActiveSheet } from "../excel/validate-command";
import { workbookPolicy } from "../excel/workbook-policy";

async function showPane(): Promise<void> {
  try {
    if (typeof Office !== "undefined" && Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane();
  } catch (e) {
    console.error("showAsTaskpane failed", e);
  }
}

/** "Validate sheet" / 复核工作表 (FunctionName validateSheet). */
export async function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await validateActiveSheet();
  } catch (error) {
    // Already published to the pane (last-run); logged for diagnostics.
    console.error("validateSheet failed", error);
  } finally {
    try {
      await showPane();
    } finally {
      // Office waits for this before it runs the next command; always call it.
      event.completed();
    }
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // The PERF custom functions share this runtime: they wait for the workbook's policy; read it now.
    workbookPolicy().catch((e) => console.error("reading the workbook policy failed", e));
  });
  // Associate at load, not inside onReady: Office may fire the command as soon as the page loads.
  Office.actions.associate("validateSheet", validateSheet);
}
