/**
 * Layout detection: Grid → FormModel[]. Finds every project self-evaluation form and every
 * hierarchical score table on a sheet, wherever they start, however their templates name or
 * order their columns. A form is put together from the parts every template shares, each in a
 * module of its own: the header band (header-band.ts), the funds block (funds.ts), the indicator
 * body (indicators.ts), the head-block fields (head-block.ts) and the total (total.ts); score
 * tables in score-table.ts. What cannot be placed is reported on the form, never guessed silently.
 * Pure.
 */
import type { FieldName, FormModel, LayoutIssue, ProjectForm } from "../engine/model";
import { both } from "../i18n/strings";
import { boundingBox, findLabel, isNumberLike, scanRight } from "./cells";
import { fundsFromPairs, FundsParse, isPairsRow, parseFunds } from "./funds";
import { address, Grid } from "./grid";
import { findName, findStatedScore, formTop } from "./head-block";
import { HeaderBand, headerBand, HeaderKind, SheetScan } from "./header-band";
import { FORM_TITLE, HEAD_BLOCK_LABELS, headerMatch, INDICATOR_HEADERS, IndicatorColumn, norm } from "./headers";
import { BodyBounds, indicatorColumns, IndicatorColumnPick, parseIndicatorBody } from "./indicators";
import { MappingForm, resolveOverrides, SheetMapping } from "./mapping";
import { parseScoreTable } from "./score-table";
import { findGrade, isCutOff } from "./total";

interface HeaderRow {
  kind: HeaderKind | "funds-pairs";
  row: number;
}

/** One detection run: the sheet's header rows, their bands and columns, each computed once. */
class Detection {
  readonly scan: SheetScan;
  readonly headers: HeaderRow[] = [];
  /** Rows that start something else (a header of any kind, a form title): a table ends there. */
  readonly stops = new Set<number>();
  private readonly bands = new Map<number, HeaderBand>();
  private readonly picks = new Map<number, IndicatorColumnPick>();

  constructor(readonly grid: Grid) {
    this.scan = new SheetScan(grid);
    const titleTo = scanRight(grid);
    // Only rows that hold cells: a stray value at A1048576 costs nothing between.
    for (const r of grid.contentRows) {
      const k = this.scan.classify(r);
      if ((k === undefined || k === "funds") && isPairsRow(grid, r)) {
        this.headers.push({ kind: "funds-pairs", row: r });
        this.stops.add(r);
      } else if (k) {
        this.headers.push({ kind: k, row: r });
        this.stops.add(r);
      } else if (findLabel(grid, r, grid.left, titleTo, FORM_TITLE) !== undefined) {
        this.stops.add(r);
      }
    }
  }

  band(row: number, floor: number): HeaderBand {
    let b = this.bands.get(row);
    // A band found before reaching above a form that has since ended there is found again from its floor.
    if (b && b.top < floor) b = undefined;
    if (!b) {
      const kind = this.scan.classify(row);
      // The band takes in no other header's row, but a row below that only continues this header
      // (its cells merged down into it) is part of it.
      b = headerBand(this.grid, row, floor, (r) => {
        const k = this.scan.classify(r);
        return k !== undefined && (r < row || k !== kind);
      });
      this.bands.set(row, b);
    }
    return b;
  }

  /** The indicator columns of the header at `row` as detection alone picks them (for bounding forms). */
  pick(row: number): IndicatorColumnPick {
    let p = this.picks.get(row);
    if (!p) {
      p = indicatorColumns(this.grid, this.band(row, this.grid.top), this.grid.bottom + 1);
      this.picks.set(row, p);
    }
    return p;
  }

  /**
   * Whether a row is a data row of the table under header `h`: a number (not a merged cell's
   * echo) in its 分值/得分 column — which no title, name or contact row of a next form has there.
   */
  dataRowTest(h: HeaderRow): (r: number) => boolean {
    const grid = this.grid;
    const cols: number[] = [];
    if (h.kind === "indicator") {
      const p = this.pick(h.row).cols;
      for (const c of [p.weight, p.score]) if (c !== undefined) cols.push(c);
    } else if (h.kind === "score-table") {
      const right = scanRight(grid);
      for (let c = grid.left; c <= right; c++) {
        if (!grid.mergeAt(h.row, c) && headerMatch(grid.text(h.row, c), INDICATOR_HEADERS.score) === 1) cols.push(c);
        else if (!grid.mergeAt(h.row + 1, c) && /^(分值|权重)$/.test(norm(grid.text(h.row + 1, c)))) cols.push(c);
      }
    }
    return (r) => cols.some((c) => !grid.mergeAt(r, c) && isNumberLike(grid.raw(r, c)));
  }

