/**
 * Revert over Office.js: with nothing to revert it costs one sync (reading workbook.settings).
 * What Revert restores, on every host, is in test/contract/revert.contract.test.ts.
 */
import { setDefaultPolicy } from "../../src/engine/perf";
import { openFixture, portOver } from "./helpers";

afterAll(() => setDefaultPolicy("national"));

test("no snapshot: revert restores nothing and syncs once", async () => {
  const fake = await openFixture("seed000", "自评表");
  const port = portOver(fake);
  fake.resetSyncCount();
  expect(await port.revert({ lang: "zh" })).toEqual({ restored: 0, kept: [] });
  expect(fake.syncCount()).toBe(1);
});
