import type { BtydFit, GammaGammaParams, MbgNbdParams } from "../stats/btyd/index.js";
import { finiteOrNull } from "./numbers.js";
import type { CountModelFit, SpendModelFit } from "./prediction-results.js";

/** A BG/NBD or MBG/NBD fit as results.json states it (undefined standard errors as null). */
export function countFit(fit: BtydFit<MbgNbdParams>): CountModelFit {
  const { r, alpha, a, b } = fit.params;
  const se = fit.standardErrors;
  return {
    params: { r, alpha, a, b },
    standard_errors: {
      r: finiteOrNull(se.r),
      alpha: finiteOrNull(se.alpha),
      a: finiteOrNull(se.a),
      b: finiteOrNull(se.b),
    },
    log_likelihood: fit.logLikelihood,
    users: fit.n,
    converged: fit.converged,
  };
}

/** A Gamma-Gamma fit as results.json states it. */
export function spendFit(fit: BtydFit<GammaGammaParams>): SpendModelFit {
  const { p, q, gamma } = fit.params;
  const se = fit.standardErrors;
  return {
    params: { p, q, gamma },
    standard_errors: {
      p: finiteOrNull(se.p),
      q: finiteOrNull(se.q),
      gamma: finiteOrNull(se.gamma),
    },
    log_likelihood: fit.logLikelihood,
    users: fit.n,
    converged: fit.converged,
  };
}
