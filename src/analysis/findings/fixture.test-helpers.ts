import { zeroReasonCounts } from "../../prepare/reasons.js";
import type { EntryPointValue, MannWhitneySummary, SegmentProfile } from "../results.js";
import type { StudyResults } from "./study-results.js";

/*
 * A complete, consistent StudyResults for the rule tests: 1,000 customers, 600 repeaters
 * (450 with 2-4 orders, 150 with 5+). Every entry-point dimension adds up to these counts.
 */

const OVERALL = 0.6;

function value(
  v: string,
  users: number,
  repeaters: number,
  flags: { q?: number; popular?: boolean; successful?: boolean } = {},
): EntryPointValue {
  const rate = repeaters / users;
  return {
    value: v,
    users,
    share_of_users: users / 1000,
    repeat_rate: rate,
    wilson_low: rate - 0.04,
    wilson_high: rate + 0.04,
    rate_5plus: rate / 4,
    lift: rate / OVERALL,
    z: null,
    p_value: flags.q ?? 0.5,
    q_value: flags.q ?? 0.6,
    popular: flags.popular ?? false,
    successful: flags.successful ?? false,
  };
}

const dimension = (values: EntryPointValue[]) => ({
  source_column: "",
  distinct_values: values.length,
  values,
  chi2: null,
});

const mw = (u1: number, n1: number, n2: number, p: number | null): MannWhitneySummary => ({
  u1,
  n1,
  n2,
  p_value: p,
});

const profile = (p: Partial<SegmentProfile> & Pick<SegmentProfile, "segment" | "users">) => ({
  share_of_users: p.users / 1000,
  mean_avg_revenue_rub: null,
  mean_avg_tickets_count: null,
  mean_avg_days_since_prev: null,
  top: {},
  ...p,
});

const quantiles = { p10: null, p25: null, p50: null, p75: null, p90: null };

