/**
 * One long operation at a time: an AbortController for Cancel, progress fed by the port's
 * ProgressSink, and the outcome as a message (success, cancelled, or the error's text in the
 * UI language).
 */
import { useCallback, useRef, useState } from "react";
import type { RunOptions } from "../../excel/port";
import type { Lang } from "../../i18n/strings";

export interface Busy {
  label: string;
  done: number;
  total: number;
  step: string;
}

export interface Outcome<T> {
  ok: boolean;
  value?: T;
  cancelled?: boolean;
  error?: string;
  /** The error itself, for callers that use data it carries. */
  raw?: unknown;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The text of a port error in one language. Errors carry both languages: as zh/en fields
 * (MappingError, PolicyError) or as "中文 / English" in their message.
 */
export function errorText(err: unknown, lang: Lang): string {
  if (err && typeof err === "object") {
    const o = err as { zh?: unknown; en?: unknown; message?: unknown };
    const own = o[lang];
    if (typeof own === "string" && own) return own;
    if (typeof o.message === "string" && o.message) return pickLanguage(o.message, lang);
  }
  if (typeof err === "string") return pickLanguage(err, lang);
  return String(err);
}

/** "中文 / English" → the half in `lang`; anything else as is. */
export function pickLanguage(message: string, lang: Lang): string {
  const parts = message.split(" / ");
  if (parts.length < 2) return message;
  // Split where the Chinese part ends: the first separator followed by text with no CJK.
  for (let i = 1; i < parts.length; i++) {
    const zh = parts.slice(0, i).join(" / ");
    const en = parts.slice(i).join(" / ");
    if (CJK.test(zh) && !CJK.test(en.replace(/[“”"][^“”"]*[“”"]/g, ""))) return lang === "zh" ? zh : en;
  }
  return message;
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return !!err && typeof err === "object" && (err as { name?: unknown }).name === "AbortError";
}

export function useOperation(lang: Lang) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T>(label: string, fn: (opts: RunOptions) => Promise<T>): Promise<Outcome<T>> => {
      const ac = new AbortController();
      controller.current = ac;
      setBusy({ label, done: 0, total: 0, step: "" });
      const opts: RunOptions = {
        lang,
        signal: ac.signal,
        progress: (done, total, step) => {
          if (controller.current === ac) setBusy({ label, done, total, step });
        },
      };
      try {
        // A run that finished did its work, even when Cancel came too late to stop it.
        const value = await fn(opts);
        return { ok: true, value };
      } catch (err) {
        if (isAbort(err, ac.signal)) return { ok: false, cancelled: true };
        return { ok: false, error: errorText(err, lang), raw: err };
      } finally {
        if (controller.current === ac) {
          controller.current = null;
          setBusy(null);
        }
      }
    },
    [lang],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  return { busy, run, cancel };
}
