/**
 * The package layer's XML tokenizer (src/xlsx/xml.ts) against saxes, the SAX parser perf-check
 * read sheets with before: the same events (tags, attributes, text) on generated documents, the
 * same verdict on broken ones (XML 1.0, W3C REC-xml §2–§4), and tag offsets that slice back to
 * the tags' own text.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { XmlError, XmlTokenizer, escapeAttr, escapeText } from "../../src/xlsx/xml";

type Event = ["open", string, [string, string][]] | ["close", string] | ["text", string];

function local(n: string): string {
  return n.slice(n.indexOf(":") + 1);
}

/** Events with consecutive text (and CDATA) merged, white space between tags kept. */
function merge(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === "text" && last?.[0] === "text") last[1] += e[1];
    else out.push(e[0] === "text" ? ["text", e[1]] : e);
  }
  return out.filter((e) => !(e[0] === "text" && e[1] === ""));
}

function viaSaxes(xml: string): Event[] {
  const events: Event[] = [];
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  p.on("error", (e) => {
    throw e;
  });
  // White space outside the root element is no element's text: the tokenizer does not report it.
  let depth = 0;
  p.on("opentag", (t) => {
    depth++;
    events.push(["open", local(t.name), Object.entries(t.attributes as Record<string, string>)]);
  });
  p.on("closetag", (t) => {
    depth--;
    events.push(["close", local(t.name)]);
  });
  p.on("text", (s) => depth > 0 && events.push(["text", s]));
  p.on("cdata", (s) => depth > 0 && events.push(["text", s]));
  p.write(xml).close();
  return merge(events);
}

function viaTokenizer(xml: string): Event[] {
  const events: Event[] = [];
  new XmlTokenizer().run(xml, {
    open: (name, tok) => events.push(["open", name, tok.attributes()]),
    close: (name) => events.push(["close", name]),
    text: (s) => events.push(["text", s]),
  });
  return merge(events);
}

function verdict(f: () => unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
}

// ------------------------------------------------------------------ generated documents

const name = fc.constantFrom("c", "row", "x:c", "sheetData", "r:id", "t", "v", "f", "a-b", "a.b", "_x", "表");
const attrValue = fc.string({ maxLength: 8 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
const text = fc.oneof(
  fc.constantFrom("全年预算数", " ", "\n  ", "a < b & c > d", "≥90%", "x\r\ny", "\t", "53.861万元"),
  fc.string({ maxLength: 10 }),
).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));

interface El {
  name: string;
  attrs: [string, string][];
  children: (El | { text: string; cdata?: boolean } | { comment: string })[];
}

const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "x:id", "ref", "spans", "xml:space"), attrValue), {
  maxLength: 3,
  selector: (a) => a[0],
});

/** Elements nested at most `depth` levels. */
function elementOf(depth: number): fc.Arbitrary<El> {
  const leaf = [
    { weight: 3, arbitrary: text.map((t) => ({ text: t })) },
    { weight: 1, arbitrary: text.filter((t) => !t.includes("]]>")).map((t) => ({ text: t, cdata: true })) },
    { weight: 1, arbitrary: fc.constantFrom("note", " a comment ", "").map((c) => ({ comment: c })) },
  ];
  const child = depth > 0 ? fc.oneof({ weight: 2, arbitrary: elementOf(depth - 1) as fc.Arbitrary<El["children"][number]> }, ...leaf) : fc.oneof(...leaf);
  return fc.record({ name, attrs, children: fc.array(child, { maxLength: 4 }) });
}

const element = elementOf(3);

