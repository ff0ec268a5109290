import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareOrders } from "../src/analysis/prepare-orders.js";
import { resolveConfig } from "../src/config/load-config.js";
import { DuckDBEngine } from "../src/engine/duckdb/engine.js";
import { zeroReasonCounts } from "../src/prepare/reasons.js";
import { TABLES } from "../src/queries/tables.js";
import { analyzeCsv, csv, tempDir } from "./helpers.js";

const HEADER =
  "user_id,order_id,order_ts,order_dt,revenue,currency_code,tickets_count,device_type_canonical,event_type_main,region_name,city_name,service_name";

/** A valid order row with some fields replaced. */
function row(fields: Partial<Record<string, string>>): string {
  const base: Record<string, string> = {
    user_id: "u1",
    order_id: "1",
    order_ts: "2024-06-03 10:00:00",
    order_dt: "",
    revenue: "100",
    currency_code: "rub",
    tickets_count: "1",
    device_type_canonical: "mobile",
    event_type_main: "concerts",
    region_name: "Moscow",
    city_name: "Moscow",
    service_name: "Op A",
    ...fields,
  };
  return HEADER.split(",")
    .map((c) => base[c] ?? "")
    .join(",");
}

const RATES = csv(
  "date,currency_code,nominal,rate",
  "2024-06-07,KZT,100,20", // a Friday
  "2024-06-10,kzt,100,21", // the Monday after
  "2024-06-11,kzt,100,-5", // ignored: rate <= 0
  "2024-06-12,kzt,0,22", // ignored: nominal <= 0
);

const reasons = (rejects: Record<string, string>[]) =>
  rejects.map((r) => [Number(r.row_number), r.reason]);

