import { groupedAuc } from "./grouped-auc.js";
import { findAliased } from "./logistic-collinearity.js";
import { fitNewton } from "./logistic-newton.js";
import { type CovariatePattern, packRows, selectRows } from "./logistic-rows.js";
import { findSeparation } from "./logistic-separation.js";
import { normalSf } from "./normal.js";

/**
 * Why a column has an estimate or not: `separated` (its users all succeeded or all
 * failed; they are left out of the fit), `collinear` (a linear combination of earlier
 * columns), `empty` (no users left in the fit).
 */
export type CoefficientStatus = "estimated" | "separated" | "collinear" | "empty";

/** One coefficient on the log-odds scale; the numbers are null unless it was estimated. */
export interface LogisticCoefficient {
  status: CoefficientStatus;
  estimate: number | null;
  standardError: number | null;
  /** Wald z = estimate / standard error, with its two-sided p-value. */
  z: number | null;
  pValue: number | null;
}

/** A logistic regression fitted by maximum likelihood on covariate patterns. */
export interface LogisticRegression {
  intercept: LogisticCoefficient;
  /** One per input column, in input order. */
  coefficients: LogisticCoefficient[];
  /** Trials and successes in the fit (separated columns' users left out). */
  n: number;
  successes: number;
  /**
   * Bernoulli log-likelihood, one term per trial, as `Logit` on one row per user (and
   * GLM with freq_weights) report it; statsmodels' GLM on (successes, failures) adds the
   * constant Σ log C(nᵢ, sᵢ), which depends on how users are grouped into patterns.
   */
  logLikelihood: number;
  /** The same for the intercept-only model on the same trials. */
  nullLogLikelihood: number;
  /** McFadden's pseudo-R² = 1 − ll / ll₀. */
  mcfaddenR2: number;
  /** Area under the ROC curve of the fitted probabilities over the trials in the fit. */
  auc: number;
  /** Newton steps taken. */
  iterations: number;
  /**
   * false when Newton stopped before the deviance settled. Estimates then running large
   * point to separation by a combination of columns, which the one-column check cannot see.
   */
  converged: boolean;
}

function estimated(estimate: number, standardError: number): LogisticCoefficient {
  const z = estimate / standardError;
  return {
    status: "estimated",
    estimate,
    standardError,
    z,
    pValue: Math.min(1, 2 * normalSf(Math.abs(z))),
  };
}

function absent(status: CoefficientStatus): LogisticCoefficient {
  return { status, estimate: null, standardError: null, z: null, pValue: null };
}

/** Σ s·log p + f·log(1 − p) at p = s/n, the maximum of the intercept-only model. */
function interceptOnlyLogLikelihood(trials: number, successes: number): number {
  const failures = trials - successes;
  return successes * Math.log(successes / trials) + failures * Math.log(failures / trials);
}

/**
 * Logistic regression of successes on indicator columns with an intercept, by maximum
 * likelihood on grouped data (each pattern's trials and successes), as ANALYSIS.md §13
 * specifies: the same estimates, standard errors and log-likelihood as statsmodels'
 * `GLM(y, X, family=Binomial(), freq_weights=w)` on one row per user. First columns
 * whose users all succeeded or all failed are set aside with their users
 * (`findSeparation`), then columns that are combinations of earlier ones
 * (`findAliased`); the rest are fitted by Newton–Raphson (`fitNewton`). Standard errors
 * are the inverse Fisher information; Wald p-values two-sided. `x` has the same width
 * in every pattern. null when the trials left have no success or no failure: there is
 * nothing to explain.
 */
export function fitLogisticRegression(
  patterns: readonly CovariatePattern[],
): LogisticRegression | null {
  const width = patterns[0]?.x.length ?? 0;
  const all = packRows(patterns);
  const { separated, keepRow } = findSeparation(all, width);
  const columns = Array.from({ length: width }, (_, j) => j + 1);
  const rows = selectRows(all, keepRow, columns);
  const status = findAliased(rows, width).map((state, j): CoefficientStatus => {
    if (separated[j]) return "separated";
    return state === "kept" ? "estimated" : state;
  });
  const n = rows.trials.reduce((sum, count) => sum + count, 0);
  const successes = rows.successes.reduce((sum, count) => sum + count, 0);
  if (!(successes > 0 && successes < n)) return null;
  const keep = status.flatMap((state, j) => (state === "estimated" ? [j] : []));
  const fit = fitNewton(
    selectRows(
      rows,
      new Uint8Array(rows.count).fill(1),
      keep.map((j) => j + 1),
    ),
    keep.length + 1,
  );
  const coefficients = status.map(absent);
  keep.forEach((column, index) => {
    coefficients[column] = estimated(
      fit.coefficients[index + 1] ?? Number.NaN,
      fit.standardErrors[index + 1] ?? Number.NaN,
    );
  });
  const nullLogLikelihood = interceptOnlyLogLikelihood(n, successes);
  const auc = groupedAuc(
    Array.from(fit.fitted, (score, r) => ({
      score,
      positives: rows.successes[r] as number,
      negatives: (rows.trials[r] as number) - (rows.successes[r] as number),
    })),
  );
  return {
    intercept: estimated(fit.coefficients[0] ?? Number.NaN, fit.standardErrors[0] ?? Number.NaN),
    coefficients,
    n,
    successes,
    logLikelihood: fit.logLikelihood,
    nullLogLikelihood,
    mcfaddenR2: 1 - fit.logLikelihood / nullLogLikelihood,
    auc,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
