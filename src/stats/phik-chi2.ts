/**
 * Sum in the order numpy's pairwise summation uses (blocks of 8 accumulators up to
 * 128 terms, halving above that), so the χ² agrees with phik's to the last bit;
 * that decides, for instance, whether a perfect association reaches χ²_max.
 */
function pairwiseSum(a: readonly number[], from: number, count: number): number {
  if (count < 8) {
    let sum = 0;
    for (let i = from; i < from + count; i++) sum += a[i] ?? 0;
    return sum;
  }
  if (count <= 128) {
    const r = a.slice(from, from + 8);
    let i = 8;
    for (; i < count - (count % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = (r[j] ?? 0) + (a[from + i + j] ?? 0);
    }
    const [r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0] = r;
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < count; i++) sum += a[from + i] ?? 0;
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, count - half);
}

/**
 * Pearson's χ² statistic of a contingency table against independence, with Yates'
 * continuity correction on 2×2 tables only (each count moved towards its expected value
 * by at most ½): what the `phik` package v0.12.5 takes as the observed χ² of φK (Baak
 * et al. 2019, arXiv:1811.11440), via `scipy.stats.chi2_contingency(…, lambda_="pearson")`.
 * The table must have no empty row or column; counts need not be whole numbers.
 */
export function phikChi2(table: readonly (readonly number[])[]): number {
  const rows = table.length;
  const cols = table[0]?.length ?? 0;
  const rowTotals = table.map((row) => row.reduce((sum, v) => sum + v, 0));
  const colTotals = Array.from({ length: cols }, (_, j) =>
    table.reduce((sum, row) => sum + (row[j] ?? 0), 0),
  );
  const n = rowTotals.reduce((sum, v) => sum + v, 0);
  const yates = rows === 2 && cols === 2;
  const terms: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const expected = ((rowTotals[i] ?? 0) * (colTotals[j] ?? 0)) / n;
      let observed = table[i]?.[j] ?? 0;
      if (yates) {
        const diff = expected - observed;
        observed += Math.min(0.5, Math.abs(diff)) * Math.sign(diff);
      }
      terms.push((observed - expected) ** 2 / expected);
    }
  }
  return pairwiseSum(terms, 0, terms.length);
}
