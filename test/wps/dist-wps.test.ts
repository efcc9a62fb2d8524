/**
 * What `npm run build:wps` leaves in dist-wps/ (webpack.wps.config.js): the WPS add-in in the layout
 * of the wpsjs 2.2.3 ET template. The ribbon names the callbacks main.js defines; the manifest names
 * functions.json and the PERF namespace; functions.json lists every PERF function of the Excel build
 * (every id and every name of dist/functions.json) with Chinese parameter descriptions, and each is
 * registered by main.js; the pane page loads its bundle; the publish files name the add-in.
 * Needs built dist/ and dist-wps/ (`npm test` runs both builds first).
 */
import { DOMParser } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { createFakeEt } from "../fakes/fake-et";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const WPS = path.join(ROOT, "dist-wps");

const read = (f: string) => fs.readFileSync(path.join(WPS, f), "utf8");
const xml = (f: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => void (level !== "warning" && errors.push(msg)),
  }).parseFromString(read(f), "text/xml");
  expect(errors).toEqual([]);
  return doc;
};

interface WpsFunction {
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string }[];
  result: { type: string };
}

test("dist-wps holds the add-in: main page, ribbon, pane, functions, manifest, publish files, icons", () => {
  for (const f of [
    "index.html",
    "main.js",
    "ribbon.xml",
    "taskpane.html",
    "taskpane.js",
    "functions.json",
    "manifest.xml",
    "package.json",
    "publish.xml",
    "jsplugins.xml",
  ])
    expect(fs.statSync(path.join(WPS, f)).size).toBeGreaterThan(0);
  // (Minified HTML: attribute quotes may be dropped.)
  expect(read("index.html")).toMatch(/<script[^>]* src="?\.\/main\.js"?/);
  expect(read("taskpane.html")).toMatch(/<script[^>]* src="?taskpane\.js"?/);
  expect(read("taskpane.html")).toMatch(/id="?container"?/);
  expect(JSON.parse(read("package.json"))).toMatchObject({ name: "perf-selfeval", addonType: "et" });
});

test("ribbon.xml: 复核工作表, 清除标记, 撤销修改 and the pane button, each with callbacks main.js defines; its icons exist", () => {
  const doc = xml("ribbon.xml");
  const root = doc.documentElement!;
  expect(root.getAttribute("onLoad")).toBe("OnAddinLoad");
  const buttons = [...Array.from(doc.getElementsByTagName("button"))];
  expect(buttons.map((b) => b.getAttribute("id"))).toEqual([
    "btnValidate",
    "btnClearFlags",
    "btnRevert",
    "btnShowPane",
  ]);
  const callbacks = new Set(["OnAddinLoad"]);
  for (const b of buttons)
    for (const attr of ["onAction", "getLabel", "getImage", "getEnabled"]) callbacks.add(b.getAttribute(attr)!);

  // Run main.js in a page with a fake WPS: it defines every callback the ribbon names.
  const fake = createFakeEt({ sheets: [{ name: "Sheet1" }] });
  const page: Record<string, unknown> = {
    Application: fake.Application,
    wps: fake.Application,
    location: { href: "file:///C:/jsaddons/perf-selfeval_0.1.0/index.html" },
    navigator: { language: "zh-CN" },
    console,
    setTimeout,
  };
  page.globalThis = page;
  page.window = page;
  vm.runInNewContext(read("main.js"), page);
  for (const name of callbacks) expect(typeof page[name]).toBe("function");
  const label = page.OnGetLabel as (c: { Id: string }) => string;
  expect(buttons.map((b) => label({ Id: b.getAttribute("id")! }))).toEqual([
    "复核工作表",
    "清除标记",
    "撤销修改",
    "打开窗格",
  ]);
  const image = page.GetImage as (c: { Id: string }) => string;
  for (const b of buttons) expect(fs.existsSync(path.join(WPS, image({ Id: b.getAttribute("id")! })))).toBe(true);
  // Every function of functions.json is registered, in the PERF namespace.
  const listed = (JSON.parse(read("functions.json")) as { functions: WpsFunction[] }).functions.map((f) => f.name);
  expect([...fake.customFunctions.keys()].sort()).toEqual(listed.map((n) => `PERF.${n}`).sort());
});

test("functions.json lists every PERF function of the Excel build (ids and names), with Chinese descriptions", () => {
  const excel = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
    functions: { id: string; name: string; parameters: unknown[] }[];
  };
  const wps = (JSON.parse(read("functions.json")) as { functions: WpsFunction[] }).functions;
  const names = wps.map((f) => f.name);
  for (const f of excel.functions) {
    expect(names).toContain(f.id);
    expect(names).toContain(f.name);
  }
  expect(new Set(names).size).toBe(names.length);
  for (const f of wps) {
    expect(f.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/); // the wpsjs plugin's rule for a name
    expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    expect(f.description).not.toMatch(/[A-Za-z]{4,}/); // the Chinese half only
    for (const p of f.parameters) {
      expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      expect(p.type).toMatch(/^(any|number|string|bool)(\[\]\[\])?\??$/);
    }
  }
  const score = wps.find((f) => f.name === "SCORE")!;
  expect(score.parameters.map((p) => `${p.name}:${p.type}`)).toEqual([
    "target:any",
    "actual:any",
    "weight:any",
    "kind:string?",
    "policy:string?",
  ]);
  expect(score.parameters[0].description).toBe("年度指标值，如“≥90%”");
  expect(wps.find((f) => f.name === "TOTAL")!.parameters[0]).toEqual({
    name: "range1",
    description: "得分区域",
    type: "any[][]",
  });
});

test("manifest.xml names functions.json and the PERF namespace; the publish files name the add-in", () => {
  const m = xml("manifest.xml");
  const text = (tag: string) => m.getElementsByTagName(tag)[0]?.textContent;
  expect(text("Name")).toBe("perf-selfeval");
  expect(text("Uri")).toBe("/functions.json");
  expect(text("Namespace")).toBe("PERF");
  const version = JSON.parse(read("package.json")).version as string;
  const offline = xml("publish.xml").getElementsByTagName("jsplugin")[0];
  expect(offline.getAttribute("name")).toBe("perf-selfeval");
  expect(offline.getAttribute("type")).toBe("et");
  expect(offline.getAttribute("url")).toBe(`perf-selfeval_${version}`);
  const online = xml("jsplugins.xml").getElementsByTagName("jspluginonline")[0];
  expect(online.getAttribute("type")).toBe("et");
  expect(online.getAttribute("url")).toMatch(/^https?:\/\/.+\/$/);
});

test("no crypto.randomUUID in the bundles (older embedded Chromium lacks it)", () => {
  for (const f of ["main.js", "taskpane.js"]) expect(read(f)).not.toContain("randomUUID");
});
