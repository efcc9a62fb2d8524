/* global require, module */
"use strict";

/**
 * WPS's functions.json from the PERF functions' JSDoc (src/functions/functions.ts), the same source
 * as Excel's functions.json (custom-functions-metadata reads it for both).
 *
 * The format is the one the wpsjs 2.2.3 vite plugin (functionsScanner) writes:
 *   { "functions": [ { "name", "description", "parameters": [ { "name", "description", "type" } ],
 *                      "result": { "type" } } ] }
 * with types "string", "number", "bool", "any", "any[][]" for a range, and "?" after an optional
 * parameter's type. Descriptions are the Chinese half of the JSDoc's bilingual texts (chinese()).
 *
 * Names: WPS registers a function under the name a user types. Each Excel function is listed under
 * its name, and under its id as well where the two differ (VALUE, the old name of NUMBER), the same
 * names src/wps/functions.ts registers. Excel's TOTAL takes any number of ranges (a repeating
 * parameter, which WPS's format has no way to say): here range1 and up to seven more.
 */
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const TOTAL_RANGES = 8;

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d]/;

/**
 * The Chinese half of a JSDoc text. A parameter's is "中文 / English": cut at the last slash that
 * only English follows. A function's is "中文。English.": cut after the last "。" that only English
 * follows. A text without an English half is kept whole.
 */
function chinese(text, kind = "parameter") {
  const s = String(text || "");
  const mark = kind === "parameter" ? "/" : "。";
  for (let i = s.lastIndexOf(mark); i >= 0; i = s.lastIndexOf(mark, i - 1)) {
    if (!CJK.test(s.slice(i + 1)) && CJK.test(s.slice(0, i + 1))) {
      return (kind === "parameter" ? s.slice(0, i) : s.slice(0, i + 1)).trim();
    }
    if (i === 0) break;
  }
  return s.trim();
}

function wpsType(p) {
  const base = p.dimensionality === "matrix" ? "any[][]" : p.type === "boolean" ? "bool" : p.type || "any";
  return p.optional ? `${base}?` : base;
}

function wpsFunction(f, name) {
  let parameters = (f.parameters || []).map((p) => ({
    name: p.name,
    description: chinese(p.description),
    type: wpsType(p),
  }));
  if (f.id === "TOTAL") {
    const d = chinese(f.parameters[0].description);
    parameters = Array.from({ length: TOTAL_RANGES }, (_, i) => ({
      name: `range${i + 1}`,
      description: i === 0 ? d : `${d}（可选）`,
      type: i === 0 ? "any[][]" : "any[][]?",
    }));
  }
  return {
    name,
    description: chinese(f.description, "function"),
    parameters,
    // "any" but for texts: a refused input answers its error as text (src/wps/functions.ts).
    result: { type: f.result && f.result.type === "string" ? "string" : "any" },
  };
}

/** Excel's metadata ({ functions: [{ id, name, … }] }) → WPS's functions.json object. */
function toWpsFunctions(excel) {
  const out = [];
  for (const f of excel.functions) {
    out.push(wpsFunction(f, f.name));
    if (f.id !== f.name) out.push(wpsFunction(f, f.id));
  }
  return { functions: out };
}

/** Read the JSDoc of `input` and give WPS's functions.json text. Throws on a JSDoc error. */
async function wpsFunctionsJson(input) {
  const r = await generateCustomFunctionsMetadata(input);
  if (r.errors && r.errors.length) throw new Error(`functions metadata: ${r.errors.join("; ")}`);
  return JSON.stringify(toWpsFunctions(JSON.parse(r.metadataJson)), null, 2);
}

module.exports = { wpsFunctionsJson, toWpsFunctions, chinese, TOTAL_RANGES };
