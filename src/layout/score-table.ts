/**
 * A hierarchical score table (评分表: 一级/二级/三级指标, each with 名称 and 分值, and 得分): its
 * levels, their weights and the leaf scores, down to its 总分 row. Pure.
 */
import type { Field, LayoutIssue, ScoreLevel, ScoreTableForm, ScoreTableRow } from "../engine/model";
import { both } from "../i18n/strings";
import { boundingBox, field, findLabel, rowIsBlank, scanRight } from "./cells";
import { address, Grid } from "./grid";
import { headerMatch, INDICATOR_HEADERS, norm, TOTAL_LABELS } from "./headers";

export function parseScoreTable(
  grid: Grid,
  headerRow: number,
  top: number,
  limit: number,
  stops: Set<number>,
): ScoreTableForm {
  const issues: LayoutIssue[] = [];
  const left = grid.left;
  const right = scanRight(grid);
  // Each level header spans its 名称/分值 columns: a merged cell, or the same label repeated
  // unmerged over the adjacent columns (templates whose merges were undone with labels filled in).
  const levelHeaders: { col: number; text: string; to: number; spanned: boolean }[] = [];
  let scoreColumn = -1;
  for (let c = left; c <= right; c++) {
    if (grid.mergeAt(headerRow, c)) continue;
    const t = norm(grid.text(headerRow, c));
    if (/^[一二三四]级指标$/.test(t)) {
      const last = levelHeaders[levelHeaders.length - 1];
      if (last && last.text === t && last.to === c - 1) {
        last.to = c;
        last.spanned = true;
        continue;
      }
      const span = grid.masterMerge(headerRow, c);
      levelHeaders.push({ col: c, text: t, to: span ? span.right : c, spanned: span !== undefined });
    } else if (headerMatch(t, INDICATOR_HEADERS.score) === 1 && scoreColumn < 0) scoreColumn = c;
  }
  const spanEnd = (h: { col: number; to: number; spanned: boolean }) => (h.spanned ? h.to : h.col + 1);
  const sub = headerRow + 1;
  const hasSub = levelHeaders.some((h) => {
    const to = spanEnd(h);
    for (let c = h.col; c <= to; c++) if (/^名称$/.test(norm(grid.text(sub, c)))) return true;
    return false;
  });
  const levelColumns = levelHeaders.map((h) => {
    const to = spanEnd(h);
    let nameCol = h.col;
    let weightCol: number | undefined;
    if (hasSub) {
      for (let c = h.col; c <= to; c++) {
        const t = norm(grid.text(sub, c));
        if (/^(名称|指标)$/.test(t)) nameCol = c;
        else if (/^(分值|权重)$/.test(t)) weightCol = c;
      }
    }
    return { name: nameCol, weight: weightCol };
  });
  if (scoreColumn < 0) {
    issues.push({ field: "score", kind: "missing", message: both("LAYOUT_NO_SCORE") });
  }
  const first = hasSub ? sub + 1 : headerRow + 1;
  const rows: ScoreTableRow[] = [];
  let total: ScoreTableForm["total"];
  let lastRow = first - 1;
  const prev: ScoreLevel[] = [];
  const firstCol = levelColumns.length ? levelColumns[0].name : left;
  for (let r = first; r < limit; r++) {
    const totalCol = findLabel(grid, r, left, Math.max(firstCol, left + 1), TOTAL_LABELS);
    if (totalCol !== undefined) {
      total = {
        row: r,
        labelCell: address(r, totalCol),
        score: scoreColumn >= 0 ? field(grid, r, scoreColumn, 1) : undefined,
        levelWeights: levelColumns.map((lc) => field(grid, r, lc.weight, 1)).filter((f): f is Field => f !== undefined),
      };
      total.weight = total.levelWeights[0];
      lastRow = r;
      break;
    }
    if (rowIsBlank(grid, r, left, right)) break;
    if (stops.has(r)) break;
    const levels: ScoreLevel[] = levelColumns.map((lc, i) => {
      const m = grid.mergeAt(r, lc.name);
      const ownText = m ? "" : grid.text(r, lc.name);
      const text = m ? grid.text(m.top, m.left) : ownText;
      let lvl: ScoreLevel;
      if (text) {
        const wm = lc.weight !== undefined ? grid.mergeAt(r, lc.weight) : undefined;
        lvl = {
          name: text,
          nameCell: m ? address(m.top, m.left) : address(r, lc.name),
          weight:
            lc.weight === undefined ? undefined : wm ? field(grid, wm.top, wm.left, 1) : field(grid, r, lc.weight, 1),
        };
      } else {
        lvl = prev[i] ?? { name: "" };
      }
      return lvl;
    });
    // A level whose name changed resets every deeper level's continuation.
    levels.forEach((l, i) => (prev[i] = l));
    rows.push({ row: r, levels, score: scoreColumn >= 0 ? field(grid, r, scoreColumn, 1) : undefined });
    lastRow = r;
  }
  if (!total) issues.push({ field: "total.score", kind: "missing", message: both("LAYOUT_NO_TOTAL") });
  let name: Field | undefined;
  if (top < headerRow) {
    for (let c = left; c <= right; c++) {
      if (!grid.isBlank(top, c) && !grid.mergeAt(top, c)) {
        name = field(grid, top, c, 0.8);
        break;
      }
    }
  }
  return {
    kind: "score-table",
    sheet: grid.sheet,
    range: boundingBox(grid, top, lastRow),
    name,
    depth: levelColumns.length,
    levelColumns,
    scoreColumn,
    rows,
    total,
    issues,
    confidence: { levels: hasSub ? 1 : 0.7, score: scoreColumn >= 0 ? 1 : 0 },
  };
}
