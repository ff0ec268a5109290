import type { DropoutAtStart } from "./beta-geometric-likelihood.js";
import { hyp2f1 } from "./hyp2f1.js";

// Within this of a = 1 the factor C/(a−1) and 1 − 2F1 are 0/0 together: the
// expectation is then interpolated between a = 1 ± NEAR_ONE (error O(NEAR_ONE²)).
const NEAR_ONE = 1e-5;

/**
 * The expected number of events in the next t of a subject still alive after
 * (x, T), before the factor P(alive): for the BG/NBD (Fader, Hardie & Lee 2005,
 * eq. 10) and MBG/NBD (Batislam et al. 2007; Wagner & Hoppe 2008)
 *
 *   C/(a−1) · (1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x+k; C; t/(α+T+t))),  C = a+b+x+k−1,
 *
 * computed with Pfaff's transformation as C/(a−1) · (1 − 2F1(r+x, a−1; C; −t/(α+T))),
 * whose 2F1 lies between 0 and a few units however large x or t.
 */
export function betaGeometricExpected(
  [r, alpha, a, b]: readonly [number, number, number, number],
  dropout: DropoutAtStart,
  x: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  const at = (shape: number) => {
    const c = shape + b + x + dropout - 1;
    return (c / (shape - 1)) * (1 - hyp2f1(r + x, shape - 1, c, -t / (alpha + T)));
  };
  if (Math.abs(a - 1) >= NEAR_ONE) return at(a);
  const [below, above] = [at(1 - NEAR_ONE), at(1 + NEAR_ONE)];
  return below + ((above - below) * (a - (1 - NEAR_ONE))) / (2 * NEAR_ONE);
}
