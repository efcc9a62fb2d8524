/**
 * The ribbon's callbacks (ribbon.xml: onLoad="OnAddinLoad", onAction="OnAction",
 * getLabel="OnGetLabel", getImage="GetImage"), as the wpsjs 2.2.3 ET template wires them: global
 * functions of the add-in's main page, called with the control (control.Id).
 *
 * Every callback returns at once and synchronously: async ribbon callbacks have broken the ribbon
 * in some WPS builds (reported by people who built WPS add-ins), so OnAction only schedules the
 * work (setTimeout) and returns true. The work then runs the same WorkbookPort operations as the
 * pane: 复核工作表 flags the active sheet (src/excel/validate-command.ts) and says what it found;
 * 清除标记 and 撤销修改 (after the user confirms) do what the pane's buttons do and say how many
 * cells; the last button shows or hides the task pane (Application.CreateTaskPane / GetTaskPane,
 * its id kept in PluginStorage as the template does).
 */
import { validateActiveSheet } from "../excel/validate-command";
import { toPortError } from "../excel/messages";
import type { KeptRecord, WorkbookPort } from "../excel/port";
import { t, type Lang, type StringKey } from "../i18n/strings";
import type { WpsApplication } from "./et";

export const BUTTONS = {
  btnValidate: { label: "WPS_RIBBON_VALIDATE", image: "images/validate.svg" },
  btnClearFlags: { label: "ACTION_CLEAR", image: "images/clear.svg" },
  btnRevert: { label: "ACTION_REVERT", image: "images/revert.svg" },
  btnShowPane: { label: "WPS_RIBBON_PANE", image: "images/pane.svg" },
} as const satisfies Record<string, { label: StringKey; image: string }>;
export type ButtonId = keyof typeof BUTTONS;

/** Labels of the tab and the group (ribbon.xml getLabel). */
const CONTAINERS: Record<string, StringKey> = { perfTab: "WPS_RIBBON_TAB", perfGroup: "WPS_RIBBON_GROUP" };

/** PluginStorage key of the task pane's id. */
export const PANE_ID_KEY = "perf.taskpaneId";
/** The pane page, beside the add-in's main page. */
export const PANE_PAGE = "taskpane.html";

export interface RibbonDeps {
  app: () => WpsApplication | undefined;
  port: WorkbookPort;
  lang: () => Lang;
  /** Where the main page is (document.location without its file name). */
  baseUrl: () => string;
  schedule?: (work: () => void) => void;
  alert?: (message: string) => void;
  confirm?: (message: string) => boolean;
}

export interface RibbonControl {
  Id: string;
}

function keptText(lang: Lang, kept: KeptRecord[]): string {
  if (!kept.length) return "";
  const sheets = kept
    .map((k) => t(lang, "WPS_KEPT_SHEET", { sheet: k.sheet, cells: k.cells }))
    .join(t(lang, "LIST_SEPARATOR"));
  return `\n${t(lang, "WPS_KEPT", { sheets })}`;
}

/** The ribbon's callbacks over a port. */
export function createRibbon(deps: RibbonDeps) {
  const g = globalThis as { alert?: (m: string) => void; confirm?: (m: string) => unknown };
  const schedule = deps.schedule ?? ((work: () => void) => void setTimeout(work, 0));
  const say = deps.alert ?? ((m: string) => g.alert?.(m));
  const ask = deps.confirm ?? ((m: string) => !!g.confirm?.(m));

  /** Run an operation after the callback has returned; a failure is said in one line. */
  function later(work: (lang: Lang) => Promise<string | undefined>): void {
    schedule(() => {
      const lang = deps.lang();
      work(lang).then(
        (message) => message && say(message),
        (e: unknown) => say(t(lang, "WPS_FAILED", { detail: toPortError(e, "?").text(lang) })),
      );
    });
  }

  /** The pane made before, if WPS still has it (the page may have been restarted). */
  function existingPane(app: WpsApplication) {
    const id = Number(app.PluginStorage.getItem(PANE_ID_KEY));
    if (!id) return undefined;
    try {
      return app.GetTaskPane(id);
    } catch {
      return undefined;
    }
  }

  /** Show the pane (`toggle`: hide it when it is shown), making it the first time. */
  function showPane(toggle = false): void {
    const app = deps.app();
    if (!app) return;
    const pane = existingPane(app);
    if (pane) {
      pane.Visible = toggle ? !pane.Visible : true;
      return;
    }
    const made = app.CreateTaskPane(`${deps.baseUrl()}/${PANE_PAGE}`);
    app.PluginStorage.setItem(PANE_ID_KEY, made.ID);
    made.Visible = true;
  }

  return {
    /** The first callback WPS makes: keeps the ribbon object where the template keeps it (Application.ribbonUI). */
    OnAddinLoad(ribbonUI: unknown): boolean {
      const app = deps.app() as { ribbonUI?: unknown } | undefined;
      if (app && typeof app.ribbonUI !== "object") app.ribbonUI = ribbonUI;
      return true;
    },

    OnAction(control: RibbonControl): boolean {
      switch (control.Id as ButtonId) {
        case "btnValidate":
          later(async (lang) => {
            try {
              const run = await validateActiveSheet(deps.port, lang);
              return run.summary?.[lang];
            } finally {
              showPane();
            }
          });
          break;
        case "btnClearFlags":
          later(async (lang) => {
            const r = await deps.port.clearFlags({ lang });
            return t(lang, "WPS_CLEARED", { n: r.cleared }) + keptText(lang, r.kept);
          });
          break;
        case "btnRevert":
          later(async (lang) => {
            if (!ask(t(lang, "WPS_REVERT_CONFIRM"))) return undefined;
            const r = await deps.port.revert({ lang });
            return t(lang, "WPS_REVERTED", { n: r.restored }) + keptText(lang, r.kept);
          });
          break;
        case "btnShowPane":
          schedule(() => showPane(true));
          break;
      }
      return true;
    },

    OnGetLabel(control: RibbonControl): string {
      const key = (BUTTONS as Record<string, { label: StringKey }>)[control.Id]?.label ?? CONTAINERS[control.Id];
      return key ? t(deps.lang(), key) : "";
    },

    GetImage(control: RibbonControl): string {
      return (BUTTONS as Record<string, { image: string }>)[control.Id]?.image ?? "";
    },

    /** Every button is always enabled: the operations say themselves when there is nothing to do. */
    OnGetEnabled(): boolean {
      return true;
    },
  };
}

export type Ribbon = ReturnType<typeof createRibbon>;
