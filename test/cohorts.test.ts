import { describe, expect, it } from "vitest";
import { analyzeCsv, csv } from "./helpers.js";

/**
 * Four users, every cohort figure worked out by hand (data_end 2024-09-10, a Tuesday, so
 * September is partial):
 *   d: 05-10 (70 ₽), 06-15 (30 ₽)                 cohort May, second order in k = 1
 *   a: 06-01 (100 ₽), 06-03 (200 ₽), 08-15 (300 ₽) cohort June, returns in k = 0 and k = 2
 *   b: 06-20 (50 ₽)                                cohort June, one order
 *   c: 07-05 (10 ₽), 09-05 (20 ₽)                  cohort July, returns in the partial k = 2
 */
const ORDERS: [string, string, number][] = [
  ["d", "2024-05-10", 70],
  ["d", "2024-06-15", 30],
  ["a", "2024-06-01", 100],
  ["a", "2024-06-03", 200],
  ["a", "2024-08-15", 300],
  ["b", "2024-06-20", 50],
  ["c", "2024-07-05", 10],
  ["c", "2024-09-05", 20],
];

const ordersCsv = (rows: [string, string, number][]) =>
  csv(
    "user_id,order_id,order_dt,revenue",
    ...rows.map(([u, dt, rev], i) => `${u},${i + 1},${dt},${rev}`),
  );

const cell = (k: number, active: number, repeated: number, revenue: number, complete: boolean) => ({
  k,
  active_share: active,
  repeated_share: repeated,
  revenue_per_user_rub: revenue,
  complete,
});

