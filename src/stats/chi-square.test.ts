import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { chiSquareIndependence, chiSquareSf } from "./chi-square.js";

// make-stats-fixtures.py (chi-square.json): scipy.stats.chi2.sf, and
// scipy.stats.chi2_contingency(correction=False) with contingency.association(method="cramer").
const { cases } = readFixture<{
  sf: { x: number; dof: number; sf: number }[];
  independence: { table: number[][]; chi2: number; dof: number; p: number; cramers_v: number }[];
}>("chi-square");

describe("chiSquareSf", () => {
  it("matches scipy.stats.chi2.sf to 1e-12 relative, down to 1e-219", () => {
    for (const c of cases.sf) expectClose(chiSquareSf(c.x, c.dof), c.sf, 1e-12, 1e-300);
  });

  it("gives the textbook 5% critical value: P(χ²₁ > 3.841459) = 0.05", () => {
    expectClose(chiSquareSf(3.841458820694124, 1), 0.05, 1e-12, 0);
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(1, 0)).toBeNaN();
  });
});

describe("chiSquareIndependence", () => {
  it("matches scipy's chi2_contingency and Cramér's V to 1e-9", () => {
    for (const c of cases.independence) {
      const result = chiSquareIndependence(c.table);
      expectClose(result.chi2, c.chi2, 1e-9, 1e-12);
      expect(result.dof).toBe(c.dof);
      expectClose(result.pValue, c.p, 1e-9, 1e-300);
      expectClose(result.cramersV, c.cramers_v, 1e-9, 1e-12);
    }
  });

  it("drops all-zero rows and columns before testing", () => {
    const result = chiSquareIndependence([
      [0, 0, 0],
      [10, 0, 5],
      [3, 0, 9],
    ]);
    expect(result.dof).toBe(1);
    expect(result).toEqual(
      chiSquareIndependence([
        [10, 5],
        [3, 9],
      ]),
    );
  });

  it("tests nothing with a single category: χ² 0, dof 0, p 1, V NaN", () => {
    const result = chiSquareIndependence([[5, 9, 100]]);
    expect(result).toEqual({ chi2: 0, dof: 0, pValue: 1, cramersV: Number.NaN });
    expect(chiSquareIndependence([]).pValue).toBe(1);
  });
});
