/**
 * Workbooks with everything an annotated copy must keep, built at test time from a fixture's
 * parts (the XML written directly, as Excel writes it): an embedded chart and a picture, a chart
 * sheet, an author's notes (one on a cell the check flags), data validations over whole
 * columns, defined names, workbook and sheet protection, a VBA project (.xlsm); and the hostile
 * packages of issue 14 (stray far cells, millions of styled empty cells, sheet names exceljs
 * rejects, relationship targets with "../").
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import { SEED000, SEED002 } from "./xlsx-builders";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** A 1×1 red PNG. */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
  "hex",
);

/** Bytes standing for a VBA project (an OLE container Excel would read; copied as bytes here). */
export const VBA = Buffer.from(Array.from({ length: 1536 }, (_, i) => (i * 131 + 7) & 0xff));

function rels(items: [string, string, string][]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_R}">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;
}

function chart(ref: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}">` +
    `<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${ref}</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`
  );
}

function anchor(from: [number, number], to: [number, number], body: string): string {
  return (
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const CHART_FRAME = (id: number, rid: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="图表 ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
  `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const PICTURE = (id: number, rid: string) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="图片 ${id}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
  `<xdr:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
  `<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;

function drawing(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}">${body}</xdr:wsDr>`;
}

/** An author's notes as Excel writes them (comments part and VML note boxes). */
function authorNotes(notes: { ref: string; row: number; col: number; text: string }[]): {
  comments: string;
  vml: string;
} {
  const comments =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>张会计</author></authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${n.ref}" authorId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>张会计:</t></r>` +
          `<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n${n.text}</t></r></text></comment>`,
      )
      .join("") +
    `</commentList></comments>`;
  const vml =
    `<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n xmlns:x="urn:schemas-microsoft-com:office:excel">\n` +
    ` <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n  path="m,l,21600r21600,l21600,xe">\n` +
    `  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>` +
    notes
      .map(
        (n, i) =>
          `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style='position:absolute;margin-left:300pt;margin-top:10pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\n` +
          `  <v:fill color2="#ffffe1"/>\n  <v:shadow color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n  <v:textbox style='mso-direction-alt:auto'>\n   <div style='text-align:left'></div>\n  </v:textbox>\n` +
          `  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:AutoFill>False</x:AutoFill>\n   <x:Row>${n.row}</x:Row>\n   <x:Column>${n.col}</x:Column>\n  </x:ClientData>\n </v:shape>`,
      )
      .join("") +
    `</xml>`;
  return { comments, vml };
}

async function edit(zip: JSZip, name: string, fn: (s: string) => string): Promise<void> {
  const before = await zip.file(name)!.async("string");
  const after = fn(before);
  if (after === before) throw new Error(`${name}: edit changed nothing`);
  zip.file(name, after);
}

/**
 * seed002 with everything a reviewer's copy must keep (see the file comment). 项目4 (sheet6)
 * carries the chart, the picture, the validations and the author's notes (H7, which the check
 * flags, and B3, which it does not); 项目5-8 (sheet7) a picture, and no notes before the check;
 * 项目1 (sheet3) is protected; the workbook's structure is locked; it is an .xlsm.
 */
export async function richWorkbook(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await fs.readFile(SEED002));
  await edit(zip, "xl/worksheets/sheet6.xml", (s) =>
    s
      .replace(
        "<pageSetup",
        `<dataValidations count="2"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="A1:I1048576"><formula1>-1000000</formula1><formula2>1000000</formula2></dataValidation>` +
          `<dataValidation type="list" allowBlank="1" sqref="G14:H1048576"><formula1>"0,1,2,3,4,5,6,7,8,9,10"</formula1></dataValidation></dataValidations><pageSetup`,
      )
      .replace("</worksheet>", `<drawing r:id="rId91"/><legacyDrawing r:id="rId92"/></worksheet>`),
  );
  zip.file(
    "xl/worksheets/_rels/sheet6.xml.rels",
    rels([
      ["rId91", `${R}/drawing`, "../drawings/drawing1.xml"],
      ["rId92", `${R}/vmlDrawing`, "../drawings/vmlDrawing1.vml"],
      ["rId93", `${R}/comments`, "../comments1.xml"],
    ]),
  );
  const notes = authorNotes([
    { ref: "H7", row: 6, col: 7, text: "执行率得分按 5.8 填报，待财务科确认。" },
    { ref: "B3", row: 2, col: 1, text: "项目名称以批复文件为准。" },
  ]);
  zip.file("xl/comments1.xml", notes.comments);
  zip.file("xl/drawings/vmlDrawing1.vml", notes.vml);
  zip.file(
    "xl/drawings/drawing1.xml",
    drawing(anchor([10, 1], [17, 16], CHART_FRAME(2, "rId1")) + anchor([10, 17], [12, 20], PICTURE(3, "rId2"))),
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels([
      ["rId1", `${R}/chart`, "../charts/chart1.xml"],
      ["rId2", `${R}/image`, "../media/image1.png"],
    ]),
  );
  zip.file("xl/charts/chart1.xml", chart("'项目4'!$H$14:$H$19"));
  zip.file("xl/media/image1.png", PNG);
  // 项目5-8: a picture (so the sheet has <drawing> and relationships), no notes yet.
  await edit(zip, "xl/worksheets/sheet7.xml", (s) => s.replace("</worksheet>", `<drawing r:id="rId1"/></worksheet>`));
  zip.file("xl/worksheets/_rels/sheet7.xml.rels", rels([["rId1", `${R}/drawing`, "../drawings/drawing3.xml"]]));
  zip.file("xl/drawings/drawing3.xml", drawing(anchor([12, 2], [14, 5], PICTURE(2, "rId1"))));
  zip.file("xl/drawings/_rels/drawing3.xml.rels", rels([["rId1", `${R}/image`, "../media/image1.png"]]));
  // A chart sheet.
  zip.file(
    "xl/chartsheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
  );
  zip.file("xl/chartsheets/_rels/sheet1.xml.rels", rels([["rId1", `${R}/drawing`, "../drawings/drawing2.xml"]]));
  zip.file(
    "xl/drawings/drawing2.xml",
    drawing(
      `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6292850"/>${CHART_FRAME(2, "rId1")}<xdr:clientData/></xdr:absoluteAnchor>`,
    ),
  );
  zip.file("xl/drawings/_rels/drawing2.xml.rels", rels([["rId1", `${R}/chart`, "../charts/chart2.xml"]]));
  zip.file("xl/charts/chart2.xml", chart("'项目5-8'!$H$14:$H$30"));
  // Protection: 项目1's sheet, and the workbook's structure.
  await edit(zip, "xl/worksheets/sheet3.xml", (s) =>
    s.replace("</sheetData>", `</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>`),
  );
  await edit(zip, "xl/workbook.xml", (s) =>
    s
      .replace(/(<workbookPr[^>]*\/>)/, `$1<workbookProtection lockStructure="1"/>`)
      .replace(
        "</sheets>",
        `<sheet name="得分图" sheetId="8" r:id="rId90"/></sheets><definedNames><definedName name="预算数">'项目4'!$D$7</definedName><definedName name="_xlnm.Print_Area" localSheetId="5">'项目4'!$A$1:$I$20</definedName></definedNames>`,
      ),
  );
  await edit(zip, "xl/_rels/workbook.xml.rels", (s) =>
    s.replace(
      "</Relationships>",
      `<Relationship Id="rId90" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
        `<Relationship Id="rId94" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
    ),
  );
  zip.file("xl/vbaProject.bin", VBA);
  await edit(zip, "[Content_Types].xml", (s) =>
    s
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        "</Types>",
        `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/>` +
          `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
          ["drawing1", "drawing2", "drawing3"]
            .map(
              (d) =>
                `<Override PartName="/xl/drawings/${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
            )
            .join("") +
          ["chart1", "chart2"]
            .map(
              (c) =>
                `<Override PartName="/xl/charts/${c}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
            )
            .join("") +
          `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>` +
          `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
      ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** seed000 with its one sheet's XML edited (and optionally its workbook parts). */
export async function seed000With(edits: {
  sheet?: (xml: string) => string;
  workbook?: (xml: string) => string;
  workbookRels?: (xml: string) => string;
}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await fs.readFile(SEED000));
  if (edits.sheet) await edit(zip, "xl/worksheets/sheet1.xml", edits.sheet);
  if (edits.workbook) await edit(zip, "xl/workbook.xml", edits.workbook);
  if (edits.workbookRels) await edit(zip, "xl/_rels/workbook.xml.rels", edits.workbookRels);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
