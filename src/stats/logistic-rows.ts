/** Users sharing one covariate pattern: the row of the design, how many, how many succeeded. */
export interface CovariatePattern {
  /** One entry per column (not the intercept): 1 when the pattern has the value, else 0. */
  x: readonly number[];
  trials: number;
  successes: number;
}

/**
 * A pattern as the fit reads it: the positions of its non-zero columns and their values
 * (a row of indicators has one per dimension, so sums over rows cost that, not the width).
 */
export interface SparseRow {
  columns: number[];
  values: number[];
  trials: number;
  successes: number;
}

/**
 * The patterns with trials, as sparse rows over the columns `keep` (their positions in
 * the input), renumbered 1, 2, … in that order; position 0 is left for the intercept.
 */
export function sparseRows(
  patterns: readonly CovariatePattern[],
  keep: readonly number[],
): SparseRow[] {
  const rows: SparseRow[] = [];
  for (const pattern of patterns) {
    if (!(pattern.trials > 0)) continue;
    const row: SparseRow = {
      columns: [],
      values: [],
      trials: pattern.trials,
      successes: pattern.successes,
    };
    keep.forEach((column, index) => {
      const value = pattern.x[column] ?? 0;
      if (value === 0) return;
      row.columns.push(index + 1);
      row.values.push(value);
    });
    rows.push(row);
  }
  return rows;
}
