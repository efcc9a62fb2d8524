#!/usr/bin/env node
"use strict";
/**
 * Offline manifest check (no network; `npm run validate` is the online Microsoft validator).
 *
 *   node scripts/validate-manifest.js manifest.xml dist
 *
 * Reports each fault on its own line ("FAULT: …") and exits 1 if there is any; warnings
 * ("warning: …") do not fail. Clean: prints "manifest OK: N checks" and exits 0.
 * Exit 2: wrong usage.
 *
 * Checks:
 *  - the XML is well-formed and its root is an OfficeApp;
 *  - every resid names a defined resource (bt:Image / bt:Url / bt:ShortStrings / bt:LongStrings)
 *    of the kind the referring element needs (an icon an image, a SourceLocation a URL, a
 *    Label or Title a short string, a Description a long string); ids are unique;
 *  - every string has an en-US override (DisplayName, Description and each bt:String), except
 *    the custom-function namespace, which must be the same in every locale: a missing override
 *    is a FAULT (the ribbon must read in English for en-US users); string lengths within the
 *    schema's limits (short 125, long 250);
 *  - the custom-function namespace resource is "PERF" (and any override of it too);
 *  - a publisher is named (<ProviderName>);
 *  - all URLs (SourceLocation, bt:Url, bt:Image, IconUrl, HighResolutionIconUrl, SupportUrl,
 *    AppDomain, and their overrides) are https, and all but SupportUrl share one origin (the
 *    support page is a link the user opens, on the publisher's site if it likes; everything the
 *    add-in loads is on its own origin);
 *  - Permissions is exactly ReadWriteDocument;
 *  - shared runtime: one Runtime, lifetime long, and FunctionFile, the CustomFunctions Page and
 *    every ShowTaskpane SourceLocation use its resid;
 *  - the files the URLs name exist in the dist dir (the URL's path below the folder of the task pane
 *    page, which is where dist/ is served: https://host/path/taskpane.html ↔ dist/taskpane.html),
 *    and each ExecuteFunction FunctionName appears as a string in a dist/*.js bundle.
 */
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const EXPECTED_NAMESPACE = "PERF";
const EXPECTED_PERMISSION = "ReadWriteDocument";
const OVERRIDE_LOCALE = "en-US";
const MAX_LEN = { short: 125, long: 250 };

/** Which kind of resource an element's resid must name; null: any kind. */
function expectedKind(el) {
  const name = el.localName;
  const parent = el.parentNode && el.parentNode.localName;
  if (name === "Image") return "image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(name)) return "url";
  if (name === "Namespace" || name === "Label") return "short";
  if (name === "Title" && (parent === "Supertip" || parent === "GetStarted")) return "short";
  if (name === "Description" && (parent === "Supertip" || parent === "GetStarted")) return "long";
  return null;
}

const KIND_LABEL = {
  image: "bt:Image",
  url: "bt:Url",
  short: "bt:ShortStrings string",
  long: "bt:LongStrings string",
};

function allElements(root) {
  const out = [];
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        out.push(c);
        walk(c);
      }
    }
  };
  out.push(root);
  walk(root);
  return out;
}

function childElements(el, localName) {
  const out = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (!localName || c.localName === localName)) out.push(c);
  }
  return out;
}

function lineOf(el) {
  return el.lineNumber ? ` (line ${el.lineNumber})` : "";
}

