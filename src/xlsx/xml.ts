/**
 * A strict, fast XML tokenizer for the parts of an Office Open XML package. Pure: strings in,
 * callbacks out, no Node or DOM API, so the same code runs in a browser Web Worker.
 *
 * Why not a general-purpose SAX parser (saxes): perf-check's whole job on a large workbook is
 * little more than reading its sheet XML, and saxes alone costs as much as the rest of the
 * check; this tokenizer reads the same parts about five times faster (npm run bench, the
 * "floor" row), and it reports where each tag starts and ends in the text, which the
 * annotated-copy writer needs to edit a part in place. test/xlsx/xml.test.ts holds it to
 * saxes's events on generated documents and to saxes's verdict on broken ones.
 *
 * What it checks (ECMA-376 parts are XML 1.0, UTF-8 or UTF-16): one root element, properly
 * nested tags with matching names, quoted attribute values without `<`, known entity
 * references only (the five predefined ones and character references), no characters XML 1.0
 * forbids, no duplicate attributes. A DOCTYPE is refused outright: no part of a package has one,
 * and entity declarations are how XML bombs expand. Namespaces are not resolved: callers compare
 * local names (`x:c` and `c` are both `c`), as SpreadsheetML writers use either.
 *
 * Errors: XmlError with the offset in the text and a one-line reason.
 */

export class XmlError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(`${reason} (at character ${offset})`);
    this.name = "XmlError";
  }
}

/** What the tokenizer calls. Offsets are indices into the text (UTF-16 code units). */
export interface XmlHandler {
  /**
   * An open tag `<name …>` or empty-element tag `<name …/>` spanning [start, end). `local` is the
   * name without its prefix. Attributes are read through `tok.attr(name)` during the call.
   */
  open(local: string, tok: XmlTokenizer, start: number, end: number, selfClosing: boolean): void;
  /** A close tag `</name>` spanning [start, end), or the end of an empty-element tag (start = end). */
  close?(local: string, start: number, end: number): void;
  /** Character data between tags, entity references decoded; CDATA sections as they are. */
  text?(text: string): void;
}

// XML 1.0 §2.2: characters a document may not contain (lone surrogates are left to the decoder).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

// ASCII name characters (XML 1.0 §2.3): 2 may start a name (letters, "_", ":"), 1 only follow
// (digits, "-", "."). Every character from U+0080 on is taken as a name character.
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 2;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 1;
}

function isNameChar(c: number): boolean {
  return c < 128 ? NAME[c] !== 0 : !Number.isNaN(c); // NaN: past the end
}

function isNameStart(c: number): boolean {
  return c < 128 ? NAME[c] === 2 : !Number.isNaN(c);
}

