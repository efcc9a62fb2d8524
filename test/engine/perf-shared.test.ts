/**
 * Shared runtime (manifest: one Runtime resid for pane, commands and functions): webpack gives
 * each bundle its own copy of src/engine/perf.ts, so the workbook's policy chosen in the pane must
 * reach the custom functions through globalThis, not module state.
 */
type PerfModule = typeof import("../../src/engine/perf");

function freshCopy(): PerfModule {
  let mod: PerfModule | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../src/engine/perf") as PerfModule;
  });
  return mod!;
}

describe("default policy across bundles", () => {
  afterEach(() => freshCopy().setDefaultPolicy("national"));

  it("a policy set in one module copy (the pane) is used by another copy (the functions)", () => {
    const pane = freshCopy();
    const functions = freshCopy();
    expect(pane).not.toBe(functions);
    // Seed 003 流动人员档案管理经费 成本 row 档案机要邮寄费用: ≤4万元, 2.52万元, weight 3.
    expect(functions.score("≤4万元", "2.52万元", 3, "cost")).toBe(3); // national: within the amount, full
    pane.setDefaultPolicy("spend-ratio");
    expect(functions.getDefaultPolicy().name).toBe("spend-ratio");
    expect(functions.score("≤4万元", "2.52万元", 3, "cost")).toBe(1.89); // spend-ratio: 3 × 2.52/4
  });
});
