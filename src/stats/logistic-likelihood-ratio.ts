import { chiSquareSf } from "./chi-square.js";
import { fitNewton } from "./logistic-newton.js";
import type { LogisticRegression } from "./logistic-regression.js";
import { type CovariatePattern, sparseRows } from "./logistic-rows.js";

/** A likelihood-ratio test: 2·(ll_full − ll_reduced) against χ² with `df` degrees of freedom. */
export interface LikelihoodRatioTest {
  chi2: number;
  df: number;
  pValue: number;
}

/**
 * The likelihood-ratio test of dropping the columns `drop` from a fitted model: the
 * model is refitted on the same trials (the separated columns' users still left out)
 * with the estimated columns other than `drop`, and df counts the dropped columns that
 * had an estimate (ANALYSIS.md §13: "the columns it has in the model"). A column left
 * out of the full model as collinear stays out of the refit, so a city equal to its
 * region leaves the region's test as it was. null when none of `drop` was estimated.
 * As `anova` of two nested statsmodels/R GLMs; χ² is clamped at 0 against rounding.
 */
export function logisticLikelihoodRatio(
  patterns: readonly CovariatePattern[],
  fit: LogisticRegression,
  drop: readonly number[],
): LikelihoodRatioTest | null {
  const dropped = new Set(drop);
  const status = fit.coefficients.map((coefficient) => coefficient.status);
  const df = status.filter((state, j) => state === "estimated" && dropped.has(j)).length;
  if (df === 0) return null;
  const rows = patterns.filter((pattern) =>
    status.every((state, j) => state !== "separated" || (pattern.x[j] ?? 0) === 0),
  );
  const keep = status.flatMap((state, j) => (state === "estimated" && !dropped.has(j) ? [j] : []));
  const start = [
    fit.intercept.estimate ?? 0,
    ...keep.map((j) => fit.coefficients[j]?.estimate ?? 0),
  ];
  const reduced = fitNewton(sparseRows(rows, keep), keep.length + 1, { start });
  const chi2 = Math.max(0, 2 * (fit.logLikelihood - reduced.logLikelihood));
  return { chi2, df, pValue: chiSquareSf(chi2, df) };
}
