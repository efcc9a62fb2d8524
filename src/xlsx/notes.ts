/**
 * Cell notes ("comments" in SpreadsheetML, the yellow notes of Excel) added to a sheet: the
 * comments part gains one comment per new note, and a note already on a cell keeps its author and
 * text, the new text appended after it; the sheet's VML drawing gains the note boxes Excel and
 * LibreOffice show. Pure.
 *
 * Source: ECMA-376 Part 1 §18.7 (comments, authors, commentList, comment, text as CT_Rst: an
 * optional t, then runs r, then phonetic runs); Part 4 §19 / [MS-OI29500] for the VML note
 * shapes (x:ClientData ObjectType="Note" with x:Row and x:Column, 0-based).
 */
import { applyEdits, prefixOf, tagName, type TextEdit } from "./edit";
import { parsePart } from "./workbook";
import { escapeText } from "./xml";

export interface NoteToAdd {
  row: number;
  col: number;
  text: string;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function refKey(ref: string): string {
  return ref.replace(/\$/g, "").toUpperCase();
}

/** The comments part with `notes` added. Returns the text and the notes that need a new note box (no comment was there). */
export function editComments(
  part: string,
  xml: string | undefined,
  notes: NoteToAdd[],
  refOf: (n: NoteToAdd) => string,
  author: string,
  appendedHeading: string,
): { text: string; newBoxes: NoteToAdd[] } {
  const source =
    xml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
  let prefix = "";
  let depth = 0;
  const authors: string[] = [];
  let authorText: string | undefined;
  let authorsAt = -1;
  let authorsTag: { start: number; end: number; selfClosing: boolean } | undefined;
  let listAt = -1;
  let listTag: { start: number; end: number; selfClosing: boolean } | undefined;
  let rootClose = -1;
  /** Existing comments by cell: where appended runs go in their <text>. */
  const existing = new Map<string, number>();
  let current: string | undefined;
  let inText = false;
  let textInsertAt = -1;
  parsePart(part, source, {
    open: (name, tok, start, end, selfClosing) => {
      depth++;
      if (depth === 1) prefix = prefixOf(tagName(source, start));
      else if (depth === 2 && name === "authors") authorsTag = { start, end, selfClosing };
      else if (depth === 2 && name === "commentList") listTag = { start, end, selfClosing };
      else if (depth === 3 && name === "author") authorText = "";
      else if (depth === 3 && name === "comment") current = refKey(tok.attr("ref") ?? "");
      else if (depth === 4 && name === "text" && current !== undefined) {
        inText = true;
        textInsertAt = -1;
      } else if (depth === 5 && inText && (name === "rPh" || name === "phoneticPr") && textInsertAt < 0)
        textInsertAt = start;
      if (selfClosing) depth--;
    },
    close: (name, start, end) => {
      if (start === end) return;
      if (depth === 3 && name === "author") {
        authors.push(authorText ?? "");
        authorText = undefined;
      } else if (depth === 4 && name === "text" && inText) {
        if (current !== undefined) existing.set(current, textInsertAt >= 0 ? textInsertAt : start);
        inText = false;
      } else if (depth === 3 && name === "comment") current = undefined;
      else if (depth === 2 && name === "authors") authorsAt = start;
      else if (depth === 2 && name === "commentList") listAt = start;
      else if (depth === 1) rootClose = start;
      depth--;
    },
    text: (s) => {
      if (authorText !== undefined) authorText += s;
    },
  });
  const p = prefix;
  const edits: TextEdit[] = [];
  const newBoxes: NoteToAdd[] = [];
  const fresh: string[] = [];
  let authorId = authors.indexOf(author);
  for (const n of notes) {
    const at = existing.get(refKey(refOf(n)));
    if (at !== undefined) {
      // The author's note stays first and whole; the check's text follows it.
      edits.push({
        start: at,
        end: at,
        text: `<${p}r><${p}t xml:space="preserve">${escapeText(`\n\n${appendedHeading}\n${n.text}`)}</${p}t></${p}r>`,
      });
      continue;
    }
    if (authorId < 0) {
      authorId = authors.length;
      authors.push(author);
      const el = `<${p}author>${escapeText(author)}</${p}author>`;
      if (authorsTag && authorsTag.selfClosing) {
        edits.push({ start: authorsTag.start, end: authorsTag.end, text: `<${p}authors>${el}</${p}authors>` });
      } else if (authorsTag) edits.push({ start: authorsAt, end: authorsAt, text: el });
      else {
        const at2 = listTag ? listTag.start : rootClose;
        edits.push({ start: at2, end: at2, text: `<${p}authors>${el}</${p}authors>` });
      }
    }
    fresh.push(
      `<${p}comment ref="${refOf(n)}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(n.text)}</${p}t></${p}r></${p}text></${p}comment>`,
    );
    newBoxes.push(n);
  }
  if (fresh.length) {
    if (listTag && listTag.selfClosing) {
      edits.push({
        start: listTag.start,
        end: listTag.end,
        text: `<${p}commentList>${fresh.join("")}</${p}commentList>`,
      });
    } else if (listTag) edits.push({ start: listAt, end: listAt, text: fresh.join("") });
    else edits.push({ start: rootClose, end: rootClose, text: `<${p}commentList>${fresh.join("")}</${p}commentList>` });
  }
  return { text: applyEdits(source, edits), newBoxes };
}

const SHAPE_TYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function noteShape(id: number, n: NoteToAdd): string {
  const { row, col } = n;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:144pt;height:79pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 4}, 15, ${row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** The idmap blocks VML parts already use (o:idmap data="1,2"). */
export function vmlIdBlocks(vml: string): number[] {
  const out: number[] = [];
  for (const m of vml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g))
    for (const d of m[1].split(",")) if (/^\d+$/.test(d.trim())) out.push(Number(d));
  return out;
}

/**
 * A VML drawing with note boxes for `notes`. An existing drawing (which may hold other shapes,
 * form controls for instance) keeps every byte; the boxes go before its closing </xml>, with
 * shape ids after the highest it uses. `idBlock` numbers a new drawing's shapes (o:idmap).
 */
export function editVml(vml: string | undefined, notes: NoteToAdd[], idBlock: number): string {
  if (vml === undefined) {
    const first = idBlock * 1024 + 1;
    return (
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>` +
      SHAPE_TYPE +
      notes.map((n, i) => noteShape(first + i, n)).join("") +
      `</xml>`
    );
  }
  const close = vml.toLowerCase().lastIndexOf("</xml>");
  if (close < 0) throw new Error("VML drawing without </xml>");
  let max = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const blocks = vmlIdBlocks(vml);
  if (max === 0) max = (blocks.length ? Math.max(...blocks) : idBlock) * 1024;
  const type = /id\s*=\s*"_x0000_t202"/.test(vml) ? "" : SHAPE_TYPE;
  return vml.slice(0, close) + type + notes.map((n, i) => noteShape(max + 1 + i, n)).join("") + vml.slice(close);
}
