/**
 * Adding styles to a workbook's styles part without touching the ones it has: new fonts, fills,
 * number formats and cell formats (xf) are appended at the end of their lists, so every style id
 * a cell already uses keeps its meaning. A derived cell format is a copy of the cell's own
 * format with one change (the flag's fill, a percent format, the review labels' font). Pure.
 *
 * Source: ECMA-376 Part 1 §18.8 (styleSheet: numFmts, fonts, fills, borders, cellStyleXfs,
 * cellXfs, … in that order; fills 0 and 1 are reserved, none and gray125).
 */
import { applyEdits, prefixOf, setAttributes, tagName, type TextEdit } from "./edit";
import { builtInFormatId } from "./formats";
import { escapeAttr } from "./xml";
import { parsePart } from "./workbook";

/** A style part for a workbook that has none: the defaults Excel assumes. */
export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** The order of styleSheet's children (ECMA-376 Part 1 §18.8.39). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** One list element of the style sheet (fonts, fills, numFmts, cellXfs) as found in the text. */
interface List {
  /** Its start tag [start, end), self-closing or not. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** Where its close tag starts (end of the start tag when self-closing). */
  closeAt: number;
  /** Its children's [start, end) spans, in order. */
  items: [number, number][];
}

/** What a derived cell format changes. */
export interface StyleChange {
  /** Solid fill colour, ARGB ("FFFFC7CE"). */
  fill?: string;
  /** A number format code ("0.00%"). */
  numFmt?: string;
  /** Bold font in this ARGB colour. */
  boldColor?: string;
}

export class StyleSheetEditor {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly lists = new Map<string, List>();
  /** Top-level children's names and start offsets, for inserting a list that is missing. */
  private readonly children: { name: string; start: number }[] = [];
  private rootClose = 0;
  private readonly customFmtIds = new Map<string, number>();
  private maxFmtId = 163;
  private readonly added = {
    numFmts: [] as string[],
    fonts: [] as string[],
    fills: [] as string[],
    cellXfs: [] as string[],
  };
  private readonly memo = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  /** `xml` undefined: the workbook has no styles part (DEFAULT_STYLES then). */
  constructor(
    readonly part: string,
    xml: string | undefined,
  ) {
    this.xml = xml ?? DEFAULT_STYLES;
    let depth = 0;
    let current: List | undefined;
    let currentName = "";
    let rootName = "styleSheet";
    parsePart(part, this.xml, {
      open: (name, tok, start, end, selfClosing) => {
        depth++;
        if (depth === 1) rootName = tagName(this.xml, start);
        if (depth === 2) {
          this.children.push({ name, start });
          if (name === "numFmts" || name === "fonts" || name === "fills" || name === "cellXfs") {
            current = { start, end, selfClosing, closeAt: end, items: [] };
            currentName = name;
            this.lists.set(name, current);
          }
        } else if (depth === 3 && current) {
          current.items.push([start, end]);
          if (currentName === "numFmts") {
            const id = Number(tok.attr("numFmtId"));
            const code = tok.attr("formatCode");
            if (Number.isInteger(id)) {
              this.maxFmtId = Math.max(this.maxFmtId, id);
              if (code !== undefined && !this.customFmtIds.has(code)) this.customFmtIds.set(code, id);
            }
          }
        }
        if (selfClosing) depth--;
      },
      close: (name, start, end) => {
        if (start === end) return; // end of a self-closing tag, counted in open
        if (depth === 3 && current) current.items[current.items.length - 1][1] = end;
        if (depth === 2 && current) {
          current.closeAt = start;
          current = undefined;
        }
        if (depth === 1) this.rootClose = start;
        depth--;
      },
    });
    this.prefix = prefixOf(rootName);
    for (const [name, list] of this.lists) this.counts.set(name, list.items.length);
  }

  private count(list: "fonts" | "fills" | "cellXfs"): number {
    return (this.counts.get(list) ?? 0) + this.added[list].length;
  }

  private itemText(list: string, index: number): string | undefined {
    const l = this.lists.get(list);
    const span = l?.items[index];
    return span ? this.xml.slice(span[0], span[1]) : undefined;
  }

