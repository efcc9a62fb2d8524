/**
 * The PERF worksheet functions in WPS 表格: the same functions as in Excel (src/functions/functions.ts,
 * whose JSDoc is also the source of WPS's functions.json: scripts/wps-functions.js), over the same
 * engine (src/engine/perf.ts), registered with Application.AddCustomFunction (WPS 12.1.0.20540 and
 * later; Kingsoft's et-jsapi-declare 2.5.0, addon.et.d.ts, and the wpsjs 2.2.3 vite plugin, which
 * registers each function as wps.AddCustomFunction(namespace, name, fn) when that member exists).
 *
 * WPS calls these synchronously and takes their return value as the cell's (the wpsjs template's
 * functions return plain values), so every body is synchronous, and the workbook's policy is read
 * synchronously too: from the store sheet (workbook-store.ts), again only when the pane has changed
 * it (it bumps POLICY_VERSION_KEY in PluginStorage, which every page of the add-in shares).
 *
 * Excel's CustomFunctions.Error has no WPS counterpart that the declarations show: an input the
 * engine refuses answers its Excel error code and the reason as text ("#VALUE! 总分 101 不在
 * 0–100 之间 / …"), so the cell says why, and the text cannot be added up by mistake.
 *
 * Names: WPS takes the name a user types (NAMESPACE.NAME, ^[A-Za-z_][A-Za-z0-9_]*$ for NAME);
 * Excel keeps an id beside the name. Every Excel name is registered, and so is every id that
 * differs from its name (VALUE, the old name of NUMBER), so formulas written with either work.
 */
import * as perf from "../engine/perf";
import { getDefaultPolicy, setDefaultPolicy } from "../engine/perf";
import { langFromTag } from "../excel/display-language";
import type { Lang } from "../i18n/strings";
import type { WpsApplication } from "./et";
import { readStore } from "./workbook-store";

export const PERF_NAMESPACE = "PERF";
/** PluginStorage key the pane bumps when it stores another policy. */
export const POLICY_VERSION_KEY = "perf.policyVersion";

type Raw = perf.Raw;

/** The language of WPS's UI as the page sees it (navigator.language); zh when unknown. */
export function wpsLang(): Lang {
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return langFromTag(nav?.language);
}

/** A PERF answer as the cell shows it: an error as its code and reason. */
function answer<T>(r: T | perf.PerfError): T | string {
  if (!perf.isPerfError(r)) return r;
  return `${r.error === "na" ? "#N/A" : "#VALUE!"} ${r.message}`;
}

/**
 * The workbook's policy, made the engine's default: read from the active workbook's store when the
 * pane has stored another one since the last read (or on the first call).
 */
export class WorkbookPolicy {
  private seen: unknown = Symbol("never");

  constructor(private readonly app: () => WpsApplication | undefined) {}

  sync(): void {
    const app = this.app();
    if (!app) return;
    const version = app.PluginStorage?.getItem(POLICY_VERSION_KEY);
    if (version === this.seen && version !== undefined && version !== null) return;
    const wb = app.ActiveWorkbook;
    const name = wb ? readStore(wb).policy : undefined;
    try {
      setDefaultPolicy(name ?? "national");
    } catch {
      // A policy this version does not know reads as national (src/excel/transitions.ts policyOf).
      setDefaultPolicy("national");
    }
    this.seen = version;
  }

  get name(): string {
    return getDefaultPolicy().name;
  }
}

/** The bodies, by the name WPS registers (Excel's name; NUMBER also under its id VALUE). */
export function perfFunctions(policy: WorkbookPolicy, lang: () => Lang = wpsLang) {
  const scored =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      policy.sync();
      return fn(...args);
    };
  const numberIn = (text: Raw) => answer(perf.numberIn(text));
  return {
    EXECRATE: (budget: Raw, executed: Raw) => answer(perf.execRate(budget, executed)),
    EXECSCORE: scored((budget: Raw, executed: Raw, weight?: Raw, p?: Raw) =>
      answer(perf.execScore(budget, executed, weight, p)),
    ),
    SCORE: scored((target: Raw, actual: Raw, weight: Raw, kind?: Raw, p?: Raw) =>
      answer(perf.score(target, actual, weight, kind, p, lang())),
    ),
    // WPS passes a range as a 2-D array and has no repeating parameter: up to eight ranges.
    TOTAL: (...ranges: unknown[]) => perf.total(...ranges.map((r) => (Array.isArray(r) ? r : [[r]]))),
    GRADE: scored((totalScore: Raw, p?: Raw) => answer(perf.grade(totalScore, p))),
    NUMBER: numberIn,
    VALUE: numberIn,
    EXPLAIN: scored((target: Raw, actual: Raw, weight: Raw, kind?: Raw, p?: Raw) =>
      answer(perf.explain(target, actual, weight, kind, p, lang())),
    ),
    CARRYOVERRATE: (carryover: Raw, budget: Raw) => answer(perf.carryoverRate(carryover, budget)),
    BUDGETVARIANCE: (actual: Raw, initialBudget: Raw) => answer(perf.budgetVariance(actual, initialBudget)),
    ASSETUSE: (inUse: Raw, totalAssets: Raw) => answer(perf.assetUse(inUse, totalAssets)),
  } satisfies Record<string, (...args: never[]) => unknown>;
}

/** How many ranges PERF.TOTAL takes in WPS (functions.json lists range1…range8). */
export const TOTAL_RANGES = 8;

/**
 * Register every PERF function with WPS. Returns the names registered; none where WPS has no
 * AddCustomFunction (before 12.1.0.20540): the pane then writes native formulas.
 */
export function registerPerfFunctions(
  app: WpsApplication | undefined,
  policy = new WorkbookPolicy(() => app),
): string[] {
  if (!app || typeof app.AddCustomFunction !== "function") return [];
  const fns = perfFunctions(policy);
  const names = Object.keys(fns) as (keyof typeof fns)[];
  for (const name of names) app.AddCustomFunction(PERF_NAMESPACE, name, fns[name] as (...args: never[]) => unknown);
  return names;
}

/** Whether this WPS runs add-in worksheet functions. */
export function hasCustomFunctions(app: WpsApplication | undefined): boolean {
  return !!app && typeof app.AddCustomFunction === "function";
}
