/** The scoring policy shown in the pane: the workbook's, and the choices with their labels. */
import { useMemo, useState } from "react";
import { POLICIES, POLICY_NAMES } from "../../engine/policy";
import type { Lang } from "../../i18n/strings";
import { tp } from "../strings";

export function usePolicyChoice(lang: Lang) {
  const [policy, setPolicy] = useState<string>("national");
  const options = useMemo(() => {
    const names = [...POLICY_NAMES];
    if (!names.includes(policy)) names.push(policy);
    return names.map((n) => ({ name: n, label: POLICIES[n]?.label[lang] ?? tp(lang, "POLICY_CUSTOM", { name: n }) }));
  }, [policy, lang]);
  const label = options.find((o) => o.name === policy)?.label ?? policy;
  return { policy, setPolicy, options, label };
}
