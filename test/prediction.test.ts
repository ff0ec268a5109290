import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { mbgNbdConditionalExpected, mbgNbdProbabilityAlive } from "../src/stats/btyd/index.js";
import { analyzeCsv, csv, parseCsv, tempDir } from "./helpers.js";

const sample = fileURLToPath(
  new URL("../data/cdnow/cdnow_sample_transactions.csv.gz", import.meta.url),
);

const cdnowColumns = {
  user_id: "customer_id",
  order_id: "@row_number",
  order_dt: "date",
  revenue: "amount",
  tickets_count: "quantity",
} as const;

describe("who comes back, from the orders table", () => {
  const cdnowSample = (timeUnit: "days" | "weeks") =>
    runAnalysis(
      resolveConfig({}, process.cwd(), {
        orders: sample,
        columns: cdnowColumns,
        filterQuantile: "none",
        calibrationEnd: "1997-09-30",
        timeUnit,
      }),
    );

  it("reproduces Fader, Hardie & Lee (2005) on the CDNOW sample, read through the whole pipeline", async () => {
    // The literature's 39-week calibration: orders to 1997-09-30, same-day orders merged, time
    // in weeks from each customer's first purchase.
    const results = await cdnowSample("weeks");
    const holdout = results.prediction?.holdout;
    expect(results.prediction?.time_unit).toBe("weeks");
    expect(holdout?.calibration_end).toBe("1997-09-30");
    expect(holdout?.holdout_days).toBe(273);
    expect(holdout?.users).toBe(2357);
    const bg = holdout?.bg_nbd;
    expect(bg?.converged).toBe(true);
    // FHL 2005: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
    expect(bg?.params.r).toBeCloseTo(0.243, 3);
    expect(bg?.params.alpha).toBeCloseTo(4.414, 3);
    expect(bg?.params.a).toBeCloseTo(0.793, 3);
    expect(bg?.params.b).toBeCloseTo(2.426, 3);
    expect(bg?.log_likelihood).toBeCloseTo(-9582.43, 1);
    // Actual holdout occasions counted from the data: 2,357 first + 2,457 calibration repeat +
    // 1,882 holdout occasions = the sample's 6,696 after merging same-day rows.
    expect(holdout?.total.actual_orders).toBe(1882);
    expect(holdout?.bins.map((b) => b.bin)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(holdout?.bins.reduce((s, b) => s + b.users, 0)).toBe(2357);
  }, 60_000);

  it("predicts the same in days as in weeks", async () => {
    const [days, weeks] = [await cdnowSample("days"), await cdnowSample("weeks")];
    const [d, w] = [days.prediction, weeks.prediction];
    // α scales with the unit; r, a, b do not. A customer's likelihood has the dimension
    // time^−x, so each of the 2,457 calibration repeat occasions adds −ln 7 in days.
    const [bd, bw] = [d?.holdout?.bg_nbd, w?.holdout?.bg_nbd];
    expect((bd?.params.alpha ?? 0) / (bw?.params.alpha ?? 1)).toBeCloseTo(7, 4);
    expect(bd?.params.r).toBeCloseTo(bw?.params.r ?? 0, 4);
    expect((bd?.log_likelihood ?? 0) + 2457 * Math.log(7)).toBeCloseTo(bw?.log_likelihood ?? 0, 2);
    expect(d?.overall.expected_orders).toBeCloseTo(w?.overall.expected_orders ?? 0, 2);
    expect(d?.overall.mean_p_alive).toBeCloseTo(w?.overall.mean_p_alive ?? 0, 5);
    expect(d?.overall.mean_clv_rub).toBeCloseTo(w?.overall.mean_clv_rub ?? 0, 1);
  }, 60_000);

  it("fits every model on the demo, with finite figures, and exports them per user", async () => {
    const dir = await tempDir();
    // The demo as `npm run demo` makes it: default seed and size.
    await writeDemoCsv(join(dir, "data"));
    const out = join(dir, "out");
    const results = await runAnalysis(
      resolveConfig({}, dir, {
        orders: join(dir, "data", "orders.csv"),
        rates: join(dir, "data", "rates.csv"),
      }),
      { outDir: out },
    );
    const p = results.prediction;
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.fits.bg_nbd.converged).toBe(true);
    expect(p.fits.mbg_nbd.converged).toBe(true);
    expect(p.spend?.converged).toBe(true);
    expect(p.holdout?.mbg_nbd.converged).toBe(true);
    expect(p.holdout?.bg_nbd.converged).toBe(true);
    // The users the order-count filter keeps are modelled, as in the rest of the study.
    expect(p.users).toBe(results.overall.users);
    // MBG/NBD gives single-order buyers a P(alive) below 1.
    expect(p.single_order_buyers.mean_p_alive).toBeGreaterThan(0);
    expect(p.single_order_buyers.mean_p_alive).toBeLessThan(1);
    expect(p.single_order_buyers.p_alive_histogram.reduce((s, b) => s + b.users, 0)).toBe(
      p.single_order_buyers.users,
    );
    // The segments partition the users, and frequent buyers are expected to buy more.
    expect(p.by_segment.reduce((s, g) => s + g.users, 0)).toBe(p.users);
    const perUser = Object.fromEntries(
      p.by_segment.map((g) => [g.segment, g.expected_orders_per_user ?? 0]),
    );
    expect(perUser["5+"]).toBeGreaterThan(perUser["2-4"] ?? 0);
    expect(perUser["2-4"]).toBeGreaterThan(perUser["1"] ?? 0);
    // Every accepted user gets figures; the summaries are those of the kept users.
    const rows = parseCsv(await readFile(join(out, "predictions.csv"), "utf8"));
    expect(rows).toHaveLength(results.overall.users + results.filter.users_removed);
    const kept = rows.filter((r) => r.excluded_by_filter === "false");
    expect(kept).toHaveLength(p.users);
    const expected = kept.reduce((s, r) => s + Number(r.expected_orders), 0);
    expect(expected / p.overall.expected_orders).toBeCloseTo(1, 9);
    // P(alive) and the expected orders, computed per user in SQL, are the model's own.
    for (const r of rows.slice(0, 200)) {
      const [x, tx, T] = [r.repeat_occasions, r.recency_days, r.age_days].map(Number) as [
        number,
        number,
        number,
      ];
      const alive = mbgNbdProbabilityAlive(p.fits.mbg_nbd.params, x, tx, T);
      expect(Number(r.p_alive) / alive).toBeCloseTo(1, 12);
      const orders = mbgNbdConditionalExpected(p.fits.mbg_nbd.params, p.horizon_days, x, tx, T);
      expect(Number(r.expected_orders) / orders).toBeCloseTo(1, 12);
    }
    for (const r of rows) {
      for (const key of ["p_alive", "expected_orders", "expected_order_value_rub", "clv_rub"]) {
        expect(Number.isFinite(Number(r[key])), `${key} of ${r.user_id}`).toBe(true);
      }
    }
  }, 60_000);
});

