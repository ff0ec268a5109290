/**
 * The lower-triangular L with LLᵀ = A of a symmetric matrix (only its lower triangle
 * is read), or undefined when A is not positive definite in floating point.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const row = lower[i] as number[];
    for (let j = 0; j <= i; j++) {
      const other = lower[j] as number[];
      let sum = a[i]?.[j] ?? Number.NaN;
      for (let k = 0; k < j; k++) sum -= (row[k] ?? 0) * (other[k] ?? 0);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        row[i] = Math.sqrt(sum);
      } else {
        row[j] = sum / (other[j] ?? Number.NaN);
      }
    }
  }
  return lower;
}

/** x with LLᵀx = b, by forward then back substitution. */
export function choleskySolve(
  lower: readonly (readonly number[])[],
  b: readonly number[],
): number[] {
  const n = lower.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (lower[i]?.[k] ?? 0) * (y[k] ?? 0);
    y[i] = sum / (lower[i]?.[i] ?? Number.NaN);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) sum -= (lower[k]?.[i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (lower[i]?.[i] ?? Number.NaN);
  }
  return x;
}

/** The diagonal of A⁻¹ from A's Cholesky factor: (A⁻¹)ᵢᵢ = Σₖ (L⁻¹)ₖᵢ². */
export function choleskyInverseDiagonal(lower: readonly (readonly number[])[]): number[] {
  const n = lower.length;
  const diagonal = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    // Column i of L⁻¹ by forward substitution; it is zero above row i.
    const column = new Array<number>(n).fill(0);
    for (let k = i; k < n; k++) {
      let sum = k === i ? 1 : 0;
      for (let m = i; m < k; m++) sum -= (lower[k]?.[m] ?? 0) * (column[m] ?? 0);
      column[k] = sum / (lower[k]?.[k] ?? Number.NaN);
      diagonal[i] = (diagonal[i] ?? 0) + (column[k] ?? 0) ** 2;
    }
  }
  return diagonal;
}
