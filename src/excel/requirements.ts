/**
 * Requirement sets (Office Add-ins requirement sets; levels as @types/office-js gives them).
 *
 * REQUIRED is what the manifest declares (<Requirements><Sets>): an Excel without them does not
 * load the add-in at all, so the code may use them freely. test/manifest.test.ts holds manifest.xml
 * to this list.
 *
 * OPTIONAL features are checked at run time with Office.context.requirements.isSetSupported; where
 * one is missing the add-in does without it and the pane says so (missingFeatures).
 */

export interface RequirementSet {
  name: string;
  version: string;
  /** What needs it. */
  for: string;
}

export const REQUIRED: readonly RequirementSet[] = [
  { name: "SharedRuntime", version: "1.1", for: "one runtime for the pane, the ribbon commands and the functions" },
  {
    name: "CustomFunctionsRuntime",
    version: "1.2",
    // The codes are passed as their strings ("#VALUE!", "#N/A"), not through CustomFunctions.ErrorCode,
    // whose members @types/custom-functions-runtime places at 1.3.
    for: "CustomFunctions.Error (the functions' error messages)",
  },
  {
    name: "ExcelApi",
    version: "1.7",
    for: "Worksheet.getRangeByIndexes (1.7); workbook settings, getItemOrNullObject, getUsedRangeOrNullObject (1.4)",
  },
];

/** The features the add-in checks for at run time, and the set each needs. */
export const OPTIONAL = {
  /** Notes on flagged cells (Worksheet.notes); without them the findings go to a findings sheet. */
  notes: { name: "ExcelApi", version: "1.18" },
  /** Merged cells read (Range.getMergedAreasOrNullObject); without them detection sees no merges. */
  merges: { name: "ExcelApi", version: "1.13" },
  /** RangeFill.pattern, which tells a white fill from no fill; without it white reads as no fill. */
  fillPattern: { name: "ExcelApi", version: "1.9" },
} as const;

export type Feature = keyof typeof OPTIONAL;

/** What this Excel supports of the optional features. */
export type Caps = Record<Feature, boolean>;

/** The optional features an Excel with `caps` lacks, in a fixed order. */
export function missingFeatures(caps: Caps): Feature[] {
  return (Object.keys(OPTIONAL) as Feature[]).filter((f) => !caps[f]);
}

/** Ask `isSetSupported` about each optional feature. */
export function capsFrom(isSetSupported: (name: string, version: string) => boolean): Caps {
  const out = {} as Caps;
  for (const f of Object.keys(OPTIONAL) as Feature[]) out[f] = isSetSupported(OPTIONAL[f].name, OPTIONAL[f].version);
  return out;
}
