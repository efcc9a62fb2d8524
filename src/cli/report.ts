/**
 * Writing the reviewer's report: the format by the file's extension (.csv, .xlsx, else HTML), the
 * bytes from the pure renderers in src/report/ (which a browser runs too). This module only writes.
 */
import { promises as fs } from "fs";
import path from "path";
import { renderCsv, renderHtml, renderXlsx, type ReportRun } from "../report";

export type { ReportFile } from "../report";
export { csvCell, escapeHtml } from "../report";

/** Write the report for `run` to `file`, creating its folder. */
export async function writeReport(file: string, run: ReportRun): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (/\.csv$/i.test(file)) await fs.writeFile(file, renderCsv(run), "utf8");
  else if (/\.xlsx$/i.test(file)) await fs.writeFile(file, renderXlsx(run));
  else await fs.writeFile(file, renderHtml(run), "utf8");
}
