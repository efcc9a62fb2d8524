/**
 * Helpers for the task pane's texts. The texts live in the one string table (src/i18n/strings.ts),
 * zh-CN first, en-US second. Templates take {name} placeholders.
 * English counts have a singular variant under KEY_ONE, used when n is 1.
 */
import { STRINGS, t } from "../i18n/strings";
import type { Lang, Params, StringKey } from "../i18n/strings";

export const PANE_STRINGS = STRINGS;

export type PaneKey = StringKey;
export type PaneParams = Params;

/** One pane string in one language. */
export function tp(lang: Lang, key: PaneKey, params: PaneParams = {}): string {
  return t(lang, key, params);
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
