import type { ListName } from "../model/customer-lists.js";
import type { SegmentName as Segment } from "../model/segments.js";
import type { RejectReason } from "../prepare/reasons.js";
import type { AdjustedEffects } from "./adjusted-results.js";
import type { CohortsSection, ComparisonSection, TrendSection } from "./cohort-results.js";
import type { CustomerList } from "./list-results.js";
import type { PredictionSection } from "./prediction-results.js";

/** The version of the results.json layout; the §10 core paths never change within a major. */
export const SCHEMA_VERSION = "1.1.0";

// The segments are results.json's keys too, so the results offer them under these names.
export { SEGMENT_NAMES as SEGMENTS, type SegmentName as Segment } from "../model/segments.js";

export interface Ledger {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: Record<RejectReason, number>;
}

export interface SensitivityRow {
  /** null: no filter. */
  q: number | null;
  P: number | null;
  users: number;
  share_2plus: number | null;
  share_5plus: number | null;
  mean_avg_revenue_rub: number | null;
}

export interface FilterResult {
  q: number | null;
  P: number | null;
  users_removed: number;
  orders_removed: number;
  revenue_removed_rub: number;
  /** What was removed as shares (0–1) of all users, orders and revenue; null where the total is 0. */
  removed_share: { users: number | null; orders: number | null; revenue: number | null };
  sensitivity: SensitivityRow[];
}

export interface Overall {
  users: number;
  orders: number;
  revenue_rub: number;
  share_2plus: number | null;
  share_5plus: number | null;
  mean_avg_revenue_rub: number | null;
}

export interface SegmentTotals {
  users: number;
  orders: number;
  revenue_rub: number;
}

export interface CurrencyRow {
  currency_code: string;
  orders: number;
  revenue: number;
  revenue_rub: number;
}

/** The rates file: rows read, used and ignored, and why (§11.5). */
export interface RatesSummary {
  rows_read: number;
  rows_used: number;
  rows_ignored: number;
  /** Ignored rows per reason, zeros included. */
  ignored: Record<
    "bad_date" | "missing_currency" | "rouble" | "bad_nominal" | "bad_rate" | "superseded",
    number
  >;
  /** Currency and date pairs with different rates per unit in two or more rows. */
  conflicting_dates: number;
}

export interface Note {
  code: string;
  /** The English text; `texts`, when present, has every language. */
  text: string;
  texts?: { en: string; ru: string };
  /** The data may be wrong: the report shows it on its first screen. */
  warning?: boolean;
}

/** One value of an entry-point dimension (§4). */
export interface EntryPointValue {
  value: string;
  users: number;
  share_of_users: number;
  repeat_rate: number;
  wilson_low: number;
  wilson_high: number;
  rate_5plus: number;
  lift: number | null;
  z: number | null;
  p_value: number | null;
  q_value: number | null;
  popular: boolean;
  successful: boolean;
}

export interface ChiSquareSummary {
  chi2: number;
  dof: number;
  p_value: number | null;
  cramers_v: number | null;
}

export interface EntryPointDimension {
  /** The source column the dimension comes from. */
  source_column: string;
  /** Distinct values before pooling. */
  distinct_values: number;
  values: EntryPointValue[];
  chi2: ChiSquareSummary | null;
}

export interface EntryPoints {
  overall_repeat_rate: number | null;
  min_users: number;
  top_n: number;
  dimensions: Record<string, EntryPointDimension>;
  skipped: { dimension: string; reason: string }[];
}

export interface MannWhitneySummary {
  u1: number;
  p_value: number | null;
  n1: number;
  n2: number;
}

/** Two groups' counts on common left-closed bins [lo, hi), labelled as in §11.11. */
export interface Histogram {
  groups: [string, string];
  bins: { bin: string; lo: number; hi: number | null; counts: [number, number] }[];
}