function validateManifest(manifestPath, distDir) {
  const faults = [];
  const warnings = [];
  let checks = 0;
  /** Records one check; a false condition is a fault with this message. */
  const check = (ok, message) => {
    checks++;
    if (!ok) faults.push(message);
    return ok;
  };
  const result = () => ({ faults, warnings, checks });

  let text;
  try {
    text = fs.readFileSync(manifestPath, "utf8");
  } catch (e) {
    faults.push(`cannot read ${manifestPath}: ${e.message}`);
    return result();
  }

  // ------------------------------------------------------------ well-formed
  const parseErrors = [];
  let doc = null;
  try {
    doc = new DOMParser({
      onError: (level, message, context) => {
        const at = context && context.locator && context.locator.lineNumber;
        const one = String(message).replace(/\s+/g, " ").trim() + (at ? ` (line ${at})` : "");
        if (level === "warning") warnings.push(`XML: ${one}`);
        else parseErrors.push(one);
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    if (parseErrors.length === 0) parseErrors.push(String(e.message).replace(/\s+/g, " ").trim());
  }
  checks++;
  if (parseErrors.length > 0 || !doc || !doc.documentElement) {
    for (const err of parseErrors.length ? parseErrors : ["no document element"]) {
      faults.push(`not well-formed XML: ${err}`);
    }
    return result();
  }
  const root = doc.documentElement;
  if (!check(root.localName === "OfficeApp", `root element is <${root.tagName}>, not <OfficeApp>`)) {
    return result();
  }
  const elements = allElements(root);
  const byName = (name) => elements.filter((e) => e.localName === name);

  // ------------------------------------------------------------ resources
  /** id -> { kind, el } */
  const resources = new Map();
  const resourcesEl = byName("Resources")[0];
  check(Boolean(resourcesEl), "no <Resources> element in VersionOverrides");
  if (resourcesEl) {
    const groups = [
      ["Images", "Image", "image"],
      ["Urls", "Url", "url"],
      ["ShortStrings", "String", "short"],
      ["LongStrings", "String", "long"],
    ];
    for (const [groupName, itemName, kind] of groups) {
      for (const group of childElements(resourcesEl, groupName)) {
        for (const item of childElements(group, itemName)) {
          const id = item.getAttribute("id");
          if (!check(Boolean(id), `${KIND_LABEL[kind]} without an id${lineOf(item)}`)) continue;
          if (
            check(
              !resources.has(id),
              `resource id "${id}" is defined twice${lineOf(item)} (first as ${KIND_LABEL[resources.get(id) && resources.get(id).kind]})`,
            )
          ) {
            resources.set(id, { kind, el: item });
          }
          check(item.getAttribute("DefaultValue") !== "", `resource "${id}" has an empty DefaultValue${lineOf(item)}`);
        }
      }
    }
  }

  // ------------------------------------------------------------ resid references
  const used = new Set();
  for (const el of elements) {
    if (!el.hasAttribute("resid")) continue;
    const resid = el.getAttribute("resid");
    const res = resources.get(resid);
    if (!check(Boolean(res), `dangling resid "${resid}" on <${el.tagName}>${lineOf(el)}: no such resource id`)) {
      continue;
    }
    used.add(resid);
    const want = expectedKind(el);
    check(
      !want || want === res.kind,
      `resid "${resid}" on <${el.tagName}>${lineOf(el)} names a ${KIND_LABEL[res.kind]}, but needs a ${KIND_LABEL[want]}`,
    );
  }
  for (const [id, res] of resources) {
    if (!used.has(id)) warnings.push(`resource "${id}" (${KIND_LABEL[res.kind]}) is defined but never used`);
  }

  // ------------------------------------------------------------ locale overrides
  const defaultLocale = byName("DefaultLocale")[0];
  check(Boolean(defaultLocale && defaultLocale.textContent.trim()), "no <DefaultLocale> (the default strings' locale)");
  const overrideOf = (el) => childElements(el, "Override").find((o) => o.getAttribute("Locale") === OVERRIDE_LOCALE);
  for (const name of ["DisplayName", "Description"]) {
    const el = childElements(root, name)[0];
    if (!check(Boolean(el), `no <${name}> element`)) continue;
    const ov = overrideOf(el);
    if (check(Boolean(ov), `<${name}> has no ${OVERRIDE_LOCALE} <Override>${lineOf(el)}`)) {
      check(Boolean(ov.getAttribute("Value")), `<${name}> ${OVERRIDE_LOCALE} override is empty${lineOf(ov)}`);
    }
  }
  const namespaceEls = byName("Namespace").filter((e) => e.parentNode.localName === "ExtensionPoint");
  const namespaceIds = new Set(namespaceEls.map((e) => e.getAttribute("resid")));
  for (const [id, res] of resources) {
    if (res.kind !== "short" && res.kind !== "long") continue;
    const values = [res.el.getAttribute("DefaultValue") || ""];
    const ov = overrideOf(res.el);
    if (ov) values.push(ov.getAttribute("Value") || "");
    for (const v of values) {
      check(
        [...v].length <= MAX_LEN[res.kind],
        `string "${id}" is ${[...v].length} characters, over the ${MAX_LEN[res.kind]} a ${KIND_LABEL[res.kind]} allows`,
      );
    }
    if (namespaceIds.has(id)) continue; // the namespace is the same in every locale
    if (check(Boolean(ov), `string "${id}" has no ${OVERRIDE_LOCALE} <bt:Override>${lineOf(res.el)}`)) {
      check(Boolean(ov.getAttribute("Value")), `string "${id}" has an empty ${OVERRIDE_LOCALE} override${lineOf(ov)}`);
    }
  }

  // ------------------------------------------------------------ custom-function namespace
  if (check(namespaceEls.length === 1, `expected one custom-function <Namespace>, found ${namespaceEls.length}`)) {
    const id = namespaceEls[0].getAttribute("resid");
    const res = resources.get(id);
    if (res) {
      const values = [res.el.getAttribute("DefaultValue")];
      for (const o of childElements(res.el, "Override")) values.push(o.getAttribute("Value"));
      for (const v of values) {
        check(
          v === EXPECTED_NAMESPACE,
          `custom-function namespace resource "${id}" is "${v}", not "${EXPECTED_NAMESPACE}"`,
        );
      }
    }
  }

  // ------------------------------------------------------------ permissions
  const perms = byName("Permissions");
  if (check(perms.length === 1, `expected one <Permissions>, found ${perms.length}`)) {
    const value = perms[0].textContent.trim();
    check(
      value === EXPECTED_PERMISSION,
      `Permissions is "${value}", must be exactly "${EXPECTED_PERMISSION}" (no more, no less)`,
    );
  }

  // ------------------------------------------------------------ publisher
  const provider = childElements(root, "ProviderName")[0];
  check(Boolean(provider && provider.textContent.trim()), "no <ProviderName>: name the publisher");

  // ------------------------------------------------------------ URLs: https, one origin
  /** { url, where, file, own } : file=false for AppDomains (origins, not files); own=false for the support link. */
  const urls = [];
  const addUrl = (el, attr, where, file = true, own = true) => {
    const v = attr ? el.getAttribute(attr) : el.textContent.trim();
    if (v) urls.push({ url: v, where: `${where}${lineOf(el)}`, file, own });
    for (const o of childElements(el, "Override")) {
      const ov = o.getAttribute("Value");
      if (ov) urls.push({ url: ov, where: `${where} ${o.getAttribute("Locale")} override${lineOf(o)}`, file, own });
    }
  };
  for (const el of byName("SourceLocation")) {
    if (el.hasAttribute("DefaultValue")) addUrl(el, "DefaultValue", "SourceLocation");
  }
  for (const name of ["IconUrl", "HighResolutionIconUrl"]) {
    for (const el of childElements(root, name)) addUrl(el, "DefaultValue", name);
  }
  const support = childElements(root, "SupportUrl");
  check(support.length === 1, `expected one <SupportUrl>, found ${support.length}`);
  // The support page may be the publisher's own; a file in dist/ only when it is on the add-in's origin.
  for (const el of support) addUrl(el, "DefaultValue", "SupportUrl", true, false);
  for (const el of byName("AppDomain")) addUrl(el, null, "AppDomain", false);
  for (const [id, res] of resources) {
    if (res.kind === "url" || res.kind === "image") {
      addUrl(res.el, "DefaultValue", `${res.kind === "url" ? "bt:Url" : "bt:Image"} "${id}"`);
    }
  }
  const taskpaneSource = byName("SourceLocation").find(
    (e) => e.parentNode.localName === "DefaultSettings" && e.getAttribute("DefaultValue"),
  );
  let origin = null;
  /** The folder dist/ is served from: the task pane page's, e.g. "/path/" for https://host/path/taskpane.html. */
  let basePath = "/";
  if (taskpaneSource) {
    try {
      const page = new URL(taskpaneSource.getAttribute("DefaultValue"));
      origin = page.origin;
      basePath = page.pathname.replace(/[^/]*$/, "");
    } catch {
      /* reported below */
    }
  }
  check(urls.length > 0, "the manifest names no URL");
  for (const u of urls) {
    let parsed;
    try {
      parsed = new URL(u.url);
    } catch {
      check(false, `${u.where}: "${u.url}" is not a valid absolute URL`);
      continue;
    }
    u.parsed = parsed;
    check(parsed.protocol === "https:", `${u.where}: "${u.url}" is not an https URL`);
    if (!origin) origin = parsed.origin;
    if (!u.own) {
      // A support page elsewhere is a link, not a file of the add-in.
      if (parsed.origin !== origin) u.file = false;
      continue;
    }
    check(
      parsed.origin === origin,
      `${u.where}: "${u.url}" is on another origin (${parsed.origin}); every URL must be on ${origin}`,
    );
  }

  // ------------------------------------------------------------ shared runtime wiring
  const runtimes = byName("Runtime");
  if (check(runtimes.length === 1, `expected one shared <Runtime>, found ${runtimes.length}`)) {
    const rt = runtimes[0];
    const rtId = rt.getAttribute("resid");
    check(rt.getAttribute("lifetime") === "long", `<Runtime resid="${rtId}"> must have lifetime="long"`);
    const mustUse = [
      ...byName("FunctionFile").map((e) => ["FunctionFile", e]),
      ...byName("Page")
        .flatMap((p) => childElements(p, "SourceLocation"))
        .map((e) => ["CustomFunctions Page SourceLocation", e]),
      ...byName("Action")
        .filter((a) => /ShowTaskpane$/.test(a.getAttribute("xsi:type") || ""))
        .flatMap((a) => childElements(a, "SourceLocation"))
        .map((e) => ["ShowTaskpane SourceLocation", e]),
    ];
    check(mustUse.length > 0, "no FunctionFile, CustomFunctions Page or ShowTaskpane uses the shared runtime");
    for (const [what, el] of mustUse) {
      check(
        el.getAttribute("resid") === rtId,
        `${what}${lineOf(el)} uses resid "${el.getAttribute("resid")}", not the shared runtime's "${rtId}"`,
      );
    }
  }

  // ------------------------------------------------------------ files in dist
  const functionNames = byName("FunctionName").map((e) => e.textContent.trim());
  if (distDir) {
    const distRoot = path.resolve(distDir);
    if (
      check(
        fs.existsSync(distRoot) && fs.statSync(distRoot).isDirectory(),
        `dist dir "${distDir}" does not exist: run \`npm run build\` first`,
      )
    ) {
      const seen = new Set();
      for (const u of urls) {
        if (!u.file || !u.parsed || seen.has(u.url)) continue;
        seen.add(u.url);
        if (
          !check(
            u.parsed.pathname.startsWith(basePath),
            `${u.where}: "${u.url}" is outside the add-in's folder ${origin}${basePath} (where dist/ is served)`,
          )
        )
          continue;
        const below = u.parsed.pathname.slice(basePath.length);
        let rel;
        try {
          rel = decodeURIComponent(below).replace(/^\/+/, "");
        } catch {
          rel = below.replace(/^\/+/, "");
        }
        const file = path.resolve(distRoot, rel);
        if (!check(file.startsWith(distRoot + path.sep), `${u.where}: "${u.url}" points outside dist`)) continue;
        check(
          rel !== "" && fs.existsSync(file) && fs.statSync(file).isFile(),
          `${u.where}: "${u.url}" names ${path.join(distDir, rel)}, which is missing after the build`,
        );
      }
      const bundles = fs
        .readdirSync(distRoot)
        .filter((f) => f.endsWith(".js"))
        .map((f) => fs.readFileSync(path.join(distRoot, f), "utf8"));
      for (const name of functionNames) {
        check(
          bundles.some((b) => b.includes(`"${name}"`) || b.includes(`'${name}'`) || b.includes(`\`${name}\``)),
          `ExecuteFunction "${name}" appears in no ${distDir}/*.js bundle (Office.actions.associate("${name}", …) missing?)`,
        );
      }
    }
  }
  for (const name of functionNames) check(name !== "", "an ExecuteFunction has an empty <FunctionName>");

  return result();
}

function main(argv) {
  const [manifestPath, distDir] = argv;
  if (!manifestPath || argv.length > 2) {
    process.stderr.write("usage: node scripts/validate-manifest.js manifest.xml [distDir]\n");
    return 2;
  }
  const { faults, warnings, checks } = validateManifest(manifestPath, distDir);
  for (const w of warnings) process.stdout.write(`warning: ${w}\n`);
  if (faults.length) {
    for (const f of faults) process.stderr.write(`FAULT: ${f}\n`);
    process.stderr.write(`${manifestPath}: ${faults.length} fault(s) in ${checks} checks\n`);
    return 1;
  }
  process.stdout.write(`manifest OK: ${checks} checks\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest };
