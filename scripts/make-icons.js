#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): a green check mark over a
 * small table grid (a sheet with a green header row), anti-aliased, on a transparent
 * background. No dependencies beyond Node's zlib; the output is byte-for-byte
 * reproducible, so the PNGs are committed and this script is only rerun to change them.
 *
 *   node scripts/make-icons.js [outDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Float32Array of size*size*4 in [0,1], straight (not premultiplied) alpha. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size * 4; x++) {
      const v = rgba[y * size * 4 + x];
      raw[y * (size * 4 + 1) + 1 + x] = Math.max(0, Math.min(255, Math.round(v * 255)));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- drawing

const WHITE = [1, 1, 1];
const GRID = [0.55, 0.6, 0.58];
const HEADER = [0.13, 0.45, 0.27]; // Excel-ish green
const CHECK = [0.1, 0.62, 0.24];
const CHECK_EDGE = [1, 1, 1];

/** Distance from (px,py) to the segment (ax,ay)-(bx,by). */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/**
 * The picture in unit coordinates (0..1 both ways, y down). Returns [r,g,b,a] of the
 * topmost layer at that point, without anti-aliasing; supersampling smooths it.
 */
function shade(u, v, size) {
  // Sheet: a rounded-off square from 0.06 to 0.94, a header row, 3 columns x 4 rows.
  const x0 = 0.06;
  const x1 = 0.94;
  const y0 = 0.08;
  const y1 = 0.92;
  // Lines get at least one pixel at small sizes.
  const line = Math.max(1.0 / size, 0.035);
  let colour = null;
  if (u >= x0 && u <= x1 && v >= y0 && v <= y1) {
    colour = [...WHITE, 1];
    const headerBottom = y0 + (y1 - y0) * 0.22;
    if (v <= headerBottom) colour = [...HEADER, 1];
    // Grid lines: the outer frame, 2 inner verticals, 3 inner horizontals.
    const cols = [x0, x0 + (x1 - x0) / 3, x0 + (2 * (x1 - x0)) / 3, x1];
    const rowH = (y1 - headerBottom) / 3;
    const rows = [y0, headerBottom, headerBottom + rowH, headerBottom + 2 * rowH, y1];
    const onV = cols.some((c) => Math.abs(u - c) <= line / 2 + (c === x0 || c === x1 ? line / 2 : 0));
    const onH = rows.some((r) => Math.abs(v - r) <= line / 2 + (r === y0 || r === y1 ? line / 2 : 0));
    if ((onV || onH) && v > headerBottom + line / 2) colour = [...GRID, 1];
    if ((onV || onH) && v <= headerBottom + line / 2) colour = [...HEADER, 1];
    if (u - x0 <= line || x1 - u <= line || v - y0 <= line || y1 - v <= line) colour = [...HEADER, 1];
  }
  // The check mark: two thick strokes, with a white rim so it reads on the grid.
  const ax = 0.3;
  const ay = 0.6;
  const bx = 0.47;
  const by = 0.78;
  const cx = 0.86;
  const cy = 0.3;
  const d = Math.min(segDist(u, v, ax, ay, bx, by), segDist(u, v, bx, by, cx, cy));
  const stroke = size <= 16 ? 0.085 : 0.07;
  const rim = stroke + Math.max(1.2 / size, 0.03);
  if (d <= rim) colour = [...CHECK_EDGE, 1];
  if (d <= stroke) colour = [...CHECK, 1];
  return colour || [0, 0, 0, 0];
}

function render(size) {
  const ss = 4; // 4x4 supersampling
  const out = new Float32Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          const [cr, cg, cb, ca] = shade(u, v, size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        out[i] = r / a;
        out[i + 1] = g / a;
        out[i + 2] = b / a;
      }
      out[i + 3] = a / (ss * ss);
    }
  }
  return out;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})\n`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, crc32, SIZES };
