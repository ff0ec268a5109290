import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { quantileLinear } from "../src/stats/index.js";
import { analyzeCsv, csv, parseCsv, tempDir } from "./helpers.js";

const LIST_COLUMNS = [
  "user_id",
  "segment",
  "first_order_dt",
  "last_order_dt",
  "total_orders",
  "total_revenue_rub",
  "days_since_last_order",
  "p_alive",
  "expected_orders",
  "clv_rub",
  "reason",
];

describe("customer lists (ANALYSIS.md §14)", () => {
  it("nudges the one-order customers inside the window, by hand", async () => {
    // data_end 09-10, window [5, 20] days since the one order:
    //   a 09-01 (9 days) in · b 08-01 (40 days) out · c 09-08 (2 days) out
    //   d 08-25 (16 days) in · e 08-30 and 09-02: two orders, out
    const { dir, results } = await analyzeCsv(
      csv(
        "user_id,order_id,order_dt,revenue",
        "a,1,2024-09-01,100",
        "b,2,2024-08-01,100",
        "c,3,2024-09-08,100",
        "d,4,2024-08-25,300",
        "e,5,2024-08-30,100",
        "e,6,2024-09-02,100",
      ),
      null,
      { dataEnd: "2024-09-10", predict: false },
      { lists: { nudge_window: [5, 20] } },
    );
    const rows = parseCsv(await readFile(join(dir, "lists", "nudge_now.csv"), "utf8"));
    expect(rows.map((r) => [r.user_id, r.days_since_last_order, r.total_revenue_rub])).toEqual([
      ["d", "16", "300.0"],
      ["a", "9", "100.0"],
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual(LIST_COLUMNS);
    expect(results.lists.nudge_now).toMatchObject({ users: 2, revenue_rub: 400 });
    // Without the models there is no P(alive): the other lists are not made.
    expect(results.lists.champions).toBeNull();
  });

  describe("on the demo, every list holds exactly the customers its rule selects", () => {
    let out: string;
    let results: AnalysisResults;
    let users: Record<string, string>[];
    let predictions: Map<string, Record<string, string>>;
    beforeAll(async () => {
      const dir = await tempDir();
      await writeDemoCsv(join(dir, "data"), { users: 2000 });
      out = join(dir, "out");
      results = await runAnalysis(
        resolveConfig({}, dir, {
          orders: join(dir, "data", "orders.csv"),
          rates: join(dir, "data", "rates.csv"),
        }),
        { outDir: out },
      );
      users = parseCsv(await readFile(join(out, "agg_users.csv"), "utf8")).filter(
        (u) => u.excluded_by_filter === "false",
      );
      predictions = new Map(
        parseCsv(await readFile(join(out, "predictions.csv"), "utf8")).map((p) => [
          p.user_id ?? "",
          p,
        ]),
      );
    }, 120_000);

    const listed = async (name: string) =>
      parseCsv(await readFile(join(out, "lists", `${name}.csv`), "utf8"));
    const age = (date: string) =>
      (Date.parse(results.data_end ?? "") - Date.parse(date)) / 86_400_000;
    const pAlive = (u: Record<string, string>) => Number(predictions.get(u.user_id ?? "")?.p_alive);
    const expectList = async (
      name: keyof AnalysisResults["lists"],
      keep: (u: Record<string, string>) => boolean,
    ) => {
      const want = users
        .filter(keep)
        .map((u) => u.user_id)
        .sort();
      const got = (await listed(name)).map((r) => r.user_id).sort();
      expect(got).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
      expect(results.lists[name]?.users).toBe(want.length);
      const revenue = users.filter(keep).reduce((s, u) => s + Number(u.total_revenue_rub), 0);
      expect(results.lists[name]?.revenue_rub).toBeCloseTo(revenue, 3);
    };

    it("nudge_now: one order, as many days ago as the repeat window", async () => {
      const [lo, hi] = results.time_between_purchases.repeat_window.window ?? [0, 0];
      await expectList("nudge_now", (u) => {
        const days = age(u.first_order_dt ?? "");
        return u.total_orders === "1" && days >= lo && days <= hi;
      });
    });

    it("one_order_likely_active: at most one repeat purchase day, P(alive) ≥ 0.5", async () => {
      await expectList(
        "one_order_likely_active",
        (u) => Number(predictions.get(u.user_id ?? "")?.repeat_occasions) <= 1 && pAlive(u) >= 0.5,
      );
    });

    it("at_risk_valuable: 2+ orders, P(alive) < 0.5, revenue at least the repeaters' median", async () => {
      const repeaters = users.filter((u) => Number(u.total_orders) >= 2);
      const median = quantileLinear(
        repeaters.map((u) => Number(u.total_revenue_rub)).sort((a, b) => a - b),
        0.5,
      );
      await expectList(
        "at_risk_valuable",
        (u) =>
          Number(u.total_orders) >= 2 &&
          pAlive(u) < 0.5 &&
          Number(u.total_revenue_rub) >= median - 1e-6,
      );
    });

    it("champions: 5+ orders, P(alive) ≥ 0.5", async () => {
      await expectList("champions", (u) => Number(u.total_orders) >= 5 && pAlive(u) >= 0.5);
    });

    it("writes the most valuable first, with the figures that put each there", async () => {
      const rows = await listed("champions");
      const revenue = rows.map((r) => Number(r.total_revenue_rub));
      expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
      expect(rows[0]?.reason).toBe(results.lists.champions?.rule);
      expect(Number(rows[0]?.p_alive)).toBeGreaterThanOrEqual(0.5);
    });
  });
});
