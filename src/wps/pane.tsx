/**
 * The task pane in WPS (dist-wps/taskpane.html, opened by the ribbon with Application.CreateTaskPane):
 * the same pane as in Excel (src/taskpane/App.tsx) over the WPS WorkbookPort. Where this WPS runs no
 * add-in functions (before 12.1.0.20540) the pane writes native formulas.
 */
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { wpsApplication } from "./et";
import { hasCustomFunctions, wpsLang } from "./functions";
import { createWpsPort } from "./wps-port";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <App port={createWpsPort()} lang={wpsLang()} perfFunctions={hasCustomFunctions(wpsApplication())} />,
  );
}
