/**
 * Sheet ids in WPS (src/wps/workbook-store.ts): ET has no worksheet id, so a sheet the add-in keeps
 * a record for carries one in a hidden sheet-level name. The id is made without
 * crypto.randomUUID, which older embedded Chromium (in some WPS builds) lacks; a copied sheet's
 * repeated id counts for the first sheet only.
 */
import { newSheetId, SHEET_ID_NAME, sheetEntries } from "../../src/wps/workbook-store";
import { createFakeEt } from "../fakes/fake-et";

test("newSheetId works without crypto.randomUUID, and without crypto at all; ids differ", () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  try {
    Object.defineProperty(globalThis, "crypto", {
      value: { getRandomValues: (a: Uint8Array) => a.map((_, i) => (i * 37 + Date.now()) & 0xff) },
      configurable: true,
    });
    expect((globalThis as { crypto: { randomUUID?: unknown } }).crypto.randomUUID).toBeUndefined();
    expect(newSheetId()).toMatch(/^wps-[0-9a-f]{24}$/);
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    const ids = new Set(Array.from({ length: 100 }, () => newSheetId()));
    expect(ids.size).toBe(100);
  } finally {
    if (saved) Object.defineProperty(globalThis, "crypto", saved);
  }
});

test("a copied sheet (the same id name twice): the first keeps the id, the copy has none", () => {
  const fake = createFakeEt({
    sheets: [
      { name: "表1", names: { [SHEET_ID_NAME]: '="wps-1"' } },
      { name: "表1 (2)", names: { [SHEET_ID_NAME]: '="wps-1"' } },
    ],
  });
  const entries = sheetEntries(fake.Application.ActiveWorkbook!);
  expect(entries.map((e) => [e.name, e.id])).toEqual([
    ["表1", "wps-1"],
    ["表1 (2)", undefined],
  ]);
});
