/**
 * The workbook's scoring policy for the PERF custom functions. It is stored in the workbook
 * (workbook.settings, perf.policy, see store.ts) and held for the runtime in src/engine/perf.ts;
 * until it is known there, the functions that depend on it wait (a Baotou workbook must not be
 * scored once under national). Whoever asks first reads it: a function, the task pane or the
 * ribbon command; a choice made in the pane meanwhile wins.
 */
import { getDefaultPolicy, isDefaultPolicyKnown, setDefaultPolicy, whenDefaultPolicyKnown } from "../engine/perf";
import { getPolicy, national } from "../engine/policy";
import type { Policy } from "../engine/types";
import type { ExcelHost } from "./port";
import { KEY_POLICY } from "./store";

const READING = "__perfPolicyReading__";

function excelHost(): ExcelHost {
  const e = (globalThis as Record<string, unknown>).Excel as ExcelHost | undefined;
  if (!e || typeof e.run !== "function") throw new Error("Excel JavaScript API is not available");
  return e;
}

/** The policy name stored in the workbook, or undefined. */
export async function readStoredPolicy(excel: ExcelHost = excelHost()): Promise<string | undefined> {
  return excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(KEY_POLICY);
    setting.load("value");
    await context.sync();
    return setting.isNullObject || typeof setting.value !== "string" ? undefined : setting.value;
  });
}

/** A stored name as a policy: none, or one this version does not know (never saved by it), reads as national. */
function policyNamed(name: string | undefined): Policy {
  try {
    return getPolicy(name);
  } catch {
    return national;
  }
}

/**
 * The workbook's policy, read once per runtime (concurrent callers share the one read). Rejects
 * when it cannot be read; the next call tries again.
 */
export function workbookPolicy(excel?: ExcelHost): Promise<Policy> {
  if (isDefaultPolicyKnown()) return Promise.resolve(getDefaultPolicy());
  const g = globalThis as Record<string, unknown>;
  let reading = g[READING] as Promise<Policy> | undefined;
  if (!reading) {
    reading = readStoredPolicy(excel).then(
      (name) => {
        delete g[READING];
        // The pane may have chosen a policy while this read was on its way.
        return isDefaultPolicyKnown() ? getDefaultPolicy() : setDefaultPolicy(policyNamed(name));
      },
      (e: unknown) => {
        delete g[READING];
        throw e;
      },
    );
    g[READING] = reading;
  }
  return Promise.race([reading, whenDefaultPolicyKnown()]);
}
