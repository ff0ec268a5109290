/** The smallest normal double (C's DBL_MIN); not `Number.MIN_VALUE`, which is subnormal. */
const DBL_MIN = 2.2250738585072014e-308;

/**
 * The equal-width bin edges φK uses for an interval variable whose non-missing values
 * run from lo to hi (phik v0.12.5, `bins=10, quantile=False`; Baak et al. 2019,
 * arXiv:1811.11440). Returns bins + 1 edges: the lowest lies just below lo, so that lo
 * falls in bin 1, and the highest is hi exactly. The arithmetic is phik's, double for
 * double, because data on round grids sit exactly on edges and move with the last bit.
 */
export function phikBinEdges(lo: number, hi: number, bins = 10): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new RangeError(`invalid range for bin edges: [${lo}, ${hi}]`);
  }
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`invalid number of bins: ${bins}; expected a whole number ≥ 1`);
  }
  const start = lo - Math.max(1e-14 * Math.abs(lo), DBL_MIN);
  const step = (hi - start) / bins;
  const edges: number[] = [];
  for (let k = 0; k < bins; k++) edges.push(k * step + start);
  edges.push(hi);
  return edges;
}

/**
 * The bin of v for edges from `phikBinEdges`: the number of edges strictly smaller
 * than v, so bins are closed on the right and numbered from 1. Values from the range
 * the edges were made for land in 1..bins; a value at or below the lowest edge gives 0,
 * one above the highest gives edges.length.
 */
export function phikBin(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] ?? Number.POSITIVE_INFINITY) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
