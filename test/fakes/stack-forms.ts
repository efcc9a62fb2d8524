/**
 * Build a large sheet by stacking one sheet's content (a form) n times, `gap` blank rows apart:
 * values, formulas (references shifted), formats, fills, notes and merges. Pure (browser-safe).
 */
import { a1, type FakeCellInit, type FakeSheetInit } from "./fake-excel";

function parse(addr: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function shiftRefs(formula: string, dr: number): string {
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (_, d1: string, c: string, d2: string, r: string) => `${d1}${c}${d2}${d2 ? r : Number(r) + dr}`,
  );
}

function shiftRange(range: string, dr: number): string {
  return range
    .split(":")
    .map((a) => {
      const p = parse(a);
      return a1(p.row + dr, p.col);
    })
    .join(":");
}

export function stackForms(form: FakeSheetInit, times: number, name = `${form.name}×${times}`, gap = 2): FakeSheetInit {
  const cells = form.cells ?? {};
  let height = 0;
  for (const a of [...Object.keys(cells), ...Object.keys(form.notes ?? {})])
    height = Math.max(height, parse(a).row + 1);
  for (const m of form.merges ?? []) height = Math.max(height, parse(m.split(":").pop()!).row + 1);
  const step = height + gap;
  const out: FakeSheetInit = { name, cells: {}, merges: [], notes: {} };
  for (let k = 0; k < times; k++) {
    const dr = k * step;
    for (const [a, c] of Object.entries(cells)) {
      const p = parse(a);
      const copy: FakeCellInit = { ...c };
      if (c.f) copy.f = shiftRefs(c.f, dr);
      out.cells![a1(p.row + dr, p.col)] = copy;
    }
    for (const [a, n] of Object.entries(form.notes ?? {})) {
      const p = parse(a);
      out.notes![a1(p.row + dr, p.col)] = n;
    }
    for (const m of form.merges ?? []) out.merges!.push(shiftRange(m, dr));
  }
  return out;
}
