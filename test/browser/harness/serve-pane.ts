/**
 * Node side of the pane harness: the built pane (dist/, or a fresh development build in a temp
 * folder when dist/ is missing or older than src/), the browser harness bundle (esbuild), and a
 * tiny http server on 127.0.0.1 that serves them with office.js from node_modules in place of
 * the CDN copy and the fixture workbook as a script.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { HarnessFixture } from "./harness-entry";

export const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS_DIR = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/ when it was built from the current src/ (npm test builds first), else a development build in a temp folder. */
export async function preparePane(): Promise<{ dir: string; built: boolean }> {
  const page = path.join(DIST, "taskpane.html");
  const bundle = path.join(DIST, "taskpane.js");
  if (
    fs.existsSync(page) &&
    fs.existsSync(bundle) &&
    fs.statSync(bundle).mtimeMs >= newestMtime(path.join(ROOT, "src"))
  ) {
    return { dir: DIST, built: false };
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "perf-pane-"));
  // Build with the project's own config, into the temp folder (dist/ is left alone).
  const webpack = require(path.join(ROOT, "node_modules/webpack")) as typeof import("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: unknown,
    argv: { mode: string },
  ) => Promise<import("webpack").Configuration>;
  // The config names its entries and plugin inputs relative to the project folder.
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const config = await makeConfig({}, { mode: "development" });
    config.context = ROOT;
    config.output = { ...config.output, path: out };
    config.devtool = false;
    await new Promise<void>((resolve, reject) => {
      webpack(config, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      });
    });
  } finally {
    process.chdir(cwd);
  }
  return { dir: out, built: true };
}

/** The browser harness (fake Excel + Office context) as one IIFE script. */
export async function buildHarness(): Promise<string> {
  // esbuild ships with tsx (a dev dependency).
  const esbuild = require(path.join(ROOT, "node_modules/esbuild")) as typeof import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, "harness-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

function inside(base: string, rel: string): string | null {
  const p = path.resolve(base, "." + path.posix.normalize("/" + rel));
  return p.startsWith(base + path.sep) && fs.existsSync(p) && fs.statSync(p).isFile() ? p : null;
}

/** The page as Excel would load it, with local office.js and the harness scripts right after it. */
export function harnessPage(html: string): string {
  // The tag as written in src/taskpane/taskpane.html or minified by the production build.
  const tag =
    /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js["']?[^>]*><\/script>/;
  if (!tag.test(html))
    throw new Error(`taskpane.html no longer loads office.js from ${CDN_OFFICE_JS}, which the harness replaces`);
  return html.replace(
    tag,
    '<script src="/office-js/office.js"></script><script src="/harness/fixture.js"></script><script src="/harness/harness.js"></script>',
  );
}

export interface PaneServer {
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function servePane(opts: {
  distDir: string;
  harnessJs: string;
  fixture: HarnessFixture;
}): Promise<PaneServer> {
  const requests: string[] = [];
  const page = harnessPage(fs.readFileSync(path.join(opts.distDir, "taskpane.html"), "utf8"));
  const fixtureJs = `window.__PERF_FIXTURE__ = ${JSON.stringify(opts.fixture)};\n`;
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    requests.push(url);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (url === "/taskpane.html") return send(200, TYPES[".html"], page);
    if (url === "/harness/harness.js") return send(200, TYPES[".js"], opts.harnessJs);
    if (url === "/harness/fixture.js") return send(200, TYPES[".js"], fixtureJs);
    if (url === "/favicon.ico") {
      const icon = inside(opts.distDir, "assets/icon-16.png");
      return icon ? send(200, TYPES[".png"], fs.readFileSync(icon)) : send(204, "text/plain", "");
    }
    const file = url.startsWith("/office-js/")
      ? inside(OFFICE_JS_DIR, url.slice("/office-js/".length))
      : inside(opts.distDir, url.slice(1));
    if (!file) return send(404, "text/plain", "not found");
    send(200, TYPES[path.extname(file)] ?? "application/octet-stream", fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/taskpane.html`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
