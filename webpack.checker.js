/* global require, module, __dirname */
"use strict";

/**
 * The web checker's build: dist/checker.html, one file with everything inlined, that works
 * opened from disk (file://) or from any static server and makes no network request.
 *
 *   1. the worker bundle (src/web/worker.ts: the pipeline, the package layer with fflate);
 *   2. the page bundle (src/web/index.tsx: React + Fluent UI), with the worker's source inlined
 *      as a string (__CHECKER_WORKER__): the page starts the worker from a Blob URL, so nothing
 *      is fetched from a file path (browsers refuse workers from file: URLs anyway);
 *   3. src/web/checker.html with the page bundle inlined in its one <script> and a
 *      Content-Security-Policy allowing exactly that script (by its SHA-256), a blob: worker,
 *      inline styles (Fluent UI injects them) and data:/blob: images; nothing remote.
 *
 * JavaScript level: ES2020 syntax, runtime APIs of Chromium 86 (the government-office browsers 360,
 * QQ and Sogou run Chromium 86 or later; Fluent UI's focus library uses WeakRef: Chromium 84,
 * Firefox 79). TypeScript emits ES2020 (tsconfig target), dependencies are lowered to it and
 * webpack's own runtime is told the same (target es2020); test/browser/checker-build.test.ts
 * parses the page and the worker as ES2020.
 *
 * The add-in's build (webpack.config.js) runs this as a plugin (CheckerPlugin) that emits
 * checker.html among its own assets, so `npm run build` and any rebuild write it beside
 * taskpane.html; buildChecker() builds it alone (the browser tests use it when dist/ is stale).
 */

const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = __dirname;
const TEMPLATE = path.join(ROOT, "src/web/checker.html");

/** The CSP of the page: its own script by hash, the worker from blob:, nothing remote. */
function csp(scriptHash) {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    "worker-src blob:",
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Our TypeScript, emitted as ES2020. */
const TS_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { sourceMap: false, module: "ESNext", target: "ES2020" } },
  },
};

/**
 * Dependencies' JavaScript lowered to ES2020 by the same TypeScript (transpile only): Fluent UI's
 * focus manager (tabster) ships class static blocks (ES2022, Chromium 94+) and `??=` (ES2021).
 */
const LOWER_RULE = {
  test: /\.m?js$/,
  include: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { allowJs: true, sourceMap: false, module: "ESNext", target: "ES2020" },
    },
  },
};

function baseConfig(mode, target, entry, outDir, filename) {
  return {
    mode,
    context: ROOT,
    devtool: false,
    target: [target, "es2020"],
    entry,
    output: { path: outDir, filename, iife: true },
    // No `global` shim (it falls back to new Function, which the CSP forbids).
    node: { global: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [TS_RULE, LOWER_RULE] },
    optimization: { moduleIds: "deterministic", chunkIds: "deterministic", splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
}

function run(webpack, config) {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

/**
 * A bundle's text with its licence banner pointing at checker.html's own head comment, and the
 * licence texts terser extracted (MIT and others ask for them to travel with the code).
 */
function withLicences(dir, file) {
  const js = fs.readFileSync(path.join(dir, file), "utf8");
  const extracted = path.join(dir, `${file}.LICENSE.txt`);
  const licences = fs.existsSync(extracted) ? fs.readFileSync(extracted, "utf8").trim() : "";
  const banner = `/*! For license information please see ${file}.LICENSE.txt */`;
  return {
    js: js.replace(banner, "/*! Licences: see the comment at the top of checker.html */"),
    licences,
  };
}

/** Text safe inside an HTML comment: no "--" and no ">" right after "-". */
function commentSafe(s) {
  return s.replace(/--/g, "- -").replace(/-(?=>)/g, "- ");
}

/** Text safe inside an inline <script>: no "</script" and no "<!--" to end or comment it. */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/**
 * Build the page: resolves to { html, fileDependencies } (the sources it was built from, for
 * watch mode). `webpack` is the caller's webpack (the plugin passes its compiler's).
 */
async function buildChecker({ mode = "production", webpack = require("webpack") } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-checker-"));
  try {
    const workerConfig = baseConfig(mode, "webworker", "./src/web/worker.ts", tmp, "worker.js");
    // The reports name the tool's version, as perf-check's do.
    workerConfig.plugins = [
      new webpack.DefinePlugin({
        __PERF_VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version),
      }),
    ];
    const workerStats = await run(webpack, workerConfig);
    const worker = withLicences(tmp, "worker.js");
    const page = baseConfig(mode, "web", "./src/web/index.tsx", tmp, "page.js");
    page.plugins = [
      new webpack.DefinePlugin({
        __CHECKER_WORKER__: JSON.stringify(worker.js),
        "process.env.NODE_ENV": JSON.stringify(mode),
      }),
    ];
    const pageStats = await run(webpack, page);
    const bundle = withLicences(tmp, "page.js");
    const script = inlineSafe(bundle.js);
    const hash = "sha256-" + crypto.createHash("sha256").update(script, "utf8").digest("base64");
    const template = fs.readFileSync(TEMPLATE, "utf8");
    // The one script element, however a formatter laid it out.
    const SCRIPT = /<script>\s*%SCRIPT%\s*<\/script>/;
    if (!template.includes("%CSP%") || !template.includes("%LICENCES%") || !SCRIPT.test(template))
      throw new Error(`${TEMPLATE} lost one of its %CSP%, %LICENCES%, <script>%SCRIPT%</script> placeholders`);
    // Each notice once (the worker and the page share decimal.js and others).
    const notices = [bundle.licences, worker.licences].join("\n\n").split(/\n\s*\n/);
    const licences = [...new Set(notices.map((n) => n.trim()).filter(Boolean))].join("\n\n");
    // Functions as replacements: "$" in the script is not a pattern.
    const html = template
      .replace("%CSP%", () => csp(hash))
      .replace("%LICENCES%", () => commentSafe(licences))
      .replace(SCRIPT, () => `<script>${script}</script>`);
    const fileDependencies = new Set([
      TEMPLATE,
      ...workerStats.compilation.fileDependencies,
      ...pageStats.compilation.fileDependencies,
    ]);
    return {
      html,
      fileDependencies: [...fileDependencies].filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`)),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Emits checker.html among the assets of the compilation it is added to (the add-in's build). */
class CheckerPlugin {
  constructor({ mode = "production" } = {}) {
    this.mode = mode;
  }

  apply(compiler) {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap("CheckerPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "CheckerPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { html, fileDependencies } = await buildChecker({ mode: this.mode, webpack });
          // Already minified: webpack's HTML minimizer would rewrite the inline script (and so
          // break its CSP hash).
          compilation.emitAsset("checker.html", new webpack.sources.RawSource(html), { minimized: true });
          for (const f of fileDependencies) compilation.fileDependencies.add(f);
        },
      );
    });
  }
}

module.exports = { buildChecker, CheckerPlugin, csp };
