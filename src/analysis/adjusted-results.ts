/** One value of a first-order attribute in the adjusted model (ANALYSIS.md §13). */
export interface AdjustedValue {
  dimension: string;
  value: string;
  /** Users of the model's population with this value. */
  users: number;
  /** The dimension's reference level: odds ratio 1 by definition. */
  reference: boolean;
  /** `estimated`, `reference`, or why there is no estimate: `separated`, `collinear`, `empty`. */
  status: "estimated" | "reference" | "separated" | "collinear" | "empty";
  /** Odds of a second order within N days against the reference, the others held fixed. */
  odds_ratio: number | null;
  /** Wald 95% interval. */
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
  /** The same value against the same reference, nothing held fixed (the 2×2 table). */
  unadjusted_odds_ratio: number | null;
  unadjusted_p_value: number | null;
  /** The adjusted and unadjusted effects disagree in direction or in significance. */
  confounded: boolean;
}

/** The likelihood-ratio test of dropping one dimension's columns. */
export interface AdjustedDimension {
  dimension: string;
  reference: string;
  lr_chi2: number | null;
  df: number;
  p_value: number | null;
  /** Benjamini–Hochberg across the dimensions. */
  q_value: number | null;
}

/** §13: which first-order attributes matter once the others are held fixed. */
export interface AdjustedEffects {
  /** N of "a second order within N days". */
  outcome_days: number;
  values: AdjustedValue[];
  dimensions: AdjustedDimension[];
  fit: {
    /** Users in the fit (those of separated values left out). */
    n: number;
    /** Distinct covariate patterns counted in the engine. */
    patterns: number;
    log_likelihood: number;
    null_log_likelihood: number;
    mcfadden_r2: number;
    auc: number;
    converged: boolean;
  };
}