describe("reject reasons (ANALYSIS.md §2, §11.1)", () => {
  it("gives every reason to the row that has it, with its row number", async () => {
    const { results, rejects } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1" }),
        row({ user_id: "  ", order_id: "2" }),
        row({ order_id: "" }),
        row({ order_id: "3", order_ts: "2024-06-31 10:00" }),
        row({ order_id: "4", revenue: "-0.01" }),
        row({ order_id: "5", tickets_count: "0" }),
        row({ order_id: "6", currency_code: "usd" }),
        row({ order_id: "7", currency_code: "kzt", order_ts: "2024-06-06 23:59:59" }),
        row({ order_id: "1" }),
        row({ order_id: "8" }),
        row({ order_id: "8", revenue: "101" }),
      ),
      RATES,
    );
    expect(reasons(rejects)).toEqual([
      [2, "missing_user_id"],
      [3, "missing_order_id"],
      [4, "bad_timestamp"],
      [5, "bad_revenue"],
      [6, "bad_tickets_count"],
      [7, "unknown_currency"],
      [8, "no_exchange_rate"],
      [9, "duplicate_row"],
      [10, "conflicting_order_id"],
      [11, "conflicting_order_id"],
    ]);
    expect(results.ledger).toEqual({
      rows_read: 11,
      rows_accepted: 1,
      rows_rejected: {
        missing_user_id: 1,
        missing_order_id: 1,
        bad_timestamp: 1,
        bad_revenue: 1,
        bad_tickets_count: 1,
        unknown_currency: 1,
        no_exchange_rate: 1,
        duplicate_row: 1,
        conflicting_order_id: 2,
      },
    });
  });

  it("keeps the raw values of a rejected row in the rejects output", async () => {
    const { rejects } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1" }),
        row({ order_id: "9", revenue: '"12,5"', region_name: " Omsk " }),
      ),
      null,
    );
    expect(rejects).toEqual([
      {
        row_number: "2",
        reason: "bad_revenue",
        ...Object.fromEntries(HEADER.split(",").map((c) => [c, ""])),
        user_id: "u1",
        order_id: "9",
        order_ts: "2024-06-03 10:00:00",
        revenue: "12,5",
        currency_code: "rub",
        tickets_count: "1",
        device_type_canonical: "mobile",
        event_type_main: "concerts",
        region_name: " Omsk ",
        city_name: "Moscow",
        service_name: "Op A",
      },
    ]);
  });

  it("gives a row with several faults the first reason in table order", async () => {
    const { rejects } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1" }),
        row({ user_id: "", order_id: "", revenue: "x" }),
        row({ order_id: "", order_ts: "never", revenue: "x" }),
        row({ order_id: "2", order_ts: "never", revenue: "x", tickets_count: "x" }),
        row({ order_id: "3", revenue: "x", tickets_count: "x", currency_code: "usd" }),
        row({ order_id: "4", tickets_count: "x", currency_code: "usd" }),
        row({ order_id: "5", currency_code: "usd", order_ts: "2024-01-01" }),
      ),
      RATES,
    );
    expect(reasons(rejects)).toEqual([
      [2, "missing_user_id"],
      [3, "missing_order_id"],
      [4, "bad_timestamp"],
      [5, "bad_revenue"],
      [6, "bad_tickets_count"],
      [7, "unknown_currency"],
    ]);
  });

  it("keeps the first of identical rows and rejects the later copies as duplicate_row", async () => {
    const { results, rejects } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1" }),
        row({ order_id: "2" }),
        row({ order_id: "1" }),
        row({ order_id: "1" }),
      ),
      null,
    );
    expect(reasons(rejects)).toEqual([
      [3, "duplicate_row"],
      [4, "duplicate_row"],
    ]);
    expect(results.ledger.rows_accepted).toBe(2);
  });

  it("compares duplicates as raw text: a copy with other spacing is a conflict, not a duplicate", async () => {
    const { rejects } = await analyzeCsv(
      csv(HEADER, row({ order_id: "1" }), row({ order_id: "1", region_name: "Moscow " })),
      null,
    );
    expect(reasons(rejects)).toEqual([
      [1, "conflicting_order_id"],
      [2, "conflicting_order_id"],
    ]);
  });

  it("rejects every row of a conflicting order_id, and an exact copy of one as duplicate_row", async () => {
    const { results, rejects } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "7", revenue: "10" }),
        row({ order_id: "7", revenue: "20" }),
        row({ order_id: "7", revenue: "20" }),
        row({ order_id: " 7 ", revenue: "30" }),
        row({ order_id: "8" }),
      ),
      null,
    );
    expect(reasons(rejects)).toEqual([
      [1, "conflicting_order_id"],
      [2, "conflicting_order_id"],
      [3, "duplicate_row"],
      [4, "conflicting_order_id"],
    ]);
    expect(results.ledger.rows_accepted).toBe(1);
  });

  it("decides conflicts only among rows that passed every other check", async () => {
    const { rejects, results } = await analyzeCsv(
      csv(HEADER, row({ order_id: "5" }), row({ order_id: "5", revenue: "oops" })),
      null,
    );
    expect(reasons(rejects)).toEqual([[2, "bad_revenue"]]);
    expect(results.ledger.rows_accepted).toBe(1);
  });
});

