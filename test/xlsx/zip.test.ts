/**
 * The package layer's zip container (src/xlsx/zip.ts): members read from the central directory
 * (zip64 included, APPNOTE 6.3 §4.5.3) and checked against JSZip, inflating under a cap that
 * stops a member which says less than it holds (small members and streamed ones alike), and
 * writing a package whose copied members keep their compressed bytes, deterministically.
 */
import zlib from "zlib";
import JSZip from "jszip";
import { zlibCodec } from "../../src/cli/zlib-codec";
import { fflateCodec } from "../../src/xlsx/fflate-codec";
import { crc32 as zipCrc32, inflateEntry, readZip, ZipError, type Codec, type ZipEntry } from "../../src/xlsx/zip";
import { writeZip } from "../../src/xlsx/zip-write";
import { buildZip, crc32, deflatedZeros } from "../helpers/xlsx-builders";

const CODECS: [string, Codec][] = [
  ["fflate (browsers)", fflateCodec],
  ["zlib (Node)", zlibCodec],
];

function text(b: Uint8Array): string {
  return Buffer.from(b).toString("utf8");
}

function inflated(e: ZipEntry, cap = e.size, codec: Codec = fflateCodec): Uint8Array {
  const got = inflateEntry(e, cap, codec);
  if (!(got instanceof Uint8Array)) throw new Error(`${e.name}: ${JSON.stringify(got)}`);
  return got;
}

describe("reading", () => {
  test("members, sizes and contents as JSZip reads them (stored and deflated, UTF-8 names, a folder entry)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/工作表.xml", "<a>全年预算数</a>".repeat(1000), { compression: "DEFLATE" });
    zip.file("xl/media/image1.png", Buffer.from([137, 80, 78, 71, 0, 1, 2, 3]), { compression: "STORE" });
    zip.folder("xl/empty");
    const bytes = new Uint8Array(await zip.generateAsync({ type: "nodebuffer" }));
    const entries = readZip(bytes);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ["[Content_Types].xml", 0],
      ["xl/工作表.xml", 8],
      ["xl/media/image1.png", 0],
    ]);
    const back = await JSZip.loadAsync(bytes);
    for (const e of entries) {
      const theirs = await back.file(e.name)!.async("uint8array");
      expect(Buffer.from(inflated(e)).equals(Buffer.from(theirs))).toBe(true);
      expect(e.size).toBe(theirs.length);
      expect(e.crc).toBe(crc32(theirs));
    }
  });

  test("zip64: sizes and offsets from the extended-information extra field", () => {
    const content = Buffer.from("<x>zip64</x>");
    const data = zlib.deflateRawSync(content);
    const name = Buffer.from("a.xml");
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(content.length), 4);
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    extra.writeBigUInt64LE(0n, 20);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    const body = Buffer.concat([local, name, data]);
    const cd = Buffer.concat([central, name, extra]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(body.length, 16);
    const [e] = readZip(new Uint8Array(Buffer.concat([body, cd, end])));
    expect([e.name, e.size, e.data.length]).toEqual(["a.xml", content.length, data.length]);
    expect(text(inflated(e))).toBe("<x>zip64</x>");
  });

  test("cut short, inconsistent, or two members with one name: a ZipError", async () => {
    const good = new Uint8Array(buildZip([{ name: "a.xml", data: "<a/>" }]));
    expect(() => readZip(good.subarray(0, good.length - 10))).toThrow(ZipError);
    expect(() => readZip(new Uint8Array(buildZip([{ name: "a.xml", data: "<a/>" }, { name: "a.xml", data: "<b/>" }])))).toThrow(
      "two members named a.xml",
    );
    const moved = Buffer.from(good);
    moved.writeUInt32LE(0x12345678, 0); // the local header's signature
    expect(() => readZip(new Uint8Array(moved))).toThrow("local header of a.xml not found");
  });
});

