import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { normalCdf, normalQuantile, normalSf } from "./normal.js";

// Reference values: test/fixtures/stats/make-stats-fixtures.py (normal.json): the tail
// computed exactly with a 500-digit series, and scipy.special.ndtr / ndtri.
interface SfCase {
  x: number;
  sf: number;
  cdf: number;
  scipy_sf: number;
  scipy_cdf: number;
}
const { cases } = readFixture<{ sf: SfCase[]; quantile: { p: number; x: number }[] }>("normal");

describe("normalSf and normalCdf", () => {
  it("match the exact tail to 1e-14 relative, out to x = 37", () => {
    for (const c of cases.sf) {
      expectClose(normalSf(c.x), c.sf, 1e-14, 0);
      expectClose(normalCdf(c.x), c.cdf, 1e-14, 0);
    }
  });

  it("match scipy.special.ndtr to 1e-9 relative", () => {
    for (const c of cases.sf) {
      expectClose(normalSf(c.x), c.scipy_sf, 1e-9, 1e-300);
      expectClose(normalCdf(c.x), c.scipy_cdf, 1e-9, 1e-300);
    }
  });

  it("gives normalSf(10) = 7.619853024160525e-24 (Abramowitz & Stegun 26.2)", () => {
    expectClose(normalSf(10), 7.619853024160525e-24, 1e-15, 0);
  });

  it("is symmetric, ½ at 0, and NaN for NaN", () => {
    expect(normalSf(0)).toBe(0.5);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalSf(Number.NaN)).toBeNaN();
    for (const x of [0.1, 0.9, 2.5, 7]) expectClose(normalSf(x) + normalSf(-x), 1, 1e-15, 0);
  });
});

describe("normalQuantile", () => {
  it("matches scipy.special.ndtri to 1e-15 relative, from p = 1e-300 to 1 − 2⁻⁵³", () => {
    for (const c of cases.quantile) expectClose(normalQuantile(c.p), c.x, 1e-15, 1e-300);
  });

  it("inverts normalCdf", () => {
    for (const x of [-30, -8, -1.959964, -0.3]) {
      expectClose(normalQuantile(normalCdf(x)), x, 1e-14, 0);
      expectClose(-normalQuantile(normalSf(-x)), -x, 1e-14, 0);
    }
  });

  it("is ±∞ at 0 and 1 and NaN outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
