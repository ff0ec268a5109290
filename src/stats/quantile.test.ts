import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { quantileFromCounts, quantileLinear, type ValueCount } from "./quantile.js";

// make-stats-fixtures.py (quantile.json): numpy.quantile with method "linear" and
// "inverted_cdf" (the latter on the sample the counts expand to).
const { cases } = readFixture<{
  linear: { sorted: number[]; q: number[]; value: number[] }[];
  from_counts: { rows: ValueCount[]; q: number[]; value: number[] }[];
}>("quantile");

describe("quantileLinear", () => {
  it("matches numpy.quantile(method='linear') to 1e-12", () => {
    for (const c of cases.linear) {
      for (const [i, q] of c.q.entries()) {
        expectClose(quantileLinear(c.sorted, q), c.value[i] ?? 0, 1e-12);
      }
    }
  });

  it("interpolates like percentile_cont and is NaN without values", () => {
    expect(quantileLinear([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileLinear([1, 2, 3, 4, 100], 0.9)).toBeCloseTo(61.6, 12);
    expect(quantileLinear([], 0.5)).toBeNaN();
    expect(quantileLinear([1], 1.5)).toBeNaN();
  });
});

describe("quantileFromCounts", () => {
  it("matches numpy.quantile(method='inverted_cdf') exactly", () => {
    for (const c of cases.from_counts) {
      for (const [i, q] of c.q.entries()) expect(quantileFromCounts(c.rows, q)).toBe(c.value[i]);
    }
  });

  it("takes the smallest value whose cumulative share reaches q (ANALYSIS.md §11.10)", () => {
    const rows = [
      { value: 0, count: 25 },
      { value: 1, count: 25 },
      { value: 2, count: 50 },
    ];
    expect(quantileFromCounts(rows, 0.25)).toBe(0);
    expect(quantileFromCounts(rows, 0.26)).toBe(1);
    expect(quantileFromCounts(rows, 0.5)).toBe(1);
    expect(quantileFromCounts(rows, 0.75)).toBe(2);
    expect(quantileFromCounts([{ value: 3, count: 0 }], 0.5)).toBeNaN();
  });

  it("reaches a decimal q exactly: 3 of 30 is the 0.1 quantile", () => {
    const rows = [
      { value: 1, count: 3 },
      { value: 2, count: 27 },
    ];
    expect(quantileFromCounts(rows, 0.1)).toBe(1);
  });
});
