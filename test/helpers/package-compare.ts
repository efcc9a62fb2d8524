/**
 * Comparing a workbook package with its annotated copy part by part, with tools of its own
 * (JSZip, @xmldom/xmldom), not the writer's: every original part is present; a part that did not
 * have to change is the same compressed bytes; a part that changed only gained — parsed, every
 * original element is still there, in order, with the same attributes and text, except for the
 * bookkeeping a gain needs (a list's count, a row's spans, the sheet's dimension) and a flagged
 * cell's style id, which must name a copy of its old format with a flag fill.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";

type El = Element;

function elements(e: El): El[] {
  const out: El[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

function text(e: El): string {
  let s = "";
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? "";
  return s;
}

function attrs(e: El): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i < e.attributes.length; i++) m.set(e.attributes[i].name, e.attributes[i].value);
  return m;
}

function box(ref: string): [number, number, number, number] | null {
  const cell = (a: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
    if (!m) return null;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), c] as const;
  };
  const [a, b = a] = ref.split(":");
  const p = cell(a);
  const q = cell(b);
  return p && q ? [p[0], p[1], q[0], q[1]] : null;
}

/** How a changed attribute may differ; return a problem, or undefined when the change is allowed. */
export type AttributeRule = (
  el: El,
  name: string,
  before: string | undefined,
  after: string | undefined,
) => string | undefined;

function local(e: El): string {
  return e.localName ?? e.nodeName.replace(/^.*:/, "");
}

/** The bookkeeping every gain needs, allowed in any part. */
const bookkeeping: AttributeRule = (el, name, before, after) => {
  const n = local(el);
  if (name === "count" && before !== undefined && after !== undefined && Number(after) >= Number(before))
    return undefined;
  if (n === "dimension" && name === "ref" && before && after) {
    const o = box(before);
    const c = box(after);
    if (o && c && c[0] <= o[0] && c[1] <= o[1] && c[2] >= o[2] && c[3] >= o[3]) return undefined;
  }
  if (n === "row" && name === "spans" && before && after) {
    const [a, b] = before.split(":").map(Number);
    const [c, d] = after.split(":").map(Number);
    if (c <= a && d >= b) return undefined;
  }
  if (n === "c" && name === "r" && before === undefined && after) return undefined;
  return `${el.nodeName}@${name}: ${before} → ${after}`;
};

/** Problems found where `copy` is not `orig` plus additions (empty: it only gained). */
function gained(orig: El, copy: El, path: string, rule: AttributeRule, problems: string[]): void {
  if (orig.nodeName !== copy.nodeName) {
    problems.push(`${path}: <${orig.nodeName}> became <${copy.nodeName}>`);
    return;
  }
  const a = attrs(orig);
  const b = attrs(copy);
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(name) === b.get(name)) continue;
    const p = rule(copy, name, a.get(name), b.get(name));
    if (p) problems.push(`${path}: ${p}`);
  }
  const oc = elements(orig);
  const cc = elements(copy);
  if (oc.length === 0 && cc.length === 0) {
    if (text(orig) !== text(copy))
      problems.push(`${path}: text ${JSON.stringify(text(orig))} became ${JSON.stringify(text(copy))}`);
    return;
  }
  // A cell keeps exactly its children (value, formula): a copy adds cells, never content to a cell.
  if (local(orig) === "c" && cc.length !== oc.length) problems.push(`${path}: cell content changed`);
  let j = 0;
  for (const [i, o] of oc.entries()) {
    const at = `${path}/${o.nodeName}[${i}]`;
    // The next copy child of the same name that matches it (new children may stand between).
    let found = false;
    for (; j < cc.length; j++) {
      if (cc[j].nodeName !== o.nodeName) continue;
      const trial: string[] = [];
      gained(o, cc[j], at, rule, trial);
      if (trial.length === 0 || sameKey(o, cc[j])) {
        problems.push(...trial);
        j++;
        found = true;
        break;
      }
    }
    if (!found) problems.push(`${at}: missing from the copy`);
  }
}

/** Elements that are "the same one" even if they differ (then the differences are reported). */
function sameKey(o: El, c: El): boolean {
  const key = (e: El) =>
    e.getAttribute("r") || e.getAttribute("ref") || e.getAttribute("Id") || e.getAttribute("PartName");
  return !!key(o) && key(o) === key(c);
}

export interface PartDiff {
  /** Parts whose content changed. */
  changed: string[];
  /** Parts the copy has that the original does not. */
  added: string[];
  /** Everything that is not "only gained". */
  problems: string[];
}

export interface CompareOptions {
  /** Allowed attribute changes beyond the bookkeeping (e.g. flagged cells' style ids). */
  rule?: AttributeRule;
  /** Parts to leave to the caller (huge sheets): only their presence is checked here. */
  skip?: (part: string) => boolean;
}

