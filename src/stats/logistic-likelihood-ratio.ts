import { chiSquareSf } from "./chi-square.js";
import { fitNewton } from "./logistic-newton.js";
import type { LogisticRegression } from "./logistic-regression.js";
import { type CovariatePattern, packRows, selectRows } from "./logistic-rows.js";

/** A likelihood-ratio test: 2·(ll_full − ll_reduced) against χ² with `df` degrees of freedom. */
export interface LikelihoodRatioTest {
  chi2: number;
  df: number;
  pValue: number;
}

/**
 * Likelihood-ratio tests of dropping each set of columns in `drops` from a fitted
 * model: the model is refitted on the same trials (the separated columns' users still
 * left out) with the estimated columns other than the set, and df counts the set's
 * columns that had an estimate (ANALYSIS.md §13: "the columns it has in the model"). A
 * column left out of the full model as collinear stays out of the refit, so a city equal
 * to its region leaves the region's test as it was. null for a set with no estimated
 * column. As `anova` of two nested statsmodels/R GLMs; χ² is clamped at 0 against
 * rounding. The patterns are those the model was fitted on.
 */
export function logisticLikelihoodRatios(
  patterns: readonly CovariatePattern[],
  fit: LogisticRegression,
  drops: readonly (readonly number[])[],
): (LikelihoodRatioTest | null)[] {
  const status = fit.coefficients.map((coefficient) => coefficient.status);
  const estimated = status.flatMap((state, j) => (state === "estimated" ? [j] : []));
  const all = packRows(patterns);
  const keepRow = new Uint8Array(all.count).fill(1);
  for (let r = 0; r < all.count; r++) {
    for (let a = all.start[r] as number; a < (all.start[r + 1] as number); a++) {
      if (status[(all.column[a] as number) - 1] === "separated") keepRow[r] = 0;
    }
  }
  const rows = selectRows(
    all,
    keepRow,
    estimated.map((j) => j + 1),
  );
  const everyRow = new Uint8Array(rows.count).fill(1);
  return drops.map((drop) => {
    const dropped = new Set(drop);
    const df = estimated.filter((j) => dropped.has(j)).length;
    if (df === 0) return null;
    // Positions 1 … m in `rows` follow `estimated`.
    const keep = estimated.flatMap((j, k) => (dropped.has(j) ? [] : [k + 1]));
    const start = [
      fit.intercept.estimate ?? 0,
      ...keep.map((k) => fit.coefficients[estimated[k - 1] ?? -1]?.estimate ?? 0),
    ];
    const reduced = fitNewton(selectRows(rows, everyRow, keep), keep.length + 1, { start });
    const chi2 = Math.max(0, 2 * (fit.logLikelihood - reduced.logLikelihood));
    return { chi2, df, pValue: chiSquareSf(chi2, df) };
  });
}

/** The likelihood-ratio test of dropping the columns `drop`: `logisticLikelihoodRatios` for one set. */
export function logisticLikelihoodRatio(
  patterns: readonly CovariatePattern[],
  fit: LogisticRegression,
  drop: readonly number[],
): LikelihoodRatioTest | null {
  return logisticLikelihoodRatios(patterns, fit, [drop])[0] ?? null;
}
