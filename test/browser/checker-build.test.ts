/**
 * What `npm run build` writes for the web checker, read as text: dist/checker.html is one file
 * (one inline script, nothing loaded from anywhere: no src, no remote href), its
 * Content-Security-Policy allows that script by its SHA-256 and nothing remote, the page and its
 * inlined worker parse as ES2020 (the JavaScript level the page targets, with Chromium 86's
 * runtime: the 360/QQ/Sogou browsers) and carry no eval, no new Function and no network API.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { REACT_NOT_REQUESTS } from "../helpers/not-requests";
import { prepareChecker } from "./checker-harness";

jest.setTimeout(300_000);

/** URLs that are names, not requests: XML namespaces (React DOM's, OOXML's written into copies) and React's error link text. */
const NOT_REQUESTS = [
  ...REACT_NOT_REQUESTS,
  "http://schemas.openxmlformats.org/",
  "http://schemas.microsoft.com/office/",
  "http://purl.org/dc/",
];

const NETWORK_APIS = [
  "fetch(",
  "XMLHttpRequest",
  "WebSocket",
  "sendBeacon",
  "EventSource",
  "importScripts",
  "RTCPeerConnection",
];

describe("dist/checker.html", () => {
  let html: string;
  let script: string;
  let worker: string;
  let cleanup = () => undefined as void;

  beforeAll(async () => {
    const built = await prepareChecker();
    cleanup = built.cleanup;
    html = fs.readFileSync(built.file, "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1].trim())).toEqual([""]);
    script = scripts[0][2];
    // The worker's source is the page's one long string literal (__CHECKER_WORKER__).
    let longest = "";
    walk.simple(acorn.parse(script, { ecmaVersion: "latest" }), {
      Literal(n) {
        if (typeof n.value === "string" && n.value.length > longest.length) longest = n.value;
      },
    });
    worker = longest;
  });
  afterAll(() => cleanup());

  test("one file: nothing is loaded by src or a remote href", () => {
    // The markup around the script (its code writes reports with links of their own).
    const markup = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<script>[\s\S]*<\/script>/, "<script></script>");
    expect(markup).not.toMatch(/\ssrc\s*=/i);
    const hrefs = [...markup.matchAll(/\shref\s*=\s*"?([^"\s>]+)/gi)].map((m) => m[1]);
    expect(hrefs).toEqual(["data:,"]);
    expect(worker.length).toBeGreaterThan(100_000);
    expect(worker).toContain("onmessage");
  });

  test("its CSP allows its own script by hash, a blob: worker and inline styles; nothing remote, no eval", () => {
    const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
    expect(m).not.toBeNull();
    const directives = Object.fromEntries(
      m![1]
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    const hash = createHash("sha256").update(script, "utf8").digest("base64");
    expect(directives).toEqual({
      "default-src": ["'none'"],
      "script-src": [`'sha256-${hash}'`],
      "worker-src": ["blob:"],
      "style-src": ["'unsafe-inline'"],
      "img-src": ["data:", "blob:"],
      "connect-src": ["'none'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
    // The meta comes before the script it governs.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script>"));
  });

  test.each([
    ["page", () => script],
    ["worker", () => worker],
  ])("the %s parses as ES2020 and has no eval, new Function or network API", (_name, source) => {
    const js = source();
    expect(() => acorn.parse(js, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    expect(js).not.toMatch(/\beval\s*\(/);
    expect(js).not.toMatch(/new\s+Function\s*\(/);
    for (const api of NETWORK_APIS) expect({ api, found: js.includes(api) }).toEqual({ api, found: false });
    const urls = [...js.matchAll(/https?:\/\/[^\s"'`)<>\\;]+/g)].map((u) => u[0]);
    expect(urls.filter((u) => !NOT_REQUESTS.some((ok) => u.startsWith(ok)))).toEqual([]);
  });

  test("the ES2020 parse is a real check: ES2021 and ES2022 syntax are refused", () => {
    expect(() => acorn.parse("a ??= b", { ecmaVersion: 2020 })).toThrow();
    expect(() => acorn.parse("class A { static { x(); } }", { ecmaVersion: 2020 })).toThrow();
  });
});