describe("the customers each prediction figure covers", () => {
  /**
   * Orders to 2024-09-30, calibration to 2024-08-31, filter at the median (P = 2.5 orders):
   *   a: 06-01, 09-10             2 orders, kept; 1 holdout occasion
   *   b: 06-01, 06-05, 09-10, 09-12, 09-15   5 orders, filtered out; 2 by the calibration end
   *   c: 06-01 … 06-06 (6 days)   6 orders, filtered out, 6 by the calibration end
   *   d: 06-10, 06-10              2 orders on one day: one purchase day, not one order
   *   e: 07-01                     1 order
   *   f: 06-20, 07-05, 08-01       3 orders, filtered out; 3 by the calibration end
   */
  const ORDERS = [
    ["a", "06-01"],
    ["a", "09-10"],
    ...["06-01", "06-05", "09-10", "09-12", "09-15"].map((d) => ["b", d]),
    ...["06-01", "06-02", "06-03", "06-04", "06-05", "06-06"].map((d) => ["c", d]),
    ["d", "06-10"],
    ["d", "06-10"],
    ["e", "07-01"],
    ...["06-20", "07-05", "08-01"].map((d) => ["f", d]),
  ];
  const run = () =>
    analyzeCsv(
      csv(
        "user_id,order_id,order_dt,revenue",
        ...ORDERS.map(([u, d], i) => `${u},${i + 1},2024-${d},${100 + i}`),
      ),
      null,
      { filterQuantile: 0.5, dataEnd: "2024-09-30", calibrationEnd: "2024-08-31" },
    );

  it("counts as one-order customers those with one order, as segment 1 does", async () => {
    const { results } = await run();
    expect(results.filter.P).toBe(2.5);
    expect(results.repeat.segments["1"].users).toBe(1);
    expect(results.prediction?.single_order_buyers.users).toBe(1);
  }, 60_000);

  it("checks the forecast on the customers the filter keeps at the calibration end", async () => {
    const { results } = await run();
    const h = results.prediction?.holdout;
    // The fit sees all six; the comparison leaves out c and f (more than P = 2.5 orders by
    // 08-31) but keeps b (2 by then), as the forecast is about customers with at most P orders.
    expect(h?.fitted_users).toBe(6);
    expect(h?.max_orders).toBe(2.5);
    expect(h?.users).toBe(4);
    expect(h?.total.actual_orders).toBe(1 + 3);
  }, 60_000);
});
