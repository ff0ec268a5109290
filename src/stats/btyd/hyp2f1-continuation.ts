import { hyp2f1Series } from "./hyp2f1-series.js";
import type { SignedLog } from "./signed-log.js";

const START = 0.5;
// A step covers at most this share of the distance left to the singular point z = 1,
// so the local Taylor series converges at least like 2⁻ᵏ.
const STEP = 0.5;
const MAX_TERMS = 100_000;

/**
 * 2F1(a, b; c; z) for ½ < z < 1, given as its distance to one, d = 1 − z (so that
 * z within 1e-16 of 1 keeps its digits). Starts from the series at z = ½ and
 * follows the hypergeometric equation z(1−z)F″ + (c − (a+b+1)z)F′ − abF = 0
 * with Taylor steps that at most halve the distance to 1. Stable when F is the
 * solution that dominates near z = 1, as it is unless F(1) = 0: for c − a − b ≥ 0
 * F tends to a finite limit while the other solution, (1−z)^(c−a−b), dies out;
 * for c − a − b < 0 F grows like (1−z)^(c−a−b) and the other stays bounded.
 */
export function hyp2f1Continuation(a: number, b: number, c: number, d: number): SignedLog {
  const value = hyp2f1Series(a, b, c, START);
  // F′ = (ab/c)·2F1(a+1, b+1; c+1; z).
  const slope = hyp2f1Series(a + 1, b + 1, c + 1, START);
  const slopeFactor = (a * b) / c;
  const slopeLog = slope.log + Math.log(Math.abs(slopeFactor));
  let logScale = Math.max(value.log, slopeLog);
  if (!Number.isFinite(logScale)) return { sign: Number.NaN, log: Number.NaN };
  let f = value.sign * Math.exp(value.log - logScale);
  let df = slope.sign * Math.sign(slopeFactor) * Math.exp(slopeLog - logScale);
  let distance = 1 - START;
  while (distance > d) {
    const next = Math.max(d, distance - stepLength(a, b, c, distance));
    const step = taylorStep(a, b, c, distance, distance - next, f, df);
    if (step === undefined) return { sign: Number.NaN, log: Number.NaN };
    distance = next;
    // Rescale so the pair stays near 1 whatever the growth of F.
    const size = Math.max(Math.abs(step.f), Math.abs(step.df) * distance);
    if (size === 0) return { sign: 0, log: Number.NEGATIVE_INFINITY };
    f = step.f / size;
    df = step.df / size;
    logScale += Math.log(size);
  }
  return { sign: Math.sign(f), log: Math.log(Math.abs(f)) + logScale };
}

/**
 * A step that keeps every coefficient of the recurrence in `taylorStep` of order
 * one, so its terms shrink from the start: at most half the distance d to z = 1
 * and short enough that |q₀|h/p₀, |ab|h²/p₀ and |q₁|h²/p₀ stay below 2. Longer
 * steps would sum large terms of alternating sign, and rounding errors would
 * excite the equation's other solution.
 */
function stepLength(a: number, b: number, c: number, d: number): number {
  const p0 = d * (1 - d);
  const q1 = -(a + b + 1);
  const q0 = c + q1 * (1 - d);
  return Math.min(
    STEP * d,
    (2 * p0) / Math.abs(q0),
    Math.sqrt((2 * p0) / Math.abs(a * b)),
    Math.sqrt((2 * p0) / Math.abs(q1)),
  );
}

/**
 * F and F′ at z₀ + h from F and F′ at z₀ = 1 − d, by the Taylor series of the
 * equation's solution around z₀. With s = z − z₀ the equation's coefficients are
 * z(1−z) = p₀ + p₁s − s² and c − (a+b+1)z = q₀ + q₁s, which gives the recurrence
 * for the scaled coefficients gₖ = fₖhᵏ below.
 */
function taylorStep(a: number, b: number, c: number, d: number, h: number, f: number, df: number) {
  const p0 = d * (1 - d);
  const p1 = 2 * d - 1;
  const q1 = -(a + b + 1);
  const q0 = c + q1 * (1 - d);
  const ab = a * b;
  // Terms may grow before they shrink; by this index the geometric decay has set in.
  const transient = 4 + (Math.abs(q0) * h) / p0 + (Math.sqrt(Math.abs(ab)) * h) / Math.sqrt(p0);
  let previous = f;
  let current = df * h;
  let value = previous + current;
  let slope = current;
  for (let k = 0; k < MAX_TERMS; k++) {
    const next =
      -((p1 * k + q0) * (k + 1) * h * current + (-k * (k - 1) + q1 * k - ab) * h * h * previous) /
      (p0 * (k + 2) * (k + 1));
    value += next;
    slope += (k + 2) * next;
    const size = (k + 2) * (Math.abs(current) + Math.abs(next));
    if (k > transient && size <= Number.EPSILON * Math.max(Math.abs(value), Math.abs(slope))) {
      return { f: value, df: slope / h };
    }
    previous = current;
    current = next;
  }
  return undefined;
}
