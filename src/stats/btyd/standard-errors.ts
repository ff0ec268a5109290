import { cholesky, choleskyInverseDiagonal } from "../cholesky.js";

/**
 * Asymptotic standard errors of maximum-likelihood estimates: the square roots
 * of the diagonal of the inverse of the Hessian of the negative log-likelihood
 * at the optimum (the observed information). All NaN when the Hessian is not
 * positive definite (not a strict minimum).
 */
export function standardErrors(hessian: readonly (readonly number[])[]): number[] {
  const lower = cholesky(hessian);
  if (!lower) return new Array<number>(hessian.length).fill(Number.NaN);
  return choleskyInverseDiagonal(lower).map(Math.sqrt);
}
