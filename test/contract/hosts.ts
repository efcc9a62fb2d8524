/**
 * The hosts the WorkbookPort contract runs on: the Office.js port over the fake Excel
 * (test/fakes/fake-excel.ts) and the WPS port over the fake ET object model
 * (test/fakes/fake-et.ts). Both fakes hold the workbook in the same model (FakeState), so a test
 * reads and changes cells the same way on either; what differs (where the add-in's records are
 * stored, how a sheet's id is kept, what a call into the host is) is answered here.
 */
import type { WorkbookPort } from "../../src/excel/port";
import { createWpsPort } from "../../src/wps/wps-port";
import { SHEET_ID_NAME, STORE_SHEET } from "../../src/wps/workbook-store";
import { createFakeExcel, type FakeState, type FakeWorkbookInit } from "../fakes/fake-excel";
import { createFakeEt } from "../fakes/fake-et";
import { evaluate } from "../fakes/formula-eval";
import { fixtureInit, portOver, type FixtureName } from "../excel/helpers";

export interface Opened {
  port: WorkbookPort;
  state: FakeState;
  /** The workbook saved and opened again (in the same host). */
  reopen(init?: FakeWorkbookInit): Opened;
  /** The keys of the add-in's stored settings (perf.*). */
  storeKeys(): string[];
  /** A stored setting's value, or undefined. */
  setting(key: string): string | undefined;
  /** Calls into the host since the last reset: syncs (Excel) or ET calls (WPS). */
  calls(): number;
  /** Calls since the last reset that changed the workbook (none: a refusal changed nothing). */
  writes(): number;
  resetCalls(): void;
}

export interface Host {
  name: "excel" | "wps";
  /** A fake workbook on a fixture (samples/), `sheet` active, formulas computed. */
  open(fixture: FixtureName, sheet?: string, patch?: (init: FakeWorkbookInit) => void): Promise<Opened>;
  /** Open a workbook init directly. */
  openInit(init: FakeWorkbookInit): Opened;
  /** `init` as saved where the sheet `name` lost the id the add-in knew it by. */
  withNewSheetId(init: FakeWorkbookInit, name: string, id: string): FakeWorkbookInit;
  /** `init` as saved with the add-in's settings `settings` (key → the text stored) in it. */
  withSettings(init: FakeWorkbookInit, settings: Record<string, string>): FakeWorkbookInit;
}

function copy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function excelOpened(init: FakeWorkbookInit): Opened {
  const fake = createFakeExcel(init, { evaluate });
  return {
    port: portOver(fake),
    state: fake.state,
    reopen: (next) => excelOpened(next ?? fake.state.toInit()),
    storeKeys: () => [...fake.state.settings.keys()].filter((k) => k.startsWith("perf.")),
    setting: (key) => {
      const v = fake.state.settings.get(key);
      return v === undefined ? undefined : (JSON.parse(v) as string);
    },
    calls: () => fake.syncCount(),
    writes: () => fake.state.syncLog.reduce((n, s) => n + s.writes, 0),
    resetCalls: () => fake.resetSyncCount(),
  };
}

function wpsOpened(init: FakeWorkbookInit): Opened {
  const fake = createFakeEt(init, { evaluate });
  const rows = () => {
    const s = fake.state.sheets.find((x) => x.name === STORE_SHEET);
    if (!s) return [];
    const cells = fake.state.dump(STORE_SHEET).cells;
    const out: [string, string][] = [];
    for (let r = 1; cells[`A${r}`]; r++) out.push([String(cells[`A${r}`].v), String(cells[`B${r}`]?.v ?? "")]);
    return out;
  };
  return {
    port: createWpsPort({ app: () => fake.Application }),
    state: fake.state,
    reopen: (next) => wpsOpened(next ?? fake.state.toInit()),
    storeKeys: () => rows().map(([k]) => k),
    setting: (key) => rows().find(([k]) => k === key)?.[1],
    calls: () => fake.calls().reads + fake.calls().writes,
    writes: () => fake.calls().writes,
    resetCalls: () => fake.resetCalls(),
  };
}

/** A host whose workbooks open with `opened`. */
function hostOf(
  name: Host["name"],
  opened: (init: FakeWorkbookInit) => Opened,
  rest: Pick<Host, "withNewSheetId" | "withSettings">,
): Host {
  return {
    name,
    async open(fixture, sheet, patch) {
      const init = await fixtureInit(fixture);
      if (sheet) init.active = sheet;
      patch?.(init);
      return opened(init);
    },
    openInit: opened,
    ...rest,
  };
}

export const EXCEL: Host = hostOf("excel", excelOpened, {
  withNewSheetId(init, name, id) {
    const out = copy(init);
    out.sheets.find((s) => s.name === name)!.id = id;
    return out;
  },
  withSettings(init, settings) {
    return { ...copy(init), settings: { ...init.settings, ...settings } };
  },
});

export const WPS: Host = hostOf("wps", wpsOpened, {
  withNewSheetId(init, name, id) {
    const out = copy(init);
    const s = out.sheets.find((x) => x.name === name)!;
    s.names = { ...s.names, [SHEET_ID_NAME]: `="${id}"` };
    return out;
  },
  withSettings(init, settings) {
    // The very hidden store sheet, one setting a row, as text (src/wps/workbook-store.ts).
    const out = copy(init);
    const cells: Record<string, { v: string; n: string }> = {};
    Object.entries(settings).forEach(([k, v], i) => {
      cells[`A${i + 1}`] = { v: k, n: "@" };
      cells[`B${i + 1}`] = { v, n: "@" };
    });
    out.sheets.push({ name: STORE_SHEET, cells, visibility: "VeryHidden" });
    return out;
  },
});

/** Run a describe block once per host: `describe.each(HOSTS)("%s", ...)` reads as "excel" / "wps". */
export const HOSTS: [string, Host][] = [
  ["excel", EXCEL],
  ["wps", WPS],
];
