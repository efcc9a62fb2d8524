/**
 * The structure of a workbook package: its relationships, its sheets (name → part) and its
 * date system, read from xl/workbook.xml and the relationship parts. Pure.
 *
 * Errors: XlsxStructureError naming the part (malformed XML, a missing part).
 */
import type { XlsxPackage } from "./package";
import { XmlError, XmlTokenizer, type XmlHandler } from "./xml";

/** XML a part holds that is not well-formed, or a workbook whose parts do not fit together. */
export class XlsxStructureError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "XlsxStructureError";
  }
}

/** Tokenize a part; malformed XML becomes an XlsxStructureError naming the part. */
export function parsePart(part: string, xml: string, h: XmlHandler, tok = new XmlTokenizer()): void {
  try {
    tok.run(xml, h);
  } catch (e) {
    if (e instanceof XmlError) throw new XlsxStructureError(part, e.message);
    throw e;
  }
}

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
};

export interface Relationship {
  id: string;
  type: string;
  /** As written in the part. */
  target: string;
  /** The part it names, resolved against the source part's folder ("" for external targets). */
  part: string;
  external: boolean;
}

/** Resolve a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(baseDir: string, target: string): string {
  const path = target.split("#")[0];
  const segs = (path.startsWith("/") ? path.slice(1) : `${baseDir}/${path}`).split("/");
  const out: string[] = [];
  for (const s of segs) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return out.join("/");
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** The relationships of `part` (none when it has no relationships part). */
export function readRelationships(pkg: XlsxPackage, part: string): Relationship[] {
  const relsPart = relsPartOf(part);
  const xml = pkg.text(relsPart);
  const out: Relationship[] = [];
  if (xml === undefined) return out;
  const base = folderOf(part);
  parsePart(relsPart, xml, {
    open: (name, tok) => {
      if (name !== "Relationship") return;
      const id = tok.attr("Id");
      const target = tok.attr("Target");
      if (!id || target === undefined) return;
      const external = tok.attr("TargetMode") === "External";
      out.push({
        id,
        type: tok.attr("Type") ?? "",
        target,
        part: external ? "" : resolveTarget(base, target),
        external,
      });
    },
  });
  return out;
}

export interface SheetRef {
  name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml (as the package spells it). */
  part: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  /** Parts the workbook relates to by type (styles, sharedStrings), when present. */
  styles?: string;
  sharedStrings?: string;
}

export const WORKBOOK_PART = "xl/workbook.xml";

/** The worksheets of the workbook in its order (chart and dialog sheets hold no cells and are left out). */
export function readWorkbook(pkg: XlsxPackage): WorkbookInfo {
  const xml = pkg.text(WORKBOOK_PART);
  if (xml === undefined) throw new XlsxStructureError(WORKBOOK_PART, "missing");
  const rels = readRelationships(pkg, WORKBOOK_PART);
  const byId = new Map(rels.filter((r) => !r.external).map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parsePart(WORKBOOK_PART, xml, {
    open: (name, tok) => {
      if (name === "workbookPr") {
        const d = tok.attr("date1904");
        date1904 = d === "1" || d === "true";
      } else if (name === "sheet") {
        const sheetName = tok.attr("name");
        const id = tok.attrLocal("id");
        const rel = id ? byId.get(id) : undefined;
        if (sheetName === undefined || !rel) return;
        const isWorksheet = rel.type === REL_TYPE.worksheet || /^xl\/worksheets\/[^/]+\.xml$/i.test(rel.part);
        const entry = pkg.entry(rel.part);
        if (isWorksheet && entry)
          sheets.push({ name: sheetName, part: entry.name, state: tok.attr("state") ?? "visible" });
        else if (isWorksheet) throw new XlsxStructureError(rel.part, "missing");
      }
    },
  });
  const partOf = (type: string, fallback: string) => {
    const r = rels.find((x) => x.type === type && !x.external);
    const e = pkg.entry(r?.part ?? fallback);
    return e?.name;
  };
  return {
    sheets,
    date1904,
    styles: partOf(REL_TYPE.styles, "xl/styles.xml"),
    sharedStrings: partOf(REL_TYPE.sharedStrings, "xl/sharedStrings.xml"),
  };
}
