/**
 * The table of forms: one row per form of every checked file, with the figures a reviewer sorts
 * and filters by (自评得分, 复核得分, 偏差, both grades, finding counts). Pure: the page's
 * components only draw what this returns.
 */
import Decimal from "decimal.js";
import type { JsonFile, JsonForm } from "../../pipeline/check";

export interface FormRow {
  /** Stable key: file index and form index. */
  key: string;
  fileIndex: number;
  formIndex: number;
  file: string;
  sheet: string;
  range: string;
  name: string;
  /** 自评得分: the stated total, else the sum of the stated scores; undefined when unscored. */
  self?: string;
  /** 复核得分 (total.review). */
  review?: string;
  /** 自评 − 复核. */
  deviation?: string;
  selfGrade?: string;
  reviewGrade?: string;
  scored: boolean;
  errors: number;
  warnings: number;
  infos: number;
  form: JsonForm;
}

export type SortKey =
  "file" | "sheet" | "name" | "self" | "review" | "deviation" | "selfGrade" | "reviewGrade" | "errors" | "warnings";

export type Show = "all" | "errors" | "warnings" | "clean";

export interface View {
  query: string;
  show: Show;
  sort: SortKey;
  descending: boolean;
}

function count(form: JsonForm, severity: string): number {
  let n = 0;
  for (const f of form.findings) if (f.severity === severity) n++;
  return n;
}

/** Every form of every file, in file order then form order. */
export function formRows(files: readonly Pick<JsonFile, "file" | "forms">[]): FormRow[] {
  const rows: FormRow[] = [];
  files.forEach((f, fileIndex) =>
    f.forms.forEach((form, formIndex) => {
      const self = form.scored ? (form.total.stated ?? form.total.computed) : undefined;
      const review = form.total.review;
      rows.push({
        key: `${fileIndex}:${formIndex}`,
        fileIndex,
        formIndex,
        file: f.file,
        sheet: form.sheet,
        range: form.range,
        name: form.name ?? "",
        self,
        review,
        deviation: self !== undefined && review !== undefined ? new Decimal(self).minus(review).toString() : undefined,
        selfGrade: form.scored ? (form.grade.stated ?? form.grade.computed) : undefined,
        reviewGrade: form.grade.review,
        scored: form.scored,
        errors: count(form, "error"),
        warnings: count(form, "warning"),
        infos: count(form, "info"),
        form,
      });
    }),
  );
  return rows;
}

const NUMERIC: ReadonlySet<SortKey> = new Set(["self", "review", "deviation", "errors", "warnings"]);

const collator = new Intl.Collator("zh-CN", { numeric: true });

function value(r: FormRow, key: SortKey): string | number | undefined {
  const v = r[key];
  if (v === undefined || v === "") return undefined;
  if (!NUMERIC.has(key)) return String(v);
  const n = Number(v);
  return isNaN(n) ? undefined : n;
}

/** The rows a view shows: filtered by its query (file, sheet, range, project) and kind, then sorted. */
export function viewRows(rows: readonly FormRow[], view: View): FormRow[] {
  const q = view.query.trim().toLowerCase();
  const shown = rows.filter((r) => {
    if (q && ![r.file, r.sheet, r.range, r.name].some((s) => s.toLowerCase().includes(q))) return false;
    if (view.show === "errors") return r.errors > 0;
    if (view.show === "warnings") return r.warnings > 0;
    if (view.show === "clean") return r.errors === 0 && r.warnings === 0 && r.infos === 0;
    return true;
  });
  const dir = view.descending ? -1 : 1;
  // Stable: equal keys keep file order. Empty values go last whichever way.
  return shown
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = value(a.r, view.sort);
      const y = value(b.r, view.sort);
      if (x === undefined || y === undefined) return x === y ? a.i - b.i : x === undefined ? 1 : -1;
      const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return c === 0 ? a.i - b.i : c * dir;
    })
    .map(({ r }) => r);
}
