import { describe, expect, it } from "vitest";
import { mannWhitneyU } from "../src/stats/index.js";
import { analyzeCsv, csv } from "./helpers.js";

/**
 * Five users, every figure worked out by hand (data_end 2024-09-10):
 *   a: 06-01, 06-03, 06-10      3 orders, 100/200/300 ₽, 2 tickets each
 *   b: 06-05                    1 order, 500 ₽, 1 ticket
 *   c: 06-02, 06-02, 06-20, 06-25, 07-01   5 orders, 100 ₽ and 3 tickets each
 *   d: 07-20                    1 order, 300 ₽, 5 tickets
 *   e: 06-10, 08-30             2 orders, 400/600 ₽, 1 and 2 tickets
 */
const ORDERS = [
  ["a", "2024-06-01 10:00", 100, 2],
  ["a", "2024-06-03 10:00", 200, 2],
  ["a", "2024-06-10 10:00", 300, 2],
  ["b", "2024-06-05 10:00", 500, 1],
  ["c", "2024-06-02 10:00", 100, 3],
  ["c", "2024-06-02 11:00", 100, 3],
  ["c", "2024-06-20 10:00", 100, 3],
  ["c", "2024-06-25 10:00", 100, 3],
  ["c", "2024-07-01 10:00", 100, 3],
  ["d", "2024-07-20 10:00", 300, 5],
  ["e", "2024-06-10 10:00", 400, 1],
  ["e", "2024-08-30 10:00", 600, 2],
] as const;

const run = () =>
  analyzeCsv(
    csv(
      "user_id,order_id,order_ts,revenue,tickets_count,event_type_main",
      ...ORDERS.map(
        ([u, ts, rev, t], i) =>
          `${u},${i + 1},${ts},${rev},${t},${u === "b" ? "sport" : "concerts"}`,
      ),
    ),
    null,
    { filterQuantile: "none", dataEnd: "2024-09-10", minUsers: 1 },
  );

describe("repeat purchases (ANALYSIS.md §5, §11.9)", () => {
  it("counts repeat within N days only over users who had N days", async () => {
    const { results } = await run();
    expect(results.repeat.repeat_within).toEqual({
      "30": { eligible_users: 5, share: 2 / 5 },
      "60": { eligible_users: 4, share: 2 / 4 },
      "90": { eligible_users: 4, share: 3 / 4 },
    });
  });

  it("estimates Kaplan–Meier with one-order users censored at data_end", async () => {
    const { results } = await run();
    // times: c 0, a 2, d 52 (censored), e 81, b 97 (censored)
    expect(
      results.repeat.kaplan_meier.curve.map((p) => [p.day, p.at_risk, p.events, p.censored]),
    ).toEqual([
      [0, 5, 1, 0],
      [2, 4, 1, 0],
      [52, 3, 0, 1],
      [81, 2, 1, 0],
      [97, 1, 0, 1],
    ]);
    const at = results.repeat.kaplan_meier.at;
    expect(
      [at["7"], at["14"], at["30"], at["60"], at["90"]].map((x) => x.repeat_probability),
    ).toEqual([
      expect.closeTo(0.4, 12),
      expect.closeTo(0.4, 12),
      expect.closeTo(0.4, 12),
      expect.closeTo(0.4, 12),
      expect.closeTo(0.7, 12),
    ]);
    expect(results.repeat.order_count_distribution).toEqual([
      { total_orders: 1, users: 2 },
      { total_orders: 2, users: 1 },
      { total_orders: 3, users: 1 },
      { total_orders: 5, users: 1 },
    ]);
  });
});