export interface Quantiles {
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

export interface RepeatSection {
  share_2plus: number | null;
  share_5plus: number | null;
  segments: Record<Segment, SegmentTotals>;
  order_count_distribution: { total_orders: number; users: number }[];
  repeat_within: Record<"30" | "60" | "90", { eligible_users: number; share: number | null }>;
  kaplan_meier: {
    at: Record<
      "7" | "14" | "30" | "60" | "90",
      { repeat_probability: number | null; low: number | null; high: number | null }
    >;
    curve: {
      day: number;
      at_risk: number;
      events: number;
      censored: number;
      repeat_probability: number;
      low: number | null;
      high: number | null;
    }[];
  };
}

export interface RevenueSegment {
  users: number;
  mean_avg_revenue_rub: number | null;
  median_avg_revenue_rub: number | null;
  mean_avg_tickets_count: number | null;
  median_avg_tickets_count: number | null;
  share_of_revenue: number | null;
}

export interface RevenueSection {
  segments: Record<Segment, RevenueSegment>;
  avg_revenue_comparisons: Record<
    "1_vs_2plus" | "2-4_vs_5plus",
    { mann_whitney: MannWhitneySummary; histogram: Histogram }
  >;
  tickets_bins: {
    bin: string;
    users: number;
    share_of_users: number;
    repeat_rate: number | null;
  }[];
}

export interface TimeSection {
  weekday: { weekday: number; users: number; repeat_rate: number | null }[];
  days_since_prev: Quantiles & { orders: number; histogram: { days: number; orders: number }[] };
  avg_days_since_prev_by_segment: {
    "2-4": { users: number; mean: number | null; median: number | null };
    "5+": { users: number; mean: number | null; median: number | null };
    mann_whitney: MannWhitneySummary;
  };
  days_to_second_order: Quantiles & { users: number };
  repeat_window: { p25: number | null; p75: number | null; window: [number, number] | null };
  interval_bins: { bin: string; users: number; rate_5plus: number | null }[];
}

export interface CorrelationSection {
  features: string[];
  phik: {
    matrix: (number | null)[][];
    with_total_orders: { feature: string; phik: number | null }[];
  };
  spearman_with_total_orders: { feature: string; rho: number | null; users: number }[];
}

export interface SegmentProfile {
  segment: Segment;
  users: number;
  share_of_users: number | null;
  mean_avg_revenue_rub: number | null;
  mean_avg_tickets_count: number | null;
  mean_avg_days_since_prev: number | null;
  top: Record<string, { value: string; share: number } | null>;
}

/** A finding or recommendation: produced by a rule, citing its figures (§9). */
export interface Statement {
  id: string;
  /** The English text; `texts` has every language. */
  text: string;
  texts: { en: string; ru: string };
  figures: Record<string, number | string | null>;
}

/** results.json: every figure of one run (ANALYSIS.md §10). */
export interface AnalysisResults {
  schema_version: string;
  /** The run: its date (YYYY-MM-DD, UTC) and the version of Encore that made it. */
  run: { date: string; encore_version: string };
  /** The currency the amounts (the `_rub` figures) are in: `rub` unless configured. */
  currency: { code: string; symbol: string };
  data_end: string | null;
  data_start: string | null;
  /** Accepted orders dated after a configured data_end: left out of the study (§3). */
  orders_after_data_end: number;
  input: {
    /** Where the study ran: files through DuckDB, or inside PostgreSQL or ClickHouse. */
    source: "files" | "postgres" | "clickhouse";
    orders: string;
    rates: string | null;
    columns: Record<string, string | null>;
    absent_columns: string[];
  };
  /**
   * The users the study is about: first orders in a date range (§12), first-order attributes
   * among given values (per source column), one segment; null and empty mean every user.
   */
  population: {
    first_order_from: string | null;
    first_order_to: string | null;
    where: Record<string, string[]>;
    segment: string | null;
  };
  ledger: Ledger;
  preparation: {
    currencies: CurrencyRow[];
    rates: RatesSummary | null;
    days_since_prev_check: { compared: number; mismatches: number } | null;
  };
  filter: FilterResult;
  overall: Overall;
  repeat: RepeatSection;
  entry_points: EntryPoints;
  /** Each first-order attribute's effect with the others held fixed (§13); null without a model. */
  adjusted_effects: AdjustedEffects | null;
  revenue: RevenueSection;
  time_between_purchases: TimeSection;
  correlation: CorrelationSection | null;
  segments: SegmentProfile[];
  /** Acquisition cohorts (§12): who came back, period by period. */
  cohorts: CohortsSection;
  /** Repeat within 30/60/90 days by cohort, and its trend (§12). */
  trend: TrendSection;
  /** Two periods of first-order dates compared (§12); null unless asked for. */
  comparison: ComparisonSection | null;
  /** Who is likely to come back: BG/NBD, MBG/NBD and Gamma-Gamma; null when they cannot be fitted. */
  prediction: PredictionSection | null;
  /** Customers to act on (§14): each list's size, revenue and file; null when not made. */
  lists: Record<ListName, CustomerList | null>;
  findings: Statement[];
  recommendations: Statement[];
  notes: Note[];
}
