import type { SignedLog } from "./signed-log.js";

const MAX_TERMS = 1_000_000;
// Partial sums are divided by this whenever they grow past it, and the scale kept as a log.
const RESCALE = 1e150;
const LOG_RESCALE = Math.log(RESCALE);

/**
 * Gauss's series Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ as a signed log, summed until the
 * neglected tail is below machine precision. Meant for |z| ≤ ½, where the tail
 * shrinks at least geometrically; a terminating series (a or b a non-positive
 * integer) is summed exactly for any z. NaN if it has not settled after
 * `maxTerms` terms.
 */
export function hyp2f1Series(
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms = MAX_TERMS,
): SignedLog {
  const absZ = Math.abs(z);
  // Past `settled` every term ratio is at most ρ, so the tail is below |term|·ρ/(1 − ρ).
  const rho = (1 + absZ) / 2;
  const settled = absZ < 1 ? settlingIndex(Math.abs(a), Math.abs(b), c, absZ, rho) : Infinity;
  const tailFactor = rho / (1 - rho);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (
      term === 0 ||
      (n >= settled && Math.abs(term) * tailFactor <= Number.EPSILON * Math.abs(sum))
    ) {
      return { sign: Math.sign(sum), log: Math.log(Math.abs(sum)) + logScale };
    }
    if (Math.abs(term) > RESCALE || Math.abs(sum) > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      logScale += LOG_RESCALE;
    }
  }
  return { sign: Number.NaN, log: Number.NaN };
}

/**
 * The first n from which |(a+k)(b+k)z / ((c+k)(k+1))| ≤ ρ for every k ≥ n, from
 * the bound (k + |a|)(k + |b|)|z| ≤ ρ(k + c)(k + 1), a quadratic in k.
 */
function settlingIndex(absA: number, absB: number, c: number, absZ: number, rho: number): number {
  const quadratic = rho - absZ;
  const linear = rho * (c + 1) - absZ * (absA + absB);
  const constant = rho * c - absZ * absA * absB;
  const discriminant = linear * linear - 4 * quadratic * constant;
  const root = discriminant >= 0 ? (-linear + Math.sqrt(discriminant)) / (2 * quadratic) : 0;
  return Math.max(0, Math.ceil(root), Math.ceil(-c) + 1);
}
