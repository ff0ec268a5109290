import { describe, expect, it } from "vitest";
import { bivariateNormalCdf } from "./bivariate-normal.js";
import { normalCdf } from "./normal.js";

const TOL = 1e-15;

describe("bivariateNormalCdf", () => {
  // P(X ≤ x, Y ≤ y; ρ) from mpmath at 40 digits, by quadrature of φ(t)·Φ((y − ρt)/√(1 − ρ²))
  // over t ≤ x. The cases cover each of Genz's branches (|ρ| < 0.3, < 0.75, < 0.925, ≥ 0.925).
  it.each([
    [1, -0.5, 0.2, 0.2757558084962052],
    [-1.5, 0.5, -0.2, 0.03644440155756873],
    [0.3, 1.2, 0.5, 0.5866857820405829],
    [-2, -1, 0.7, 0.01843539973741734],
    [1, 2, -0.6, 0.8186295851005381],
    [-1, 0.5, 0.8, 0.1579013465364053],
    [2.5, -0.5, 0.9, 0.30853753872583445],
    [-3, -3, 0.95, 0.0008091633464359357],
    [0.5, 0.5, -0.95, 0.38295208420439836],
    [1.5, 1.5, 0.999, 0.9308822848543641],
    [-4, -4.5, 0.9999999, 0.0000033976731247300603],
    [-4.375, -5, 0.3, 4.5555092995508533e-10],
    [5, 4.375, 0.999, 0.9999939283760887],
  ])("matches high-precision quadrature at (%d, %d; ρ = %d)", (x, y, rho, expected) => {
    expect(Math.abs(bivariateNormalCdf(x, y, rho) - expected)).toBeLessThanOrEqual(TOL);
  });

  it("follows Sheppard's formula at the origin: 1/4 + asin(ρ)/(2π)", () => {
    for (const rho of [-0.99, -0.93, -0.5, -0.1, 0, 0.29, 0.31, 0.74, 0.76, 0.924, 0.926, 0.9999]) {
      const expected = 0.25 + Math.asin(rho) / (2 * Math.PI);
      expect(Math.abs(bivariateNormalCdf(0, 0, rho) - expected)).toBeLessThanOrEqual(TOL);
    }
  });

  it("factorises at ρ = 0 and is symmetric in x and y", () => {
    expect(bivariateNormalCdf(-1.2, 0.7, 0)).toBeCloseTo(normalCdf(-1.2) * normalCdf(0.7), 15);
    expect(bivariateNormalCdf(-1.2, 0.7, 0.6)).toBe(bivariateNormalCdf(0.7, -1.2, 0.6));
  });

  it("satisfies F(x, y; ρ) + F(x, −y; −ρ) = Φ(x)", () => {
    for (const rho of [0.1, 0.5, 0.8, 0.95, 0.99999]) {
      const sum = bivariateNormalCdf(0.4, 1.3, rho) + bivariateNormalCdf(0.4, -1.3, -rho);
      expect(Math.abs(sum - normalCdf(0.4))).toBeLessThanOrEqual(2 * TOL);
    }
  });

  it("takes infinite limits as marginals", () => {
    expect(bivariateNormalCdf(Number.NEGATIVE_INFINITY, 1, 0.5)).toBe(0);
    expect(bivariateNormalCdf(1, Number.NEGATIVE_INFINITY, 0.5)).toBe(0);
    expect(bivariateNormalCdf(Number.POSITIVE_INFINITY, 1, 0.5)).toBe(normalCdf(1));
    expect(bivariateNormalCdf(-2, Number.POSITIVE_INFINITY, 0.5)).toBe(normalCdf(-2));
    expect(bivariateNormalCdf(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0.9)).toBe(1);
  });

  it("gives the degenerate limits at |ρ| = 1 and approaches them continuously", () => {
    expect(bivariateNormalCdf(0.3, -0.8, 1)).toBeCloseTo(normalCdf(-0.8), 15);
    // ρ = −1: Y = −X, so X ≤ x and Y ≤ y leave −y ≤ X ≤ x.
    expect(bivariateNormalCdf(0.8, -0.3, -1)).toBeCloseTo(normalCdf(0.8) - normalCdf(0.3), 15);
    expect(bivariateNormalCdf(0.3, -0.8, -1)).toBe(0);
    expect(bivariateNormalCdf(0.3, -0.8, 1 - 1e-12)).toBeCloseTo(normalCdf(-0.8), 12);
    expect(bivariateNormalCdf(0.8, -0.3, -1 + 1e-12)).toBeCloseTo(
      normalCdf(0.8) - normalCdf(0.3),
      12,
    );
  });

  it("returns NaN for NaN input or |ρ| > 1", () => {
    expect(bivariateNormalCdf(Number.NaN, 0, 0.5)).toBeNaN();
    expect(bivariateNormalCdf(0, 0, 1.5)).toBeNaN();
    expect(bivariateNormalCdf(0, 0, Number.NaN)).toBeNaN();
  });
});
