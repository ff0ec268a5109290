/** Users sharing one covariate pattern: the row of the design, how many, how many succeeded. */
export interface CovariatePattern {
  /** One entry per column (not the intercept): 1 when the pattern has the value, else 0. */
  x: readonly number[];
  trials: number;
  successes: number;
}

/**
 * Patterns as the fit reads them, packed row after row: the entries of row r, at
 * start[r] … start[r + 1] − 1, are its non-zero columns (the intercept, column 0, first)
 * with their values. A row of indicators has one entry per dimension, so a pass over
 * the rows costs the entries, not rows × width; flat typed arrays keep it fast at
 * a hundred thousand patterns.
 */
export interface PackedRows {
  count: number;
  start: Int32Array;
  column: Int32Array;
  value: Float64Array;
  trials: Float64Array;
  successes: Float64Array;
}

/**
 * The patterns with trials, packed, with input column j as column j + 1 (the intercept
 * is column 0). Every pattern's `x` has the width of the first.
 */
export function packRows(patterns: readonly CovariatePattern[]): PackedRows {
  const used = patterns.filter((pattern) => pattern.trials > 0);
  const width = patterns[0]?.x.length ?? 0;
  let entries = used.length;
  for (const pattern of used) {
    for (let j = 0; j < width; j++) if ((pattern.x[j] ?? 0) !== 0) entries++;
  }
  const start = new Int32Array(used.length + 1);
  const column = new Int32Array(entries);
  const value = new Float64Array(entries);
  let at = 0;
  for (let r = 0; r < used.length; r++) {
    const x = (used[r] as CovariatePattern).x;
    start[r] = at;
    column[at] = 0;
    value[at++] = 1;
    for (let j = 0; j < width; j++) {
      const v = x[j] ?? 0;
      if (v === 0) continue;
      column[at] = j + 1;
      value[at++] = v;
    }
  }
  start[used.length] = at;
  return {
    count: used.length,
    start,
    column,
    value,
    trials: Float64Array.from(used, (pattern) => pattern.trials),
    successes: Float64Array.from(used, (pattern) => pattern.successes),
  };
}

/**
 * The rows r with keepRow[r] over the columns `columns` (numbers in `rows`, ascending,
 * without the intercept), renumbered 1, 2, … in that order; the intercept stays 0.
 */
export function selectRows(
  rows: PackedRows,
  keepRow: Uint8Array,
  columns: readonly number[],
): PackedRows {
  const renumber = new Int32Array(Math.max(0, ...columns) + 1).fill(-1);
  renumber[0] = 0;
  columns.forEach((c, k) => {
    renumber[c] = k + 1;
  });
  const start = new Int32Array(rows.count + 1);
  const column = new Int32Array(rows.column.length);
  const value = new Float64Array(rows.column.length);
  const trials = new Float64Array(rows.count);
  const successes = new Float64Array(rows.count);
  let count = 0;
  let at = 0;
  for (let r = 0; r < rows.count; r++) {
    if (keepRow[r] !== 1) continue;
    start[count] = at;
    const to = rows.start[r + 1] as number;
    for (let a = rows.start[r] as number; a < to; a++) {
      const c = rows.column[a] as number;
      const k = c < renumber.length ? (renumber[c] as number) : -1;
      if (k < 0) continue;
      column[at] = k;
      value[at++] = rows.value[a] as number;
    }
    trials[count] = rows.trials[r] as number;
    successes[count++] = rows.successes[r] as number;
  }
  start[count] = at;
  return {
    count,
    start: start.subarray(0, count + 1),
    column: column.subarray(0, at),
    value: value.subarray(0, at),
    trials: trials.subarray(0, count),
    successes: successes.subarray(0, count),
  };
}

/**
 * Σ over the rows of w(r)·xᵣxᵣᵀ, a size × size matrix stored flat. A row's entries are
 * in ascending column order, so only the upper triangle is summed, then mirrored.
 */
export function weightedGram(
  rows: PackedRows,
  size: number,
  weight: (r: number) => number,
): Float64Array {
  const gram = new Float64Array(size * size);
  const { start, column, value } = rows;
  for (let r = 0; r < rows.count; r++) {
    const w = weight(r);
    const to = start[r + 1] as number;
    for (let a = start[r] as number; a < to; a++) {
      const wa = w * (value[a] as number);
      const offset = (column[a] as number) * size;
      for (let b = a; b < to; b++) {
        const index = offset + (column[b] as number);
        gram[index] = (gram[index] as number) + wa * (value[b] as number);
      }
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) gram[i * size + j] = gram[j * size + i] as number;
  }
  return gram;
}
