/**
 * Task pane entry: mounts the review pane in #container once Office.js is ready, in the UI
 * language (Office.context.displayLanguage) and theme (Office.context.officeTheme) of Office.
 *
 * In the shared runtime this page also runs the custom functions and the ribbon commands,
 * so nothing here may block: if office.js could not be loaded (a plain browser, a test
 * page), the app is mounted at once.
 */
import { createRoot, type Root } from "react-dom/client";
import { createOfficePort } from "../excel/office-port";
import { workbookPolicy } from "../excel/workbook-policy";
import { App } from "./App";
import { officeLang, officeThemeName } from "./office-env";

let root: Root | null = null;

function mount(): void {
  if (root) return;
  const container = document.getElementById("container");
  if (!container) return;
  const port = createOfficePort();
  // The PERF functions of this shared runtime wait for the workbook's stored policy: read it now.
  workbookPolicy().catch((e) => console.error("reading the workbook policy failed", e));
  root = createRoot(container);
  root.render(<App port={port} lang={officeLang()} theme={officeThemeName()} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => mount()).catch(() => mount());
} else {
  mount();
}
