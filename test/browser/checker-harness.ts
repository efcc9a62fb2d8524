/**
 * Node side of the web checker's browser tests: the built page (dist/checker.html when it is at
 * least as new as its sources, else a fresh build of webpack.checker.js into a temp folder), a
 * static server on 127.0.0.1 for the "any intranet server" case, Chromium through playwright-core
 * with every request recorded, and the helpers the tests share (upload, wait for the check,
 * download).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Download, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
export const OUT = path.join(ROOT, "test-output");
const DIST_PAGE = path.join(ROOT, "dist", "checker.html");

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** The page's sources: a build older than any of them is stale. */
function sourcesMtime(): number {
  return Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "webpack.checker.js")));
}

/**
 * The path of a checker.html built from the current sources: dist/'s (npm test builds it first),
 * or a production build into a temp folder (removed by the returned cleanup).
 */
export async function prepareChecker(): Promise<{ file: string; cleanup: () => void }> {
  if (fs.existsSync(DIST_PAGE) && fs.statSync(DIST_PAGE).mtimeMs >= sourcesMtime())
    return { file: DIST_PAGE, cleanup: () => undefined };
  const { buildChecker } = require(path.join(ROOT, "webpack.checker.js")) as {
    buildChecker: (o: { mode: string; webpack?: unknown }) => Promise<{ html: string }>;
  };
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { html } = await buildChecker({
      mode: "production",
      webpack: require(path.join(ROOT, "node_modules/webpack")),
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-checker-page-"));
    const file = path.join(dir, "checker.html");
    fs.writeFileSync(file, html);
    return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } finally {
    process.chdir(cwd);
  }
}

export interface StaticServer {
  origin: string;
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A plain static server for the one page (as an intranet server would serve it). */
export async function serveChecker(file: string): Promise<StaticServer> {
  const requests: string[] = [];
  const body = fs.readFileSync(file);
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    if ((req.url ?? "").split("?")[0] === "/checker.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/checker.html`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface OpenPage {
  page: Page;
  /** Every request the page made (the URL), in order; `afterLoad` those made once it was ready. */
  requests: string[];
  afterLoad: string[];
  /** Console errors and page errors. */
  problems: string[];
}

/**
 * The page at `url`, in a context that accepts downloads, with every request recorded and any
 * request to anything but `allowed` (the page's own origin) aborted. Resolves once the page has
 * started its worker (html[data-worker="ready"]): from then on no request is expected at all.
 */
export async function openChecker(
  browser: Browser,
  url: string,
  allowed: (u: string) => boolean,
  viewport = { width: 1280, height: 900 },
): Promise<OpenPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport, deviceScaleFactor: 1, locale: "zh-CN" });
  const page = await context.newPage();
  const requests: string[] = [];
  const afterLoad: string[] = [];
  const problems: string[] = [];
  let loaded = false;
  page.on("request", (r) => {
    requests.push(r.url());
    if (loaded) afterLoad.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await context.route("**/*", (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
  await page.goto(url);
  await page.waitForSelector('html[data-worker="ready"]', { timeout: 30_000 });
  loaded = true;
  return { page, requests, afterLoad, problems };
}

/** Wait until the batch has finished (export-json enabled). */
export async function waitChecked(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[data-testid="export-json"]:not([disabled])', { timeout });
}

/** Click a control that downloads and resolve to the download. */
export async function download(page: Page, testId: string): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return d;
}

/** A download's bytes. */
export async function bytesOf(d: Download): Promise<Buffer> {
  const p = await d.path();
  return fs.readFileSync(p);
}
