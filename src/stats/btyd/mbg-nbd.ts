import { lnGamma } from "../gamma.js";
import { betaGeometricAlive } from "./beta-geometric-alive.js";
import { betaGeometricExpected } from "./beta-geometric-expected.js";
import { betaGeometricNegLogLik, prepareBtydData } from "./beta-geometric-likelihood.js";
import type { BtydData } from "./btyd-data.js";
import type { BtydFit, BtydFitOptions } from "./btyd-fit.js";
import { fitBetaGeometric } from "./fit-beta-geometric.js";
import { logAddExp } from "./log-add-exp.js";

/**
 * MBG/NBD parameters (Batislam, Denizel & Filiztekin 2007; Wagner & Hoppe 2008
 * erratum): as the BG/NBD's, but a subject may also drop out at time 0, right
 * after the first event, so one-time subjects are not taken to be alive.
 */
export interface MbgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The log-likelihood of one subject's (x, tx, T), as lifetimes' `ModifiedBetaGeoFitter`. */
export function mbgNbdLogLikelihood(
  { r, alpha, a, b }: MbgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const common =
    lnGamma(r + x) -
    lnGamma(r) +
    r * Math.log(alpha) +
    lnGamma(a + b) +
    lnGamma(b + x + 1) -
    lnGamma(b) -
    lnGamma(a + b + x + 1);
  const alive = -(r + x) * Math.log(alpha + T);
  return common + logAddExp(alive, Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + tx));
}

/** The log-likelihood of the data, each triple counted `weights[i]` times. */
export function mbgNbdTotalLogLikelihood(params: MbgNbdParams, data: BtydData): number {
  return -betaGeometricNegLogLik(prepareBtydData(data), 1, paramList(params));
}

/** Maximum-likelihood MBG/NBD parameters with standard errors; defaults as `fitBgNbd`. */
export function fitMbgNbd(
  data: BtydData,
  options: BtydFitOptions<MbgNbdParams> = {},
): BtydFit<MbgNbdParams> {
  return fitBetaGeometric(data, 1, options);
}

/** P(alive | x, tx, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tx))^(r+x)), below 1 even for x = 0. */
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  return betaGeometricAlive(paramList(params), 1, x, tx, T);
}

/** E[Y(t) | x, tx, T]: expected events in the next t (Wagner & Hoppe 2008). */
export function mbgNbdConditionalExpected(
  params: MbgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return mbgNbdProbabilityAlive(params, x, tx, T) * mbgNbdExpectedIfAlive(params, t, x, T);
}

/**
 * The expected events in the next t of a subject known to be alive: the second factor of
 * `mbgNbdConditionalExpected`, which depends on (x, T) but not tx, so it can be computed once
 * for all subjects that share them.
 */
export function mbgNbdExpectedIfAlive(
  params: MbgNbdParams,
  t: number,
  x: number,
  T: number,
): number {
  return betaGeometricExpected(paramList(params), 1, x, T, t);
}

/**
 * E[X(t)] = b/(a−1) · (1 − (α/(α+t))^r · 2F1(r, b+1; a+b; t/(α+t))): expected repeat
 * events by t after the first, for a new subject.
 */
export function mbgNbdExpected(params: MbgNbdParams, t: number): number {
  return mbgNbdConditionalExpected(params, t, 0, 0, 0);
}

function paramList({ r, alpha, a, b }: MbgNbdParams): [number, number, number, number] {
  return [r, alpha, a, b];
}