function serialize(e: El, quote: '"' | "'" = '"'): string {
  const esc = (v: string) => (quote === '"' ? escapeAttr(v) : escapeAttr(v).replace(/'/g, "&apos;"));
  const attrs = e.attrs.map(([k, v]) => ` ${k}=${quote}${esc(v)}${quote}`).join("");
  if (e.children.length === 0) return `<${e.name}${attrs}/>`;
  const inner = e.children
    .map((c) => ("name" in c ? serialize(c, quote) : "comment" in c ? `<!--${c.comment}-->` : c.cdata ? `<![CDATA[${c.text}]]>` : escapeText(c.text)))
    .join("");
  return `<${e.name}${attrs}>${inner}</${e.name}>`;
}

describe("generated well-formed documents: the tokenizer's events are saxes's", () => {
  test("elements, attributes (both quotes), text with references, CDATA, comments, a declaration", () => {
    fc.assert(
      fc.property(element, fc.boolean(), fc.constantFrom<'"' | "'">('"', "'"), (root, decl, quote) => {
        const xml = `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ""}${serialize(root, quote)}`;
        expect(viaTokenizer(xml)).toEqual(viaSaxes(xml));
      }),
      { numRuns: 400 },
    );
  });

  test("tag offsets slice back to each tag's text", () => {
    fc.assert(
      fc.property(element, (root) => {
        const xml = serialize(root);
        new XmlTokenizer().run(xml, {
          open: (n, _t, start, end, selfClosing) => {
            const tag = xml.slice(start, end);
            expect(tag.startsWith("<")).toBe(true);
            expect(tag.endsWith(selfClosing ? "/>" : ">")).toBe(true);
            expect(local(tag.slice(1).split(/[\s/>]/)[0])).toBe(n);
          },
          close: (n, start, end) => {
            if (start !== end) expect(xml.slice(start, end)).toMatch(new RegExp(`^</(?:[^>]*:)?${n.replace(/[.]/g, "\\.")}\\s*>$`));
          },
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("broken documents: the tokenizer refuses what saxes refuses, and reads what it reads alike", () => {
  // Mutations with markup characters: the verdicts must agree, and so must the events when both read.
  const markup = fc.constantFrom("<", ">", "/", '"', "'", "=", "&", ";", " ", "!", "?", "-", "[", "]", "a", ":", "#", "&amp;", "&#x41;", "&bogus;", "</a>", "<a>", "]]>", "--");
  test("random insertions and deletions in generated documents", () => {
    fc.assert(
      fc.property(element, fc.array(fc.tuple(fc.nat(), fc.nat(3), markup), { minLength: 1, maxLength: 3 }), (root, edits) => {
        let xml = serialize(root);
        for (const [at, del, ins] of edits) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + ins + xml.slice(i + del);
        }
        const a = verdict(() => viaSaxes(xml));
        const b = verdict(() => viaTokenizer(xml));
        expect({ xml, ok: b.ok }).toEqual({ xml, ok: a.ok });
        if (a.ok && b.ok) expect(b.value).toEqual(a.value);
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ["mismatched close tag", "<a><b></a></b>"],
    ["unclosed element", "<a><b></b>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "<a/>x"],
    ["undefined entity", "<a>&nbsp;</a>"],
    ["bare ampersand", "<a>AT&T</a>"],
    ["'<' in an attribute value", '<a b="<"/>'],
    ["unquoted attribute", "<a b=1/>"],
    ["duplicate attribute", '<a b="1" b="2"/>'],
    ["a control character", "<a>\u0001</a>"],
    ["a character reference to NUL", "<a>&#0;</a>"],
    ["']]>' in text", "<a>]]></a>"],
    ["'--' in a comment", "<a><!-- a -- b --></a>"],
    ["XML declaration not first", ' <?xml version="1.0"?><a/>'],
    ["no root", "<!-- only a comment -->"],
    ["a DOCTYPE (entity expansion is how XML bombs work)", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
  ])("%s: refused with an XmlError", (_what, xml) => {
    expect(() => new XmlTokenizer().run(xml, { open: () => undefined })).toThrow(XmlError);
  });
});

describe("what handlers see", () => {
  test("line ends become \\n in text and spaces in attribute values; character references keep what they name", () => {
    const events = viaTokenizer(`<a b="x\r\ny&#10;z\tw">1\r\n2\r3&#13;</a>`);
    expect(events).toEqual([
      ["open", "a", [["b", "x y\nz w"]]],
      ["text", "1\n2\n3\r"],
      ["close", "a"],
    ]);
  });

  test("a byte-order mark is skipped; prefixes are dropped from names, kept in attribute names", () => {
    expect(viaTokenizer(`\ufeff<x:c r:id="1"/>`)).toEqual([
      ["open", "c", [["r:id", "1"]]],
      ["close", "c"],
    ]);
  });

  test("attrLocal finds an attribute whatever its prefix; attr needs the exact name", () => {
    const got: (string | undefined)[] = [];
    new XmlTokenizer().run(`<sheet name="表" ns2:id="rId3" xid="no"/>`, {
      open: (_n, tok) => got.push(tok.attrLocal("id"), tok.attr("id"), tok.attr("name")),
    });
    expect(got).toEqual(["rId3", undefined, "表"]);
  });

  test("escapeText and escapeAttr round-trip through the tokenizer", () => {
    fc.assert(
      fc.property(attrValue, (s) => {
        const events = viaTokenizer(`<a v="${escapeAttr(s)}">${escapeText(s)}</a>`);
        expect(events[0]).toEqual(["open", "a", [["v", s]]]);
        expect(events.length === 2 ? "" : (events[1] as ["text", string])[1]).toBe(s);
      }),
    );
  });
});