describe.each(CODECS)("inflating under a cap, %s", (_name, codec) => {
  test("a member that says 1000 bytes but holds 32 MiB stops at the cap (small member, one call)", () => {
    const bomb = deflatedZeros(32 << 20);
    expect(bomb.bytes.length).toBeLessThanOrEqual(1 << 16);
    const [e] = readZip(new Uint8Array(buildZip([{ name: "s.xml", deflated: bomb, statedSize: 1000 }])));
    expect(inflateEntry(e, e.size, codec)).toEqual({ kind: "over-cap" });
  });

  test("the same for a large member (streamed): 1 GiB said to be 1000 bytes", () => {
    const bomb = deflatedZeros(1 << 30);
    expect(bomb.bytes.length).toBeGreaterThan(1 << 16);
    const [e] = readZip(new Uint8Array(buildZip([{ name: "s.xml", deflated: bomb, statedSize: 1000 }])));
    expect(inflateEntry(e, e.size, codec)).toEqual({ kind: "over-cap" });
  });

  test("honest members inflate exactly, on both paths; a stored member over its cap is refused", () => {
    const small = Buffer.from("<c r=\"A1\"><v>1</v></c>".repeat(500));
    const large = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `<c r="A${i}"><v>${(i * 7919) % 10007}</v></c>`).join(""));
    const entries = readZip(
      new Uint8Array(buildZip([{ name: "small.xml", data: small }, { name: "large.xml", data: large }, { name: "raw.bin", data: small, store: true }])),
    );
    expect(entries[1].data.length).toBeGreaterThan(1 << 16);
    expect(Buffer.from(inflated(entries[0], entries[0].size, codec)).equals(small)).toBe(true);
    expect(Buffer.from(inflated(entries[1], entries[1].size, codec)).equals(large)).toBe(true);
    expect(inflateEntry(entries[2], 10, codec)).toEqual({ kind: "over-cap" });
  });

  test("deflate and inflate round-trip; CRC-32 as zlib computes it", () => {
    const text = Buffer.from("<c r=\"A1\"><v>全年预算数</v></c>".repeat(3000));
    const d = codec.deflate(text);
    expect(Buffer.from(codec.inflate(d, text.length) as Uint8Array).equals(text)).toBe(true);
    expect(zipCrc32(text)).toBe(crc32(text));
  });

  test("checked against its headers (APPNOTE 6.3 §4.4.7–4.4.9): a wrong CRC-32 or size is damage, named with both values", () => {
    const content = Buffer.from("<si><t>全年预算数</t></si>".repeat(200));
    const [e, s] = readZip(new Uint8Array(buildZip([{ name: "a.xml", data: content }, { name: "s.xml", data: content, store: true }])));
    const right = crc32(content);
    expect(inflateEntry({ ...e, crc: right ^ 1 }, e.size, codec)).toEqual({
      kind: "damaged",
      check: { what: "crc", stated: (right ^ 1) >>> 0, actual: right },
    });
    // A stored member is checked the same way.
    expect(inflateEntry({ ...s, crc: right ^ 1 }, s.size, codec)).toMatchObject({ kind: "damaged", check: { what: "crc" } });
    // Stated larger than it inflates to: fewer bytes than the headers say.
    expect(inflateEntry({ ...e, size: e.size + 5 }, e.size + 5, codec)).toEqual({
      kind: "damaged",
      check: { what: "size", stated: content.length + 5, actual: content.length },
    });
    // Stated a little smaller: it runs past its size, then its stream ends: damage, not a bomb.
    expect(inflateEntry({ ...e, size: e.size - 10 }, e.size - 10, codec)).toEqual({
      kind: "damaged",
      check: { what: "overrun", stated: content.length - 10 },
    });
    expect(Buffer.from(inflated(e, e.size, codec)).equals(content)).toBe(true);
  });

  test("a flipped bit in the deflate data: the damage is found whether the stream breaks, runs long or short, or keeps its length", () => {
    const content = Buffer.from(Array.from({ length: 400 }, (_, i) => `<c r="E${i}"><v>${(i * 7919) % 10007}</v></c>`).join(""));
    const [e] = readZip(new Uint8Array(buildZip([{ name: "sheet1.xml", data: content }])));
    const seen = new Set<string>();
    for (let bit = 0; bit < e.data.length * 8; bit += 7) {
      const data = Uint8Array.from(e.data);
      data[bit >> 3] ^= 1 << (bit & 7);
      const got = inflateEntry({ ...e, data }, e.size, codec);
      // Never accepted, never taken for a bomb.
      expect(got instanceof Uint8Array ? "accepted" : got.kind).toMatch(/^(corrupt|damaged)$/);
      if (!(got instanceof Uint8Array)) seen.add(got.kind === "damaged" ? got.check.what : got.kind);
    }
    expect([...seen].sort()).toEqual(["corrupt", "crc", "overrun", "size"]);
  });

  test("corrupt deflate data and unknown methods are named", () => {
    const [e] = readZip(new Uint8Array(buildZip([{ name: "a.xml", data: "<a>hello</a>" }])));
    expect(inflateEntry({ ...e, data: new Uint8Array([0xff, 0xff, 0xff]) }, 100, codec)).toMatchObject({ kind: "corrupt" });
    expect(inflateEntry({ ...e, method: 14 }, 100, codec)).toEqual({ kind: "method" });
    expect(inflateEntry({ ...e, flags: 1 }, 100, codec)).toEqual({ kind: "method" });
  });
});

