import { normalSf } from "./normal.js";

/** Successes out of trials in one group of a 2×2 table. */
export interface Proportion {
  successes: number;
  trials: number;
}

/** An odds ratio with its Wald test on the log scale. */
export interface OddsRatioTest {
  oddsRatio: number;
  /** √(1/a + 1/b + 1/c + 1/d), the standard error of log(oddsRatio). */
  standardError: number;
  z: number;
  pValue: number;
}

/**
 * The odds ratio of `group` against `reference` from their 2×2 table, a·d / (b·c) with
 * a, b the group's successes and failures and c, d the reference's, and the two-sided
 * Wald p-value of log(OR) / √(1/a + 1/b + 1/c + 1/d) (Woolf 1955; statsmodels'
 * `Table2x2(…).log_oddsratio_pvalue()` without its zero-cell correction). null when a
 * cell is empty: the odds ratio is then 0 or ∞ (or undefined) and has no Wald test.
 */
export function oddsRatioTest(group: Proportion, reference: Proportion): OddsRatioTest | null {
  const a = group.successes;
  const b = group.trials - group.successes;
  const c = reference.successes;
  const d = reference.trials - reference.successes;
  if (!(a > 0 && b > 0 && c > 0 && d > 0)) return null;
  const logOddsRatio = Math.log(a) - Math.log(b) - Math.log(c) + Math.log(d);
  const standardError = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = logOddsRatio / standardError;
  return {
    oddsRatio: Math.exp(logOddsRatio),
    standardError,
    z,
    pValue: Math.min(1, 2 * normalSf(Math.abs(z))),
  };
}

/** An odds ratio and its p-value, adjusted or not. */
export interface Effect {
  oddsRatio: number;
  pValue: number;
}

/**
 * ANALYSIS.md §13: an adjusted and an unadjusted effect of the same value are
 * `confounded` when both exist and they point in opposite directions (one odds ratio
 * above 1, the other below), or one is significant (p < alpha) and the other not.
 */
export function confounded(
  adjusted: Effect | null,
  unadjusted: Effect | null,
  alpha = 0.05,
): boolean {
  if (!adjusted || !unadjusted) return false;
  const opposite =
    (adjusted.oddsRatio > 1 && unadjusted.oddsRatio < 1) ||
    (adjusted.oddsRatio < 1 && unadjusted.oddsRatio > 1);
  return opposite || adjusted.pValue < alpha !== unadjusted.pValue < alpha;
}
