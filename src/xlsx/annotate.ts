/**
 * An annotated copy of a workbook package: its sheets' Plans (review cells, flags, notes) applied
 * part by part. Only the parts that must change are rewritten — the sheets that gain cells or
 * flags, the styles part (appended formats), the comments and VML parts of sheets that gain
 * notes, and the relationships and content types a new part needs. Every other member is copied
 * with its compressed bytes as they are: charts, chart sheets, drawings, images, pivot caches,
 * defined names and workbook protection (workbook.xml), vbaProject.bin, calcChain. Pure: package
 * in, bytes out.
 *
 * Calculation: workbook.xml is copied as it is, so its calcId stays the one the file was saved
 * with. Review cells carry the engine's values as cached results, and their formulas compute the
 * same values (test/cli/libreoffice.test.ts), so what a spreadsheet shows on open is the same
 * whether it recalculates or not.
 *
 * Deterministic: the same package and plans give the same bytes (no clock is read).
 */
import type { Severity } from "../engine/checks";
import type { CellWrite, Plan } from "../engine/plan";
import { columnToLetters } from "./formats";
import { editComments, editVml, vmlIdBlocks, type NoteToAdd } from "./notes";
import { CONTENT_TYPES_PART, ContentTypesEditor, CT, RelationshipsEditor, relativeTarget } from "./opc";
import type { XlsxPackage } from "./package";
import { SheetEditor, type FlagCell, type NewCell } from "./sheet";
import { StyleSheetEditor } from "./styles";
import { folderOf, readRelationships, readWorkbook, REL_TYPE, relsPartOf, WORKBOOK_PART } from "./workbook";
import { escapeText } from "./xml";
import { writeZip, type ZipOutput } from "./zip-write";

export interface AnnotateOptions {
  /** Fill of a flagged cell by its most severe finding, ARGB. */
  fills: Record<Severity, string>;
  /** Colour of the review columns' labels (bold), ARGB. */
  labelColor: string;
  /** Author of the notes the check adds. */
  author: string;
  /** Heading of the check's text appended to a note that was already on a cell. */
  appendedHeading: string;
}

export interface SheetPlan {
  sheet: string;
  plan: Plan;
}

/** A number as a cell's cached value (xsd:double). */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

/** A review cell: a formula with its cached value, or a label as an inline string (never a formula). */
function newCell(w: CellWrite, labelColor: string): NewCell {
  if (w.formula) {
    const f = `<f>${escapeText(w.formula.replace(/^=/, ""))}</f>`;
    const style = w.numFmt ? { numFmt: w.numFmt } : undefined;
    if (typeof w.result === "number")
      return { row: w.row, col: w.col, typeAttr: "", content: `${f}<v>${numberText(w.result)}</v>`, style };
    if (typeof w.result === "string")
      return { row: w.row, col: w.col, typeAttr: ` t="str"`, content: `${f}<v>${escapeText(w.result)}</v>`, style };
    return { row: w.row, col: w.col, typeAttr: "", content: f, style };
  }
  return {
    row: w.row,
    col: w.col,
    typeAttr: ` t="inlineStr"`,
    content: `<is><t xml:space="preserve">${escapeText(w.text ?? "")}</t></is>`,
    style: { boldColor: labelColor },
  };
}

