/**
 * Texts of the Office.js adapter (errors, progress steps, the findings sheet), zh-CN first,
 * en-US second, and PortError: the one error type WorkbookPort calls reject with.
 * The texts themselves live in the one string table, src/i18n/strings.ts.
 */
import { both, t } from "../i18n/strings";
import type { Bilingual, Lang, Params, StringKey } from "../i18n/strings";

export type ExcelStringKey = Extract<
  StringKey,
  `ERR_${string}` | `STEP_${string}` | `FINDINGS_${string}` | "NOTES_UNSUPPORTED" | `VALIDATE_${string}`
>;

export function xt(lang: Lang, key: ExcelStringKey, params: Params = {}): string {
  return t(lang, key, params);
}

export function xboth(key: ExcelStringKey, params: Params = {}): Bilingual {
  return both(key, params);
}

export type PortErrorCode =
  | "PROTECTED"
  | "ACCESS_DENIED"
  | "EDIT_MODE"
  | "TOO_LARGE"
  | "EXCEL"
  | "ROLLED_BACK"
  | "ROLLBACK_FAILED"
  | "STALE_PREVIEW"
  | "CANCELLED"
  | "SHEET_NOT_FOUND"
  | "BAD_CELL"
  | "BAD_STORE"
  | "MAPPING"
  | "POLICY"
  | "NOTHING_TO_REVERT";

/**
 * What every WorkbookPort call rejects with. `zh` / `en` hold the text in each language and
 * `message` is "中文 / English"; a cancelled run has name "AbortError".
 */
export class PortError extends Error {
  readonly zh: string;
  readonly en: string;
  /** The Office.js error code behind it, when there was one ("AccessDenied", …). */
  readonly excelCode?: string;
  /** Extra data for the caller (e.g. the analysis when a protected sheet could not be flagged). */
  data?: unknown;

  constructor(
    readonly code: PortErrorCode,
    text: Bilingual,
    opts: { cause?: unknown; excelCode?: string; data?: unknown } = {},
  ) {
    super(`${text.zh} / ${text.en}`);
    this.name = code === "CANCELLED" ? "AbortError" : "PortError";
    this.zh = text.zh;
    this.en = text.en;
    this.excelCode = opts.excelCode;
    this.data = opts.data;
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }

  text(lang: Lang): string {
    return lang === "zh" ? this.zh : this.en;
  }
}

export function portError(
  code: PortErrorCode,
  key: ExcelStringKey,
  params: Params = {},
  opts: { cause?: unknown; excelCode?: string; data?: unknown } = {},
): PortError {
  return new PortError(code, xboth(key, params), opts);
}

/** Report a step to a progress sink (label in `lang`); a failing sink does not break the operation. */
export function reportProgress(
  sink: ((done: number, total: number, label: string) => void) | undefined,
  lang: Lang,
  done: number,
  total: number,
  key: ExcelStringKey,
): void {
  try {
    sink?.(done, total, xt(lang, key));
  } catch {
    // A failing progress sink must not break the operation.
  }
}

/**
 * A change that failed (`cause`) and was undone (ROLLED_BACK), or whose undo failed too
 * (ROLLBACK_FAILED): the same words on every host, the first failure's detail in them.
 */
export function undoError(code: "ROLLED_BACK" | "ROLLBACK_FAILED", cause: PortError, error: unknown): PortError {
  const key = code === "ROLLED_BACK" ? "ERR_ROLLED_BACK" : "ERR_ROLLBACK_FAILED";
  return new PortError(
    code,
    { zh: xt("zh", key, { detail: cause.zh }), en: xt("en", key, { detail: cause.en }) },
    { cause: error, excelCode: cause.excelCode },
  );
}

/** The code of an Office.js error (OfficeExtension.Error), or undefined. */
export function excelErrorCode(e: unknown): string | undefined {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof o.code === "string" && o.code) return o.code;
    if (o.debugInfo && typeof o.debugInfo.code === "string") return o.debugInfo.code;
  }
  return undefined;
}

export function errorDetail(e: unknown): string {
  if (e instanceof PortError) return e.message;
  if (e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string")
    return (e as { message: string }).message;
  return String(e);
}

const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

export function isPayloadError(e: unknown): boolean {
  const code = excelErrorCode(e);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

/** An Office.js error as a PortError with a clear message (a PortError passes through). */
export function toPortError(e: unknown, sheet: string): PortError {
  if (e instanceof PortError) return e;
  const code = excelErrorCode(e);
  const detail = errorDetail(e);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return portError("EDIT_MODE", "ERR_EDIT_MODE", {}, { cause: e, excelCode: code });
    case "AccessDenied":
      return portError("ACCESS_DENIED", "ERR_ACCESS_DENIED", {}, { cause: e, excelCode: code });
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
      return portError("TOO_LARGE", "ERR_TOO_LARGE", { sheet }, { cause: e, excelCode: code });
    case "ItemNotFound":
      return portError("SHEET_NOT_FOUND", "ERR_SHEET_NOT_FOUND", { sheet }, { cause: e, excelCode: code });
    default:
      return portError("EXCEL", "ERR_EXCEL", { code: code ?? "?", detail }, { cause: e, excelCode: code });
  }
}
