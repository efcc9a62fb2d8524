/** Exact arithmetic and printed precision (财预〔2020〕10号: no binary floating point in any rule). */
import {
  Decimal,
  agreesAtPrecision,
  formatDecimal,
  printedDecimals,
  roundTo,
  toDecimal,
} from "../../src/engine/decimal";

const d = (s: string) => new Decimal(s);

describe("toDecimal: a JS number enters via its shortest string", () => {
  it("0.1 is exactly 0.1 and 0.1 + 0.2 is exactly 0.3", () => {
    expect(toDecimal(0.1).toString()).toBe("0.1");
    expect(toDecimal(0.1).plus(toDecimal(0.2)).eq(d("0.3"))).toBe(true);
    expect(0.1 + 0.2).not.toBe(0.3); // what binary floating point would have given
  });
  it("accepts strings and Decimals, rejects NaN, Infinity and garbage", () => {
    expect(toDecimal(" 53.861000 ").eq(d("53.861"))).toBe(true);
    expect(toDecimal(d("1.5")).eq(d("1.5"))).toBe(true);
    expect(() => toDecimal(NaN)).toThrow(TypeError);
    expect(() => toDecimal(Infinity)).toThrow(TypeError);
    expect(() => toDecimal("abc")).toThrow(TypeError);
  });
  it("has at least 40 significant digits", () => {
    expect(Decimal.precision).toBeGreaterThanOrEqual(40);
    expect(d("1").div(3).toString().replace("0.", "").length).toBeGreaterThanOrEqual(40);
  });
});

describe("roundTo", () => {
  it("half-up rounds away from zero at .5", () => {
    expect(roundTo(d("2.345"), 2, "half-up").toString()).toBe("2.35");
    expect(roundTo(d("-2.345"), 2, "half-up").toString()).toBe("-2.35");
    expect(roundTo(d("2.5"), 0, "half-up").toString()).toBe("3");
    expect(roundTo(d("-2.5"), 0, "half-up").toString()).toBe("-3");
    expect(roundTo(d("2.4999"), 0, "half-up").toString()).toBe("2");
  });
  it("truncate cuts toward zero", () => {
    expect(roundTo(d("9.971"), 1, "truncate").toString()).toBe("9.9");
    expect(roundTo(d("-9.971"), 1, "truncate").toString()).toBe("-9.9");
    expect(roundTo(d("0.999"), 0, "truncate").toString()).toBe("0");
  });
  it("never gives -0", () => {
    expect(roundTo(d("-0.001"), 2, "half-up").isNegative()).toBe(false);
  });
  it("rejects negative or fractional decimals", () => {
    expect(() => roundTo(d("1"), -1, "half-up")).toThrow(RangeError);
    expect(() => roundTo(d("1"), 1.5, "half-up")).toThrow(RangeError);
  });
});

describe("formatDecimal: plain string, never exponent notation", () => {
  it("exact, without trailing zeros", () => {
    expect(formatDecimal(d("1e-7"))).toBe("0.0000001");
    expect(formatDecimal(d("1e21"))).toBe("1000000000000000000000");
    expect(formatDecimal(d("53.861000"))).toBe("53.861");
    expect(formatDecimal(d("-0"))).toBe("0");
  });
  it("with decimals: exactly that many places", () => {
    expect(formatDecimal(d("1.5"), 2)).toBe("1.50");
    expect(formatDecimal(d("0.2624"), 2)).toBe("0.26");
    expect(formatDecimal(d("0.125"), 2)).toBe("0.13");
  });
});

describe("printedDecimals: the precision a cell displays", () => {
  it("fixed formats give the format's decimals", () => {
    expect(printedDecimals(1, "0.00")).toBe(2);
    expect(printedDecimals(1234.5, "#,##0.00")).toBe(2);
    expect(printedDecimals(0.5, '0.000"元"')).toBe(3);
    expect(printedDecimals(3.71, "0")).toBe(0);
  });
  it("percent formats: the decimals of the percent figure", () => {
    expect(printedDecimals(0.3709, "0.00%")).toBe(2);
    expect(printedDecimals(0.78, "0%")).toBe(0);
    expect(printedDecimals(0.3709, "0.##%")).toBe(2);
    expect(printedDecimals(0.375, "0.#%")).toBe(1);
    expect(printedDecimals(0.37, "0.##%")).toBe(0);
  });
  it("General: the decimals of the shortest representation", () => {
    expect(printedDecimals(37.09)).toBe(2);
    expect(printedDecimals(0.3709, "General")).toBe(4);
    expect(printedDecimals(19.978525)).toBe(6);
    expect(printedDecimals(100)).toBe(0);
  });
});

describe("agreesAtPrecision (stated figure vs exact figure at the stated precision)", () => {
  it("5.8 vs 5.853 at 1 decimal half-up differs (seed 002 服务保障经费)", () => {
    expect(agreesAtPrecision(d("5.8"), d("5.853"), 1, "half-up")).toBe(false);
  });
  it("9 vs 8.923 at 0 decimals agrees (seed 002 海创扶持资金)", () => {
    expect(agreesAtPrecision(d("9"), d("8.923"), 0, "half-up")).toBe(true);
  });
  it("9.9 vs 9.971 at 1 decimal: half-up differs, truncate agrees (seed 002 服务大厅项目经费)", () => {
    expect(agreesAtPrecision(d("9.9"), d("9.971"), 1, "half-up")).toBe(false);
    expect(agreesAtPrecision(d("9.9"), d("9.971"), 1, "truncate")).toBe(true);
  });
});
