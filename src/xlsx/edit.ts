/**
 * Editing a part's XML text in place: a list of replacements at offsets the tokenizer reported,
 * applied in one pass, so that everything not edited stays byte for byte what it was. Pure.
 */

/** Replace [start, end) of the text with `text` (start = end: an insertion). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The text with every edit applied. Edits may not overlap; insertions at the same offset keep
 * their order, and go before a replacement that starts there.
 */
export function applyEdits(source: string, edits: TextEdit[]): string {
  if (edits.length === 0) return source;
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.start - b.e.start || (a.e.end - a.e.start === 0 ? 0 : 1) - (b.e.end - b.e.start === 0 ? 0 : 1) || a.i - b.i,
    )
    .map((x) => x.e);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out.push(source.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(source.slice(at));
  return out.join("");
}

const ATTR_CACHE = new Map<string, RegExp>();

/**
 * A start tag's text (`<x:c r="A1" s="3">`) with attributes set: an existing attribute's value
 * replaced where it stands, a new one added before the tag's end. Values are written as given
 * (escape them first).
 */
export function setAttributes(tag: string, attrs: Record<string, string>): string {
  let out = tag;
  for (const [name, value] of Object.entries(attrs)) {
    let re = ATTR_CACHE.get(name);
    if (!re) {
      re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
      ATTR_CACHE.set(name, re);
    }
    if (re.test(out)) out = out.replace(re, (_m, head: string) => `${head}"${value}"`);
    else out = out.replace(/\s*(\/?>)$/, (_m, end: string) => ` ${name}="${value}"${end}`);
  }
  return out;
}

/** The prefix of a qualified name, with its colon ("x:worksheet" → "x:", "worksheet" → ""). */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? "" : qname.slice(0, i + 1);
}

/** The qualified name of the tag starting at `start` ("<x:row r=…" → "x:row"). */
export function tagName(source: string, start: number): string {
  let p = start + 1;
  while (p < source.length && !/[\s/>]/.test(source[p])) p++;
  return source.slice(start + 1, p);
}