describe("value conventions (ANALYSIS.md §11.4–5)", () => {
  it("accepts ISO timestamps with T or a space, falls back to order_dt, rejects offsets and impossible dates", async () => {
    const { rejects, users } = await analyzeCsv(
      csv(
        HEADER,
        row({ user_id: "a", order_id: "1", order_ts: "2024-06-03T10:00" }),
        row({ user_id: "b", order_id: "2", order_ts: "2024-06-03 10:00:05.25" }),
        row({ user_id: "c", order_id: "3", order_ts: "", order_dt: "2024-06-04" }),
        row({ user_id: "d", order_id: "4", order_ts: "2024-06-03T10:00+03:00" }),
        row({ user_id: "d", order_id: "5", order_ts: "2024-02-30" }),
        row({ user_id: "d", order_id: "6", order_ts: "03.06.2024" }),
        row({ user_id: "d", order_id: "7", order_ts: "", order_dt: "" }),
        row({ user_id: "d", order_id: "8", order_ts: "2024-06-03 24:00:00" }),
        row({ user_id: "d", order_id: "9", order_ts: "2024-06-03T24:00" }),
        row({ user_id: "d", order_id: "10", order_ts: "2024-06-03 23:60" }),
      ),
      null,
    );
    // 24:00 is no time of day: the engines would silently read it as the next day.
    expect(reasons(rejects)).toEqual([
      [4, "bad_timestamp"],
      [5, "bad_timestamp"],
      [6, "bad_timestamp"],
      [7, "bad_timestamp"],
      [8, "bad_timestamp"],
      [9, "bad_timestamp"],
      [10, "bad_timestamp"],
    ]);
    expect(users.map((u) => [u.user_id, u.first_order_ts, u.first_order_dt])).toEqual([
      ["a", "2024-06-03 10:00:00", "2024-06-03"],
      ["b", "2024-06-03 10:00:05.25", "2024-06-03"],
      ["c", "2024-06-04 00:00:00", "2024-06-04"],
    ]);
  });

  it("accepts revenue from 0 up to, not including, 1e15 and rejects the rest", async () => {
    const good = ["0", "12.50", "1e3", " 7 ", ".5", "999999999999999.9"];
    const bad = ["-1", "abc", "", "inf", "NaN", '"1,5"', "1_000", "0x10", "1e400"];
    const huge = ["1e15", "1e20", "123456789012345678901", "1e308"];
    const lines = [...good, ...bad, ...huge].map((v, i) =>
      row({ order_id: String(i + 1), revenue: v }),
    );
    const { rejects, users } = await analyzeCsv(csv(HEADER, ...lines), null);
    expect(reasons(rejects)).toEqual(
      [...bad, ...huge].map((_, i) => [good.length + i + 1, "bad_revenue"]),
    );
    expect(Number(users[0]?.total_revenue_rub)).toBeCloseTo(1e15 + 12.5 + 1000 + 7 + 0.5, 0);
  });

  it("rejects 1e308 tenge as bad_revenue rather than let it become infinite in roubles", async () => {
    const { rejects, users } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1" }),
        row({ order_id: "2", currency_code: "kzt", revenue: "1e308", order_ts: "2024-06-10" }),
      ),
      RATES,
    );
    expect(reasons(rejects)).toEqual([[2, "bad_revenue"]]);
    expect(users.map((u) => u.total_revenue_rub)).toEqual(["100.0"]);
  });

  it("carries revenue just below the bound, summed over twelve thousand orders, through every stage", async () => {
    // One user's total passes int64 (9.2e18), and so do the upper φK bin edges of total
    // revenue: a whole number of that size once failed to bind.
    const heavy = Array.from({ length: 12_000 }, (_, i) =>
      row({ user_id: "heavy", order_id: String(i + 1), revenue: "999999999999999" }),
    );
    const light = Array.from({ length: 60 }, (_, i) =>
      row({
        user_id: `u${i % 30}`,
        order_id: String(20_000 + i),
        order_ts: `2024-06-${String(1 + (i % 28)).padStart(2, "0")} 10:00`,
        revenue: String(100 + i),
      }),
    );
    const { results, users } = await analyzeCsv(csv(HEADER, ...heavy, ...light), null);
    expect(results.ledger.rows_accepted).toBe(12_060);
    const relative = (a: number, b: number) => Math.abs(a / b - 1);
    expect(relative(results.overall.revenue_rub, 1.1999999999999988e19)).toBeLessThan(1e-12);
    const total = Number(users.find((u) => u.user_id === "heavy")?.total_revenue_rub);
    expect(relative(total, 1.1999999999999988e19)).toBeLessThan(1e-12);
    expect(results.correlation).not.toBeNull();
    for (const s of ["1", "2-4", "5+"] as const) {
      const mean = results.revenue.segments[s].mean_avg_revenue_rub;
      if (results.repeat.segments[s].users > 0) expect(Number.isFinite(mean)).toBe(true);
    }
    expect(JSON.stringify(results)).not.toMatch(/Infinity|NaN/);
  }, 60_000);

  it("reads tickets_count: blank is 1, 2.0 is 2, anything not a whole number ≥ 1 is rejected", async () => {
    const good = ["", "2.0", "3", " 4 "];
    const bad = ["0", "1.5", "two", "-1"];
    const lines = [...good, ...bad].map((v, i) =>
      row({ order_id: String(i + 1), tickets_count: v }),
    );
    const { rejects, users } = await analyzeCsv(csv(HEADER, ...lines), null);
    expect(reasons(rejects)).toEqual(bad.map((_, i) => [good.length + i + 1, "bad_tickets_count"]));
    expect(users[0]?.total_tickets).toBe("10");
  });

  it("trims text dimensions and calls an empty one unknown", async () => {
    const { users } = await analyzeCsv(
      csv(
        HEADER,
        row({ device_type_canonical: "  desktop ", event_type_main: "", region_name: "   " }),
      ),
      null,
    );
    expect(users[0]).toMatchObject({
      first_device: "desktop",
      first_event_type: "unknown",
      first_region: "unknown",
    });
  });
});

