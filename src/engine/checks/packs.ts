/**
 * Rule packs: named lists of checks. A policy names the packs it runs (Policy.packs); a locality
 * that checks more, or differently, is a new pack here — data, not code in the checks.
 */
import type { StringKey } from "../../i18n/strings";
import { PolicyError } from "../policy";
import type { Policy } from "../types";
import { budgetScoreMismatch } from "./budget-score-mismatch";
import { costTarget } from "./cost-target";
import { duplicateIndicator } from "./duplicate-indicator";
import { execRateMismatch } from "./execrate-mismatch";
import { formulaNotCalculated } from "./formula-not-calculated";
import { fullMarks } from "./full-marks";
import { fundsBreakdown } from "./funds-breakdown";
import { gradeMismatch } from "./grade-mismatch";
import { indicatorScoreMismatch } from "./indicator-score-mismatch";
import { lowExecution } from "./low-execution";
import { missingActual } from "./missing-actual";
import { missingReason } from "./missing-reason";
import { missingTotal } from "./missing-total";
import { overExecution } from "./over-execution";
import { qualitativeBand } from "./qualitative-band";
import { quantityTarget } from "./quantity-target";
import { satisfactionTarget } from "./satisfaction-target";
import { scoreExceedsWeight } from "./score-exceeds-weight";
import { totalCap } from "./total-cap";
import { totalMismatch } from "./total-mismatch";
import { totalNotNumber } from "./total-not-number";
import type { Check } from "./types";
import { unreadableValue } from "./unreadable-value";
import { vagueEffectTarget } from "./vague-effect-target";
import { weightPlan } from "./weight-plan";
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

/**
 * What a reviewer looks at beyond the arithmetic: targets that cannot be measured (财预〔2021〕101号
 * 指引 on how targets are written), indicators set twice, full marks with nothing explained, a low
 * 执行率 unexplained (四川 forms), and the policy's regional data (weights, a total cap by 执行率).
 * The built-in policies run it after core.
 */
export const review: RulePack = {
  name: "review",
  label: "PACK_REVIEW",
  source: "SOURCE_PACK_REVIEW",
  checks: [
    quantityTarget,
    costTarget,
    vagueEffectTarget,
    satisfactionTarget,
    duplicateIndicator,
    fullMarks,
    lowExecution,
    weightPlan,
    totalCap,
  ],
};

export const PACKS: Readonly<Record<string, RulePack>> = Object.freeze({ core, review });

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
