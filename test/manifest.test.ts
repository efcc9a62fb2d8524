/**
 * The offline manifest validator (scripts/validate-manifest.js) on the real manifest and on
 * broken copies. Needs a built dist/ (`npm test` runs `npm run build` first).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REQUIRED } from "../src/excel/requirements";

const ROOT = path.resolve(__dirname, "..");
const VALIDATOR = path.join(ROOT, "scripts", "validate-manifest.js");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DIST = path.join(ROOT, "dist");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function validate(manifest: string, dist: string | null = DIST): Run {
  const args = [VALIDATOR, manifest, ...(dist ? [dist] : [])];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
const original = fs.readFileSync(MANIFEST, "utf8");

/** Writes a changed copy of manifest.xml to the temp dir; fails if the change did not apply. */
function brokenCopy(name: string, change: (xml: string) => string): string {
  const xml = change(original);
  expect(xml).not.toBe(original);
  const file = path.join(tmp, `${name}.xml`);
  fs.writeFileSync(file, xml);
  return file;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`dist/ is missing or incomplete (${DIST}): run \`npm run build\` first (\`npm test\` does).`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "perf-manifest-"));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("real manifest", () => {
  test("passes every check against the built dist/", () => {
    const r = validate(MANIFEST);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^manifest OK: \d+ checks$/m);
    expect(r.status).toBe(0);
  });

  test("dist/manifest.xml is the same file", () => {
    expect(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(original);
  });

  test("declares exactly the requirement sets the add-in needs to load (src/excel/requirements.ts)", () => {
    const sets = [...original.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(sets.sort()).toEqual(REQUIRED.map((r) => `${r.name} ${r.version}`).sort());
    // CustomFunctions.Error is CustomFunctionsRuntime 1.2; getRangeByIndexes ExcelApi 1.7 (@types/office-js).
    expect(sets).toEqual(expect.arrayContaining(["CustomFunctionsRuntime 1.2", "ExcelApi 1.7", "SharedRuntime 1.1"]));
  });

  test("wires the shared runtime, PERF namespace and both ribbon buttons", () => {
    expect(original).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>/);
    expect(original).toMatch(/<FunctionFile resid="Taskpane.Url"\s*\/>/);
    expect(original).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PERF"\s*\/>/);

    expect(original).toMatch(/<FunctionName>validateSheet<\/FunctionName>/);
    expect(original).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(original).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(original).toMatch(/<bt:Override Locale="en-US" Value="Validate sheet"\s*\/>/);
    expect(original).toMatch(/<bt:Override Locale="en-US" Value="Open pane"\s*\/>/);
  });
});

