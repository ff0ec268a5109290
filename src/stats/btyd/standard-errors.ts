/**
 * Asymptotic standard errors of maximum-likelihood estimates: the square roots
 * of the diagonal of the inverse of the Hessian of the negative log-likelihood
 * at the optimum (the observed information). All NaN when the Hessian is not
 * positive definite (not a strict minimum).
 */
export function standardErrors(hessian: readonly (readonly number[])[]): number[] {
  const n = hessian.length;
  const lower = cholesky(hessian);
  if (!lower) return new Array<number>(n).fill(Number.NaN);
  // (H⁻¹)ᵢᵢ = Σₖ (L⁻¹)ₖᵢ², with L⁻¹ by forward substitution.
  const variances = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const column = new Array<number>(n).fill(0);
    for (let k = i; k < n; k++) {
      let sum = k === i ? 1 : 0;
      for (let m = i; m < k; m++) sum -= (lower[k]?.[m] ?? 0) * (column[m] ?? 0);
      column[k] = sum / (lower[k]?.[k] ?? Number.NaN);
      variances[i] = (variances[i] ?? 0) + (column[k] ?? 0) ** 2;
    }
  }
  return variances.map(Math.sqrt);
}

/** The lower-triangular L with LLᵀ = A, or undefined when A is not positive definite. */
function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]?.[j] ?? Number.NaN;
      for (let k = 0; k < j; k++) sum -= (lower[i]?.[k] ?? 0) * (lower[j]?.[k] ?? 0);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        (lower[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (lower[i] as number[])[j] = sum / (lower[j]?.[j] ?? Number.NaN);
      }
    }
  }
  return lower;
}
