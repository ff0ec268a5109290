import { regularizedGammaQ } from "./gamma.js";

/** Upper tail P(X > x) of the χ² distribution with `dof` degrees of freedom (`scipy.stats.chi2.sf`). */
export function chiSquareSf(x: number, dof: number): number {
  if (!(dof > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

/** Pearson's χ² test of independence of a contingency table, with Cramér's V. */
export interface ChiSquareTest {
  chi2: number;
  dof: number;
  pValue: number;
  /** √(χ² / (n·(min(rows, columns) − 1))), without bias correction; NaN when undefined. */
  cramersV: number;
}

/**
 * Pearson's χ² test of independence without Yates' correction, as
 * `scipy.stats.chi2_contingency(table, correction=False)`, with Cramér's V as
 * `scipy.stats.contingency.association(table, method="cramer")`. Rows and
 * columns whose counts are all zero are dropped first (scipy refuses them);
 * with fewer than two non-empty rows or columns nothing can be tested: χ² = 0,
 * dof = 0, p = 1 and Cramér's V NaN.
 */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareTest {
  const width = Math.max(0, ...table.map((row) => row.length));
  const rowSums = table.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnSums = Array.from({ length: width }, (_, j) =>
    table.reduce((sum, row) => sum + (row[j] ?? 0), 0),
  );
  const rows = rowSums.flatMap((sum, i) => (sum > 0 ? [i] : []));
  const columns = columnSums.flatMap((sum, j) => (sum > 0 ? [j] : []));
  if (rows.length < 2 || columns.length < 2) {
    return { chi2: 0, dof: 0, pValue: 1, cramersV: Number.NaN };
  }
  const total = rowSums.reduce((sum, count) => sum + count, 0);
  let chi2 = 0;
  for (const i of rows) {
    for (const j of columns) {
      const expected = ((rowSums[i] ?? 0) * (columnSums[j] ?? 0)) / total;
      const diff = (table[i]?.[j] ?? 0) - expected;
      chi2 += (diff * diff) / expected;
    }
  }
  const dof = (rows.length - 1) * (columns.length - 1);
  const k = Math.min(rows.length, columns.length) - 1;
  return { chi2, dof, pValue: chiSquareSf(chi2, dof), cramersV: Math.sqrt(chi2 / (total * k)) };
}