describe("broken copies fail, naming the fault", () => {
  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    ["malformed XML", (x) => x.replace("</Permissions>", ""), /FAULT: not well-formed XML/],
    [
      "dangling resid",
      (x) => x.replace('<Label resid="PaneButton.Label"/>', '<Label resid="PaneButton.Labl"/>'),
      /FAULT: dangling resid "PaneButton.Labl"/,
    ],
    [
      "resid of the wrong kind",
      (x) => x.replace('<Label resid="PaneButton.Label"/>', '<Label resid="Help.Url"/>'),
      /FAULT: resid "Help.Url" on <Label>.*names a bt:Url, but needs a bt:ShortStrings string/,
    ],
    [
      "namespace not PERF",
      (x) =>
        x.replace('id="Functions.Namespace" DefaultValue="PERF"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'),
      /FAULT: custom-function namespace resource "Functions.Namespace" is "CONTOSO", not "PERF"/,
    ],
    [
      "URL on another origin",
      (x) => x.replace("https://localhost:3000/functions.json", "https://example.com/functions.json"),
      /FAULT: bt:Url "Functions.Metadata.Url".*"https:\/\/example.com\/functions.json" is on another origin/,
    ],
    [
      "URL on another port",
      (x) =>
        x.replace(
          '"https://localhost:3000/help.html"/>\n      </bt:Urls>',
          '"https://localhost:3001/help.html"/>\n      </bt:Urls>',
        ),
      /FAULT: bt:Url "Help.Url".*is on another origin \(https:\/\/localhost:3001\)/,
    ],
    [
      "URL outside the task pane's folder",
      (x) => x.replace("https://localhost:3000/taskpane.html", "https://localhost:3000/app/taskpane.html"),
      /FAULT: .*"https:\/\/localhost:3000\/functions.js" is outside the add-in's folder https:\/\/localhost:3000\/app\//,
    ],
    [
      "no publisher",
      (x) => x.replace("<ProviderName>perf-selfeval-addin</ProviderName>", "<ProviderName> </ProviderName>"),
      /FAULT: no <ProviderName>: name the publisher/,
    ],
    [
      "http URL",
      (x) => x.replace('"https://localhost:3000/assets/icon-16.png"', '"http://localhost:3000/assets/icon-16.png"'),
      /FAULT: bt:Image "Icon.16x16".*"http:\/\/localhost:3000\/assets\/icon-16.png" is not an https URL/,
    ],
    [
      "AppDomain on another origin",
      (x) =>
        x.replace(
          "  <Hosts>\n    <Host Name",
          "  <AppDomains>\n    <AppDomain>https://contoso.com</AppDomain>\n  </AppDomains>\n  <Hosts>\n    <Host Name",
        ),
      /FAULT: AppDomain.*"https:\/\/contoso.com" is on another origin/,
    ],
    [
      "other permission",
      (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"),
      /FAULT: Permissions is "ReadWriteMailbox", must be exactly "ReadWriteDocument"/,
    ],
    [
      "extra permission",
      (x) =>
        x.replace(
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadWriteDocument</Permissions>\n  <Permissions>ReadAllDocument</Permissions>",
        ),
      /FAULT: expected one <Permissions>, found 2/,
    ],
    [
      "missing en-US override",
      (x) => x.replace('\n          <bt:Override Locale="en-US" Value="Open pane"/>', ""),
      /FAULT: string "PaneButton.Label" has no en-US <bt:Override>/,
    ],
    [
      "DisplayName without en-US override",
      (x) =>
        x.replace(/<DisplayName DefaultValue="([^"]*)">[\s\S]*?<\/DisplayName>/, '<DisplayName DefaultValue="$1"/>'),
      /FAULT: <DisplayName> has no en-US <Override>/,
    ],
    [
      "task pane outside the shared runtime",
      (x) =>
        x.replace(
          '<TaskpaneId>PerfTaskpane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>',
          '<TaskpaneId>PerfTaskpane</TaskpaneId>\n                    <SourceLocation resid="Help.Url"/>',
        ),
      /FAULT: ShowTaskpane SourceLocation.*uses resid "Help.Url", not the shared runtime's "Taskpane.Url"/,
    ],
    [
      "file not in dist",
      (x) => x.replace("https://localhost:3000/assets/icon-80.png", "https://localhost:3000/assets/icon-81.png"),
      /FAULT: bt:Image "Icon.80x80".*assets[/\\]icon-81.png, which is missing after the build/,
    ],
    [
      "command the bundles do not register",
      (x) => x.replace("<FunctionName>validateSheet</FunctionName>", "<FunctionName>validateBook</FunctionName>"),
      /FAULT: ExecuteFunction "validateBook" appears in no .*bundle/,
    ],
  ];

  test.each(cases)("%s", (name, change, fault) => {
    const file = brokenCopy(name.replace(/\W+/g, "-"), change);
    const r = validate(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(fault);
    expect(r.stdout).not.toMatch(/manifest OK/);
  });

  test("a support page on the publisher's own site is allowed (a link, not a file of the add-in)", () => {
    const file = brokenCopy("support-elsewhere", (x) =>
      x.replace(
        '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
        '<SupportUrl DefaultValue="https://support.example.gov.cn/perf"/>',
      ),
    );
    const r = validate(file);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const http = brokenCopy("support-http", (x) =>
      x.replace(
        '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
        '<SupportUrl DefaultValue="http://support.example.gov.cn/perf"/>',
      ),
    );
    expect(validate(http).stderr).toMatch(/FAULT: SupportUrl.*is not an https URL/);
  });

  test("a file the manifest names is missing from dist", () => {
    const dist = path.join(tmp, "dist-without-functions-json");
    fs.cpSync(DIST, dist, { recursive: true });
    fs.rmSync(path.join(dist, "functions.json"));
    const r = validate(MANIFEST, dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /FAULT: bt:Url "Functions.Metadata.Url".*"https:\/\/localhost:3000\/functions.json" names .*functions.json, which is missing after the build/,
    );
  });

  test("no dist dir at all", () => {
    const r = validate(MANIFEST, path.join(tmp, "no-such-dist"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/FAULT: dist dir ".*no-such-dist" does not exist: run `npm run build` first/);
  });

  test("an unreadable manifest", () => {
    const r = validate(path.join(tmp, "absent.xml"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/FAULT: cannot read/);
  });

  test("usage error exits 2", () => {
    const r = spawnSync(process.execPath, [VALIDATOR], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage:/);
  });
});
