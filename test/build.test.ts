/**
 * What `npm run build` (webpack --mode production) leaves in dist/: the PERF custom-function
 * metadata (functions.json, generated from the JSDoc in src/functions/functions.ts), the shared
 * runtime page and its bundles, the CSP, no source maps, and the same bytes on a rebuild.
 * Needs a built dist/ (`npm test` runs `npm run build` first).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

interface ParamMeta {
  name: string;
  type?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
  description?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result?: { type?: string; dimensionality?: string };
}

/**
 * By function id (what a saved workbook stores; never changes): its name, parameters (name, "?"
 * suffix: optional, "..." prefix: repeating) and result type (undefined: any). Only the scores and
 * the grade take a policy: the rates are exact fractions no policy changes.
 */
const EXPECTED: Record<string, { name: string; params: string[]; result: "number" | "string" | undefined }> = {
  EXECRATE: { name: "EXECRATE", params: ["budget", "executed"], result: "number" },
  EXECSCORE: { name: "EXECSCORE", params: ["budget", "executed", "weight?", "policy?"], result: "number" },
  SCORE: { name: "SCORE", params: ["target", "actual", "weight", "kind?", "policy?"], result: undefined },
  TOTAL: { name: "TOTAL", params: ["...ranges"], result: "number" },
  GRADE: { name: "GRADE", params: ["totalScore", "policy?"], result: "string" },
  VALUE: { name: "NUMBER", params: ["text"], result: "number" },
  EXPLAIN: { name: "EXPLAIN", params: ["target", "actual", "weight", "kind?", "policy?"], result: "string" },
  CARRYOVERRATE: { name: "CARRYOVERRATE", params: ["carryover", "budget"], result: "number" },
  BUDGETVARIANCE: { name: "BUDGETVARIANCE", params: ["actual", "initialBudget"], result: "number" },
  ASSETUSE: { name: "ASSETUSE", params: ["inUse", "totalAssets"], result: "number" },
};

/**
 * Excel's built-in functions whose names a PERF function could be given (the custom-functions
 * naming guidance: do not reuse them): the ones about values, numbers, sums, rates, ranks and grades.
 */
const EXCEL_BUILT_INS = [
  "VALUE",
  "NUMBERVALUE",
  "N",
  "T",
  "TEXT",
  "FIXED",
  "DOLLAR",
  "VALUETOTEXT",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "SUBTOTAL",
  "AGGREGATE",
  "COUNT",
  "AVERAGE",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "TRUNC",
  "INT",
  "ABS",
  "RATE",
  "RRI",
  "IRR",
  "NPV",
  "PV",
  "FV",
  "RANK",
  "RANK.EQ",
  "PERCENTRANK",
  "PERCENTILE",
  "STANDARDIZE",
  "MAX",
  "MIN",
  "IF",
  "IFS",
  "AND",
  "OR",
  "CHOOSE",
  "LOOKUP",
  "MATCH",
  "INDEX",
];

function describeParam(p: ParamMeta): string {
  return `${p.repeating ? "..." : ""}${p.name}${p.optional && !p.repeating ? "?" : ""}`;
}

