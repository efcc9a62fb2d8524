/**
 * Browser side of the pane harness (bundled with esbuild, loaded by the served taskpane.html
 * right after office.js and the fixture script): a fake Excel seeded with the fixture workbook
 * as window.Excel, and the Office context pieces the pane reads (display language, theme,
 * requirement sets) on the Office object office.js created outside an Office host.
 * window.__fake exposes the fake's state to the test (selection, fills, settings).
 */
import { createFakeExcel, type FakeState, type FakeWorkbookInit } from "../../fakes/fake-excel";
import { evaluate } from "../../fakes/formula-eval";

export interface HarnessFixture {
  workbook: FakeWorkbookInit;
  displayLanguage: string;
  bodyBackgroundColor: string;
}

interface HarnessWindow {
  __PERF_FIXTURE__?: HarnessFixture;
  __fake?: FakeState;
  Excel?: unknown;
  Office?: { context?: Record<string, unknown>; onReady?: () => Promise<unknown> } & Record<string, unknown>;
}

const w = window as unknown as HarnessWindow;
const fixture = w.__PERF_FIXTURE__;
if (!fixture) throw new Error("harness: window.__PERF_FIXTURE__ is missing (fixture.js must load first)");

const fake = createFakeExcel(fixture.workbook, { evaluate });
w.Excel = fake.Excel;
w.__fake = fake.state;

const theme = {
  bodyBackgroundColor: fixture.bodyBackgroundColor,
  bodyForegroundColor: fixture.bodyBackgroundColor.toLowerCase() === "#ffffff" ? "#000000" : "#ffffff",
  controlBackgroundColor: fixture.bodyBackgroundColor,
  controlForegroundColor: fixture.bodyBackgroundColor.toLowerCase() === "#ffffff" ? "#000000" : "#ffffff",
};

/** What an Excel host would have put on Office.context. */
function patchContext(): void {
  const office = w.Office;
  if (!office) {
    w.Office = { ...(fake.Office as unknown as Record<string, unknown>) };
    (w.Office as { context: Record<string, unknown> }).context = {
      ...fake.Office.context,
      displayLanguage: fixture!.displayLanguage,
      officeTheme: theme,
    };
    return;
  }
  const ctx = office.context;
  if (ctx) {
    ctx.displayLanguage = fixture!.displayLanguage;
    ctx.officeTheme = theme;
    ctx.requirements = fake.Office.context.requirements;
  }
}

/**
 * Outside an Office host office.js loads its telemetry proxy frame from the internet three
 * seconds after start (which the page's CSP blocks, with a console error). The harness has no
 * network: keep that frame from loading.
 */
function quietTelemetry(): boolean {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } } })
    .OSF;
  const ep = osf?.Logger?.ulsEndpoint;
  if (!ep) return false;
  ep.loadProxyFrame = () => undefined;
  return true;
}

patchContext();
// office.js may build its context when it initialises: patch again before anyone else's onReady runs.
if (w.Office && typeof w.Office.onReady === "function") {
  void w.Office.onReady().then(patchContext, patchContext);
}
const started = Date.now();
const timer = setInterval(() => {
  if (quietTelemetry() || Date.now() - started > 2500) clearInterval(timer);
}, 25);