  /** Where the form under header i may end: the top of the next form (exclusive). */
  limitAfter(i: number, k: number): number {
    const h = this.headers[i];
    const next = this.headers[k];
    return next
      ? Math.max(h.row + 1, formTop(this.scan, next.row, h.row + 1, this.dataRowTest(h)))
      : this.grid.bottom + 1;
  }

  /**
   * Whether the indicator header at `row` repeats the header of the form above: nothing that
   * starts a form (a title, a head-block label, a funds header) stands between the form's last
   * row and it.
   */
  continues(lastRow: number, row: number): boolean {
    const grid = this.grid;
    const labelTo = Math.min(grid.right, grid.left + 8);
    for (let r = lastRow + 1; r < row; r++) {
      if (this.scan.classify(r) !== undefined) return false;
      if (findLabel(grid, r, grid.left, labelTo, HEAD_BLOCK_LABELS) !== undefined) return false;
    }
    return true;
  }
}

/**
 * Every form on the sheet, top to bottom. With a mapping, the mapping's forms are read with
 * the columns it names (and reported where it no longer fits the sheet). On a hidden sheet an
 * empty form (an unused template) is marked hiddenTemplate.
 */
export function detectForms(grid: Grid, mapping?: SheetMapping): FormModel[] {
  const d = new Detection(grid);
  const headers = d.headers;
  const forms: FormModel[] = [];
  let floor = grid.top;
  let pendingFunds: HeaderRow | undefined;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    // A header-like row the form above already took in (a score table's 名称/分值 sub-header row) starts nothing.
    if (h.row < floor) continue;
    if (h.kind === "funds" || h.kind === "funds-pairs") {
      pendingFunds = h;
      continue;
    }
    if (h.kind === "indicator") {
      const band = d.band(h.row, pendingFunds ? pendingFunds.row + 1 : floor);
      let k = i + 1;
      while (k < headers.length && headers[k].row <= band.bottom) k++;
      const bounds: BodyBounds = {
        limit: d.limitAfter(i, k),
        stops: d.stops,
        extend(lastRow) {
          const next = headers[k];
          if (!next || next.kind !== "indicator" || !d.continues(lastRow, next.row)) return undefined;
          const nb = d.band(next.row, lastRow + 1);
          let kk = k + 1;
          while (kk < headers.length && headers[kk].row <= nb.bottom) kk++;
          // The form's limit moves on from the repeated header, as from the first.
          this.limit = d.limitAfter(k, kk);
          k = kk;
          return next.row;
        },
        bandAt: (row, f) => d.band(row, f),
      };
      const anchor = pendingFunds?.row ?? band.top;
      const top = formTop(d.scan, anchor, floor);
      const mf = mapping?.forms.find(
        (f) => f.headerRow === band.bottom || f.headerRow === h.row || (f.top <= h.row && h.row <= f.bottom),
      );
      const form = parseProject(d, { top, funds: pendingFunds, band, bounds }, mf);
      forms.push(form);
      floor = form.range.bottom + 1;
      while (i + 1 < headers.length && headers[i + 1].row < floor) i++;
    } else {
      const next = headers[i + 1];
      const limit = next
        ? Math.max(h.row + 1, formTop(d.scan, next.row, h.row + 1, d.dataRowTest(h)))
        : grid.bottom + 1;
      const top = formTop(d.scan, h.row, floor);
      const form = parseScoreTable(grid, h.row, top, limit, d.stops);
      forms.push(form);
      floor = form.range.bottom + 1;
    }
    pendingFunds = undefined;
  }
  if (mapping) {
    for (const mf of mapping.forms) {
      const hit = forms.some((f) => f.range.top <= mf.headerRow && mf.headerRow <= f.range.bottom);
      if (!hit) forms.push(staleForm(grid, mf));
    }
  }
  if (grid.hidden) for (const f of forms) if (isEmptyForm(f)) f.hiddenTemplate = true;
  return forms;
}

interface ProjectParts {
  top: number;
  funds?: HeaderRow;
  band: HeaderBand;
  bounds: BodyBounds;
}

const REQUIRED: IndicatorColumn[] = ["level3", "target", "actual", "weight", "score"];

