/* global require, module, __dirname */
"use strict";

/**
 * perf-check's bundles, built by `npm run build:cli` after tsc has compiled src/ to build/:
 *
 *   build/cli/perf-check.js         the CLI (build/cli/main.js and every module it loads, those it
 *                                   loads only when needed included) in one file;
 *   build/cli/check-worker.bundle.js the worker thread that checks half of a large workbook's sheets.
 *
 * One file starts faster than ~90 modules each resolved, read and wrapped by Node's loader
 * (`npm run bench` row 1). bin/perf-check.js loads the bundle, or build/cli/main.js when the
 * bundle is missing or older. Not minified: stack traces stay readable. OpenCC's dictionaries stay
 * a package of their own, loaded only for traditional-character text (src/layout/headers.ts).
 */

const path = require("path");

module.exports = {
  mode: "production",
  target: "node20",
  context: __dirname,
  entry: {
    "perf-check": "./build/cli/main.js",
    "check-worker.bundle": "./build/cli/check-worker.js",
  },
  output: {
    path: path.resolve(__dirname, "build/cli"),
    filename: "[name].js",
    library: { type: "commonjs2" },
  },
  externals: { "opencc-js/t2cn": "commonjs opencc-js/t2cn" },
  // __dirname is the bundle's own folder (build/cli), as for the modules it holds.
  node: { __dirname: false, __filename: false },
  optimization: { minimize: false, nodeEnv: false, splitChunks: false },
  devtool: false,
  performance: { hints: false },
  stats: "errors-warnings",
};
