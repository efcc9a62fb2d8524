/** Policies as data (财预〔2020〕10号 national; linear; spend-ratio from seed 003 包头 forms). */
import { POLICIES, POLICY_NAMES, PolicyError, fullMarksOf, getPolicy, policyFromJson } from "../../src/engine/policy";

describe("named policies", () => {
  it("national is the default (财预〔2020〕10号): weights 10/50/30/10, inverse reverse, as-reverse cost, 2 decimals half-up", () => {
    const p = getPolicy();
    expect(p).toBe(getPolicy(""));
    expect(p.name).toBe("national");
    expect(p.weights).toEqual({ budget: 10, output: 50, effect: 30, satisfaction: 10 });
    expect(p.reverse).toBe("inverse");
    expect(p.cost).toBe("as-reverse");
    expect(p.rounding).toEqual({ decimals: 2, mode: "half-up" });
    expect(p.grades.map((g) => [g.grade, g.min])).toEqual([
      ["优", 90],
      ["良", 80],
      ["中", 60],
      ["差", 0],
    ]);
    expect(p.qualitativeBands).toEqual({ met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] });
    expect(p.overshootRatio).toBe(1.3);
    expect(p.source).toContain("财预〔2020〕10号");
  });
  it("linear differs from national only in reverse (and its name/label/source)", () => {
    const n = getPolicy("national");
    const l = getPolicy("linear");
    expect(l.reverse).toBe("linear");
    expect({ ...l, name: n.name, label: n.label, source: n.source, reverse: n.reverse }).toEqual(n);
  });
  it("spend-ratio differs from national only in cost (seed 003 包头)", () => {
    const n = getPolicy("national");
    const s = getPolicy("spend-ratio");
    expect(s.cost).toBe("spend-ratio");
    expect({ ...s, name: n.name, label: n.label, source: n.source, cost: n.cost }).toEqual(n);
  });
  it("POLICIES and POLICY_NAMES list the four", () => {
    expect([...POLICY_NAMES]).toEqual(["national", "linear", "spend-ratio", "budget-20"]);
    for (const name of POLICY_NAMES) expect(POLICIES[name].name).toBe(name);
  });
  it("policies are frozen data", () => {
    const p = getPolicy("national");
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.weights)).toBe(true);
    expect(Object.isFrozen(p.grades[0])).toBe(true);
  });
  it("unknown name → PolicyError with zh and en messages listing the names", () => {
    expect(() => getPolicy("beijing")).toThrow(PolicyError);
    try {
      getPolicy("beijing");
    } catch (e) {
      const err = e as PolicyError;
      expect(err.zh).toContain("beijing");
      expect(err.en).toContain("unknown policy");
      for (const n of POLICY_NAMES) {
        expect(err.zh).toContain(n);
        expect(err.en).toContain(n);
      }
      expect(err.message).toBe(`${err.zh} / ${err.en}`);
    }
  });
});

describe("policyFromJson", () => {
  it("extends a named policy and overrides fields", () => {
    const p = policyFromJson({
      extends: "linear",
      name: "truncating",
      rounding: { decimals: 1, mode: "truncate" },
      weights: { budget: 20 },
    });
    expect(p.name).toBe("truncating");
    expect(p.reverse).toBe("linear");
    expect(p.rounding).toEqual({ decimals: 1, mode: "truncate" });
    expect(p.weights).toEqual({ budget: 20, output: 50, effect: 30, satisfaction: 10 });
    expect(getPolicy("linear").rounding.decimals).toBe(2); // base untouched
  });
  it("defaults to national and accepts a JSON string", () => {
    const p = policyFromJson('{"name": "x", "cost": "spend-ratio"}');
    expect(p.reverse).toBe("inverse");
    expect(p.cost).toBe("spend-ratio");
    expect(p.label).toEqual({ zh: "x", en: "x" });
  });
  it("accepts custom grades and bands", () => {
    const p = policyFromJson({
      name: "g",
      grades: [
        { min: 85, grade: "优秀", en: "Excellent" },
        { min: 0, grade: "其他", en: "Other" },
      ],
      qualitativeBands: { met: [0.9, 1] },
    });
    expect(p.grades).toHaveLength(2);
    expect(p.qualitativeBands.met).toEqual([0.9, 1]);
    expect(p.qualitativeBands.partial).toEqual([0.6, 0.8]);
  });

  const cases: [string, unknown, string][] = [
    ["not an object", [1, 2], "JSON 对象"],
    ["invalid JSON text", "{name:", "JSON"],
    ["missing name", { extends: "national" }, "name"],
    ["unknown extends", { name: "x", extends: "beijing" }, "extends"],
    ["unknown top-level field", { name: "x", roundng: {} }, "roundng"],
    ["bad reverse", { name: "x", reverse: "square" }, "reverse"],
    ["bad cost", { name: "x", cost: 1 }, "cost"],
    ["rounding.mode", { name: "x", rounding: { mode: "bankers" } }, "rounding.mode"],
    ["rounding.decimals fractional", { name: "x", rounding: { decimals: 1.5 } }, "rounding.decimals"],
    ["rounding unknown key", { name: "x", rounding: { places: 2 } }, "rounding.places"],
    ["negative weight", { name: "x", weights: { budget: -1 } }, "weights.budget"],
    [
      "grades not decreasing",
      {
        name: "x",
        grades: [
          { min: 60, grade: "a", en: "a" },
          { min: 90, grade: "b", en: "b" },
        ],
      },
      "grades[1].min",
    ],
    ["grade missing en", { name: "x", grades: [{ min: 60, grade: "a" }] }, "grades[0].en"],
    ["empty grades", { name: "x", grades: [] }, "grades"],
    ["band out of range", { name: "x", qualitativeBands: { met: [0.8, 1.2] } }, "qualitativeBands.met"],
    ["band lo > hi", { name: "x", qualitativeBands: { unmet: [0.6, 0] } }, "qualitativeBands.unmet"],
    ["overshootRatio below 1", { name: "x", overshootRatio: 0.5 }, "overshootRatio"],
    ["label not an object", { name: "x", label: "y" }, "label"],
  ];
  it.each(cases)("%s → PolicyError naming the field", (_title, doc, field) => {
    let caught: unknown;
    try {
      policyFromJson(doc);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    const err = caught as PolicyError;
    expect(err.zh).toContain(field);
    expect(err.en.length).toBeGreaterThan(0);
  });
  it("reports every problem at once", () => {
    try {
      policyFromJson({ reverse: "x", cost: "y" });
      throw new Error("should have thrown");
    } catch (e) {
      const err = e as PolicyError;
      expect(err.issues.map((i) => i.path).sort()).toEqual(["cost", "name", "reverse"]);
    }
  });
});

describe("full marks (财预〔2020〕10号: 10 + 50 + 30 + 10 = 100)", () => {
  it("every built-in policy totals 100: national's four parts, budget-20's 20 + 80", () => {
    for (const name of POLICY_NAMES) expect([name, fullMarksOf(POLICIES[name])]).toEqual([name, 100]);
    expect(fullMarksOf(policyFromJson({ name: "x", weights: { budget: 20, indicators: 70 } }))).toBe(90);
  });
});