function unusedName(pkg: XlsxPackage, taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = make(n);
    if (!pkg.has(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const utf8 = new TextEncoder();

/**
 * The annotated copy's bytes. `plans` name sheets by their names in the workbook; a plan for a
 * sheet the workbook does not have is an Error naming it.
 */
export function annotatePackage(pkg: XlsxPackage, plans: SheetPlan[], opts: AnnotateOptions): Uint8Array {
  const wb = readWorkbook(pkg);
  const changed = new Map<string, string>(); // part → new text
  const added: { name: string; text: string }[] = [];
  const takenNames = new Set<string>();
  const stylesPart = wb.styles ?? unusedName(pkg, takenNames, (n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
  const styles = new StyleSheetEditor(stylesPart, wb.styles ? pkg.text(wb.styles) : undefined);
  const types = new ContentTypesEditor(pkg.text(CONTENT_TYPES_PART)!);
  let idBlock = 0;
  for (const e of pkg.entries)
    if (/\.vml$/i.test(e.name)) idBlock = Math.max(idBlock, ...vmlIdBlocks(pkg.text(e.name) ?? ""));

  for (const { sheet, plan } of plans) {
    const ref = wb.sheets.find((s) => s.name === sheet);
    if (!ref) throw new Error(`no sheet named ${sheet}`);
    const notes: NoteToAdd[] = [
      ...plan.flags.map((f) => ({ row: f.row, col: f.col, text: f.note })),
      ...plan.writes.filter((w) => w.note).map((w) => ({ row: w.row, col: w.col, text: w.note! })),
    ];
    if (plan.writes.length === 0 && plan.flags.length === 0) continue;
    const rows = new Set([...plan.writes.map((w) => w.row), ...plan.flags.map((f) => f.row)]);
    const editor = new SheetEditor(ref.part, pkg.text(ref.part)!, rows);
    const cells = plan.writes.map((w) => newCell(w, opts.labelColor));
    const flags: FlagCell[] = plan.flags.map((f) => ({ row: f.row, col: f.col, fill: opts.fills[f.severity] }));

    let legacyRelId: string | undefined;
    if (notes.length) {
      const sheetRels = readRelationships(pkg, ref.part);
      const relsPart = relsPartOf(ref.part);
      const rels = new RelationshipsEditor(relsPart, pkg.text(relsPart));
      const folder = folderOf(ref.part);
      // The comments part (one per sheet), existing or new.
      const commentsRel = sheetRels.find((r) => r.type === REL_TYPE.comments && !r.external && pkg.has(r.part));
      const commentsPart = commentsRel
        ? pkg.entry(commentsRel.part)!.name
        : unusedName(pkg, takenNames, (n) => `xl/comments${n}.xml`);
      const refOf = (n: NoteToAdd) => `${columnToLetters(n.col + 1)}${n.row + 1}`;
      const { text, newBoxes } = editComments(
        commentsPart,
        commentsRel ? pkg.text(commentsPart) : undefined,
        notes,
        refOf,
        opts.author,
        opts.appendedHeading,
      );
      if (commentsRel) changed.set(commentsPart, text);
      else {
        added.push({ name: commentsPart, text });
        rels.add(REL_TYPE.comments, relativeTarget(folder, commentsPart));
        types.ensureOverride(commentsPart, CT.comments);
      }
      // The note boxes go into the sheet's legacy drawing (VML), existing or new.
      if (newBoxes.length) {
        const vmlRel = editor.legacyDrawingId ? sheetRels.find((r) => r.id === editor.legacyDrawingId) : undefined;
        const vmlEntry = vmlRel && !vmlRel.external ? pkg.entry(vmlRel.part) : undefined;
        if (vmlEntry) changed.set(vmlEntry.name, editVml(pkg.text(vmlEntry.name), newBoxes, idBlock + 1));
        else {
          const vmlPart = unusedName(pkg, takenNames, (n) => `xl/drawings/vmlDrawing${n}.vml`);
          added.push({ name: vmlPart, text: editVml(undefined, newBoxes, ++idBlock) });
          legacyRelId = rels.add(REL_TYPE.vmlDrawing, relativeTarget(folder, vmlPart));
          types.ensureDefault("vml", CT.vml);
        }
      }
      if (rels.changed) {
        if (pkg.has(relsPart)) changed.set(pkg.entry(relsPart)!.name, rels.text());
        else added.push({ name: relsPart, text: rels.text() });
      }
    }
    changed.set(ref.part, editor.text(cells, flags, styles, legacyRelId));
  }

  if (styles.changed) {
    if (wb.styles) changed.set(wb.styles, styles.text());
    else {
      added.push({ name: stylesPart, text: styles.text() });
      const relsPart = relsPartOf(WORKBOOK_PART);
      const rels = new RelationshipsEditor(relsPart, pkg.text(relsPart));
      rels.add(REL_TYPE.styles, relativeTarget(folderOf(WORKBOOK_PART), stylesPart));
      if (pkg.has(relsPart)) changed.set(pkg.entry(relsPart)!.name, rels.text());
      else added.push({ name: relsPart, text: rels.text() });
      types.ensureOverride(stylesPart, CT.styles);
    }
  }
  if (types.changed) changed.set(pkg.entry(CONTENT_TYPES_PART)!.name, types.text());

  const members: ZipOutput[] = pkg.entries.map((e) => {
    const text = changed.get(e.name);
    return text === undefined ? { copy: e } : { name: e.name, content: utf8.encode(asUtf8(text)), like: e };
  });
  for (const a of added) members.push({ name: a.name, content: utf8.encode(a.text) });
  return writeZip(members, pkg.codec);
}

/** A changed part is written as UTF-8: an XML declaration that said otherwise is corrected. */
function asUtf8(text: string): string {
  return text.replace(/^(<\?xml[^>]*?\bencoding\s*=\s*["'])([^"']+)(["'])/, (m, a: string, enc: string, b: string) =>
    /^utf-?8$/i.test(enc) ? m : `${a}UTF-8${b}`,
  );
}
