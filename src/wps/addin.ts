/**
 * The WPS add-in's main page (dist-wps/index.html loads main.js): WPS loads it when it starts and
 * keeps it for the session. It defines the ribbon's callbacks as globals (ribbon.xml names them,
 * as in the wpsjs 2.2.3 ET template) and registers the PERF worksheet functions where this WPS runs
 * them (12.1.0.20540 and later). Thin: the work is in ribbon.ts, functions.ts and the WorkbookPort.
 */
import { wpsApplication } from "./et";
import { registerPerfFunctions, wpsLang } from "./functions";
import { createRibbon } from "./ribbon";
import { createWpsPort } from "./wps-port";

/** The folder of this page (the wpsjs template's GetUrlPath). */
function baseUrl(): string {
  const href = decodeURI(String(globalThis.location?.href ?? ""));
  const slash = href.lastIndexOf("/");
  return slash >= 0 ? href.slice(0, slash) : href;
}

const ribbon = createRibbon({ app: wpsApplication, port: createWpsPort(), lang: wpsLang, baseUrl });
Object.assign(globalThis, {
  OnAddinLoad: ribbon.OnAddinLoad,
  OnAction: ribbon.OnAction,
  OnGetLabel: ribbon.OnGetLabel,
  GetImage: ribbon.GetImage,
  OnGetEnabled: ribbon.OnGetEnabled,
});

try {
  registerPerfFunctions(wpsApplication());
} catch (e) {
  console.error("registering the PERF functions failed", e);
}
