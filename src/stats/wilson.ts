/** A two-sided confidence interval for a proportion. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for `successes` out of `n` (Wilson 1927; the same as
 * statsmodels `proportion_confint(method="wilson")`), by default at 95% with
 * z = 1.959964. The bounds are clamped to [0, 1]; n = 0 gives NaN for both.
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): Interval {
  if (!(n > 0)) return { low: Number.NaN, high: Number.NaN };
  const z2 = z * z;
  // (x + z²/2 ± z·√(x(n−x)/n + z²/4)) / (n + z²): exact 0 at x = 0 and 1 at x = n.
  const centre = successes + z2 / 2;
  const half = z * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  return {
    low: Math.max(0, (centre - half) / (n + z2)),
    high: Math.min(1, (centre + half) / (n + z2)),
  };
}
