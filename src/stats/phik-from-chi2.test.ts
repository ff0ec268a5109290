import { describe, expect, it } from "vitest";
import { phikFromChi2 } from "./phik-from-chi2.js";

// The worked example of test/fixtures/phik/SOURCE.md: a 3 × 4 table, n = 800, χ² = 67.088579…
const CHI2 = 67.08857949297634;

describe("phikFromChi2", () => {
  it("solves χ²_model(ρ) = χ² where phik's Brent iteration stops", () => {
    expect(phikFromChi2(CHI2, 800, 3, 4, 6)).toBeCloseTo(0.2059972918467394, 12);
    expect(phikFromChi2(CHI2, 800, 3, 4, 0)).toBeCloseTo(0.2152624988962032, 12);
  });

  it("is 0 at or below the pedestal and 1 at or above χ²_max", () => {
    expect(phikFromChi2(6, 800, 3, 4, 6)).toBe(0);
    expect(phikFromChi2(0, 800, 3, 4, 0)).toBe(0);
    expect(phikFromChi2(1600, 800, 3, 4, 6)).toBe(1);
  });

  it("is 1 for a χ² a rounding error below χ²_max", () => {
    expect(phikFromChi2(1199.9999999999998, 600, 3, 3, 4)).toBeCloseTo(1, 5);
    expect(phikFromChi2(1199.9999999999998, 600, 3, 3, 0)).toBeCloseTo(1, 5);
  });

  it("is NaN with fewer than 2 levels on a side or no records", () => {
    expect(phikFromChi2(5, 100, 1, 4)).toBeNaN();
    expect(phikFromChi2(5, 0, 3, 4)).toBeNaN();
  });

  it("rejects a negative pedestal", () => {
    expect(() => phikFromChi2(5, 100, 3, 4, -1)).toThrow(RangeError);
  });
});
