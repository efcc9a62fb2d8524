/**
 * The gate in front of OpenCC (src/layout/traditional-gate.ts) lists every traditional character
 * that simplifies into the vocabulary; headers.ts loads OpenCC only for texts holding one.
 * Source of the conversions: OpenCC's t2cn tables (opencc-js).
 */
import { execFileSync } from "child_process";
import path from "path";
import { TRADITIONAL_GATE } from "../../src/layout/traditional-gate";
import { headerMatch, norm } from "../../src/layout/headers";

const ROOT = path.resolve(__dirname, "..", "..");

test("the gate is what the vocabulary and OpenCC give today (else: node scripts/traditional-gate.js)", () => {
  const now = execFileSync(process.execPath, [path.join(ROOT, "scripts", "traditional-gate.js"), "--print"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(TRADITIONAL_GATE).toBe(now);
});

test("traditional labels still read as their simplified words through the gate", () => {
  expect(norm("總分")).toBe("总分");
  expect(norm("實際完成值")).toBe("实际完成值");
  expect(norm("年度指標值")).toBe("年度指标值");
  expect(headerMatch("預算執行率", ["预算执行率"])).toBeGreaterThan(0);
  // Simplified text never needs the dictionaries and is returned as written (less white space).
  expect(norm("实际 完成值")).toBe("实际完成值");
});