function compressed(zip: JSZip, name: string): Uint8Array | undefined {
  return (zip.file(name) as unknown as { _data?: { compressedContent?: Uint8Array } })?._data?.compressedContent;
}

/** Compare a package with its copy, part by part. */
export async function comparePackages(original: Buffer, copy: Buffer, opts: CompareOptions = {}): Promise<PartDiff> {
  const a = await JSZip.loadAsync(original);
  const b = await JSZip.loadAsync(copy);
  const diff: PartDiff = { changed: [], added: [], problems: [] };
  const names = Object.keys(a.files).filter((n) => !a.files[n].dir);
  for (const n of Object.keys(b.files)) if (!b.files[n].dir && !a.files[n]) diff.added.push(n);
  for (const name of names) {
    if (!b.file(name)) {
      diff.problems.push(`${name}: missing from the copy`);
      continue;
    }
    const before = await a.file(name)!.async("uint8array");
    const after = await b.file(name)!.async("uint8array");
    if (Buffer.from(before).equals(Buffer.from(after))) {
      // Unchanged content is copied, not recompressed: the same stored bytes.
      const ca = compressed(a, name);
      const cb = compressed(b, name);
      if (ca && cb && !Buffer.from(ca).equals(Buffer.from(cb))) diff.problems.push(`${name}: recompressed`);
      continue;
    }
    diff.changed.push(name);
    if (opts.skip?.(name)) continue;
    const textBefore = Buffer.from(before).toString("utf8");
    const textAfter = Buffer.from(after).toString("utf8");
    if (/\.vml$/i.test(name)) {
      // VML is not always well-formed XML: the original must stand whole, note boxes added before </xml>.
      const close = textBefore.toLowerCase().lastIndexOf("</xml>");
      if (!textAfter.startsWith(textBefore.slice(0, close)) || !textAfter.endsWith(textBefore.slice(close)))
        diff.problems.push(`${name}: the original drawing is not kept whole`);
      continue;
    }
    const errors: string[] = [];
    const parse = (s: string) =>
      new DOMParser({
        onError: (level: string, msg: string) => void (level !== "warning" && errors.push(msg)),
      }).parseFromString(s, "text/xml").documentElement as unknown as El;
    const o = parse(textBefore);
    const c = parse(textAfter);
    if (errors.length) diff.problems.push(`${name}: ${errors.join("; ")}`);
    const rule: AttributeRule = (el, attr, x, y) => {
      const p = bookkeeping(el, attr, x, y);
      return p === undefined || !opts.rule ? p : opts.rule(el, attr, x, y);
    };
    gained(o, c, name, rule, diff.problems);
  }
  return diff;
}

/** The cellXfs, fills and fonts of a styles part, as their XML texts. */
export async function styleLists(pkg: Buffer): Promise<Record<"cellXfs" | "fills" | "fonts", string[]>> {
  const zip = await JSZip.loadAsync(pkg);
  const xml = await zip.file("xl/styles.xml")!.async("string");
  const doc = new DOMParser().parseFromString(xml, "text/xml").documentElement as unknown as El;
  const list = (name: string) => {
    const el = elements(doc).find((e) => local(e) === name);
    return el ? elements(el).map((x) => x.toString()) : [];
  };
  return { cellXfs: list("cellXfs"), fills: list("fills"), fonts: list("fonts") };
}

/**
 * The rule for flagged cells: a cell's style id may change only to a format that is its old one
 * (same attributes and children) but for a solid fill in one of `argbs`.
 */
export async function flagStyleRule(original: Buffer, copy: Buffer, argbs: string[]): Promise<AttributeRule> {
  const o = await styleLists(original);
  const c = await styleLists(copy);
  const parse = (s: string) => new DOMParser().parseFromString(s, "text/xml").documentElement as unknown as El;
  const strip = (xf: string) => {
    const e = parse(xf);
    e.removeAttribute("fillId");
    e.removeAttribute("applyFill");
    return e.toString();
  };
  return (el, name, before, after) => {
    if (local(el) !== "c" || name !== "s" || after === undefined) return `${el.nodeName}@${name}: ${before} → ${after}`;
    const was = o.cellXfs[Number(before ?? 0)];
    const now = c.cellXfs[Number(after)];
    if (!was || !now || strip(was) !== strip(now)) return `c@s ${before} → ${after}: not the old format plus a fill`;
    const fill = c.fills[Number(parse(now).getAttribute("fillId"))] ?? "";
    if (!argbs.some((argb) => fill.includes(`rgb="${argb}"`)) || !fill.includes('patternType="solid"'))
      return `c@s ${before} → ${after}: fill ${fill} is no flag fill`;
    return undefined;
  };
}
