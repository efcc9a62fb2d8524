/**
 * The package's bookkeeping parts (Open Packaging Conventions, ECMA-376 Part 2): relationships
 * and content types, with entries added at the end and everything already there kept. Pure.
 */
import { applyEdits, prefixOf, tagName } from "./edit";
import { parsePart } from "./workbook";
import { escapeAttr } from "./xml";

const PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

export const CONTENT_TYPES_PART = "[Content_Types].xml";
export const CT = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/** Where a list part's root closes, its prefix, and the names its children already use. */
interface ListPart {
  prefix: string;
  /** Offset to insert new children at; `selfClosing`: the root is `<x/>` and must be opened. */
  at: number;
  rootStart: number;
  rootEnd: number;
  selfClosing: boolean;
}

function scanList(
  part: string,
  xml: string,
  onChild: (name: string, attr: (n: string) => string | undefined) => void,
): ListPart {
  let depth = 0;
  const out: ListPart = { prefix: "", at: xml.length, rootStart: 0, rootEnd: 0, selfClosing: false };
  parsePart(part, xml, {
    open: (name, tok, start, end, selfClosing) => {
      depth++;
      if (depth === 1) {
        out.prefix = prefixOf(tagName(xml, start));
        out.rootStart = start;
        out.rootEnd = end;
        out.selfClosing = selfClosing;
      } else if (depth === 2) onChild(name, (n) => tok.attr(n));
      if (selfClosing) depth--;
    },
    close: (_name, start, end) => {
      if (start === end) return;
      if (depth === 1) out.at = start;
      depth--;
    },
  });
  return out;
}

function insertChildren(xml: string, list: ListPart, children: string[]): string {
  if (children.length === 0) return xml;
  if (list.selfClosing) {
    const open = xml.slice(list.rootStart, list.rootEnd).replace(/\s*\/>$/, ">");
    const close = `</${tagName(xml, list.rootStart)}>`;
    return applyEdits(xml, [{ start: list.rootStart, end: list.rootEnd, text: open + children.join("") + close }]);
  }
  return applyEdits(xml, [{ start: list.at, end: list.at, text: children.join("") }]);
}

/** A relationships part being added to: its existing Ids, and the relationships to append. */
export class RelationshipsEditor {
  private readonly ids = new Set<string>();
  private readonly added: string[] = [];
  private readonly list: ListPart;
  private readonly xml: string;

  /** `xml` undefined: the part does not exist yet. */
  constructor(
    readonly part: string,
    xml: string | undefined,
  ) {
    this.xml =
      xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS_NS}"></Relationships>`;
    this.list = scanList(part, this.xml, (name, attr) => {
      if (name === "Relationship") {
        const id = attr("Id");
        if (id) this.ids.add(id);
      }
    });
  }

  /** Append a relationship; returns its new, unused Id (rId<n>). */
  add(type: string, target: string): string {
    let n = 1;
    for (const id of this.ids) {
      const m = /^rId(\d+)$/.exec(id);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    while (this.ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.ids.add(id);
    this.added.push(
      `<${this.list.prefix}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`,
    );
    return id;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  text(): string {
    return insertChildren(this.xml, this.list, this.added);
  }
}

/** [Content_Types].xml being added to: Default entries by extension, Override entries by part. */
export class ContentTypesEditor {
  private readonly defaults = new Set<string>();
  private readonly overrides = new Set<string>();
  private readonly added: string[] = [];
  private readonly list: ListPart;

  constructor(private readonly xml: string) {
    this.list = scanList(CONTENT_TYPES_PART, xml, (name, attr) => {
      if (name === "Default") this.defaults.add((attr("Extension") ?? "").toLowerCase());
      else if (name === "Override") this.overrides.add((attr("PartName") ?? "").toLowerCase());
    });
  }

  /** The part gets this content type: an Override, unless its extension's Default already says so. */
  ensureOverride(part: string, contentType: string): void {
    const name = `/${part}`;
    if (this.overrides.has(name.toLowerCase())) return;
    this.overrides.add(name.toLowerCase());
    this.added.push(
      `<${this.list.prefix}Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`,
    );
  }

  /** Every part with this extension gets this content type, unless the extension has one already. */
  ensureDefault(extension: string, contentType: string): void {
    if (this.defaults.has(extension.toLowerCase())) return;
    this.defaults.add(extension.toLowerCase());
    // Defaults come first in the schema (CT_Types is a choice, in any order); appended is valid.
    this.added.push(
      `<${this.list.prefix}Default Extension="${escapeAttr(extension)}" ContentType="${escapeAttr(contentType)}"/>`,
    );
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  text(): string {
    return insertChildren(this.xml, this.list, this.added);
  }
}

export { CONTENT_TYPES_NS, PKG_RELS_NS };

/** A relationship target from a part's folder to another part ("xl/worksheets" → "xl/comments1.xml" is "../comments1.xml"). */
export function relativeTarget(fromFolder: string, part: string): string {
  const from = fromFolder ? fromFolder.split("/") : [];
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array<string>(from.length - i).fill(".."), ...to.slice(i)].join("/");
}
