/**
 * What the pane knows of the active sheet, as one reducer: its analysis, the mapping saved for it,
 * the selected form, the unsaved column edits and the finding last clicked. Pure (tested without a
 * DOM): a new analysis keeps the selected form when it is still there, and a new sheet drops the
 * edits and the clicked finding.
 */
import type { SheetAnalysis } from "../../excel/port";
import type { MappedField, MappingForm } from "../../layout/mapping";
import { formKey, type HeaderTexts, type MappingEdits } from "./mapping-edit";

/** What the port may add to an analysis for the mapping editor: header texts by row and column. */
export type AnalysisWithHeaders = SheetAnalysis & { headerTexts?: HeaderTexts };

export interface SheetState {
  analysis: AnalysisWithHeaders | null;
  /** The mapping saved in the workbook for this sheet, if any. */
  saved?: MappingForm[];
  selectedKey: string | null;
  /** Unsaved column choices, by form key. */
  edits: Record<string, MappingEdits>;
  activeFinding?: string;
}

export type SheetAction =
  | { type: "analysis"; analysis: AnalysisWithHeaders }
  | { type: "saved"; forms: MappingForm[] | undefined }
  | { type: "select"; key: string }
  | { type: "edit"; form: string; field: MappedField; col: number | null }
  | { type: "discard"; form: string }
  | { type: "discardAll" }
  | { type: "finding"; id: string };

export const initialSheetState: SheetState = { analysis: null, selectedKey: null, edits: {} };

export function sheetReducer(state: SheetState, action: SheetAction): SheetState {
  switch (action.type) {
    case "analysis": {
      const a = action.analysis;
      const sameSheet = state.analysis?.sheet === a.sheet;
      const keys = a.results.map((r) => formKey(r.form));
      const cur = state.selectedKey;
      return {
        analysis: a,
        saved: sameSheet ? state.saved : undefined,
        selectedKey: cur !== null && keys.includes(cur) ? cur : (keys[0] ?? null),
        edits: sameSheet ? state.edits : {},
        activeFinding: sameSheet ? state.activeFinding : undefined,
      };
    }
    case "saved":
      return { ...state, saved: action.forms };
    case "select":
      return { ...state, selectedKey: action.key };
    case "edit":
      return {
        ...state,
        edits: { ...state.edits, [action.form]: { ...state.edits[action.form], [action.field]: action.col } },
      };
    case "discard": {
      const edits = { ...state.edits };
      delete edits[action.form];
      return { ...state, edits };
    }
    case "discardAll":
      return { ...state, edits: {} };
    case "finding":
      return { ...state, activeFinding: action.id };
  }
}

/** Whether `x` is an analysis (what a protected sheet's error carries). */
export function isAnalysis(x: unknown): x is AnalysisWithHeaders {
  return (
    !!x &&
    typeof x === "object" &&
    typeof (x as SheetAnalysis).sheet === "string" &&
    Array.isArray((x as SheetAnalysis).results)
  );
}
