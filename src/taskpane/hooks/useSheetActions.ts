/**
 * The pane's sheet operations, each one run through useOperation (progress, Cancel) and reported
 * through the pane's message: analyze, validate, write formulas (with its preview and the formula
 * style), clear flags, revert, change the policy, save or forget the column mapping, select a cell.
 */
import { useCallback, useState } from "react";
import type { Finding } from "../../engine/checks";
import { POLICIES } from "../../engine/policy";
import type { FormulaStyle, KeptRecord, RunOptions, WorkbookPort, WritePreview } from "../../excel/port";
import type { Lang } from "../../i18n/strings";
import { buildSheetMapping } from "../model/mapping-edit";
import { isAnalysis, type AnalysisWithHeaders } from "../model/sheet-state";
import { countsText, tp, tpCount } from "../strings";
import type { useMessage } from "./useMessage";
import type { Outcome } from "./useOperation";
import type { usePolicyChoice } from "./usePolicyChoice";
import type { useRevertAvailable } from "./useRevertAvailable";
import type { useSheet } from "./useSheet";

type Run = <T>(label: string, fn: (opts: RunOptions) => Promise<T>) => Promise<Outcome<T>>;

export interface SheetActionsDeps {
  port: WorkbookPort;
  lang: Lang;
  run: Run;
  message: ReturnType<typeof useMessage>;
  sheet: ReturnType<typeof useSheet>;
  policy: ReturnType<typeof usePolicyChoice>;
  revert: ReturnType<typeof useRevertAvailable>;
  /** false: the host runs no PERF functions, so formulas are written native. */
  perfFunctions?: boolean;
}

/** "“项目1”（12 个单元格）、…": the records kept because their sheet is gone. */
function keptText(lang: Lang, kept: KeptRecord[]): string {
  const sheets = kept
    .map((k) => tp(lang, "KEPT_RECORD", { sheet: k.sheet, cells: k.cells }))
    .join(tp(lang, "LIST_SEPARATOR"));
  return tp(lang, "KEPT_RECORDS", { n: kept.length, sheets });
}

