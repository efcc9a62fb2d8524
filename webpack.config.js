/* global require, module, process, __dirname */
"use strict";

/**
 * Builds the add-in into dist/ (shared runtime: one page, taskpane.html, loads the task pane,
 * the PERF custom functions and the ribbon commands):
 *
 *   dist/taskpane.html   the page every manifest runtime reference points at
 *   dist/taskpane.js     React + Fluent UI task pane (src/taskpane/index.tsx)
 *   dist/functions.js    PERF custom functions (src/functions/functions.ts)
 *   dist/functions.json  their metadata, generated from the JSDoc by custom-functions-metadata-plugin
 *   dist/commands.js     ribbon commands (src/commands/commands.ts)
 *   dist/help.html       the support / "learn more" page the manifest names
 *   dist/assets/*.png    icons
 *   dist/manifest.xml    manifest.xml; for a deployment (ADDIN_ORIGIN=https://host/path), with every
 *                        URL on that origin, the publisher's ProviderName and SupportUrl
 *
 * The build settings (scripts/build-settings.js, from the environment) also decide the office.js
 * the page loads and its Content-Security-Policy (OFFICE_CLOUD, OFFICE_JS_URL).
 *
 * `webpack --mode production` (npm run build) needs no certificates and writes no source maps;
 * `webpack serve --mode development` (npm run dev-server) serves https://localhost:3000 with the
 * office-addin-dev-certs certificates (created on first use).
 */

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { buildSettings, deploymentManifest, BuildSettingError } = require("./scripts/build-settings");

const DEV_SERVER_PORT = 3000;

async function getHttpsOptions() {
  // Only required in dev-server mode: a plain build must not need (or create) certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

const helpPage = (csp) => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="${csp}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>绩效自评表复核 帮助 / Performance self-evaluation check: help</title>
<style>body{font-family:"Segoe UI","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.6}code{background:#f3f3f3;padding:0 .2em}</style>
</head>
<body>
<h1><img src="assets/icon-32.png" width="32" height="32" alt="" /> 绩效自评表复核 / Performance self-evaluation check</h1>
<h2>中文</h2>
<p>本加载项为项目支出绩效自评表计分并复核：</p>
<ul>
<li>在单元格中使用 <code>PERF.</code> 自定义函数计分，例如 <code>=PERF.SCORE(指标值, 完成值, 分值)</code>、<code>=PERF.EXECRATE(预算数, 执行数)</code>、<code>=PERF.GRADE(总分)</code>；<code>=PERF.EXPLAIN(...)</code> 给出计算说明。</li>
<li>“开始”选项卡的“复核工作表”按钮检查当前工作表中的自评表，并标出有问题的单元格。</li>
<li>“打开窗格”显示计分明细和问题列表。</li>
</ul>
<h2>English</h2>
<p>This add-in scores and checks project expenditure performance self-evaluation forms (绩效自评表):</p>
<ul>
<li>Score in cells with the <code>PERF.</code> custom functions, e.g. <code>=PERF.SCORE(target, actual, weight)</code>, <code>=PERF.EXECRATE(budget, executed)</code>, <code>=PERF.GRADE(total)</code>; <code>=PERF.EXPLAIN(...)</code> shows how a figure was reached.</li>
<li>The <b>Validate sheet</b> button on the Home tab checks the form on the active sheet and marks the cells at fault.</li>
<li><b>Open pane</b> shows the scoring details and the list of findings.</li>
</ul>
</body>
</html>
`;

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  let settings;
  try {
    settings = buildSettings(process.env);
  } catch (e) {
    if (!(e instanceof BuildSettingError)) throw e;
    // One line, no stack: a setting to correct, not a fault of the build.
    const err = new Error(`build settings: ${e.message}`);
    err.stack = err.message;
    throw err;
  }

  const config = {
    mode: dev ? "development" : "production",
    // No source maps in production (nothing in dist/ points at code outside it); full
    // source maps in development (no eval: the page's CSP has no 'unsafe-eval').
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    // No `global` shim: webpack's shim falls back to new Function("return this"), which the
    // security pass forbids (no eval / new Function in the bundles). globalThis is everywhere we run.
    node: { global: false },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { sourceMap: dev, module: "ESNext" },
            },
          },
        },
      ],
    },
    optimization: {
      // Stable ids and names so that two builds of the same source give the same bytes.
      moduleIds: "deterministic",
      chunkIds: "deterministic",
    },
    // The Fluent UI task pane bundle is larger than webpack's 244 KiB hint; sizes are
    // tracked by `npm run bench` instead.
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { csp: settings.csp, officeJsUrl: settings.officeJsUrl },
        chunks: ["taskpane", "functions", "commands"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        templateContent: helpPage(settings.csp),
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => deploymentManifest(content.toString("utf8"), settings),
          },
        ],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port) || DEV_SERVER_PORT,
      static: false,
      client: { overlay: false },
    };
  }

  return config;
};
