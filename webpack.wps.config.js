/* global require, module, process, __dirname */
"use strict";

/**
 * Builds the WPS 表格 add-in (WPS 加载项, jsaddons) into dist-wps/, in the layout of the wpsjs 2.2.3
 * ET template (node_modules is not needed to read it: `npm pack wpsjs`):
 *
 *   dist-wps/index.html       the main page WPS loads at start; loads main.js
 *   dist-wps/main.js          ribbon callbacks and the PERF functions (src/wps/addin.ts)
 *   dist-wps/ribbon.xml       the ribbon (CustomUI): 复核工作表, 清除标记, 撤销修改, 打开窗格
 *   dist-wps/taskpane.html    the task pane (src/wps/pane.tsx: the Excel pane over the WPS port)
 *   dist-wps/taskpane.js
 *   dist-wps/functions.json   the PERF functions in WPS's format (scripts/wps-functions.js)
 *   dist-wps/manifest.xml     JsPlugin manifest naming functions.json and the PERF namespace
 *   dist-wps/images/*.svg     the buttons' icons
 *   dist-wps/package.json     name, version and addonType ("et"), which wpsjs reads
 *   dist-wps/publish.xml      the offline install's entry for %appdata%\kingsoft\wps\jsaddons
 *                             (the add-in's files then go in the folder NAME_VERSION beside it)
 *   dist-wps/jsplugins.xml    the online entry for an intranet server (WPS_ADDIN_URL, a URL
 *                             ending in "/"; default http://127.0.0.1:3889/, wpsjs debug's port)
 *
 * `npm run build:wps` (webpack --config webpack.wps.config.js --mode production).
 */

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { wpsFunctionsJson } = require("./scripts/wps-functions");
const pkg = require("./package.json");

/** The add-in's name in jsaddons (the folder is NAME_VERSION) and its functions' namespace. */
const ADDIN_NAME = "perf-selfeval";
const NAMESPACE = "PERF";

function xmlEscape(s) {
  return String(s).replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c],
  );
}

function addinUrl(env) {
  const url = env.WPS_ADDIN_URL || "http://127.0.0.1:3889/";
  if (!/^https?:\/\/[^\s]+\/$/.test(url)) {
    const err = new Error(`build settings: WPS_ADDIN_URL must be an http(s) URL ending in "/" (got "${url}")`);
    err.stack = err.message;
    throw err;
  }
  return url;
}

/** Files written from the build's own data (not copied). */
class WpsFilesPlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("WpsFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "WpsFilesPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const functions = await wpsFunctionsJson(path.resolve(__dirname, "src/functions/functions.ts"));
          const v = xmlEscape(pkg.version);
          const files = {
            "functions.json": functions,
            "manifest.xml": `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${ADDIN_NAME}</Name>
  <Description>绩效自评表复核：PERF 函数、复核工作表、任务窗格</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>${NAMESPACE}</Namespace>
  </Functions>
</JsPlugin>
`,
            "package.json": `${JSON.stringify({ name: ADDIN_NAME, version: pkg.version, addonType: "et", description: pkg.description }, null, 2)}\n`,
            "publish.xml": `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${v}" version="${v}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`,
            "jsplugins.xml": `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlEscape(this.url)}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`,
          };
          for (const [name, text] of Object.entries(files)) compilation.emitAsset(name, new RawSource(text));
        },
      );
    });
  }
}

module.exports = (_env, options) => {
  const dev = options.mode === "development";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    // The embedded Chromium of older WPS builds: ES2017 output (ts-loader target below).
    target: ["web", "es2017"],
    entry: {
      main: "./src/wps/addin.ts",
      taskpane: "./src/wps/pane.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist-wps"),
      filename: "[name].js",
      clean: true,
    },
    node: { global: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { sourceMap: dev, module: "ESNext", target: "ES2017" },
            },
          },
        },
      ],
    },
    optimization: { moduleIds: "deterministic", chunkIds: "deterministic" },
    performance: { hints: false },
    plugins: [
      new WpsFilesPlugin(addinUrl(process.env)),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/static/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/static/index.html", to: "index.html" },
          { from: "src/wps/static/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/static/images/*", to: "images/[name][ext]" },
        ],
      }),
    ],
  };
};
