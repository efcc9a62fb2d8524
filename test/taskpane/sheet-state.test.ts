/**
 * The pane's sheet state (src/taskpane/model/sheet-state.ts), a reducer: a new analysis of the
 * same sheet keeps the selected form (while it is still there), the unsaved column edits and the
 * finding last clicked; another sheet starts afresh. Grids: seed002 sheets 项目5-8 (4 forms) and 项目4.
 */
import { formKey } from "../../src/taskpane/model/mapping-edit";
import { initialSheetState, sheetReducer, type SheetState } from "../../src/taskpane/model/sheet-state";
import { loadGrid, StubPort } from "./stub-port";

async function analysisOf(sheet: string) {
  return new StubPort(await loadGrid("seed002-bj-hwxr.xlsx", sheet)).analysis();
}

test("a new analysis selects the first form, then keeps the selection and the edits on the same sheet", async () => {
  const a = await analysisOf("项目5-8");
  const keys = a.results.map((r) => formKey(r.form));
  let s: SheetState = sheetReducer(initialSheetState, { type: "analysis", analysis: a });
  expect(s.selectedKey).toBe(keys[0]);
  s = sheetReducer(s, { type: "select", key: keys[2] });
  s = sheetReducer(s, { type: "edit", form: keys[2], field: "ind.weight", col: 6 });
  s = sheetReducer(s, { type: "edit", form: keys[2], field: "ind.score", col: null });
  s = sheetReducer(s, { type: "finding", id: "f-3" });
  s = sheetReducer(s, { type: "saved", forms: [] });
  const again = sheetReducer(s, { type: "analysis", analysis: a });
  expect(again.selectedKey).toBe(keys[2]);
  expect(again.edits).toEqual({ [keys[2]]: { "ind.weight": 6, "ind.score": null } });
  expect(again.activeFinding).toBe("f-3");
  expect(again.saved).toEqual([]);
  expect(sheetReducer(again, { type: "discard", form: keys[2] }).edits).toEqual({});
});

test("another sheet drops the selection, the edits, the clicked finding and the saved mapping", async () => {
  const a = await analysisOf("项目5-8");
  const b = await analysisOf("项目4");
  let s = sheetReducer(initialSheetState, { type: "analysis", analysis: a });
  s = sheetReducer(s, { type: "select", key: formKey(a.results[3].form) });
  s = sheetReducer(s, { type: "edit", form: formKey(a.results[3].form), field: "ind.weight", col: 6 });
  s = sheetReducer(s, { type: "finding", id: "f-1" });
  s = sheetReducer(s, { type: "saved", forms: [] });
  const next = sheetReducer(s, { type: "analysis", analysis: b });
  expect(next).toEqual({
    analysis: b,
    saved: undefined,
    selectedKey: formKey(b.results[0].form),
    edits: {},
    activeFinding: undefined,
  });
});

test("a selected form that is gone from the new analysis gives way to the first", async () => {
  const a = await analysisOf("项目5-8");
  let s = sheetReducer(initialSheetState, { type: "analysis", analysis: a });
  s = sheetReducer(s, { type: "select", key: "no such form" });
  expect(sheetReducer(s, { type: "analysis", analysis: a }).selectedKey).toBe(formKey(a.results[0].form));
});
