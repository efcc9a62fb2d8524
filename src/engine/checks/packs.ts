/**
 * Rule packs: named lists of checks. A policy names the packs it runs (Policy.packs); a locality
 * that checks more, or differently, is a new pack here — data, not code in the checks.
 */
import type { StringKey } from "../../i18n/strings";
import { PolicyError } from "../policy";
import type { Policy } from "../types";
import { budgetScoreMismatch } from "./budget-score-mismatch";
import { execRateMismatch } from "./execrate-mismatch";
import { formulaNotCalculated } from "./formula-not-calculated";
import { fundsBreakdown } from "./funds-breakdown";
import { gradeMismatch } from "./grade-mismatch";
import { indicatorScoreMismatch } from "./indicator-score-mismatch";
import { missingActual } from "./missing-actual";
import { missingReason } from "./missing-reason";
import { missingTotal } from "./missing-total";
import { overExecution } from "./over-execution";
import { qualitativeBand } from "./qualitative-band";
import { scoreExceedsWeight } from "./score-exceeds-weight";
import { totalMismatch } from "./total-mismatch";
import { totalNotNumber } from "./total-not-number";
import type { Check } from "./types";
import { unreadableValue } from "./unreadable-value";
import { weightSum } from "./weight-sum";

export interface RulePack {
  name: string;
  label: StringKey;
  /** Where the pack's rules come from. */
  source: StringKey;
  checks: readonly Check[];
}

/** The arithmetic of the self-evaluation table itself: every figure against 财预〔2020〕10号. */
export const core: RulePack = {
  name: "core",
  label: "PACK_CORE",
  source: "SOURCE_MOF_SCORING",
  checks: [
    execRateMismatch,
    budgetScoreMismatch,
    overExecution,
    fundsBreakdown,
    scoreExceedsWeight,
    indicatorScoreMismatch,
    qualitativeBand,
    missingActual,
    missingReason,
    weightSum,
    totalMismatch,
    totalNotNumber,
    missingTotal,
    gradeMismatch,
    unreadableValue,
    formulaNotCalculated,
  ],
};

export const PACKS: Readonly<Record<string, RulePack>> = Object.freeze({ core });

/** The packs a policy runs, in order; a policy naming no packs runs core. Unknown names throw PolicyError. */
export function packsOf(policy: Policy): RulePack[] {
  const names = policy.packs && policy.packs.length ? policy.packs : ["core"];
  return names.map((name) => {
    const pack = Object.prototype.hasOwnProperty.call(PACKS, name) ? PACKS[name] : undefined;
    if (!pack) {
      const known = Object.keys(PACKS);
      throw new PolicyError(
        `未知的规则包“${name}”，可用：${known.join("、")}`,
        `unknown rule pack "${name}"; available: ${known.join(", ")}`,
      );
    }
    return pack;
  });
}

/** Every check a policy runs, each once, in pack order. */
export function checksOf(policy: Policy): Check[] {
  const seen = new Set<string>();
  const out: Check[] = [];
  for (const pack of packsOf(policy))
    for (const c of pack.checks)
      if (!seen.has(c.meta.code)) {
        seen.add(c.meta.code);
        out.push(c);
      }
  return out;
}
