import { cholesky, choleskyInverseDiagonal, choleskySolve } from "./cholesky.js";
import type { SparseRow } from "./logistic-rows.js";

/** The maximum-likelihood fit of a logistic regression (position 0: the intercept). */
export interface NewtonFit {
  coefficients: number[];
  /** √ of the diagonal of the inverse Fisher information at the estimates. */
  standardErrors: number[];
  /** Σ sᵢ·log μᵢ + (nᵢ − sᵢ)·log(1 − μᵢ): one Bernoulli term per user, no binomial coefficient. */
  logLikelihood: number;
  /** μᵢ, the fitted probability of each row. */
  fitted: number[];
  iterations: number;
  converged: boolean;
}

/** log(1 + eˣ) without overflow or loss of digits. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function linearPredictor(row: SparseRow, beta: readonly number[]): number {
  let eta = beta[0] ?? 0;
  for (let k = 0; k < row.columns.length; k++) {
    eta += (beta[row.columns[k] ?? 0] ?? 0) * (row.values[k] ?? 0);
  }
  return eta;
}

function logLikelihood(rows: readonly SparseRow[], beta: readonly number[]): number {
  let sum = 0;
  for (const row of rows) {
    const eta = linearPredictor(row, beta);
    // log μ = −softplus(−η), log(1 − μ) = −softplus(η); a zero count adds nothing, not 0·∞.
    if (row.successes > 0) sum -= row.successes * softplus(-eta);
    const failures = row.trials - row.successes;
    if (failures > 0) sum -= failures * softplus(eta);
  }
  return sum;
}

/** The score vector Xᵀ(s − nμ) and the Fisher information XᵀWX, W = diag(nμ(1 − μ)). */
function scoreAndInformation(rows: readonly SparseRow[], beta: readonly number[]) {
  const size = beta.length;
  const score = new Array<number>(size).fill(0);
  const information = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const row of rows) {
    const eta = linearPredictor(row, beta);
    const mu = 1 / (1 + Math.exp(-eta));
    const weight = row.trials * mu * (1 / (1 + Math.exp(eta)));
    const residual = row.successes - row.trials * mu;
    const columns = [0, ...row.columns];
    const values = [1, ...row.values];
    for (let a = 0; a < columns.length; a++) {
      const i = columns[a] ?? 0;
      const va = values[a] ?? 0;
      score[i] = (score[i] ?? 0) + va * residual;
      const line = information[i] as number[];
      for (let b = 0; b < columns.length; b++) {
        const j = columns[b] ?? 0;
        line[j] = (line[j] ?? 0) + weight * va * (values[b] ?? 0);
      }
    }
  }
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
 * where the weights nμ(1 − μ) vanish, a full step can overshoot by orders of magnitude). The stopping rule is
 * R's, |D − D_old| / (|D| + 0.1) < 1e-10 by default, tighter than statsmodels' absolute
 * 1e-8. `size` counts the intercept; every row's columns must lie in 1 … size − 1, and
 * the columns must be linearly independent over rows with trials, with both successes
 * and failures present (otherwise the information is singular or the optimum infinite).
 */
export function fitNewton(
  rows: readonly SparseRow[],
  size: number,
  options: NewtonOptions = {},
): NewtonFit {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  let beta = options.start ? [...options.start] : new Array<number>(size).fill(0);
  if (!options.start) {
    const trials = rows.reduce((sum, row) => sum + row.trials, 0);
    const successes = rows.reduce((sum, row) => sum + row.successes, 0);
    beta[0] = Math.log(successes / (trials - successes));
  }
  let ll = logLikelihood(rows, beta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const { score, information } = scoreAndInformation(rows, beta);
    const lower = cholesky(information);
    if (!lower) break;
    const step = choleskySolve(lower, score);
    let length = 1;
    let candidate = beta.map((b, i) => b + (step[i] ?? 0));
    let next = logLikelihood(rows, candidate);
    // A rise in deviance beyond rounding (a step that overshoots) is halved.
    for (let halvings = 0; !(next >= ll - 1e-12 * Math.abs(ll)) && halvings < 60; halvings++) {
      length /= 2;
      candidate = beta.map((b, i) => b + length * (step[i] ?? 0));
      next = logLikelihood(rows, candidate);
    }
    if (!(next >= ll - 1e-12 * Math.abs(ll))) break;
    const change = Math.abs(2 * (next - ll)) / (Math.abs(2 * next) + 0.1);
    beta = candidate;
    ll = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const { information } = scoreAndInformation(rows, beta);
  const lower = cholesky(information);
  const variances = lower ? choleskyInverseDiagonal(lower) : beta.map(() => Number.NaN);
  return {
    coefficients: beta,
    standardErrors: variances.map(Math.sqrt),
    logLikelihood: ll,
    fitted: rows.map((row) => 1 / (1 + Math.exp(-linearPredictor(row, beta)))),
    iterations,
    converged,
  };
}
