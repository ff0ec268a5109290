import { numericHessian } from "./hessian.js";
import { minimizeBfgs } from "./minimize-bfgs.js";
import { standardErrors } from "./standard-errors.js";

/**
 * A negative log-likelihood summed over the data, as a function of positive
 * parameters θ; writes ∂/∂θ into `gradient` when given one.
 */
export type NegLogLik = (theta: readonly number[], gradient?: number[]) => number;

/** The estimates of `maximumLikelihood`, with their standard errors. */
export interface MaximumLikelihoodFit {
  estimates: number[];
  /** From the inverse of the observed information; NaN when the optimum is not a strict minimum. */
  standardErrors: number[];
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

const MAX_RUNS = 4;

/**
 * Maximum-likelihood estimates of positive parameters: BFGS over their
 * logarithms (which keeps them positive and puts them on one scale), on the
 * negative log-likelihood divided by `totalWeight` (so tolerances do not depend
 * on the sample size), restarted from its own result until a run no longer
 * improves it. Standard errors from the numeric Hessian of the negative
 * log-likelihood in the natural parameters, at the optimum.
 */
export function maximumLikelihood(
  negLogLik: NegLogLik,
  start: readonly number[],
  totalWeight: number,
  maxIterations = 500,
): MaximumLikelihoodFit {
  let cache: { at: readonly number[]; value: number; gradient: number[] } | undefined;
  const evaluate = (logTheta: readonly number[]) => {
    if (cache?.at.every((v, i) => v === logTheta[i])) return cache;
    const theta = logTheta.map(Math.exp);
    const gradient: number[] = [];
    const value = negLogLik(theta, gradient) / totalWeight;
    cache = {
      at: [...logTheta],
      value,
      gradient: gradient.map((g, i) => (g * (theta[i] ?? 0)) / totalWeight),
    };
    return cache;
  };
  const f = (logTheta: readonly number[]) => {
    const { value } = evaluate(logTheta);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const gradient = (logTheta: readonly number[]) => evaluate(logTheta).gradient;
  let result = minimizeBfgs(f, start.map(Math.log), { gradient, maxIterations });
  let iterations = result.iterations;
  for (let run = 1; run < MAX_RUNS; run++) {
    const again = minimizeBfgs(f, result.x, { gradient, maxIterations });
    iterations += again.iterations;
    const improved = result.value - again.value > 1e-12 * Math.abs(result.value);
    result = again.value <= result.value ? again : result;
    if (!improved) break;
  }
  const estimates = result.x.map(Math.exp);
  const naturalGradient = (theta: readonly number[]) => {
    const g: number[] = [];
    negLogLik(theta, g);
    return g;
  };
  const hessian = numericHessian((theta) => negLogLik(theta), estimates, {
    gradient: naturalGradient,
  });
  return {
    estimates,
    standardErrors: standardErrors(hessian),
    logLikelihood: -negLogLik(estimates),
    iterations,
    converged: result.converged,
  };
}
