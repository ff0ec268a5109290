import {
  betaGeometricNegLogLik,
  type DropoutAtStart,
  prepareBtydData,
} from "./beta-geometric-likelihood.js";
import type { BtydData } from "./btyd-data.js";
import type { BtydFit, BtydFitOptions } from "./btyd-fit.js";
import { maximumLikelihood } from "./maximum-likelihood.js";

/** The parameters shared by the BG/NBD and MBG/NBD. */
export interface BetaGeometricParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Fits r, α, a, b of the BG/NBD (k = 0) or MBG/NBD (k = 1). The default start,
 * r = a = b = 1 and α = max T / 10, is lifetimes' start of 1 for every parameter
 * after its rescaling of time to max T = 10.
 */
export function fitBetaGeometric(
  data: BtydData,
  dropout: DropoutAtStart,
  options: BtydFitOptions<BetaGeometricParams>,
): BtydFit<BetaGeometricParams> {
  const prepared = prepareBtydData(data);
  if (!(prepared.totalWeight > 0))
    throw new RangeError("invalid data: no subjects to fit (total weight 0)");
  const longest = prepared.Ts[prepared.Ts.length - 1] ?? 0;
  const { r, alpha, a, b } = options.initial ?? {
    r: 1,
    alpha: longest > 0 ? longest / 10 : 1,
    a: 1,
    b: 1,
  };
  const fit = maximumLikelihood(
    (theta, gradient) => betaGeometricNegLogLik(prepared, dropout, theta, gradient),
    [r, alpha, a, b],
    prepared.totalWeight,
    options.maxIterations,
  );
  const named = ([r, alpha, a, b]: number[]) => ({
    r: r ?? Number.NaN,
    alpha: alpha ?? Number.NaN,
    a: a ?? Number.NaN,
    b: b ?? Number.NaN,
  });
  return {
    params: named(fit.estimates),
    standardErrors: named(fit.standardErrors),
    logLikelihood: fit.logLikelihood,
    n: prepared.totalWeight,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
