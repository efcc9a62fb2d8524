/**
 * perf-check's worker thread (parallel.ts): for each large workbook the main thread hands over
 * (its bytes and a shared counter), claims the next sheet not yet taken until none is left, reads
 * and checks it, and answers with the outcomes by sheet index. Settings come as workerData.
 */
import { parentPort, workerData } from "worker_threads";
import { asReadErrors } from "../pipeline/workbook";
import { SheetReader } from "../xlsx/grids";
import { claimSheets, RunSettings, SheetOutcome } from "./parallel";
import { openPackage } from "./read";

const settings = workerData as RunSettings;

parentPort!.on("message", (m: { id: number; bytes: Uint8Array; counter: SharedArrayBuffer }) => {
  let outcomes: [number, SheetOutcome][] = [];
  try {
    const pkg = openPackage(m.bytes, settings.limits);
    const reader = asReadErrors(() => new SheetReader(pkg, settings.limits.maxCells));
    outcomes = [...claimSheets(reader, new Int32Array(m.counter), settings)];
  } catch {
    // The main thread opened the same bytes before handing them over; should this fail here
    // anyway, it checks every sheet this thread did not claim.
  }
  parentPort!.postMessage({ id: m.id, outcomes });
});
parentPort!.postMessage({ ready: true });