/** A fresh results object; tests change what their rule reads. */
export function studyResults(): StudyResults {
  const segments = {
    "1": { users: 400, orders: 400, revenue_rub: 1_080_160 },
    "2-4": { users: 450, orders: 1200, revenue_rub: 3_660_000 },
    "5+": { users: 150, orders: 1000, revenue_rub: 3_300_000 },
  };
  return {
    schema_version: "1.1.0",
    run: { date: "2024-11-02", encore_version: "0.1.0" },
    currency: { code: "rub", symbol: "₽" },
    data_end: "2024-10-31",
    data_start: "2024-06-01",
    orders_after_data_end: 0,
    input: {
      source: "files",
      orders: "orders.csv",
      rates: null,
      columns: {},
      absent_columns: [],
    },
    population: { first_order_from: null, first_order_to: null, where: {}, segment: null },
    ledger: { rows_read: 2600, rows_accepted: 2600, rows_rejected: zeroReasonCounts() },
    preparation: { currencies: [], rates: null, days_since_prev_check: null },
    filter: {
      q: null,
      P: null,
      users_removed: 0,
      orders_removed: 0,
      revenue_removed_rub: 0,
      removed_share: { users: 0, orders: 0, revenue: 0 },
      sensitivity: [],
    },
    overall: {
      users: 1000,
      orders: 2600,
      revenue_rub: 8_040_160,
      share_2plus: 0.6,
      share_5plus: 0.15,
      mean_avg_revenue_rub: 2900,
    },
    repeat: {
      share_2plus: 0.6,
      share_5plus: 0.15,
      segments,
      order_count_distribution: [],
      repeat_within: {
        "30": { eligible_users: 900, share: 0.5 },
        "60": { eligible_users: 800, share: 0.55 },
        "90": { eligible_users: 700, share: 0.58 },
      },
      kaplan_meier: {
        at: { "7": none(), "14": none(), "30": none(), "60": none(), "90": none() },
        curve: [],
      },
    },
    entry_points: {
      overall_repeat_rate: OVERALL,
      min_users: 30,
      top_n: 15,
      skipped: [],
      dimensions: {
        first_event_type: dimension([
          value("concerts", 500, 340, { q: 0.0004, popular: true, successful: true }),
          value("theatre", 300, 180, { popular: true }),
          value("sport", 150, 60, { q: 0.0001, popular: true }),
          value("other", 50, 20),
        ]),
        first_device: dimension([
          value("mobile", 700, 420, { popular: true }),
          value("desktop", 300, 180, { popular: true }),
        ]),
        first_region: dimension([
          value("Moscow", 400, 280, { q: 0.0123, popular: true, successful: true }),
          value("unknown", 250, 110, { popular: true }),
          value("Kazan", 350, 210, { popular: true }),
        ]),
      },
    },
    revenue: {
      segments: {
        "1": {
          users: 400,
          mean_avg_revenue_rub: 2700.4,
          median_avg_revenue_rub: 2500,
          mean_avg_tickets_count: 1.8,
          median_avg_tickets_count: 2,
          share_of_revenue: 0.134,
        },
        "2-4": {
          users: 450,
          mean_avg_revenue_rub: 3300,
          median_avg_revenue_rub: 3100,
          mean_avg_tickets_count: 2.1,
          median_avg_tickets_count: 2,
          share_of_revenue: 0.455,
        },
        "5+": {
          users: 150,
          mean_avg_revenue_rub: 3600,
          median_avg_revenue_rub: 3400,
          mean_avg_tickets_count: 2.9,
          median_avg_tickets_count: 3,
          share_of_revenue: 0.41,
        },
      },
      avg_revenue_comparisons: {
        "1_vs_2plus": {
          mann_whitney: mw(100_000, 400, 600, 0.0004),
          histogram: { groups: ["1", "2+"], bins: [] },
        },
        "2-4_vs_5plus": {
          mann_whitney: mw(30_000, 450, 150, 0.2),
          histogram: { groups: ["2-4", "5+"], bins: [] },
        },
      },
      tickets_bins: [
        { bin: "[1,2)", users: 500, share_of_users: 0.5, repeat_rate: 0.536 },
        { bin: "[2,3)", users: 300, share_of_users: 0.3, repeat_rate: 0.7 },
        { bin: "[3,5)", users: 195, share_of_users: 0.195, repeat_rate: 0.6 },
        { bin: "[5,inf)", users: 5, share_of_users: 0.005, repeat_rate: 1 },
      ],
    },
    time_between_purchases: {
      weekday: [],
      days_since_prev: { ...quantiles, orders: 1600, histogram: [] },
      avg_days_since_prev_by_segment: {
        "2-4": { users: 450, mean: 40.2, median: 35 },
        "5+": { users: 150, mean: 13.6, median: 12 },
        mann_whitney: mw(50_000, 450, 150, 0.00002),
      },
      days_to_second_order: { p10: 1, p25: 3, p50: 9, p75: 21, p90: 45, users: 600 },
      repeat_window: { p25: 3, p75: 21, window: [3, 21] },
      interval_bins: [],
    },
    correlation: {
      features: [],
      phik: {
        matrix: [],
        with_total_orders: [
          { feature: "avg_days_since_prev", phik: 0.452 },
          { feature: "first_event_type", phik: 0.21 },
          { feature: "total_revenue_rub", phik: 0.91 },
          { feature: "first_device", phik: null },
          { feature: "total_tickets", phik: 0.88 },
        ],
      },
      spearman_with_total_orders: [],
    },
    segments: [
      profile({
        segment: "1",
        users: 400,
        mean_avg_revenue_rub: 2700.4,
        mean_avg_tickets_count: 1.8,
        top: {
          first_event_type: { value: "theatre", share: 0.45 },
          first_device: { value: "mobile", share: 0.72 },
          first_region: { value: "Kazan", share: 0.4 },
        },
      }),
      profile({
        segment: "2-4",
        users: 450,
        mean_avg_revenue_rub: 3300,
        mean_avg_tickets_count: 2.1,
        mean_avg_days_since_prev: 40.2,
      }),
      profile({
        segment: "5+",
        users: 150,
        mean_avg_revenue_rub: 3600,
        mean_avg_tickets_count: 2.9,
        mean_avg_days_since_prev: 13.6,
      }),
    ],
    cohorts: { period: "month", rows: [] },
    trend: { "30": noTrend(), "60": noTrend(), "90": noTrend() },
    comparison: null,
    adjusted_effects: null,
    lists: {
      nudge_now: null,
      one_order_likely_active: null,
      at_risk_valuable: null,
      champions: null,
    },
    prediction: null,
    notes: [],
  };
}

function noTrend() {
  return {
    cohorts: [],
    cochran_armitage: null,
    q_value: null,
    without_filter: null,
    change: null,
  };
}

function none() {
  return { repeat_probability: null, low: null, high: null };
}
