import type { DropoutAtStart } from "./beta-geometric-likelihood.js";

/**
 * P(alive | x, tx, T) = 1 / (1 + δ · a/(b+x+k−1) · ((α+T)/(α+tx))^(r+x)), with k and
 * δ as in `betaGeometricNegLogLik`: for the BG/NBD (k = 0) 1 when x = 0 (Fader,
 * Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model"), for the
 * MBG/NBD (k = 1) below 1 for everyone (Batislam et al. 2007, eq. 5).
 */
export function betaGeometricAlive(
  [r, alpha, a, b]: readonly [number, number, number, number],
  dropout: DropoutAtStart,
  x: number,
  tx: number,
  T: number,
): number {
  if (x === 0 && dropout === 0) return 1;
  const v =
    Math.log(a) -
    Math.log(b + x + dropout - 1) +
    (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  // 1/(1 + e^v) without overflow.
  return v > 0 ? Math.exp(-v) / (1 + Math.exp(-v)) : 1 / (1 + Math.exp(v));
}
