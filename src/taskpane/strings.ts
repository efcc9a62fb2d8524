/**
 * Helpers for the task pane's texts. The texts live in the one string table (src/i18n/strings.ts),
 * zh-CN first, en-US second. Templates take {name} placeholders.
 * English counts have a singular variant under KEY_ONE, used when n is 1.
 */
import { STRINGS } from "../i18n/strings";
import type { Lang } from "../i18n/strings";

export const PANE_STRINGS = STRINGS;

export type PaneKey = keyof typeof PANE_STRINGS;
export type PaneParams = Record<string, string | number | undefined>;

function fill(template: string, params: PaneParams): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? "" : String(v);
  });
}

/** One pane string in one language. */
export function tp(lang: Lang, key: PaneKey, params: PaneParams = {}): string {
  return fill(PANE_STRINGS[key][lang], params);
}

/** A count: KEY_ONE when n is 1 (English singular), KEY otherwise. */
export function tpCount(lang: Lang, key: PaneKey, n: number, params: PaneParams = {}): string {
  const one = `${key}_ONE` as PaneKey;
  const k = n === 1 && one in PANE_STRINGS ? one : key;
  return tp(lang, k, { ...params, n });
}

/** "2 errors, 1 warning": the non-zero counts, errors first ("0 errors" when all are zero). */
export function countsText(lang: Lang, counts: { error: number; warning: number; info: number }): string {
  const parts: string[] = [];
  if (counts.error) parts.push(tpCount(lang, "COUNT_ERRORS", counts.error));
  if (counts.warning) parts.push(tpCount(lang, "COUNT_WARNINGS", counts.warning));
  if (counts.info) parts.push(tpCount(lang, "COUNT_INFOS", counts.info));
  if (parts.length === 0) parts.push(tpCount(lang, "COUNT_ERRORS", 0));
  return parts.join(tp(lang, "LIST_SEPARATOR"));
}
