/** Options of `numericHessian`. */
export interface HessianOptions {
  /** ∇f: differenced once (more accurate) instead of differencing f twice. */
  gradient?: (x: readonly number[]) => number[];
  /** Step for coordinate i: this times |xᵢ| (times 1 when xᵢ = 0). Default 1e-5 with a gradient, 1e-4 without. */
  relativeStep?: number;
}

/**
 * The matrix of second derivatives of f at x by central differences, of the
 * gradient when one is given, else of f itself; symmetrized.
 */
export function numericHessian(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  options: HessianOptions = {},
): number[][] {
  const { gradient } = options;
  const relative = options.relativeStep ?? (gradient ? 1e-5 : 1e-4);
  const steps = x.map((v) => relative * (Math.abs(v) || 1));
  const shifted = (moves: [number, number][]) =>
    x.map((v, i) => moves.reduce((sum, [j, h]) => (j === i ? sum + h : sum), v));
  const n = x.length;
  const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const hj = steps[j] ?? 0;
    if (gradient) {
      const up = gradient(shifted([[j, hj]]));
      const down = gradient(shifted([[j, -hj]]));
      for (let i = 0; i < n; i++) {
        const row = h[i] as number[];
        row[j] = ((up[i] ?? 0) - (down[i] ?? 0)) / (2 * hj);
      }
      continue;
    }
    for (let i = 0; i <= j; i++) {
      const hi = steps[i] ?? 0;
      const value = (moves: [number, number][]) => f(shifted(moves));
      const second =
        (value([
          [i, hi],
          [j, hj],
        ]) -
          value([
            [i, hi],
            [j, -hj],
          ]) -
          value([
            [i, -hi],
            [j, hj],
          ]) +
          value([
            [i, -hi],
            [j, -hj],
          ])) /
        (4 * hi * hj);
      (h[i] as number[])[j] = second;
      (h[j] as number[])[i] = second;
    }
  }
  // Differences of a gradient are not exactly symmetric: average the two halves.
  return h.map((row, i) => row.map((v, j) => (v + (h[j]?.[i] ?? 0)) / 2));
}
