#!/usr/bin/env node
/**
 * The floor of perf-check's job on a workbook, as a process of its own (npm run bench runs it
 * side by side with perf-check): start Node, read the file, inflate every XML part with Node's
 * zlib and run it through saxes with no handlers. Nothing is detected, checked or printed: no
 * reader of the workbook can do less.
 *
 *   node scripts/floor.js FILE
 *   node scripts/floor.js FILE --write PARTS_DIR OUT
 *
 * With --write, also the floor of writing a copy that changes some parts: the new parts' texts
 * (files in PARTS_DIR named by encodeURIComponent(part name)) are deflated with zlib and the
 * package is written to OUT, every other member's compressed bytes copied (a minimal zip writer).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { SaxesParser } = require("saxes");
const { readZip } = require(path.join(__dirname, "..", "build", "xlsx", "zip.js"));

const bytes = fs.readFileSync(process.argv[2]);
const decoder = new TextDecoder("utf-8");
const entries = readZip(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
for (const e of entries) {
  if (!/\.(xml|rels)$/i.test(e.name)) continue;
  const data = e.method === 8 ? zlib.inflateRawSync(e.data) : e.data;
  new SaxesParser().write(decoder.decode(data)).close();
}

if (process.argv[3] === "--write") {
  const dir = process.argv[4];
  const changed = new Map(fs.readdirSync(dir).map((f) => [decodeURIComponent(f), path.join(dir, f)]));
  /** A changed or new part: its text deflated. */
  const deflated = (name, file) => {
    const content = fs.readFileSync(file);
    return { name, method: 8, crc: zlib.crc32(content), size: content.length, data: zlib.deflateRawSync(content) };
  };
  const members = entries.map((e) => {
    const file = changed.get(e.name);
    if (!file) return { name: e.name, method: e.method, crc: e.crc, size: e.size, data: e.data };
    changed.delete(e.name);
    return deflated(e.name, file);
  });
  for (const [name, file] of changed) members.push(deflated(name, file));
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(m.method, 8);
    head.writeUInt32LE(m.crc >>> 0, 14);
    head.writeUInt32LE(m.data.length, 18);
    head.writeUInt32LE(m.size, 22);
    head.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(m.method, 10);
    cd.writeUInt32LE(m.crc >>> 0, 16);
    cd.writeUInt32LE(m.data.length, 20);
    cd.writeUInt32LE(m.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(head, name, m.data);
    central.push(cd, name);
    offset += 30 + name.length + m.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(process.argv[5], Buffer.concat([...chunks, cdBytes, end]));
}
