import { normalSf } from "./normal.js";

/** One group of a trend test: `successes` out of `trials`, at position `score`. */
export interface TrendGroup {
  successes: number;
  trials: number;
  score: number;
}

/** The Cochran–Armitage test for a linear trend in proportions. */
export interface TrendTest {
  /** Signed deviate: positive when the proportion rises with the score. */
  z: number;
  /** z², the X-squared of R's `prop.trend.test`, with 1 degree of freedom. */
  chi2: number;
  /** Two-sided: P(χ²₁ > z²) = 2·normalSf(|z|). */
  pValue: number;
}

/**
 * The Cochran–Armitage test for trend (Cochran 1954, Armitage 1955), exactly the
 * statistic of R's `prop.trend.test(x, n, score)`: R fits the weighted regression
 * lm(x/n ~ score, weights = n/(p(1−p))) with p = Σx/Σn and takes the regression sum
 * of squares of `score` as X-squared, which in closed form is
 *
 *   z = Σ (xᵢ − nᵢp)(sᵢ − s̄) / √(p(1−p)·Σ nᵢ(sᵢ − s̄)²),  s̄ = Σ nᵢsᵢ / Σ nᵢ.
 *
 * Groups with no trials carry no weight (R drops them as NA). `null` when there is
 * nothing to test: fewer than two non-empty groups, or all of them at one score. No
 * or only successes (zero pooled variance, where R fails on infinite weights) gives
 * z = 0, p = 1, as the two-proportion z-test does (ANALYSIS.md §11.8).
 */
export function cochranArmitage(groups: readonly TrendGroup[]): TrendTest | null {
  const used = groups.filter((group) => group.trials > 0);
  const trials = used.reduce((sum, group) => sum + group.trials, 0);
  const successes = used.reduce((sum, group) => sum + group.successes, 0);
  const meanScore = used.reduce((sum, group) => sum + group.trials * group.score, 0) / trials;
  if (new Set(used.map((group) => group.score)).size < 2) return null;
  let spread = 0;
  for (const group of used) spread += group.trials * (group.score - meanScore) ** 2;
  const p = successes / trials;
  const variance = p * (1 - p) * spread;
  if (!(variance > 0)) return { z: 0, chi2: 0, pValue: 1 };
  let covariance = 0;
  for (const group of used) {
    covariance += (group.successes - group.trials * p) * (group.score - meanScore);
  }
  const z = covariance / Math.sqrt(variance);
  return { z, chi2: z * z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
