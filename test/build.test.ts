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

/** name, "?" suffix: optional, "..." prefix: repeating. */
const EXPECTED: Record<string, { params: string[]; result: "number" | "string" }> = {
  EXECRATE: { params: ["budget", "executed", "policy?"], result: "number" },
  EXECSCORE: { params: ["budget", "executed", "weight?", "policy?"], result: "number" },
  SCORE: { params: ["target", "actual", "weight", "kind?", "policy?"], result: "number" },
  TOTAL: { params: ["...ranges"], result: "number" },
  GRADE: { params: ["totalScore", "policy?"], result: "string" },
  VALUE: { params: ["text"], result: "number" },
  EXPLAIN: { params: ["target", "actual", "weight", "kind?", "policy?"], result: "string" },
  CARRYOVERRATE: { params: ["carryover", "budget", "policy?"], result: "number" },
  BUDGETVARIANCE: { params: ["actual", "initialBudget", "policy?"], result: "number" },
  ASSETUSE: { params: ["inUse", "totalAssets", "policy?"], result: "number" },
};

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

  test("ids are unique, upper case and equal to their names", () => {
    const ids = functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
    }
  });

  test.each(Object.keys(EXPECTED))("%s: parameters in order, optional and repeating flags, result", (id) => {
    const f = functions.find((fn) => fn.id === id);
    expect(f).toBeDefined();
    const want = EXPECTED[id];
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