describe("currency conversion: the latest rate on or before the order date (§1)", () => {
  it("converts a weekend order at Friday's rate and a Monday order at Monday's", async () => {
    const { results, users } = await analyzeCsv(
      csv(
        HEADER,
        row({
          user_id: "sat",
          order_id: "1",
          order_ts: "2024-06-08 12:00",
          currency_code: " KZT ",
          revenue: "1000",
        }),
        row({
          user_id: "mon",
          order_id: "2",
          order_ts: "2024-06-10 00:00",
          currency_code: "kzt",
          revenue: "1000",
        }),
        row({
          user_id: "fri",
          order_id: "3",
          order_ts: "2024-06-07 00:00",
          currency_code: "kzt",
          revenue: "50",
        }),
        row({
          user_id: "wed",
          order_id: "4",
          order_ts: "2024-06-12 09:00",
          currency_code: "kzt",
          revenue: "100",
        }),
        row({ user_id: "rub", order_id: "5", currency_code: "", revenue: "7" }),
      ),
      RATES,
    );
    const rub = Object.fromEntries(users.map((u) => [u.user_id, Number(u.total_revenue_rub)]));
    expect(rub).toEqual({ sat: 200, mon: 210, fri: 10, wed: 21, rub: 7 });
    expect(results.preparation.rates).toEqual({
      rows_read: 4,
      rows_used: 2,
      rows_ignored: 2,
      ignored: {
        bad_date: 0,
        missing_currency: 0,
        rouble: 0,
        bad_nominal: 1,
        bad_rate: 1,
        superseded: 0,
      },
      conflicting_dates: 0,
    });
    expect(results.notes).toContainEqual(
      expect.objectContaining({
        code: "rates_ignored",
        text: "2 of 4 rate rows were ignored: 1 with a nominal that is not a number > 0, 1 with a rate that is not a number > 0.",
        warning: true,
      }),
    );
    expect(results.preparation.currencies).toEqual([
      { currency_code: "kzt", orders: 4, revenue: 2150, revenue_rub: 441 },
      { currency_code: "rub", orders: 1, revenue: 7, revenue_rub: 7 },
    ]);
  });

  it("rejects an order dated before the first rate as no_exchange_rate, and one with no rates at all as unknown_currency", async () => {
    const { rejects } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1" }),
        row({ order_id: "2", order_ts: "2024-06-06 23:59", currency_code: "kzt" }),
        row({ order_id: "3", currency_code: "byn" }),
      ),
      RATES,
    );
    expect(reasons(rejects)).toEqual([
      [2, "no_exchange_rate"],
      [3, "unknown_currency"],
    ]);
  });

  it("looks rates up on the orders' days only: rates dated 0001 and 9999 add two rows, not a grid of every day", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "orders.csv"),
      csv(
        HEADER,
        row({ order_id: "1", order_ts: "2024-06-08 12:00", currency_code: "kzt", revenue: "1000" }),
        row({ order_id: "2", order_ts: "2024-06-03 12:00", currency_code: "usd", revenue: "1" }),
        row({ order_id: "3", order_ts: "2024-06-03 12:00", currency_code: "rub", revenue: "1" }),
      ),
    );
    await writeFile(
      join(dir, "rates.csv"),
      csv(
        "date,currency_code,nominal,rate",
        "0001-01-01,kzt,100,1",
        "2024-06-07,kzt,100,20",
        "9999-12-31,kzt,100,99",
        "0001-01-01,usd,1,50",
        "9999-12-31,usd,1,90",
      ),
    );
    const config = resolveConfig({}, dir, {
      orders: join(dir, "orders.csv"),
      rates: join(dir, "rates.csv"),
    });
    const engine = await DuckDBEngine.open({ threads: 1 });
    try {
      await prepareOrders(engine, config, () => {});
      const [days] = await engine.all(`SELECT count(*) AS n FROM ${TABLES.dailyRates}`);
      // Two order days, five rate days: at most one row each.
      expect(Number(days?.n)).toBeLessThanOrEqual(7);
      const converted = await engine.all(
        `SELECT order_id, revenue_rub FROM ${TABLES.checked} ORDER BY order_id`,
      );
      // The ids are canonical integers, so the checked table keeps them as numbers.
      expect(converted).toEqual([
        { order_id: 1, revenue_rub: 200 },
        { order_id: 2, revenue_rub: 50 },
        { order_id: 3, revenue_rub: 1 },
      ]);
    } finally {
      await engine.close();
    }
  });

  it("names a currency whose rate rows are all unusable, rather than leave it an unknown currency", async () => {
    const { results, rejects } = await analyzeCsv(
      csv(HEADER, row({ order_id: "1" }), row({ order_id: "2", currency_code: "usd" })),
      csv(
        "date,currency_code,nominal,rate",
        "2024-06-01,usd,1,-90",
        "03.06.2024,usd,1,91",
        "2024-06-01,kzt,100,20",
      ),
    );
    expect(reasons(rejects)).toEqual([[2, "unknown_currency"]]);
    expect(results.notes.filter((n) => n.code.startsWith("rates_")).map((n) => n.text)).toEqual([
      "2 of 3 rate rows were ignored: 1 with a date that is not YYYY-MM-DD, 1 with a rate that is not a number > 0.",
      "The rates have 2 rows for usd, but none is usable (a date that is not YYYY-MM-DD: 1, a rate that is not a number > 0: 1): orders in usd are rejected as unknown_currency. Fix the rates of usd.",
    ]);
  });

  it("counts the dates on which the rates contradict themselves, and uses the later row", async () => {
    const { results, users } = await analyzeCsv(
      csv(HEADER, row({ order_id: "1", currency_code: "kzt", order_ts: "2024-06-03 10:00" })),
      csv(
        "date,currency_code,nominal,rate",
        "2024-06-03,kzt,100,20",
        "2024-06-03,kzt,100,21",
        "2024-06-04,kzt,100,20",
        "2024-06-04,kzt,1,0.2",
      ),
    );
    expect(users.map((u) => u.total_revenue_rub)).toEqual(["21.0"]);
    expect(results.preparation.rates?.conflicting_dates).toBe(1);
    expect(results.notes).toContainEqual(
      expect.objectContaining({
        code: "rates_conflicting",
        text: "The rates give one currency different rates on the same date in 1 case (kzt 2024-06-03); the later row of the file is used.",
        warning: true,
      }),
    );
  });

  it("without a rates file, every non-rouble order is unknown_currency", async () => {
    const { rejects } = await analyzeCsv(
      csv(HEADER, row({ order_id: "1" }), row({ order_id: "2", currency_code: "kzt" })),
      null,
    );
    expect(reasons(rejects)).toEqual([[2, "unknown_currency"]]);
  });
});