function parseProject(d: Detection, p: ProjectParts, mapping?: MappingForm): ProjectForm {
  const grid = d.grid;
  const issues: LayoutIssue[] = [];
  const left = grid.left;
  const right = scanRight(grid);
  const { band, bounds } = p;
  const fundsBand = p.funds?.kind === "funds" ? d.band(p.funds.row, p.top) : undefined;
  const overrides = mapping
    ? resolveOverrides(grid, mapping, band.bottom, fundsBand?.bottom ?? p.funds?.row)
    : undefined;
  const pick = indicatorColumns(grid, band, bounds.limit, overrides?.ind);
  issues.push(...pick.issues);
  const confidence: Partial<Record<FieldName, number>> = { ...pick.confidence };

  let funds: FundsParse | undefined;
  if (fundsBand) funds = parseFunds(grid, fundsBand, band.top, overrides);
  else if (p.funds?.kind === "funds-pairs") funds = fundsFromPairs(grid, p.funds.row);
  if (funds) {
    issues.push(...funds.issues);
    Object.assign(confidence, funds.confidence);
  }
  if (overrides) issues.push(...overrides.issues);

  const body = parseIndicatorBody(grid, band, pick, bounds, overrides);
  issues.push(...body.issues);
  const cols = pick.cols;
  const labelWeights = cols.weight === undefined && body.groups.some((g) => g.statedWeight !== undefined);
  for (const k of REQUIRED) {
    if (cols[k] !== undefined || (k === "weight" && labelWeights)) continue;
    issues.push({
      field: `ind.${k}`,
      kind: "missing",
      message: both("LAYOUT_IND_COLUMN", { header: INDICATOR_HEADERS[k][0] }),
    });
  }
  if (labelWeights) {
    issues.push({
      field: "ind.weight",
      kind: "inferred",
      cell: address(band.bottom, left),
      message: both("LAYOUT_WEIGHTS_FROM_LABELS"),
    });
  }

  let lastRow = body.lastRow;
  const total = body.total;
  if (total) {
    const tableRight = Math.max(left, ...(Object.values(cols) as number[]));
    const grade = findGrade(grid, total, Math.min(bounds.limit - 1, total.row + 2), left, right, tableRight);
    if (grade) {
      total.grade = grade;
      lastRow = Math.max(lastRow, grade.row);
    }
  }
  const truncated = !total && body.indicators.length > 0 && isCutOff(grid, body.groups, lastRow);
  if (truncated) {
    issues.push({
      field: "total.score",
      kind: "missing",
      cell: address(lastRow, left),
      message: both("LAYOUT_CUT_OFF", { row: lastRow + 1 }),
    });
  } else if (!total) {
    issues.push({ field: "total.score", kind: "missing", message: both("LAYOUT_NO_TOTAL") });
  }
  if (body.indicators.length === 0) {
    issues.push({ field: "ind.level3", kind: "missing", message: both("LAYOUT_NO_ROWS") });
  }

  const headEnd = fundsBand?.top ?? p.funds?.row ?? band.top;
  const name = findName(grid, p.top, headEnd);
  if (!name) issues.push({ field: "name", kind: "missing", message: both("LAYOUT_NO_NAME") });
  const statedScore = findStatedScore(grid, p.top, headEnd);

  const form: ProjectForm = {
    kind: "project",
    sheet: grid.sheet,
    range: boundingBox(grid, p.top, lastRow),
    name,
    ...(truncated ? { truncated } : {}),
    funds: funds?.block,
    indicatorHeaderRow: band.bottom,
    columns: cols,
    indicators: body.indicators,
    groups: body.groups,
    total,
    issues,
    confidence,
  };
  const sections = body.sections.filter((s) => s.rows.length > 0);
  if (sections.length === 1)
    form.indicatorsStatedWeight = { value: sections[0].statedWeight ?? "", cell: sections[0].labelCell };
  else if (sections.length > 1) form.sections = sections;
  if (body.bands.length > 1 || band.top < band.bottom) form.headerBands = body.bands;
  form.weightsFrom = cols.weight !== undefined ? "column" : labelWeights ? "labels" : undefined;
  if (form.weightsFrom === undefined) delete form.weightsFrom;
  if (statedScore) form.statedScore = statedScore;
  return form;
}

/** Nothing filled in: no amount, actual or score anywhere on the form. */
function isEmptyForm(f: FormModel): boolean {
  const filled = (x: { value: unknown } | undefined) =>
    x !== undefined && x.value !== null && x.value !== undefined && String(x.value).trim() !== "";
  if (f.kind === "score-table") return !f.rows.some((r) => filled(r.score)) && !filled(f.total?.score);
  const t = f.funds?.total;
  if (t && (filled(t.budget) || filled(t.executed) || filled(t.score))) return false;
  if (f.indicators.some((i) => filled(i.actual) || filled(i.score))) return false;
  return !filled(f.total?.score);
}

/** A mapped form whose header row no longer holds a header: reported, not applied. */
function staleForm(grid: Grid, mf: MappingForm): ProjectForm {
  return {
    kind: "project",
    sheet: grid.sheet,
    range: { top: mf.top, bottom: mf.bottom, left: mf.left, right: mf.right },
    columns: {},
    indicators: [],
    groups: [],
    issues: [
      {
        field: "mapping",
        kind: "stale-mapping",
        cell: address(mf.headerRow, mf.left),
        message: both("LAYOUT_STALE_FORM", { row: mf.headerRow + 1 }),
      },
    ],
    confidence: {},
  };
}
