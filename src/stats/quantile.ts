/**
 * The q-quantile of ascending `sorted` values by linear interpolation between
 * order statistics at position (n − 1)·q: numpy's default `method="linear"`,
 * SQL's `percentile_cont`. NaN for no values or q outside [0, 1].
 */
export function quantileLinear(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return Number.NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const a = sorted[below] ?? Number.NaN;
  const b = sorted[Math.min(below + 1, n - 1)] ?? Number.NaN;
  const t = position - below;
  // numpy's _lerp: interpolate from the nearer end so that t = 1 lands on b exactly.
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** A value and how many times it occurs. */
export interface ValueCount {
  value: number;
  count: number;
}

/**
 * Nearest-rank quantile of counted values in ascending order: the smallest
 * value whose cumulative share of the total count reaches q (numpy
 * `method="inverted_cdf"` on the expanded sample). NaN when the counts sum to
 * zero or q is outside [0, 1].
 */
export function quantileFromCounts(rows: readonly ValueCount[], q: number): number {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (!(total > 0) || !(q >= 0 && q <= 1)) return Number.NaN;
  let cumulative = 0;
  for (const row of rows) {
    if (row.count <= 0) continue;
    cumulative += row.count;
    // cumulative / total rounds to q exactly when the true share equals q.
    if (cumulative / total >= q) return row.value;
  }
  return Number.NaN;
}

/**
 * `quantileLinear` of counted values in ascending order, without expanding them: the order
 * statistics at positions ⌊(n − 1)q⌋ and the next are found by cumulative count.
 */
export function quantileLinearFromCounts(rows: readonly ValueCount[], q: number): number {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (!(total > 0) || !(q >= 0 && q <= 1)) return Number.NaN;
  const position = (total - 1) * q;
  const below = Math.floor(position);
  const a = orderStatistic(rows, below);
  const b = orderStatistic(rows, Math.min(below + 1, total - 1));
  const t = position - below;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** The k-th smallest (0-based) of counted values in ascending order. */
function orderStatistic(rows: readonly ValueCount[], k: number): number {
  let cumulative = 0;
  for (const row of rows) {
    cumulative += row.count;
    if (k < cumulative) return row.value;
  }
  return Number.NaN;
}