describe("the per-user table (ANALYSIS.md §3)", () => {
  it("computes every column by hand", async () => {
    const { users, results } = await analyzeCsv(
      csv(
        `${HEADER},days_since_prev`,
        `${row({ user_id: "a", order_id: "1", order_ts: "2024-06-01 10:00", revenue: "100", tickets_count: "2", device_type_canonical: "mobile", event_type_main: "concerts", region_name: "Moscow", city_name: "Moscow", service_name: "Op A" })},`,
        `${row({ user_id: "a", order_id: "2", order_ts: "2024-06-01 18:00", revenue: "50", tickets_count: "1", device_type_canonical: "desktop", event_type_main: "theatre" })},0`,
        `${row({ user_id: "a", order_id: "3", order_ts: "2024-06-11 09:30", currency_code: "kzt", revenue: "1000", tickets_count: "3" })},9`,
        `${row({ user_id: "b", order_id: "4", order_ts: "2024-06-05 08:00", revenue: "300", tickets_count: "1", device_type_canonical: "desktop", event_type_main: "sport", region_name: "Kazan", city_name: "Kazan", service_name: "Op B" })},`,
      ),
      RATES,
    );
    expect(users).toEqual([
      {
        user_id: "a",
        first_order_ts: "2024-06-01 10:00:00",
        first_order_dt: "2024-06-01",
        last_order_dt: "2024-06-11",
        first_event_type: "concerts",
        first_device: "mobile",
        first_region: "Moscow",
        first_service: "Op A",
        first_city: "Moscow",
        first_order_revenue_rub: "100.0",
        first_order_tickets: "2",
        first_order_weekday: "6",
        total_orders: "3",
        total_revenue_rub: "360.0",
        avg_revenue_rub: "120.0",
        total_tickets: "6",
        avg_tickets_count: "2.0",
        avg_days_since_prev: "5.0",
        days_to_second_order: "0",
        is_two: "true",
        is_five: "false",
        segment: "2-4",
        excluded_by_filter: "false",
      },
      {
        user_id: "b",
        first_order_ts: "2024-06-05 08:00:00",
        first_order_dt: "2024-06-05",
        last_order_dt: "2024-06-05",
        first_event_type: "sport",
        first_device: "desktop",
        first_region: "Kazan",
        first_service: "Op B",
        first_city: "Kazan",
        first_order_revenue_rub: "300.0",
        first_order_tickets: "1",
        first_order_weekday: "3",
        total_orders: "1",
        total_revenue_rub: "300.0",
        avg_revenue_rub: "300.0",
        total_tickets: "1",
        avg_tickets_count: "1.0",
        avg_days_since_prev: "",
        days_to_second_order: "",
        is_two: "false",
        is_five: "false",
        segment: "1",
        excluded_by_filter: "false",
      },
    ]);
    // a's third order: 2024-06-01 → 2024-06-11 is 10 days, the source said 9.
    expect(results.preparation.days_since_prev_check).toEqual({ compared: 4, mismatches: 1 });
  });

  it("breaks ties in the first-order rule by order_id, numerically when every id is an integer", async () => {
    const ts = "2024-06-03 10:00:00";
    const numeric = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "10", order_ts: ts, event_type_main: "ten" }),
        row({ order_id: "9", order_ts: ts, event_type_main: "nine" }),
      ),
      null,
    );
    expect(numeric.users[0]?.first_event_type).toBe("nine");
    const text = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "a9", order_ts: ts, event_type_main: "nine" }),
        row({ order_id: "a10", order_ts: ts, event_type_main: "ten" }),
      ),
      null,
    );
    expect(text.users[0]?.first_event_type).toBe("ten");
  });

  it("keeps order ids in text as numbers only when every one is an integer as written", async () => {
    /** The checked table's order_id type and the ledger, for orders whose second id is `id`. */
    const check = async (id: string) => {
      const dir = await tempDir();
      await writeFile(
        join(dir, "orders.csv"),
        csv(
          HEADER,
          row({ order_id: "10", order_ts: "2024-06-03 10:00:00" }),
          row({ order_id: id, order_ts: "2024-06-04 10:00:00" }),
          row({ order_id: "-3", order_ts: "2024-06-05 10:00:00" }),
          row({ order_id: "", order_ts: "2024-06-06 10:00:00" }),
        ),
      );
      const config = resolveConfig({}, dir, { orders: join(dir, "orders.csv") });
      const engine = await DuckDBEngine.open({ threads: 1 });
      try {
        const { ledger } = await prepareOrders(engine, config, () => {});
        const [type] = await engine.all(
          `SELECT column_type AS t FROM (DESCRIBE SELECT order_id FROM ${TABLES.checked})`,
        );
        return { type: type?.t, accepted: ledger.rows_accepted, reasons: ledger.rows_rejected };
      } finally {
        await engine.close();
      }
    };
    // Blank ids are rejected either way and do not count.
    const numbers = await check("0");
    expect(numbers).toMatchObject({ type: "BIGINT", accepted: 3 });
    expect(numbers.reasons).toMatchObject({ missing_order_id: 1, conflicting_order_id: 0 });
    // '010' and '10' are two ids, ' 10' and '10' one (§11.1), '+7', '-0' and a 19-digit id
    // are not written as the integer they are: all of these keep the ids as text.
    const padded = await check(" 10");
    expect(padded).toMatchObject({ type: "VARCHAR", accepted: 1 });
    expect(padded.reasons).toMatchObject({ conflicting_order_id: 2 });
    for (const id of ["010", "+7", "-0", "1234567890123456789", "7a"]) {
      expect(await check(id), id).toMatchObject({ type: "VARCHAR", accepted: 3 });
    }
  });

  it("takes the earliest timestamp first, whatever the order_id", async () => {
    const { users } = await analyzeCsv(
      csv(
        HEADER,
        row({ order_id: "1", order_ts: "2024-06-03 10:00:01", event_type_main: "later" }),
        row({ order_id: "2", order_ts: "2024-06-03 10:00:00", event_type_main: "earlier" }),
      ),
      null,
    );
    expect(users[0]?.first_event_type).toBe("earlier");
  });
});

