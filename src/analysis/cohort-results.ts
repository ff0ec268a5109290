import type { CohortPeriod } from "../model/cohort-period.js";

/** One period k of a cohort (ANALYSIS.md §12). */
export interface CohortCell {
  k: number;
  /** Share of the cohort's users with a repeat order (any but their first) in period c+k. */
  active_share: number;
  /** Share with a second order on or before the last day of period c+k (cumulative). */
  repeated_share: number;
  /** Revenue of the cohort's orders up to the end of period c+k, per user of the cohort. */
  revenue_per_user_rub: number;
  /** The period ended on or before data_end; the one holding data_end is partial. */
  complete: boolean;
}

export interface CohortRow {
  /** The first day of the cohort's period, YYYY-MM-DD. */
  cohort: string;
  users: number;
  /** Mean first-order revenue of the cohort's users. */
  first_order_revenue_rub: number | null;
  periods: CohortCell[];
}

export interface CohortsSection {
  period: CohortPeriod;
  rows: CohortRow[];
}

/** Repeat within N days for one cohort, over its eligible users (§5, §12). */
export interface TrendCohort {
  cohort: string;
  eligible_users: number;
  repeaters: number;
  share: number | null;
  wilson_low: number | null;
  wilson_high: number | null;
}

/** The trend of repeat within N days across cohorts. */
export interface TrendWindow {
  cohorts: TrendCohort[];
  /** null with fewer than two eligible cohorts. */
  cochran_armitage: { z: number; p_value: number } | null;
  /** Benjamini–Hochberg across the three windows. */
  q_value: number | null;
  /**
   * The same test over every user of the population, before the order-count filter: the filter
   * cuts by lifetime orders, which grow with follow-up, so it can make or hide a trend by
   * itself. A trend is claimed only when both agree.
   */
  without_filter: { z: number; p_value: number } | null;
  /** From the first to the last eligible cohort. */
  change: {
    from: string;
    to: string;
    first_share: number;
    last_share: number;
    difference: number;
  } | null;
}

export type TrendSection = Record<"30" | "60" | "90", TrendWindow>;

/** One side of a two-period comparison (§12). */
export interface ComparedPeriod {
  from: string;
  to: string;
  users: number;
}

/** Repeat within N days in the two periods, with the two-proportion z-test. */
export interface ComparedRepeat {
  eligible_users: [number, number];
  repeaters: [number, number];
  share: [number | null, number | null];
  /** Second minus first. */
  difference: number | null;
  z: number | null;
  p_value: number | null;
}

/** Two populations of first-order dates side by side, with a test for each difference. */
export interface ComparisonSection {
  periods: [ComparedPeriod, ComparedPeriod];
  repeat_within: Record<"30" | "60" | "90", ComparedRepeat>;
  first_order_check: {
    mean: [number | null, number | null];
    median: [number | null, number | null];
    mann_whitney: { u1: number; p_value: number | null };
  };
  /** Per first-order dimension: each value's share of users in the two periods, and χ². */
  entry_mix: Record<
    string,
    {
      values: { value: string; users: [number, number]; share: [number, number] }[];
      chi2: { chi2: number; dof: number; p_value: number | null; cramers_v: number | null } | null;
    }
  >;
}
