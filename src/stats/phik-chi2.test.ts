import { describe, expect, it } from "vitest";
import { phikChi2 } from "./phik-chi2.js";

// Values from phik v0.12.5 (test/fixtures/phik/SOURCE.md, step 4 and the worked example).
describe("phikChi2", () => {
  it("is Pearson's χ² on tables larger than 2×2", () => {
    const table = [
      [35, 54, 56, 10],
      [72, 91, 50, 23],
      [134, 115, 59, 101],
    ];
    expect(phikChi2(table)).toBe(67.08857949297634);
  });

  it("applies Yates' correction on a 2×2 table", () => {
    const table = [
      [244, 106],
      [100, 150],
    ];
    expect(phikChi2(table)).toBe(51.42935008305649);
  });

  it("caps Yates' correction at |O − E|, so it never crosses the expected count", () => {
    expect(
      phikChi2([
        [10, 10],
        [10, 11],
      ]),
    ).toBe(0);
  });

  it("does not correct 2×3 tables", () => {
    const table = [
      [10, 20, 30],
      [30, 20, 10],
    ];
    // E = 20 everywhere: (100 + 0 + 100) · 2 / 20
    expect(phikChi2(table)).toBe(20);
  });

  it("sums like numpy, so a perfect association falls an ulp short of n·(k − 1) as in phik", () => {
    const diagonal = [
      [200, 0, 0],
      [0, 200, 0],
      [0, 0, 200],
    ];
    expect(phikChi2(diagonal)).toBe(1199.9999999999998);
  });
});
