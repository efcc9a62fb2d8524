/**
 * The language of Office's UI (Office.context.displayLanguage), for the texts the add-in shows
 * outside the pane: the ribbon command's summary, the functions' answers. Safe where office.js is
 * absent or not initialised (a plain browser, tests): zh-CN then.
 */
import type { Lang } from "../i18n/strings";

/** zh-CN by default; en-US when the display language starts with "en". */
export function langFromTag(tag: string | undefined | null): Lang {
  return typeof tag === "string" && /^en\b/i.test(tag.trim()) ? "en" : "zh";
}

export function displayLang(): Lang {
  try {
    return langFromTag(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "zh";
  }
}
