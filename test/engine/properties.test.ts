/** Property tests (fast-check): parsing never throws, formatting round-trips, rounding is exact, scores stay in [0, weight]. */
import fc from "fast-check";
import { Decimal, roundTo } from "../../src/engine/decimal";
import { POLICIES } from "../../src/engine/policy";
import { indicatorScore } from "../../src/engine/rules";
import type { IndicatorKind, Operator, ParsedValue } from "../../src/engine/types";
import { formatValue, readValue } from "../../src/engine/value";

const FULL_WIDTH = "０１２３４５６７８９％＞＜＝．，（）　－／";
const FORM_CHARS = "≥≤≧≦><=%.,-—/ 万元人次余以上下内不低于超过达到显著基本部分未完成#DIV0!0123456789";

/** Strings built from the characters accountants actually type, plus arbitrary unicode. */
const cellText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: fc.constantFrom(...[...FULL_WIDTH, ...FORM_CHARS]) }),
  fc.string({ unit: fc.constantFrom(...[...FULL_WIDTH, ...FORM_CHARS]) }).map((s) => s + "%"),
);

const rawCell = fc.oneof(cellText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));

describe("readValue never throws", () => {
  it("on arbitrary strings, numbers, booleans and null (full-width text included), with and without number formats", () => {
    fc.assert(
      fc.property(
        rawCell,
        fc.option(fc.constantFrom("0%", "0.00%", "0.00", "General", "#,##0.0", '0.0"元"', "@", ";;;"), {
          nil: undefined,
        }),
        (raw, fmt) => {
          const p = readValue(raw as never, fmt);
          expect(["blank", "dash", "number", "text", "error"]).toContain(p.kind);
          if (p.kind === "number") expect(p.value.isFinite()).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

const OPS: Operator[] = [">=", "<=", ">", "<", "=", "none"];
const UNITS = [
  "",
  "万元",
  "元",
  "人",
  "人次",
  "家(次)",
  "/平方米",
  "小时",
  "分钟",
  "个",
  "满意度",
  "次",
  "张",
  "项",
  "份",
];

/** A decimal string with up to 6 fractional digits. */
const decimalText = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, scale]) => {
    const neg = digits < 0n;
    const s = (neg ? -digits : digits).toString().padStart(scale + 1, "0");
    const body = scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    return (neg ? "-" : "") + body;
  });

const numberValue = fc
  .record({
    op: fc.constantFrom(...OPS),
    figure: decimalText,
    unit: fc.constantFrom(...UNITS),
    percent: fc.boolean(),
    approx: fc.boolean(),
    printedDecimals: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ op, figure, unit, percent, approx, printedDecimals }) => {
    const v = new Decimal(figure);
    const p: ParsedValue = {
      kind: "number",
      op,
      value: percent ? v.div(100) : v,
      unit,
      percent,
      approx,
      printedDecimals,
      text: "",
    };
    return p;
  });

describe("formatValue round-trips", () => {
  it("readValue(formatValue(p)) has the same op, value, unit and percent", () => {
    fc.assert(
      fc.property(numberValue, (p) => {
        const q = readValue(formatValue(p));
        expect(q.kind).toBe("number");
        if (q.kind !== "number" || p.kind !== "number") return;
        expect(q.op).toBe(p.op);
        expect(q.value.eq(p.value)).toBe(true);
        expect(q.unit).toBe(p.unit);
        expect(q.percent).toBe(p.percent);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Slow reference rounding on decimal strings: digit manipulation with BigInt. */
function referenceRound(text: string, decimals: number, mode: "half-up" | "truncate"): string {
  const neg = text.startsWith("-");
  const body = neg ? text.slice(1) : text;
  const [int, frac = ""] = body.split(".");
  const digits = BigInt(int + frac);
  const scale = frac.length;
  let q: bigint;
  if (scale <= decimals) {
    q = digits * 10n ** BigInt(decimals - scale);
  } else {
    const div = 10n ** BigInt(scale - decimals);
    q = digits / div;
    const r = digits % div;
    if (mode === "half-up" && 2n * r >= div) q += 1n; // away from zero: magnitude rounded up
  }
  const s = q.toString().padStart(decimals + 1, "0");
  const out = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return neg && q !== 0n ? `-${out}` : out;
}

describe("roundTo agrees with a digit-by-digit BigInt reference", () => {
  const longDecimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }))
    .map(([digits, scale]) => {
      const neg = digits < 0n;
      const s = (neg ? -digits : digits).toString().padStart(scale + 1, "0");
      const body = scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
      return (neg ? "-" : "") + body;
    });
  it.each(["half-up", "truncate"] as const)("%s", (mode) => {
    fc.assert(
      fc.property(longDecimal, fc.integer({ min: 0, max: 12 }), (text, decimals) => {
        const ours = roundTo(new Decimal(text), decimals, mode);
        const ref = referenceRound(text, decimals, mode);
        expect(ours.toFixed(decimals)).toBe(ref);
      }),
      { numRuns: 3000 },
    );
  });
  it("the reference itself rounds .5 away from zero", () => {
    expect(referenceRound("-2.5", 0, "half-up")).toBe("-3");
    expect(referenceRound("2.45", 1, "truncate")).toBe("2.4");
  });
});

describe("indicatorScore stays within [0, weight]", () => {
  const side = fc.oneof(
    numberValue.map((p) => formatValue(p)),
    fc.constantFrom("显著", "基本达成", "部分达成", "未达成", "全年", "—", "", "#DIV/0!", "100%满意度", "700 余人次"),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    cellText,
  );
  it("for any target, actual, weight, kind and policy", () => {
    fc.assert(
      fc.property(
        side,
        side,
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom<IndicatorKind>("auto", "higher", "lower", "equal", "cost", "qualitative"),
        fc.constantFrom(...Object.values(POLICIES)),
        fc.constantFrom("成本指标", "数量指标", undefined),
        (t, a, w, kind, policy, level2) => {
          const weight = new Decimal(w);
          const r = indicatorScore({ target: readValue(t), actual: readValue(a), weight, kind, level2 }, policy);
          if (r.status === "scored") {
            expect(r.value.gte(0) && r.value.lte(weight)).toBe(true);
            expect(r.exact.gte(0) && r.exact.lte(weight)).toBe(true);
            if (r.met) expect(r.value.eq(weight)).toBe(true);
          } else if (r.status === "qualitative") {
            expect(r.lo.gte(0) && r.lo.lte(r.hi) && r.hi.lte(weight)).toBe(true);
          } else {
            expect(r.reason.zh.length > 0 && r.reason.en.length > 0).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