/** Decode entity and character references in `s` (which holds at least one "&"). */
export function decodeEntities(s: string, base = 0): string {
  let out = "";
  let from = 0;
  for (let amp = s.indexOf("&"); amp >= 0; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp);
    if (semi < 0) throw new XmlError(base + amp, "unterminated entity reference");
    const name = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const n = digits && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (
        Number.isNaN(n) ||
        n > 0x10ffff ||
        (n >= 0xd800 && n <= 0xdfff) ||
        FORBIDDEN.test(n <= 0xffff ? String.fromCharCode(n) : "")
      )
        throw new XmlError(base + amp, `bad character reference &${name};`);
      ch = String.fromCodePoint(n);
    } else {
      ch = PREDEFINED[name];
      if (ch === undefined) throw new XmlError(base + amp, `undefined entity &${name};`);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

/**
 * One pass over a document. Create one per part (or reuse: `run` resets it). Attribute values
 * are decoded lazily, only those a handler asks for.
 */
export class XmlTokenizer {
  private xml = "";
  /** Raw attribute spans of the current tag: [nameStart, nameEnd, valueStart, valueEnd] each. */
  private spans: number[] = [];
  private nAttrs = 0;

  /** The value of attribute `name` of the tag being reported (exact name, prefix included), or undefined. */
  attr(name: string): string | undefined {
    const xml = this.xml;
    const sp = this.spans;
    const len = name.length;
    for (let i = 0, k = 0; i < this.nAttrs; i++, k += 4) {
      if (sp[k + 1] - sp[k] !== len || !xml.startsWith(name, sp[k])) continue;
      return this.value(k);
    }
    return undefined;
  }

  /** An attribute by local name, whatever its prefix ("r:id", "ns2:id"); exact names ("id") too. */
  attrLocal(localName: string): string | undefined {
    const xml = this.xml;
    const sp = this.spans;
    for (let i = 0, k = 0; i < this.nAttrs; i++, k += 4) {
      const end = sp[k + 1];
      const start = end - localName.length;
      if (start < sp[k] || !xml.startsWith(localName, start)) continue;
      if (start === sp[k] || xml.charCodeAt(start - 1) === 58 /* : */) return this.value(k);
    }
    return undefined;
  }

  /** Every attribute of the tag being reported, names as written. */
  attributes(): [string, string][] {
    const out: [string, string][] = [];
    for (let i = 0, k = 0; i < this.nAttrs; i++, k += 4)
      out.push([this.xml.slice(this.spans[k], this.spans[k + 1]), this.value(k)]);
    return out;
  }

  private value(k: number): string {
    let raw = this.xml.slice(this.spans[k + 2], this.spans[k + 3]);
    // Line ends, then attribute-value normalisation (XML 1.0 §2.11, §3.3.3): literal white space
    // characters become spaces; character references (&#10;) keep what they name.
    if (raw.indexOf("\n") >= 0 || raw.indexOf("\r") >= 0 || raw.indexOf("\t") >= 0)
      raw = raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
    return raw.indexOf("&") < 0 ? raw : decodeEntities(raw, this.spans[k + 2]);
  }

  /** Tokenize `xml` (a leading byte-order mark is skipped), calling `h`. Throws XmlError. */
  run(xml: string, h: XmlHandler): void {
    this.xml = xml;
    if (FORBIDDEN.test(xml)) {
      const at = xml.search(FORBIDDEN);
      throw new XmlError(at, `character U+${xml.charCodeAt(at).toString(16).padStart(4, "0")} is not allowed in XML`);
    }
    const stack: string[] = [];
    let rootSeen = false;
    let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    const n = xml.length;
    const wantText = h.text !== undefined;
    while (i < n) {
      const lt = xml.indexOf("<", i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) {
        if (stack.length === 0) {
          // Outside the root only white space may stand.
          for (let k = i; k < textEnd; k++)
            if (!isSpace(xml.charCodeAt(k))) throw new XmlError(k, "text outside the root element");
        } else {
          let raw = xml.slice(i, textEnd);
          if (raw.indexOf("]]>") >= 0) throw new XmlError(i + raw.indexOf("]]>"), "']]>' in text");
          // Line ends first (XML 1.0 §2.11), then references: &#13; stays a carriage return.
          if (raw.indexOf("\r") >= 0) raw = raw.replace(/\r\n?/g, "\n");
          const text = raw.indexOf("&") < 0 ? raw : decodeEntities(raw, i);
          if (wantText) h.text!(text);
        }
      }
      if (lt < 0) break;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 47 /* / */) {
        // Close tag.
        const gt = xml.indexOf(">", lt);
        if (gt < 0) throw new XmlError(lt, "unterminated close tag");
        let e = gt;
        while (isSpace(xml.charCodeAt(e - 1))) e--;
        const name = xml.slice(lt + 2, e);
        const open = stack.pop();
        if (open === undefined) throw new XmlError(lt, `close tag </${name}> without an open tag`);
        if (open !== name) throw new XmlError(lt, `close tag </${name}> does not match <${open}>`);
        h.close?.(localName(name), lt, gt + 1);
        i = gt + 1;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (xml.startsWith("<!--", lt)) {
          const end = xml.indexOf("-->", lt + 4);
          if (end < 0) throw new XmlError(lt, "unterminated comment");
          const dashes = xml.indexOf("--", lt + 4);
          if (dashes < end || (end > lt + 4 && xml.charCodeAt(end - 1) === 45))
            throw new XmlError(lt, "'--' inside a comment");
          i = end + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", lt)) {
          if (stack.length === 0) throw new XmlError(lt, "CDATA outside the root element");
          const end = xml.indexOf("]]>", lt + 9);
          if (end < 0) throw new XmlError(lt, "unterminated CDATA section");
          if (wantText) {
            const t = xml.slice(lt + 9, end);
            h.text!(t.indexOf("\r") < 0 ? t : t.replace(/\r\n?/g, "\n"));
          }
          i = end + 3;
          continue;
        }
        if (xml.startsWith("<!DOCTYPE", lt)) throw new XmlError(lt, "a DOCTYPE is not allowed in a package part");
        throw new XmlError(lt, "bad markup declaration");
      }
      if (c1 === 63 /* ? */) {
        const end = xml.indexOf("?>", lt + 2);
        if (end < 0) throw new XmlError(lt, "unterminated processing instruction");
        let t = lt + 2;
        while (isNameChar(xml.charCodeAt(t))) t++;
        if (t === lt + 2 || !isNameStart(xml.charCodeAt(lt + 2)))
          throw new XmlError(lt, "processing instruction without a target");
        if (t < end && !isSpace(xml.charCodeAt(t))) throw new XmlError(t, "bad processing instruction target");
        // The XML declaration (target "xml") stands first in the document, nowhere else.
        if (
          t - lt - 2 === 3 &&
          xml.slice(lt + 2, t).toLowerCase() === "xml" &&
          lt !== (xml.charCodeAt(0) === 0xfeff ? 1 : 0)
        )
          throw new XmlError(lt, "XML declaration not at the start");
        i = end + 2;
        continue;
      }
      // Open or empty-element tag.
      if (!isNameStart(c1)) throw new XmlError(lt, "bad tag name");
      let p = lt + 1;
      while (isNameChar(xml.charCodeAt(p))) p++;
      const name = xml.slice(lt + 1, p);
      this.nAttrs = 0;
      const sp = this.spans;
      let selfClosing = false;
      for (;;) {
        const sawSpace = isSpace(xml.charCodeAt(p));
        while (isSpace(xml.charCodeAt(p))) p++;
        const c = xml.charCodeAt(p);
        if (c === 62 /* > */) {
          p++;
          break;
        }
        if (c === 47 /* / */ && xml.charCodeAt(p + 1) === 62) {
          selfClosing = true;
          p += 2;
          break;
        }
        if (!sawSpace || !isNameStart(c)) {
          if (Number.isNaN(c)) throw new XmlError(lt, "unterminated tag");
          throw new XmlError(p, `bad attribute in <${name}>`);
        }
        const ns = p;
        while (isNameChar(xml.charCodeAt(p))) p++;
        const ne = p;
        while (isSpace(xml.charCodeAt(p))) p++;
        if (xml.charCodeAt(p) !== 61 /* = */) throw new XmlError(p, `attribute without a value in <${name}>`);
        p++;
        while (isSpace(xml.charCodeAt(p))) p++;
        const q = xml.charCodeAt(p);
        if (q !== 34 && q !== 39) throw new XmlError(p, `unquoted attribute value in <${name}>`);
        const vs = p + 1;
        const ve = xml.indexOf(q === 34 ? '"' : "'", vs);
        if (ve < 0) throw new XmlError(p, "unterminated attribute value");
        const lt2 = xml.indexOf("<", vs);
        if (lt2 >= 0 && lt2 < ve) throw new XmlError(lt2, "'<' in an attribute value");
        // Duplicate names (XML 1.0 §3.1, "Unique Att Spec").
        const nlen = ne - ns;
        for (let a = 0, k = 0; a < this.nAttrs; a++, k += 4)
          if (sp[k + 1] - sp[k] === nlen && xml.startsWith(xml.slice(ns, ne), sp[k]))
            throw new XmlError(ns, `duplicate attribute ${xml.slice(ns, ne)} in <${name}>`);
        const k = this.nAttrs * 4;
        sp[k] = ns;
        sp[k + 1] = ne;
        sp[k + 2] = vs;
        sp[k + 3] = ve;
        this.nAttrs++;
        p = ve + 1;
      }
      if (stack.length === 0) {
        if (rootSeen) throw new XmlError(lt, "a second root element");
        rootSeen = true;
      }
      const local = localName(name);
      h.open(local, this, lt, p, selfClosing);
      if (selfClosing) h.close?.(local, p, p);
      else stack.push(name);
      i = p;
    }
    if (stack.length) throw new XmlError(n, `<${stack[stack.length - 1]}> is not closed`);
    if (!rootSeen) throw new XmlError(n, "no root element");
    this.xml = "";
  }
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Tokenize one part; a fresh tokenizer each call. */
export function tokenize(xml: string, h: XmlHandler): void {
  new XmlTokenizer().run(xml, h);
}

/** Text for element content: & < > escaped (and \r as a character reference, so it survives). */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"));
}

/** Text for an attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, "&amp;");
}
