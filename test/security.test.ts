/**
 * Security pass (issue "Proof"): the built bundles make no network request of their own, carry no
 * eval / new Function, and taskpane.html allows only its own origin and office.js. The test script
 * runs `npm run build` before jest, so dist/ is this commit's build.
 */
import { readdirSync, readFileSync, existsSync } from "fs";
import path from "path";

const DIST = path.resolve(__dirname, "..", "dist");
// What `npm run build` (no deployment settings) builds for: scripts/build-settings.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = (require("../scripts/build-settings") as { buildSettings(env: object): Record<string, string> })
  .buildSettings({});
const ADDIN_ORIGIN = settings.addinOrigin;
const OFFICE_JS = settings.officeJsOrigin;

/**
 * URLs a bundle may contain that are not requests: XML namespace identifiers (React DOM creates
 * SVG/MathML elements with them) and React's error-decoder link, which only appears inside an
 * error message text.
 */
const NOT_REQUESTS = [
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1998/Math/MathML",
  "https://reactjs.org/docs/error-decoder.html?invariant=",
];

function built(ext: string): string[] {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  return readdirSync(DIST)
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(DIST, f));
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'`)<>\\;]+/g)].map((m) => m[0]);
}

describe("built bundles", () => {
  const bundles = built(".js");

  test("the three bundles exist", () => {
    expect(bundles.map((b) => path.basename(b)).sort()).toEqual(["commands.js", "functions.js", "taskpane.js"]);
  });

  test.each(bundles.map((b) => [path.basename(b), b]))("%s has no eval or new Function", (_name, file) => {
    const js = readFileSync(file, "utf8");
    expect(js).not.toMatch(/\beval\s*\(/);
    expect(js).not.toMatch(/new\s+Function\s*\(/);
  });

  test.each(bundles.map((b) => [path.basename(b), b]))("%s makes no network request of its own", (_name, file) => {
    const js = readFileSync(file, "utf8");
    for (const api of ["fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "EventSource", "importScripts"]) {
      expect(js.includes(api)).toBe(false);
    }
    const foreign = urlsIn(js).filter((u) => !u.startsWith(ADDIN_ORIGIN) && !u.startsWith(OFFICE_JS) && !NOT_REQUESTS.includes(u));
    expect(foreign).toEqual([]);
  });

  test("the scanner sees a foreign URL or eval when there is one", () => {
    expect(urlsIn('x("https://evil.example/a.js")')).toEqual(["https://evil.example/a.js"]);
    expect("a=eval (b)").toMatch(/\beval\s*\(/);
  });
});

// The minified page leaves attribute values unquoted where HTML allows it.
describe("taskpane.html", () => {
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");

  test("loads scripts only from its own origin and office.js", () => {
    const srcs = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThanOrEqual(4);
    for (const s of srcs) {
      if (/^https?:/.test(s)) expect(s).toBe(settings.officeJsUrl);
    }
  });

  test("carries a Content-Security-Policy allowing only itself and office.js", () => {
    const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
    expect(m).not.toBeNull();
    const directives = new Map(
      m![1]
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...values] = d.split(/\s+/);
          return [name, values] as const;
        }),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", OFFICE_JS]);
    for (const [, values] of directives) {
      for (const v of values) {
        expect(["'self'", "'unsafe-inline'", "data:", OFFICE_JS, "'none'"]).toContain(v);
      }
    }
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
  });
});