function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) {
    throw new Error(`${path.relative(ROOT, full)} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  return fs.readFileSync(full, "utf8");
}

describe("dist/functions.json (PERF custom functions)", () => {
  let functions: FunctionMeta[];
  beforeAll(() => {
    functions = (JSON.parse(readDist("functions.json")) as { functions: FunctionMeta[] }).functions;
  });

  test("the ids saved workbooks hold are all still there, unique and upper case", () => {
    const ids = functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
  });

  test("no name is one of Excel's built-in functions; PERF.VALUE is now PERF.NUMBER under its old id", () => {
    for (const f of functions) expect(EXCEL_BUILT_INS).not.toContain(f.name);
    expect(functions.find((f) => f.id === "VALUE")?.name).toBe("NUMBER");
    // Excel stores a custom function by id (custom-functions-metadata: "the invariant identifier
    // for the custom function stored in the document"): the old cells find it as before.
    expect(readDist("functions.js")).toContain('CustomFunctions.associate("VALUE"');
  });

  test("GRADE's help states no fixed bands (a policy sets them)", () => {
    const grade = functions.find((f) => f.id === "GRADE")!;
    const help = [grade.description, ...grade.parameters.map((p) => p.description), grade.result?.type].join(" ");
    expect(help).not.toMatch(/≥|90|80|60/);
  });

  test.each(Object.keys(EXPECTED))("%s: name, parameters in order, optional and repeating flags, result", (id) => {
    const f = functions.find((fn) => fn.id === id);
    expect(f).toBeDefined();
    const want = EXPECTED[id];
    expect(f!.name).toBe(want.name);
    expect(f!.parameters.map(describeParam)).toEqual(want.params);
    expect(f!.result?.type).toBe(want.result);
    expect(f!.description ?? "").not.toBe("");
    for (const p of f!.parameters) expect(p.description ?? "").not.toBe("");
  });

  test("TOTAL takes repeating ranges", () => {
    const total = functions.find((fn) => fn.id === "TOTAL")!;
    expect(total.parameters[0].repeating).toBe(true);
    expect(total.parameters[0].dimensionality).toBe("matrix");
  });

  test("dist/functions.js associates every function id", () => {
    const js = readDist("functions.js");
    for (const f of functions) expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
  });
});

describe("dist/taskpane.html (shared runtime page)", () => {
  let html: string;
  beforeAll(() => {
    html = readDist("taskpane.html");
  });

  /** src of every <script>, in document order. */
  const scripts = (): string[] =>
    [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)["']?[^>]*>/gi)].map((m) => m[1]);

  test("loads office.js from the CDN, then the taskpane, functions and commands bundles", () => {
    const srcs = scripts();
    expect(srcs[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    for (const bundle of ["taskpane.js", "functions.js", "commands.js"]) expect(srcs).toContain(bundle);
    expect(srcs).toHaveLength(4);
  });

  test("has the Content-Security-Policy meta tag allowing only 'self' and the office.js origin", () => {
    const meta = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i);
    expect(meta).not.toBeNull();
    const content = meta![0].match(/\bcontent=(?:"([^"]*)"|'([^']*)')/i);
    expect(content).not.toBeNull();
    const directives = Object.fromEntries(
      (content![1] ?? content![2])
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "https://appsforoffice.microsoft.com"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
    });
  });

  test("has the mount point for the React app", () => {
    expect(html).toMatch(/<div id=["']?container["']?/);
  });
});

describe("dist/ contents", () => {
  /** Absolute paths of every file under dir. */
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  /** Every file under dir, relative to it, with "/" separators, sorted. */
  const files = (dir: string): string[] =>
    walk(dir)
      .map((f) => path.relative(dir, f).split(path.sep).join("/"))
      .sort();

  test("has every file the add-in serves", () => {
    readDist("taskpane.html");
    const all = files(DIST);
    for (const f of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "commands.js",
      "help.html",
      "manifest.xml",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "assets/icon-128.png",
    ]) {
      expect(all).toContain(f);
    }
  });

  test("icons are real PNGs of their stated size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(DIST, "assets", `icon-${size}.png`));
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  test("production build has no source maps", () => {
    readDist("taskpane.js");
    const all = files(DIST);
    expect(all.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of all.filter((f) => f.endsWith(".js"))) {
      expect(fs.readFileSync(path.join(DIST, f), "utf8")).not.toMatch(/sourceMappingURL/);
    }
  });

  test("a rebuild gives the same bytes", () => {
    readDist("taskpane.js");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "perf-build-"));
    try {
      const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
      const r = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
        cwd: ROOT,
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`rebuild failed:\n${r.stdout}\n${r.stderr}`);
      expect(files(out)).toEqual(files(DIST));
      for (const f of files(DIST)) {
        expect({ f, same: fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(DIST, f))) }).toEqual({
          f,
          same: true,
        });
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 180000);
});

describe("a deployment build (ADDIN_ORIGIN=https://host/path npm run build)", () => {
  // example.cn stands in for the office.js URL that 21Vianet documents for add-ins (none is guessed).
  const env = {
    ADDIN_ORIGIN: "https://perf.example.gov.cn/addins/perf/",
    ADDIN_PROVIDER: "某市财政局信息中心 <IT & 预算科>",
    OFFICE_CLOUD: "21vianet",
    OFFICE_JS_URL: "https://office-js.example.cn/lib/1/hosted/office.js",
  };
  const BASE = "https://perf.example.gov.cn/addins/perf";
  let out: string;
  let manifest: string;

  beforeAll(() => {
    readDist("taskpane.js");
    out = fs.mkdtempSync(path.join(os.tmpdir(), "perf-deploy-"));
    const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    if (r.status !== 0) throw new Error(`deployment build failed:\n${r.stdout}\n${r.stderr}`);
    manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  }, 240000);

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test("dist/manifest.xml: every URL on the deployment's base, the publisher's name, the support page", () => {
    const urls = [...manifest.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(`${BASE}/`)).toBe(true);
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain("<ProviderName>某市财政局信息中心 &lt;IT &amp; 预算科&gt;</ProviderName>");
    expect(manifest).toContain(`<SupportUrl DefaultValue="${BASE}/help.html"/>`);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}/taskpane.html"/>`);
  });

  test("the offline check passes on it: node scripts/validate-manifest.js dist/manifest.xml dist", () => {
    const r = spawnSync(process.execPath, ["scripts/validate-manifest.js", path.join(out, "manifest.xml"), out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^manifest OK: \d+ checks$/m);
    expect(r.status).toBe(0);
  });

  test("the page loads office.js from the setting and its CSP allows that origin and its own only", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toContain(`<script src=${env.OFFICE_JS_URL}>`);
    expect(html).toContain(
      "content=\"default-src 'self'; script-src 'self' https://office-js.example.cn; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'\"",
    );
    expect(html).not.toContain("appsforoffice.microsoft.com");
    expect(fs.readFileSync(path.join(out, "help.html"), "utf8")).toContain(
      "script-src 'self' https://office-js.example.cn",
    );
  });

  test("the bundles are the development build's, byte for byte (the settings reach only the manifest and the pages)", () => {
    for (const f of ["taskpane.js", "functions.js", "functions.json", "commands.js"])
      expect({ f, same: fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(DIST, f))) }).toEqual({
        f,
        same: true,
      });
  });
});