  private numFmtId(code: string): number {
    const builtIn = builtInFormatId(code);
    if (builtIn !== undefined) return builtIn;
    const have = this.customFmtIds.get(code);
    if (have !== undefined) return have;
    const id = ++this.maxFmtId;
    this.customFmtIds.set(code, id);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The id `make` appends for `key`, once: later calls with the same key get the same id. */
  private once(key: string, make: () => number): number {
    let id = this.memo.get(key);
    if (id === undefined) {
      id = make();
      this.memo.set(key, id);
    }
    return id;
  }

  private fillId(argb: string): number {
    return this.once(`fill:${argb}`, () => {
      const p = this.prefix;
      if (!this.lists.has("fills") && this.added.fills.length === 0) {
        // No fills list at all: the two reserved fills come first.
        this.added.fills.push(
          `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
          `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
        );
      }
      this.added.fills.push(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/></${p}patternFill></${p}fill>`,
      );
      return this.count("fills") - 1;
    });
  }

  /** A bold font in `argb`, otherwise as font 0 (size, name, family, charset, scheme). */
  private boldFontId(argb: string): number {
    return this.once(`font:${argb}`, () => {
      const p = this.prefix;
      const base = this.itemText("fonts", 0) ?? "";
      const keep = (el: string) => new RegExp(`<(?:[\\w.-]+:)?${el}\\b[^>]*?/>`).exec(base)?.[0] ?? "";
      this.added.fonts.push(
        `<${p}font><${p}b/>${keep("sz")}<${p}color rgb="${argb}"/>${keep("name")}${keep("family")}${keep("charset")}${keep("scheme")}</${p}font>`,
      );
      return this.count("fonts") - 1;
    });
  }

  /**
   * The id of a cell format that is `baseXf` with `change` applied, appended once per distinct
   * (base, change). A base id beyond the list is read as 0.
   */
  derive(baseXf: number, change: StyleChange): number {
    const key = `xf:${baseXf}:${change.fill ?? ""}:${change.numFmt ?? ""}:${change.boldColor ?? ""}`;
    return this.once(key, () => {
      const base =
        this.itemText("cellXfs", baseXf) ??
        this.itemText("cellXfs", 0) ??
        `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
      const tagEnd = base.indexOf(">") + 1;
      const attrs: Record<string, string> = {};
      if (change.fill) Object.assign(attrs, { fillId: String(this.fillId(change.fill)), applyFill: "1" });
      if (change.numFmt)
        Object.assign(attrs, { numFmtId: String(this.numFmtId(change.numFmt)), applyNumberFormat: "1" });
      if (change.boldColor) Object.assign(attrs, { fontId: String(this.boldFontId(change.boldColor)), applyFont: "1" });
      this.added.cellXfs.push(setAttributes(base.slice(0, tagEnd), attrs) + base.slice(tagEnd));
      return this.count("cellXfs") - 1;
    });
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** The style sheet with everything derived appended (counts updated). */
  text(): string {
    const edits: TextEdit[] = [];
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"] as const) {
      const items = this.added[name];
      if (items.length === 0) continue;
      const list = this.lists.get(name);
      const total = (this.counts.get(name) ?? 0) + items.length;
      if (list) {
        const open = setAttributes(this.xml.slice(list.start, list.end), { count: String(total) });
        if (list.selfClosing) {
          const qn = tagName(this.xml, list.start);
          edits.push({
            start: list.start,
            end: list.end,
            text: `${open.replace(/\s*\/>$/, ">")}${items.join("")}</${qn}>`,
          });
        } else {
          edits.push({ start: list.start, end: list.end, text: open });
          edits.push({ start: list.closeAt, end: list.closeAt, text: items.join("") });
        }
      } else {
        // Missing list: inserted before the first child that comes after it in the schema's order.
        const later = ORDER.slice(ORDER.indexOf(name) + 1);
        const at = this.children.find((c) => later.includes(c.name))?.start ?? this.rootClose;
        edits.push({
          start: at,
          end: at,
          text: `<${this.prefix}${name} count="${total}">${items.join("")}</${this.prefix}${name}>`,
        });
      }
    }
    return applyEdits(this.xml, edits);
  }
}