export function useSheetActions({
  port,
  lang,
  run,
  message,
  sheet,
  policy,
  revert,
  perfFunctions = true,
}: SheetActionsDeps) {
  const [style, setStyle] = useState<FormulaStyle>(perfFunctions ? "perf" : "native");
  const [preview, setPreview] = useState<WritePreview | null>(null);
  const { accept } = sheet;
  const { fail, done, clear, showError } = message;
  const { refresh } = revert;

  const take = useCallback(
    async (a: AnalysisWithHeaders) => {
      await accept(a);
      await refresh();
    },
    [accept, refresh],
  );

  const analyze = useCallback(async () => {
    const out = await run(tp(lang, "BUSY_ANALYZE"), (opts) => port.analyzeActiveSheet(opts));
    if (out.ok && out.value) await take(out.value);
    else fail(out);
    return out.ok;
  }, [run, lang, port, take, fail]);

  const selectCell = useCallback(
    (cell: string, sheetName?: string) => {
      const s = sheetName ?? sheet.state.analysis?.sheet;
      if (!s) return;
      port.selectCell(s, cell).catch(showError);
    },
    [port, sheet.state.analysis, showError],
  );

  const validate = async () => {
    clear();
    const out = await run(tp(lang, "BUSY_VALIDATE"), (opts) => port.validateActiveSheet(opts));
    if (!out.ok || !out.value) {
      // A sheet that could not be flagged (protected) was still checked: show the findings.
      const data = (out.raw as { data?: unknown } | undefined)?.data;
      if (isAnalysis(data)) await take(data);
      return fail(out);
    }
    await take(out.value);
    const c = out.value.counts;
    const sheetNote = out.value.findingsSheet
      ? ` ${tp(lang, "NOTES_UNSUPPORTED", { sheet: out.value.findingsSheet })}`
      : "";
    done(
      c.error + c.warning + c.info === 0
        ? tp(lang, "DONE_VALIDATE_CLEAN")
        : tp(lang, "DONE_VALIDATE", { counts: countsText(lang, c) }) + sheetNote,
      c.error ? "warning" : "success",
    );
  };

  const apply = async (p: WritePreview, confirmed: boolean) => {
    setPreview(null);
    const out = await run(tp(lang, "BUSY_APPLY"), (opts) => port.applyWrites(p, confirmed, opts));
    if (!out.ok || !out.value) return fail(out);
    const written = out.value.written;
    await analyze();
    done(tpCount(lang, "DONE_WRITE", written));
  };

  const write = async () => {
    clear();
    const out = await run(tp(lang, "BUSY_PREVIEW"), (opts) => port.previewWrites(style, opts));
    if (!out.ok || !out.value) return fail(out);
    const p = out.value;
    if (p.plan.writes.length === 0) {
      message.show({ intent: "info", text: tp(lang, "DONE_NOTHING_TO_WRITE") });
      return;
    }
    if (p.needsConfirm.length > 0) setPreview(p);
    else await apply(p, false);
  };

  /** A success, or (records of sheets no longer found were kept) a warning saying which. */
  const doneKeeping = (text: string, kept: KeptRecord[]) => {
    if (!kept.length) return done(text);
    message.show({ intent: "warning", title: tp(lang, "KEPT_RECORDS_TITLE"), text: `${text} ${keptText(lang, kept)}` });
  };

  const clearFlags = async () => {
    clear();
    const out = await run(tp(lang, "BUSY_CLEAR"), (opts) => port.clearFlags(opts));
    if (!out.ok || !out.value) return fail(out);
    await refresh();
    doneKeeping(tpCount(lang, "DONE_CLEAR", out.value.cleared), out.value.kept);
  };

  const revertAll = async () => {
    clear();
    const out = await run(tp(lang, "BUSY_REVERT"), (opts) => port.revert(opts));
    if (!out.ok || !out.value) return fail(out);
    const { restored, kept } = out.value;
    await analyze();
    doneKeeping(tpCount(lang, "DONE_REVERT", restored), kept);
  };

  const changePolicy = async (name: string) => {
    if (name === policy.policy) return;
    clear();
    const before = policy.policy;
    policy.setPolicy(name);
    const out = await run(tp(lang, "BUSY_POLICY"), async (opts) => {
      await port.setPolicy(name);
      return port.analyzeActiveSheet(opts);
    });
    if (!out.ok || !out.value) {
      policy.setPolicy(await port.getPolicy().catch(() => before));
      return fail(out);
    }
    await take(out.value);
    done(tp(lang, "POLICY_SAVED", { label: POLICIES[name]?.label[lang] ?? name }));
  };

  const storeMapping = async (forget: boolean) => {
    const { analysis, edits, saved } = sheet.state;
    if (!analysis) return;
    clear();
    const forms = forget ? [] : buildSheetMapping(analysis.results, edits, analysis.headerTexts, saved);
    const name = analysis.sheet;
    const out = await run(tp(lang, "BUSY_MAPPING"), async (opts) => {
      await port.saveMapping(name, forms);
      return port.analyzeActiveSheet(opts);
    });
    if (!out.ok || !out.value) return fail(out);
    sheet.dispatch({ type: "discardAll" });
    await take(out.value);
    done(tp(lang, forget ? "DONE_MAPPING_DELETED" : "DONE_MAPPING"));
  };

  const openFinding = (f: Finding, id: string) => {
    sheet.dispatch({ type: "finding", id });
    selectCell(f.cell, f.sheet);
  };

  return {
    analyze,
    validate,
    write,
    apply,
    clearFlags,
    revertAll,
    changePolicy,
    saveMapping: () => storeMapping(false),
    forgetMapping: () => storeMapping(true),
    openFinding,
    selectCell,
    style,
    setStyle,
    preview,
    setPreview,
  };
}