describe("cohorts (ANALYSIS.md §12)", () => {
  it("counts repeat-active users, cumulative repeat and value per customer by month", async () => {
    const { results } = await analyzeCsv(ordersCsv(ORDERS), null, { dataEnd: "2024-09-10" });
    expect(results.cohorts).toEqual({
      period: "month",
      rows: [
        {
          cohort: "2024-05-01",
          users: 1,
          first_order_revenue_rub: 70,
          periods: [
            cell(0, 0, 0, 70, true),
            cell(1, 1, 1, 100, true),
            cell(2, 0, 1, 100, true),
            cell(3, 0, 1, 100, true),
            cell(4, 0, 1, 100, false),
          ],
        },
        {
          cohort: "2024-06-01",
          users: 2,
          first_order_revenue_rub: 75,
          periods: [
            // a's second order on 06-03 is a return within the first period
            cell(0, 1 / 2, 1 / 2, 175, true),
            cell(1, 0, 1 / 2, 175, true),
            cell(2, 1 / 2, 1 / 2, 325, true),
            cell(3, 0, 1 / 2, 325, false),
          ],
        },
        {
          cohort: "2024-07-01",
          users: 1,
          first_order_revenue_rub: 10,
          periods: [cell(0, 0, 0, 10, true), cell(1, 0, 0, 10, true), cell(2, 1, 1, 30, false)],
        },
      ],
    });
  });

  it("takes repeat within N days per cohort over its eligible users only", async () => {
    const { results } = await analyzeCsv(ordersCsv(ORDERS), null, { dataEnd: "2024-09-10" });
    // ages at data_end: d 123, a 101, b 82, c 67 days; days to the second order: d 36, a 2, c 62
    const shares = (n: "30" | "60" | "90") =>
      results.trend[n].cohorts.map((c) => [c.cohort, c.eligible_users, c.repeaters, c.share]);
    expect(shares("30")).toEqual([
      ["2024-05-01", 1, 0, 0],
      ["2024-06-01", 2, 1, 0.5],
      ["2024-07-01", 1, 0, 0],
    ]);
    expect(shares("90")).toEqual([
      ["2024-05-01", 1, 1, 1],
      ["2024-06-01", 1, 1, 1],
      ["2024-07-01", 0, 0, null],
    ]);
    expect(results.trend["90"].change).toEqual({
      from: "2024-05-01",
      to: "2024-06-01",
      first_share: 1,
      last_share: 1,
      difference: 0,
    });
  });

  it("leaves out a user whose first order is before cohort_from, later orders and all", async () => {
    const { results } = await analyzeCsv(ordersCsv(ORDERS), null, {
      dataEnd: "2024-09-10",
      cohortFrom: "2024-06-01",
    });
    // d's June order does not make d a new June customer
    expect(results.cohorts.rows.map((r) => [r.cohort, r.users])).toEqual([
      ["2024-06-01", 2],
      ["2024-07-01", 1],
    ]);
    expect(results.overall.users).toBe(3);
    expect(results.overall.orders).toBe(6);
  });

  it("ends the range with cohort_to, inclusive", async () => {
    const { results } = await analyzeCsv(ordersCsv(ORDERS), null, {
      dataEnd: "2024-09-10",
      cohortFrom: "2024-06-01",
      cohortTo: "2024-06-20",
    });
    expect(results.cohorts.rows.map((r) => [r.cohort, r.users])).toEqual([["2024-06-01", 2]]);
    expect(results.overall.users).toBe(2);
  });

  it("counts ISO weeks from Monday across a year boundary", async () => {
    // g: Sun 2024-12-29 (week of Mon 12-23), Thu 01-02; f: Mon 12-30, Sun 01-05, Mon 01-06.
    // data_end Wed 2025-01-08: the week from 01-06 is partial.
    const { results } = await analyzeCsv(
      ordersCsv([
        ["g", "2024-12-29", 10],
        ["g", "2025-01-02", 10],
        ["f", "2024-12-30", 10],
        ["f", "2025-01-05", 10],
        ["f", "2025-01-06", 10],
      ]),
      null,
      { dataEnd: "2025-01-08", cohortPeriod: "week" },
    );
    expect(results.cohorts).toEqual({
      period: "week",
      rows: [
        {
          cohort: "2024-12-23",
          users: 1,
          first_order_revenue_rub: 10,
          periods: [cell(0, 0, 0, 10, true), cell(1, 1, 1, 20, true), cell(2, 0, 1, 20, false)],
        },
        {
          cohort: "2024-12-30",
          users: 1,
          first_order_revenue_rub: 10,
          periods: [cell(0, 1, 1, 20, true), cell(1, 1, 1, 30, false)],
        },
      ],
    });
  });

  it("compares two periods of first orders side by side, each difference tested", async () => {
    const event: Record<string, string> = {
      d: "concerts",
      a: "theatre",
      b: "concerts",
      c: "theatre",
    };
    const { results } = await analyzeCsv(
      csv(
        "user_id,order_id,order_dt,revenue,event_type_main",
        ...ORDERS.map(([u, dt, rev], i) => `${u},${i + 1},${dt},${rev},${event[u]}`),
      ),
      null,
      {
        dataEnd: "2024-09-10",
        minUsers: 1,
        compare: [
          ["2024-05-01", "2024-05-31"],
          ["2024-06-01", "2024-07-31"],
        ],
      },
    );
    const c = results.comparison;
    expect(c?.periods).toEqual([
      { from: "2024-05-01", to: "2024-05-31", users: 1 },
      { from: "2024-06-01", to: "2024-07-31", users: 3 },
    ]);
    // d did not return within 30 days; of a, b and c only a did (c after 62 days)
    expect(c?.repeat_within["30"]).toMatchObject({
      eligible_users: [1, 3],
      repeaters: [0, 1],
      share: [0, 1 / 3],
      difference: 1 / 3,
    });
    // pooled 1/4, variance 1/4·3/4·(1/3 + 1) = 1/4: z = (1/3 − 0) / (1/2)
    expect(c?.repeat_within["30"].z).toBeCloseTo(2 / 3, 12);
    expect(c?.repeat_within["90"]).toMatchObject({ eligible_users: [1, 1], repeaters: [1, 1] });
    expect(c?.first_order_check.mean).toEqual([70, 160 / 3]);
    expect(c?.first_order_check.median).toEqual([70, 50]);
    // 70 beats 50 and 10: U₁ = 2
    expect(c?.first_order_check.mann_whitney.u1).toBe(2);
    expect(c?.entry_mix.first_event_type?.values).toEqual([
      { value: "concerts", users: [1, 1], share: [1, 1 / 3] },
      { value: "theatre", users: [0, 2], share: [0, 2 / 3] },
    ]);
    // [[1, 0], [1, 2]]: expected [[.5, .5], [1.5, 1.5]], χ² = 1 + 1/3
    const chi = c?.entry_mix.first_event_type?.chi2;
    expect(chi?.chi2).toBeCloseTo(4 / 3, 12);
    expect(chi?.dof).toBe(1);
    expect(chi?.p_value).toBeCloseTo(0.2482130789, 9);
    expect(chi?.cramers_v).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });
});
