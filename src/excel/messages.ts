/**
 * Texts of the Office.js adapter (errors, progress steps, the findings sheet), zh-CN first,
 * en-US second, and PortError: the one error type WorkbookPort calls reject with.
 *
 * These keys are meant to move into src/i18n/strings.ts (the lead merges them); until then
 * they live here so that src/excel stays self-contained.
 */
import type { Bilingual, Lang, Params } from "../i18n/strings";

export const EXCEL_STRINGS = {
  // Errors
  ERR_PROTECTED: {
    zh: "工作表“{sheet}”受保护，未做任何更改。请先在“审阅 > 撤销工作表保护”后重试。",
    en: 'Sheet "{sheet}" is protected; nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.',
  },
  ERR_ACCESS_DENIED: {
    zh: "Excel 拒绝了更改（工作表或工作簿受保护，或文件为只读），未做任何更改。",
    en: "Excel refused the change (the sheet or workbook is protected, or the file is read-only); nothing was changed.",
  },
  ERR_EDIT_MODE: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试；未做任何更改。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing and try again; nothing was changed.",
  },
  ERR_TOO_LARGE: {
    zh: "工作表“{sheet}”的数据量超出了 Excel 单次请求的上限，未做任何更改。请删除使用区域外多余的行列后重试。",
    en: 'Sheet "{sheet}" holds more data than Excel allows in one request; nothing was changed. Delete unused rows and columns beyond the form and try again.',
  },
  ERR_EXCEL: { zh: "Excel 返回错误（{code}）：{detail}", en: "Excel returned an error ({code}): {detail}" },
  ERR_ROLLED_BACK: {
    zh: "写入工作表时出错，已恢复原状：{detail}",
    en: "Writing to the sheet failed; the sheet was restored as it was: {detail}",
  },
  ERR_ROLLBACK_FAILED: {
    zh: "写入工作表时出错，且未能完全恢复（{detail}）。原始内容已保存，请点击“撤销”恢复。",
    en: "Writing to the sheet failed and could not be fully undone ({detail}). The original content is saved: click Revert to restore it.",
  },
  ERR_STALE_PREVIEW: {
    zh: "预览之后单元格 {cell} 已被修改，未写入任何内容。请重新预览。",
    en: "Cell {cell} changed after the preview; nothing was written. Preview again.",
  },
  ERR_CANCELLED: { zh: "已取消，未做任何更改。", en: "Cancelled; nothing was changed." },
  ERR_SHEET_NOT_FOUND: { zh: "找不到工作表“{sheet}”。", en: 'Sheet "{sheet}" was not found.' },
  ERR_BAD_CELL: { zh: "“{cell}”不是有效的单元格地址。", en: '"{cell}" is not a valid cell address.' },
  ERR_BAD_STORE: {
    zh: "工作簿中保存的复核数据（{key}）已损坏，已忽略：{detail}",
    en: "The check data saved in the workbook ({key}) is damaged and was ignored: {detail}",
  },
  ERR_NOTHING_TO_REVERT: { zh: "没有可撤销的更改。", en: "There is nothing to revert." },

  // Progress steps
  STEP_READ: { zh: "读取工作表", en: "Reading the sheet" },
  STEP_ANALYZE: { zh: "识别并复核自评表", en: "Detecting and checking the forms" },
  STEP_READ_CELLS: { zh: "读取待修改的单元格", en: "Reading the cells to change" },
  STEP_WRITE: { zh: "写入工作表", en: "Writing to the sheet" },
  STEP_ROLLBACK: { zh: "恢复原状", en: "Restoring the sheet" },
  STEP_DONE: { zh: "完成", en: "Done" },

  // Findings sheet (where notes are not supported)
  FINDINGS_SHEET: { zh: "复核结果", en: "复核结果" },
  FINDINGS_HEAD_SHEET: { zh: "工作表 / Sheet", en: "工作表 / Sheet" },
  FINDINGS_HEAD_CELL: { zh: "单元格 / Cell", en: "单元格 / Cell" },
  FINDINGS_HEAD_SEVERITY: { zh: "级别 / Severity", en: "级别 / Severity" },
  FINDINGS_HEAD_MESSAGE: { zh: "说明 / Message", en: "说明 / Message" },
  NOTES_UNSUPPORTED: {
    zh: "此版本的 Excel 不支持备注，问题已列在工作表“{sheet}”中。",
    en: 'This version of Excel has no notes API; the findings are listed on sheet "{sheet}".',
  },

  // Ribbon command summary
  VALIDATE_SUMMARY: {
    zh: "“{sheet}”复核完成：{forms} 张表，{error} 个错误，{warning} 个警告，{info} 个提示。",
    en: '"{sheet}" checked: {forms} form(s), {error} error(s), {warning} warning(s), {info} info.',
  },
  VALIDATE_NO_FORMS: {
    zh: "在工作表“{sheet}”中没有找到绩效自评表。",
    en: 'No performance self-evaluation form was found on sheet "{sheet}".',
  },
} as const satisfies Record<string, Bilingual>;

export type ExcelStringKey = keyof typeof EXCEL_STRINGS;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? "" : String(v);
  });
}

export function xt(lang: Lang, key: ExcelStringKey, params: Params = {}): string {
  return fill(EXCEL_STRINGS[key][lang], params);
}

export function xboth(key: ExcelStringKey, params: Params = {}): Bilingual {
  return { zh: fill(EXCEL_STRINGS[key].zh, params), en: fill(EXCEL_STRINGS[key].en, params) };
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
