import { cholesky, choleskyInverseDiagonal, choleskySolve } from "./cholesky.js";
import { type PackedRows, weightedGram } from "./logistic-rows.js";

/** The maximum-likelihood fit of a logistic regression (position 0: the intercept). */
export interface NewtonFit {
  coefficients: number[];
  /** √ of the diagonal of the inverse Fisher information at the estimates. */
  standardErrors: number[];
  /** Σ sᵢ·log μᵢ + (nᵢ − sᵢ)·log(1 − μᵢ): one Bernoulli term per user, no binomial coefficient. */
  logLikelihood: number;
  /** μᵢ, the fitted probability of each row. */
  fitted: Float64Array;
  iterations: number;
  converged: boolean;
}

/** log(1 + eˣ) without overflow or loss of digits. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function linearPredictors(rows: PackedRows, beta: readonly number[]): Float64Array {
  const eta = new Float64Array(rows.count);
  const { start, column, value } = rows;
  for (let r = 0; r < rows.count; r++) {
    let sum = 0;
    for (let a = start[r] as number; a < (start[r + 1] as number); a++) {
      sum += (beta[column[a] as number] as number) * (value[a] as number);
    }
    eta[r] = sum;
  }
  return eta;
}

/** The log-likelihood at the linear predictors `eta` of the rows. */
function logLikelihood(rows: PackedRows, eta: Float64Array): number {
  let sum = 0;
  for (let r = 0; r < rows.count; r++) {
    const successes = rows.successes[r] as number;
    const failures = (rows.trials[r] as number) - successes;
    // log μ = −softplus(−η), log(1 − μ) = −softplus(η); a zero count adds nothing, not 0·∞.
    if (successes > 0) sum -= successes * softplus(-(eta[r] as number));
    if (failures > 0) sum -= failures * softplus(eta[r] as number);
  }
  return sum;
}

/** The score vector Xᵀ(s − nμ) and the Fisher information XᵀWX, W = diag(nμ(1 − μ)). */
function scoreAndInformation(rows: PackedRows, size: number, eta: Float64Array) {
  const weight = new Float64Array(rows.count);
  const score = new Array<number>(size).fill(0);
  for (let r = 0; r < rows.count; r++) {
    const e = eta[r] as number;
    const mu = 1 / (1 + Math.exp(-e));
    const trials = rows.trials[r] as number;
    weight[r] = trials * mu * (1 / (1 + Math.exp(e)));
    const residual = (rows.successes[r] as number) - trials * mu;
    for (let a = rows.start[r] as number; a < (rows.start[r + 1] as number); a++) {
      const j = rows.column[a] as number;
      score[j] = (score[j] as number) + (rows.value[a] as number) * residual;
    }
  }
  const flat = weightedGram(rows, size, (r) => weight[r] as number);
  const information = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => flat[i * size + j] as number),
  );
  return { score, information };
}

/** Options of `fitNewton`. */
export interface NewtonOptions {
  /** Stop when |D − D_old| / (|D| + 0.1) falls below this, D the deviance −2·ll. */
  tolerance?: number;
  maxIterations?: number;
  /** Starting coefficients; default: the intercept at the logit of the overall share, the rest 0. */
  start?: readonly number[];
}

/**
 * Maximum likelihood by Newton's method, which for the logit link is Fisher scoring and
 * IRLS (the iteration of R's `glm.fit` and statsmodels' `GLM.fit(method="irls")`): each
 * step solves I(β)δ = U(β) by Cholesky. If the deviance rises the step is halved, up to
 * 60 times (R's `glm.fit` halves only for a non-finite deviance; far from the optimum,
 * where the weights nμ(1 − μ) vanish, a full step can overshoot by orders of magnitude).
 * The stopping rule is R's, |D − D_old| / (|D| + 0.1) < 1e-10 by default, tighter than
 * statsmodels' absolute 1e-8. `size` counts the intercept; the columns must be linearly
 * independent over the rows, with both successes and failures present (otherwise the
 * information is singular or the optimum infinite).
 */
export function fitNewton(rows: PackedRows, size: number, options: NewtonOptions = {}): NewtonFit {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  let beta = options.start ? [...options.start] : new Array<number>(size).fill(0);
  if (!options.start) {
    const trials = rows.trials.reduce((sum, n) => sum + n, 0);
    const successes = rows.successes.reduce((sum, s) => sum + s, 0);
    beta[0] = Math.log(successes / (trials - successes));
  }
  // The linear predictors of `beta`, kept from its log-likelihood for the next step's score.
  let eta = linearPredictors(rows, beta);
  let ll = logLikelihood(rows, eta);
  let iterations = 0;
  let converged = false;
  // A fall in log-likelihood beyond rounding.
  const worse = (next: number) => !(next >= ll - 1e-12 * Math.abs(ll));
  while (iterations < maxIterations) {
    iterations++;
    const { score, information } = scoreAndInformation(rows, beta.length, eta);
    const lower = cholesky(information);
    if (!lower) break;
    const step = choleskySolve(lower, score);
    let length = 1;
    let candidate = beta.map((b, i) => b + (step[i] ?? 0));
    let candidateEta = linearPredictors(rows, candidate);
    let next = logLikelihood(rows, candidateEta);
    for (let halvings = 0; worse(next) && halvings < 60; halvings++) {
      length /= 2;
      candidate = beta.map((b, i) => b + length * (step[i] ?? 0));
      candidateEta = linearPredictors(rows, candidate);
      next = logLikelihood(rows, candidateEta);
    }
    if (worse(next)) break;
    const change = Math.abs(2 * (next - ll)) / (Math.abs(2 * next) + 0.1);
    beta = candidate;
    eta = candidateEta;
    ll = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const { information } = scoreAndInformation(rows, beta.length, eta);
  const lower = cholesky(information);
  const variances = lower ? choleskyInverseDiagonal(lower) : beta.map(() => Number.NaN);
  const fitted = eta.map((e) => 1 / (1 + Math.exp(-e)));
  return {
    coefficients: beta,
    standardErrors: variances.map(Math.sqrt),
    logLikelihood: ll,
    fitted,
    iterations,
    converged,
  };
}
