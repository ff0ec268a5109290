import { lnGamma } from "../gamma.js";
import { betaGeometricAlive } from "./beta-geometric-alive.js";
import { betaGeometricExpected } from "./beta-geometric-expected.js";
import { betaGeometricNegLogLik, prepareBtydData } from "./beta-geometric-likelihood.js";
import type { BtydData } from "./btyd-data.js";
import type { BtydFit, BtydFitOptions } from "./btyd-fit.js";
import { fitBetaGeometric } from "./fit-beta-geometric.js";
import { logAddExp } from "./log-add-exp.js";

/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way"): while alive, events follow a Poisson process with rate λ ~ Gamma(r, α)
 * (α a rate, in the data's time unit); after each repeat event the subject drops
 * out with probability p ~ Beta(a, b).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The log-likelihood of one subject's (x, tx, T) (FHL 2005, eq. 6, in logs). */
export function bgNbdLogLikelihood(
  { r, alpha, a, b }: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const common =
    lnGamma(r + x) -
    lnGamma(r) +
    r * Math.log(alpha) +
    lnGamma(a + b) +
    lnGamma(b + x) -
    lnGamma(b) -
    lnGamma(a + b + x);
  const alive = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + alive;
  return (
    common + logAddExp(alive, Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx))
  );
}

/** The log-likelihood of the data, each triple counted `weights[i]` times. */
export function bgNbdTotalLogLikelihood(params: BgNbdParams, data: BtydData): number {
  return -betaGeometricNegLogLik(prepareBtydData(data), 0, paramList(params));
}

/**
 * Maximum-likelihood BG/NBD parameters with standard errors (see `BtydFit`).
 * Default start r = a = b = 1 and α = max T / 10 (α = 1 after rescaling time so
 * that max T = 10, as lifetimes does); compress the data first
 * (`compressBtydData`) when many subjects share triples.
 */
export function fitBgNbd(
  data: BtydData,
  options: BtydFitOptions<BgNbdParams> = {},
): BtydFit<BgNbdParams> {
  return fitBetaGeometric(data, 0, options);
}

/**
 * P(alive | x, tx, T) (Fader, Hardie & Lee 2008, "Computing P(alive) using the
 * BG/NBD model"): 1 for x = 0, else 1 / (1 + a/(b+x−1) · ((α+T)/(α+tx))^(r+x)).
 */
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  return betaGeometricAlive(paramList(params), 0, x, tx, T);
}

/** E[Y(t) | x, tx, T]: expected events in the next t (FHL 2005, eq. 10). */
export function bgNbdConditionalExpected(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return (
    bgNbdProbabilityAlive(params, x, tx, T) * betaGeometricExpected(paramList(params), 0, x, T, t)
  );
}

/** E[X(t)]: expected repeat events by t after the first, for a new subject (FHL 2005, eq. 9). */
export function bgNbdExpected(params: BgNbdParams, t: number): number {
  return betaGeometricExpected(paramList(params), 0, 0, 0, t);
}

function paramList({ r, alpha, a, b }: BgNbdParams): [number, number, number, number] {
  return [r, alpha, a, b];
}