describe("writing", () => {
  async function sample(): Promise<ZipEntry[]> {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>", { date: new Date(2021, 5, 7, 8, 9, 10) });
    zip.file("xl/workbook.xml", "<workbook/>".repeat(50), { compression: "DEFLATE", date: new Date(2022, 0, 2) });
    zip.file("xl/vbaProject.bin", Buffer.from([1, 2, 3, 4, 5, 250]), { compression: "STORE", date: new Date(2020, 1, 3) });
    return readZip(new Uint8Array(await zip.generateAsync({ type: "nodebuffer" })));
  }

  test("copied members keep their compressed bytes, CRC and date; new content is deflated and dated 1980-01-01", async () => {
    const entries = await sample();
    const out = writeZip([...entries.map((copy) => ({ copy })), { name: "xl/comments1.xml", content: Buffer.from("<comments/>") }], fflateCodec);
    const back = readZip(out);
    expect(back.map((e) => e.name)).toEqual([...entries.map((e) => e.name), "xl/comments1.xml"]);
    for (const [i, e] of entries.entries()) {
      expect(Buffer.from(back[i].data).equals(Buffer.from(e.data))).toBe(true);
      expect([back[i].crc, back[i].size, back[i].method, back[i].dosDate, back[i].dosTime]).toEqual([e.crc, e.size, e.method, e.dosDate, e.dosTime]);
    }
    expect(back[3].dosDate).toBe((0 << 9) | (1 << 5) | 1);
    const j = await JSZip.loadAsync(out);
    expect(await j.file("xl/comments1.xml")!.async("string")).toBe("<comments/>");
    expect(await j.file("xl/workbook.xml")!.async("string")).toBe("<workbook/>".repeat(50));
    expect(Array.from(await j.file("xl/vbaProject.bin")!.async("uint8array"))).toEqual([1, 2, 3, 4, 5, 250]);
  });

  test("a replaced member keeps its date; two writes of the same members give the same bytes", async () => {
    const entries = await sample();
    const members = () => entries.map((e) => (e.name === "xl/workbook.xml" ? { name: e.name, content: Buffer.from("<workbook x=\"1\"/>"), like: e } : { copy: e }));
    const a = writeZip(members(), zlibCodec);
    const b = writeZip(members(), zlibCodec);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const wb = readZip(a).find((e) => e.name === "xl/workbook.xml")!;
    expect([wb.dosDate, wb.dosTime]).toEqual([entries[1].dosDate, entries[1].dosTime]);
    expect(text(inflated(wb))).toBe('<workbook x="1"/>');
  });
});
