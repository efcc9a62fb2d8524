/**
 * The last ribbon command's outcome, shared in the runtime (the shared runtime runs the
 * commands and the task pane in one page): the ribbon's "Validate sheet" publishes here and
 * opens the task pane, which shows it.
 */
import type { Bilingual } from "../i18n/strings";
import type { SheetAnalysis } from "./port";

export interface LastRun {
  command: "validate";
  /** Date.now() when it finished. */
  at: number;
  sheet?: string;
  /** The findings (also when the sheet was protected and could not be flagged). */
  analysis?: SheetAnalysis;
  /** The counts as one line, e.g. "“自评表”复核完成：1 张表，0 个错误…". */
  summary?: Bilingual;
  /** Set when it failed: the error's text and PortError code. */
  error?: Bilingual & { code: string };
}

type Listener = (run: LastRun) => void;

/**
 * webpack bundles the pane (taskpane.js) and the commands (commands.js) as separate entries,
 * each with its own copy of this module: the state lives on globalThis so both see one.
 */
const KEY = "__perfAddinLastRun__";
interface Shared {
  last?: LastRun;
  listeners: Set<Listener>;
}
const shared: Shared =
  ((globalThis as Record<string, unknown>)[KEY] as Shared | undefined) ??
  ((globalThis as Record<string, unknown>)[KEY] = { listeners: new Set<Listener>() } as Shared);
const listeners = shared.listeners;

export function publishLastRun(run: LastRun): void {
  shared.last = run;
  for (const l of [...listeners]) {
    try {
      l(run);
    } catch (e) {
      console.error("last-run listener failed", e);
    }
  }
}

export function getLastRun(): LastRun | undefined {
  return shared.last;
}

/** Called on every publish; returns the unsubscribe function. */
export function onLastRun(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
