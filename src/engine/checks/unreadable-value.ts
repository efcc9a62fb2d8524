/**
 * UNREADABLE_VALUE: a cell a rule needs as a number (an amount, a rate, a weight, a score) or an
 * indicator the rules cannot score (units that differ, a non-number where a number is needed),
 * reported rather than guessed. Blank cells and deliberate "—" are not reported.
 * Source: this tool's own guarantee — nothing a rule needs is skipped in silence.
 */
import type { StringKey } from "../../i18n/strings";
import type { Field } from "../model";
import type { Check, CheckContext } from "./types";
import { isBlank, isDash } from "./values";

function unreadable(ctx: CheckContext, f: Field | undefined, key: StringKey): void {
  if (!f || isBlank(f) || isDash(f)) return;
  const shown = String(f.value);
  ctx.report(f, key, { found: shown }, undefined, shown);
}

export const unreadableValue: Check = {
  meta: {
    code: "UNREADABLE_VALUE",
    severity: "info",
    title: "CHECK_UNREADABLE_VALUE",
    source: "SOURCE_TOOL_UNREADABLE",
    fix: "FIX_UNREADABLE_VALUE",
    messages: ["UNREADABLE_AMOUNT", "UNREADABLE_RATE", "UNREADABLE_WEIGHT", "UNREADABLE_SCORE", "UNREADABLE_VALUE"],
    forms: ["project", "score-table"],
  },
  run(ctx) {
    const ev = ctx.evaluation;
    if (ev.kind === "score-table") {
      for (const r of ev.rows) if (!r.stated) unreadable(ctx, r.row.score, "UNREADABLE_SCORE");
      return;
    }
    const funds = ev.funds;
    if (funds) {
      if (!funds.budget) unreadable(ctx, funds.total.budget, "UNREADABLE_AMOUNT");
      if (!funds.executed) unreadable(ctx, funds.total.executed, "UNREADABLE_AMOUNT");
      for (const cell of funds.rates) if (!cell.stated) unreadable(ctx, cell.field, "UNREADABLE_RATE");
      if (!funds.stated) unreadable(ctx, funds.total.score, "UNREADABLE_SCORE");
    }
    for (const i of ev.indicators) {
      if (!i.weight) {
        unreadable(ctx, i.ind.weight, "UNREADABLE_WEIGHT");
        continue;
      }
      if (!i.stated) unreadable(ctx, i.ind.score, "UNREADABLE_SCORE");
      if (i.rule?.status === "unreadable" && i.ind.actual) {
        ctx.report(
          i.ind.actual,
          "UNREADABLE_VALUE",
          { detail: i.rule.reason },
          undefined,
          i.actual.kind === "blank" ? undefined : i.actual.text,
        );
      }
    }
  },
};