describe("the order-count filter (§3, §11.6)", () => {
  /** Users with 1,1,1,2,2,3,5,10,20,50 orders: P90 = 20 + 0.1·(50 − 20) = 23. */
  const counts = [1, 1, 1, 2, 2, 3, 5, 10, 20, 50];
  const orders = () => {
    const lines: string[] = [];
    let id = 0;
    counts.forEach((n, u) => {
      for (let k = 0; k < n; k++) {
        id++;
        const day = String(1 + (k % 28)).padStart(2, "0");
        lines.push(
          row({
            user_id: `u${u}`,
            order_id: String(id),
            order_ts: `2024-06-${day} 10:00:00`,
            revenue: String(10 * (u + 1)),
          }),
        );
      }
    });
    return csv(HEADER, ...lines);
  };

  it("removes users above percentile_cont(q) with their orders and revenue", async () => {
    const { results, users } = await analyzeCsv(orders(), null, { filterQuantile: 0.9 });
    expect(results.filter).toMatchObject({
      q: 0.9,
      users_removed: 1,
      orders_removed: 50,
      revenue_removed_rub: 5000,
      // Of 10 users, 95 orders and 8,370 ₽ of revenue in all.
      removed_share: { users: 1 / 10, orders: 50 / 95, revenue: 5000 / 8370 },
    });
    expect(results.filter.P).toBeCloseTo(23, 9);
    expect(results.overall).toMatchObject({
      users: 9,
      orders: 45,
      share_2plus: 6 / 9,
      share_5plus: 3 / 9,
    });
    expect(results.overall.mean_avg_revenue_rub).toBeCloseTo(
      (10 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9)) / 9,
      10,
    );
    expect(users.filter((u) => u.excluded_by_filter === "true").map((u) => u.user_id)).toEqual([
      "u9",
    ]);
    expect(results.repeat.segments).toEqual({
      "1": { users: 3, orders: 3, revenue_rub: 60 },
      "2-4": { users: 3, orders: 7, revenue_rub: 40 * 2 + 50 * 2 + 60 * 3 },
      "5+": { users: 3, orders: 35, revenue_rub: 70 * 5 + 80 * 10 + 90 * 20 },
    });
  });

  it("reports the sensitivity of the headline figures for none, 0.99, 0.95 and 0.90", async () => {
    const { results } = await analyzeCsv(orders(), null, { filterQuantile: 0.9 });
    // P99 = 20 + 0.91·30 = 47.3 and P95 = 20 + 0.55·30 = 36.5 also remove only the 50-order user.
    expect(results.filter.sensitivity.map((s) => [s.q, s.P, s.users, s.share_2plus])).toEqual([
      [null, null, 10, 0.7],
      [0.99, expect.closeTo(47.3, 9), 9, 6 / 9],
      [0.95, expect.closeTo(36.5, 9), 9, 6 / 9],
      [0.9, expect.closeTo(23, 9), 9, 6 / 9],
    ]);
  });

  it("keeps everyone when the filter is off", async () => {
    const { results } = await analyzeCsv(orders(), null, { filterQuantile: "none" });
    expect(results.filter).toMatchObject({ q: null, P: null, users_removed: 0, orders_removed: 0 });
    expect(results.overall.users).toBe(10);
  });
});

it("has a zero for every reason that did not occur", async () => {
  const { results } = await analyzeCsv(csv(HEADER, row({})), null);
  expect(results.ledger.rows_rejected).toEqual(zeroReasonCounts());
});