describe("revenue (§6)", () => {
  it("gives mean and median avg check and tickets per segment, and the share of revenue", async () => {
    const { results } = await run();
    expect(results.revenue.segments).toEqual({
      "1": {
        users: 2,
        mean_avg_revenue_rub: 400,
        median_avg_revenue_rub: 400,
        mean_avg_tickets_count: 3,
        median_avg_tickets_count: 3,
        share_of_revenue: 800 / 2900,
      },
      "2-4": {
        users: 2,
        mean_avg_revenue_rub: 350,
        median_avg_revenue_rub: 350,
        mean_avg_tickets_count: 1.75,
        median_avg_tickets_count: 1.75,
        share_of_revenue: 1600 / 2900,
      },
      "5+": {
        users: 1,
        mean_avg_revenue_rub: 100,
        median_avg_revenue_rub: 100,
        mean_avg_tickets_count: 3,
        median_avg_tickets_count: 3,
        share_of_revenue: 500 / 2900,
      },
    });
  });

  it("tests the avg check with Mann–Whitney exactly as on the raw values", async () => {
    const { results } = await run();
    const expected = mannWhitneyU([500, 300], [200, 100, 500]);
    expect(results.revenue.avg_revenue_comparisons["1_vs_2plus"].mann_whitney).toEqual({
      u1: expected.u1,
      p_value: expected.pValue,
      n1: 2,
      n2: 3,
    });
    const h = results.revenue.avg_revenue_comparisons["1_vs_2plus"].histogram;
    expect(h.groups).toEqual(["1", "2+"]);
    expect(h.bins.reduce((s, b) => s + b.counts[0], 0)).toBe(2);
    expect(h.bins.reduce((s, b) => s + b.counts[1], 0)).toBe(3);
  });

  it("bins users by avg tickets [1,2) [2,3) [3,5) [5,inf)", async () => {
    const { results } = await run();
    expect(results.revenue.tickets_bins).toEqual([
      { bin: "[1,2)", users: 2, share_of_users: 0.4, repeat_rate: 0.5 },
      { bin: "[2,3)", users: 1, share_of_users: 0.2, repeat_rate: 1 },
      { bin: "[3,5)", users: 1, share_of_users: 0.2, repeat_rate: 1 },
      { bin: "[5,inf)", users: 1, share_of_users: 0.2, repeat_rate: 0 },
    ]);
  });
});

describe("time between purchases (§7, §11.10)", () => {
  it("shows all seven weekdays of the first order", async () => {
    const { results } = await run();
    expect(results.time_between_purchases.weekday).toEqual([
      { weekday: 1, users: 1, repeat_rate: 1 },
      { weekday: 2, users: 0, repeat_rate: null },
      { weekday: 3, users: 1, repeat_rate: 0 },
      { weekday: 4, users: 0, repeat_rate: null },
      { weekday: 5, users: 0, repeat_rate: null },
      { weekday: 6, users: 2, repeat_rate: 0.5 },
      { weekday: 7, users: 1, repeat_rate: 1 },
    ]);
  });

  it("takes linear quantiles of days_since_prev over every repeat order", async () => {
    const { results } = await run();
    // gaps 0, 2, 5, 6, 7, 18, 81
    const { histogram, ...q } = results.time_between_purchases.days_since_prev;
    expect(q).toEqual({
      orders: 7,
      p10: expect.closeTo(1.2, 12),
      p25: 3.5,
      p50: 6,
      p75: 12.5,
      p90: expect.closeTo(43.2, 12),
    });
    expect(histogram.map((h) => h.days)).toEqual([0, 2, 5, 6, 7, 18, 81]);
  });

  it("puts the repeat window at the nearest-rank p25..p75 of days to the second order", async () => {
    const { results } = await run();
    // days to the second order: c 0, a 2, e 81
    expect(results.time_between_purchases.repeat_window).toEqual({
      p25: 1,
      p75: 41.5,
      window: [0, 81],
    });
  });

  it("bins repeaters by avg_days_since_prev and gives the share that reached 5+", async () => {
    const { results } = await run();
    // a 9/2 = 4.5, c 29/4 = 7.25, e 81
    const bins = results.time_between_purchases.interval_bins.filter((b) => b.users > 0);
    expect(bins).toEqual([
      { bin: "[3,8)", users: 2, rate_5plus: 0.5 },
      { bin: "[61,inf)", users: 1, rate_5plus: 0 },
    ]);
    const seg = results.time_between_purchases.avg_days_since_prev_by_segment;
    expect(seg["2-4"]).toEqual({ users: 2, mean: (4.5 + 81) / 2, median: (4.5 + 81) / 2 });
    expect(seg["5+"]).toEqual({ users: 1, mean: 7.25, median: 7.25 });
    const mw = mannWhitneyU([4.5, 81], [7.25]);
    expect(seg.mann_whitney).toEqual({ u1: mw.u1, p_value: mw.pValue, n1: 2, n2: 1 });
  });
});
