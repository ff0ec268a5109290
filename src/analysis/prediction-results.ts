import type { Segment } from "./results.js";

/** A maximum-likelihood fit of a purchase-count model (BG/NBD or MBG/NBD). */
export interface CountModelFit {
  /** r, alpha (in the section's time_unit), a, b. */
  params: { r: number; alpha: number; a: number; b: number };
  /** Standard errors of the parameters (inverse Hessian); null where undefined. */
  standard_errors: { r: number | null; alpha: number | null; a: number | null; b: number | null };
  log_likelihood: number;
  users: number;
  converged: boolean;
}

/** The Gamma-Gamma spend model on repeat customers' average order value (roubles). */
export interface SpendModelFit {
  params: { p: number; q: number; gamma: number };
  standard_errors: { p: number | null; q: number | null; gamma: number | null };
  log_likelihood: number;
  /** Repeat customers with a positive average repeat-order value: the ones it is fitted on. */
  users: number;
  converged: boolean;
}

/** Predicted figures of a group of users over the horizon. */
export interface PredictedGroup {
  users: number;
  /** Expected orders (purchase occasions) in the next horizon_days, summed over the group. */
  expected_orders: number;
  expected_orders_per_user: number | null;
  mean_p_alive: number | null;
  /** Mean customer value over value.months, roubles; null without a spend model. */
  mean_clv_rub: number | null;
}

export interface HoldoutBin {
  /** Repeat occasions in the calibration period: "0" … "6", "7+", or "total". */
  bin: string;
  users: number;
  actual_orders: number;
  predicted_orders: number;
}

/** Fit on the orders up to calibration_end, compared with what the users did after it. */
export interface HoldoutEvaluation {
  calibration_end: string;
  holdout_days: number;
  /**
   * The users compared: first order on or before calibration_end and, as the order-count filter
   * keeps the forecast's users, at most max_orders orders up to it.
   */
  users: number;
  /** The users the check's models are fitted on: every first order up to calibration_end. */
  fitted_users: number;
  /** The filter's threshold P applied at calibration_end; null when the filter is off. */
  max_orders: number | null;
  bg_nbd: CountModelFit;
  mbg_nbd: CountModelFit;
  /** Per calibration frequency, actual against MBG/NBD-predicted holdout orders. */
  bins: HoldoutBin[];
  total: HoldoutBin;
  /** (predicted − actual) / actual over all users. */
  relative_error: number | null;
}

/**
 * "Who comes back": per-user probabilities and expectations from the MBG/NBD and Gamma-Gamma
 * models, fitted on every accepted user's orders (same-day orders merged into one occasion);
 * the groups below are the users the order-count filter keeps, as in the rest of the study.
 */
export interface PredictionSection {
  /** The models' time unit: α, and the log-likelihoods, are in it. */
  time_unit: "days" | "weeks";
  horizon_days: number;
  /** The date the predictions start from (data_end). */
  as_of: string;
  users: number;
  /** The model behind every per-user figure. */
  model: "mbg_nbd";
  fits: { bg_nbd: CountModelFit; mbg_nbd: CountModelFit };
  spend: SpendModelFit | null;
  value: { months: number; monthly_discount_rate: number };
  overall: PredictedGroup;
  by_segment: ({ segment: Segment } & PredictedGroup)[];
  /** Per first-order dimension (first_device, …): its values with at least min_users users. */
  by_entry_point: Record<string, ({ value: string } & PredictedGroup)[]>;
  /** The kept users with one order (total_orders = 1, segment `1`). */
  single_order_buyers: PredictedGroup & {
    /** Single-order buyers with P(alive) ≥ 0.5. */
    likely_alive: number;
    /** P(alive) in bins [0, 0.1), [0.1, 0.2), … [0.9, 1]. */
    p_alive_histogram: { lo: number; hi: number; users: number }[];
  };
  holdout: HoldoutEvaluation | null;
}
