/** The active sheet's state (model/sheet-state.ts) and taking in a new analysis with its saved mapping. */
import { useCallback, useReducer } from "react";
import type { WorkbookPort } from "../../excel/port";
import { initialSheetState, sheetReducer, type AnalysisWithHeaders } from "../model/sheet-state";

export function useSheet(port: WorkbookPort, onError: (err: unknown) => void) {
  const [state, dispatch] = useReducer(sheetReducer, initialSheetState);
  /** A new analysis: the selection kept when the form is still there; the sheet's saved mapping loaded. */
  const accept = useCallback(
    async (a: AnalysisWithHeaders) => {
      dispatch({ type: "analysis", analysis: a });
      try {
        dispatch({ type: "saved", forms: await port.loadMapping(a.sheet) });
      } catch (err) {
        dispatch({ type: "saved", forms: undefined });
        onError(err);
      }
    },
    [port, onError],
  );
  return { state, dispatch, accept };
}
