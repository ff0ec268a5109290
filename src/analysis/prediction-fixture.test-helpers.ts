import type { CountModelFit, PredictedGroup, PredictionSection } from "./prediction-results.js";

/*
 * The prediction of the 1,000 customers of studyResults(): 400 with one order, 450 with 2–4,
 * 150 with 5+; a 90-day horizon, 12 months of value at 1% a month, a check fitted up to August.
 */

export const group = (
  users: number,
  expected: number,
  pAlive: number,
  clv: number,
): PredictedGroup => ({
  users,
  expected_orders: expected,
  expected_orders_per_user: expected / users,
  mean_p_alive: pAlive,
  mean_clv_rub: clv,
});

const countFit = (
  [r, alpha, a, b]: number[],
  log_likelihood: number,
  users: number,
): CountModelFit => ({
  params: { r: r ?? 0, alpha: alpha ?? 0, a: a ?? 0, b: b ?? 0 },
  standard_errors: { r: 0.024, alpha: 2.91, a: 0.019, b: null },
  log_likelihood,
  users,
  converged: true,
});

const bin = (bin: string, users: number, actual: number, predicted: number) => ({
  bin,
  users,
  actual_orders: actual,
  predicted_orders: predicted,
});

export function predictionFixture(): PredictionSection {
  return {
    time_unit: "days",
    horizon_days: 90,
    as_of: "2024-10-31",
    users: 1000,
    model: "mbg_nbd",
    fits: {
      bg_nbd: countFit([0.412, 38.25, 0.193, 1.874], -5123.4, 1000),
      mbg_nbd: countFit([0.455, 41.8, 0.087, 2.31], -5119.8, 1000),
    },
    spend: {
      params: { p: 6.25, q: 3.74, gamma: 1520.5 },
      standard_errors: { p: 0.41, q: 0.22, gamma: 130.2 },
      log_likelihood: -4980.1,
      users: 590,
      converged: true,
    },
    value: { months: 12, monthly_discount_rate: 0.01 },
    overall: group(1000, 1234.4, 0.712, 10450.6),
    by_segment: [
      { segment: "1", ...group(400, 84, 0.534, 1820.2) },
      { segment: "2-4", ...group(450, 550.4, 0.781, 10120.4) },
      { segment: "5+", ...group(150, 600, 0.914, 34567.8) },
    ],
    by_entry_point: {
      first_device: [
        { value: "mobile", ...group(700, 880, 0.72, 10600) },
        { value: "desktop", ...group(300, 354.4, 0.69, 10100) },
      ],
      first_region: [
        { value: "Moscow", ...group(400, 560, 0.75, 12900) },
        { value: "Kazan", ...group(350, 410, 0.7, 9800) },
      ],
    },
    single_order_buyers: {
      ...group(400, 84, 0.534, 1820.2),
      likely_alive: 254,
      p_alive_histogram: [12, 20, 31, 38, 45, 33, 52, 61, 58, 50].map((users, i) => ({
        lo: i / 10,
        hi: (i + 1) / 10,
        users,
      })),
    },
    holdout: {
      calibration_end: "2024-08-02",
      holdout_days: 90,
      users: 800,
      fitted_users: 880,
      max_orders: 14,
      bg_nbd: countFit([0.43, 40.1, 0.2, 1.9], -4010.2, 800),
      mbg_nbd: countFit([0.47, 43.2, 0.09, 2.4], -4008.7, 800),
      bins: [
        bin("0", 320, 96, 110.2),
        bin("1", 180, 160, 171.5),
        bin("2", 110, 170, 165),
        bin("3", 70, 150, 146.3),
        bin("4", 45, 130, 128.8),
        bin("5", 30, 110, 108.4),
        bin("6", 20, 94, 96.1),
        bin("7+", 25, 240, 272),
      ],
      total: bin("total", 800, 1150, 1198.3),
      relative_error: 48.3 / 1150,
    },
  };
}
