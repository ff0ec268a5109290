import { erf, erfcx } from "./erf.js";

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2PI = 2.5066282746310002;

/** exp(−x²/2), with x split so that squaring a large x loses no digits. */
function expNegHalfSquare(x: number): number {
  const head = Math.trunc(x * 16) / 16;
  const rest = (x - head) * (x + head);
  return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * rest);
}

/** Standard normal upper tail for x > 0.6629 (where x/√2 > 0.46875). */
function upperTail(x: number): number {
  return 0.5 * erfcx(x * SQRT1_2) * expNegHalfSquare(x);
}

/**
 * Standard normal upper tail 1 − Φ(x), to full relative precision far into the
 * tail (normalSf(10) = 7.619853024160527e-24). Matches `scipy.special.ndtr(-x)`.
 */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 40) return 0;
  if (x < -40) return 1;
  if (x > 0.6629) return upperTail(x);
  if (x < -0.6629) return 1 - upperTail(-x);
  return 0.5 - 0.5 * erf(x * SQRT1_2);
}

/** Standard normal CDF Φ(x), accurate relative to its value in the lower tail. */
export function normalCdf(x: number): number {
  return normalSf(-x);
}

/** Acklam's rational approximation of Φ⁻¹(p) for 0 < p ≤ 0.5 (relative error < 1.2e-9). */
function acklam(p: number): number {
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q -
        2.549732539343734) *
        q +
        4.374664141464968) *
        q +
        2.938163982698783) /
      ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q +
        3.754408661907416) *
        q +
        1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r +
      138.357751867269) *
      r -
      30.66479806614716) *
      r +
      2.506628277459239) *
      q) /
    (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r +
      66.80131188771972) *
      r -
      13.28068155288572) *
      r +
      1)
  );
}

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p), to about 1e-15 relative: Acklam's
 * approximation refined by one Halley step on the Cody-accurate Φ. Matches
 * `scipy.special.ndtri`. p = 0 → −∞, p = 1 → +∞, p outside [0, 1] → NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // 1 − p is exact for p ≥ 0.5, so the upper half is solved as a lower tail.
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklam(p);
  // Near the centre, compare Φ(x) − ½ with p − ½ (exact for p ≥ ¼) to keep digits.
  const error = p < 0.25 ? normalCdf(x) - p : 0.5 * erf(x * SQRT1_2) - (p - 0.5);
  const half = Math.exp(0.25 * x * x);
  const u = error * half * half * SQRT_2PI;
  return x - u / (1 + 0.5 * x * u);
}