describe("build settings (scripts/build-settings.js)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSettings } = require("../scripts/build-settings") as {
    buildSettings: (env: Record<string, string>) => { addinBase: string; supportUrl: string; officeJsUrl: string };
  };
  test("defaults: the development origin and Microsoft's office.js", () => {
    const s = buildSettings({});
    expect([s.addinBase, s.supportUrl, s.officeJsUrl]).toEqual([
      "https://localhost:3000",
      "https://localhost:3000/help.html",
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    ]);
  });

  test.each([
    [{ ADDIN_ORIGIN: "https://h.example/x" }, /^ADDIN_PROVIDER is required with ADDIN_ORIGIN/],
    [
      { ADDIN_ORIGIN: "http://h.example", ADDIN_PROVIDER: "p" },
      /^ADDIN_ORIGIN "http:\/\/h.example" must be an https URL$/,
    ],
    [{ ADDIN_ORIGIN: "https://h.example/?a=1", ADDIN_PROVIDER: "p" }, /must have no query/],
    [{ OFFICE_CLOUD: "21vianet" }, /^OFFICE_JS_URL is required with OFFICE_CLOUD=21vianet/],
    [{ OFFICE_CLOUD: "moon" }, /^OFFICE_CLOUD "moon" is not one of global, 21vianet$/],
    [{ ADDIN_SUPPORT_URL: "support" }, /^ADDIN_SUPPORT_URL "support" is not an absolute URL$/],
  ])("%j is refused with one line", (env, message) => {
    expect(() => buildSettings(env)).toThrow(message);
  });

  test("npm run build with a missing setting stops with that one line", () => {
    const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", os.tmpdir()], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, OFFICE_CLOUD: "21vianet", OFFICE_JS_URL: "" },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("build settings: OFFICE_JS_URL is required with OFFICE_CLOUD=21vianet");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60000);
});
