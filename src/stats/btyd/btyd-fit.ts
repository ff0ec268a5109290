/** Options of the model fits. */
export interface BtydFitOptions<P> {
  /** Starting values; each fit documents its default. */
  initial?: P;
  /** Per BFGS run (a fit makes up to four). Default 500. */
  maxIterations?: number;
}

/** A fitted model: maximum-likelihood estimates and their asymptotic standard errors. */
export interface BtydFit<P> {
  params: P;
  /**
   * √diag of the inverse Hessian of −ln L at the optimum, on the parameters' own
   * scale. NaN when that Hessian is not positive definite: the likelihood has no
   * strict interior maximum, as when an estimate runs off towards 0 or ∞ on
   * degenerate data (no repeat events at all, a single subject).
   */
  standardErrors: P;
  logLikelihood: number;
  /** The number of subjects: the sum of the weights. */
  n: number;
  iterations: number;
  converged: boolean;
}
