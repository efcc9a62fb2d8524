/**
 * Comparing a stated figure with the rule's, as the form displays it (財预〔2020〕10号 forms are
 * filled by hand at the author's own precision: 5.8 stated for 5.853 is wrong at one decimal,
 * 9 stated for 8.923 is right in whole points). Shared by the score and rate checks.
 */
import { both, type Bilingual } from "../../i18n/strings";
import { agreesAtPrecision, formatDecimal, roundTo } from "../decimal";
import type { Policy } from "../types";
import type { Decimal, Stated } from "./values";

/** Whether a stated figure agrees with the exact one at the stated figure's own precision. */
export function agrees(st: Stated, exact: Decimal, policy: Policy): boolean {
  return agreesAtPrecision(st.value, exact, st.decimals, policy.rounding.mode);
}

/**
 * The rule's figure as the policy rounds it, and, when the stated figure is printed with other
 * decimals and that changes the figure, the rule's figure at the stated precision too: "5.6；取整为 6".
 * Both are shown so the expected figure never contradicts its own explanation.
 */
export function expectedFigures(
  st: Stated,
  exact: Decimal,
  value: Decimal,
  policy: Policy,
): { expected: string; atPrecision: Bilingual } {
  const expected = formatDecimal(value);
  const atStated = roundTo(exact, st.decimals, policy.rounding.mode);
  if (atStated.eq(value)) return { expected, atPrecision: { zh: "", en: "" } };
  const shown = formatDecimal(atStated, st.decimals);
  const atPrecision =
    st.decimals === 0
      ? both("AT_PRECISION_WHOLE", { value: shown })
      : both("AT_PRECISION", { value: shown, decimals: st.decimals });
  return { expected, atPrecision };
}
