import { describe, expect, it } from "vitest";
import { type DateCount, outlyingDates, outlyingDatesNote } from "./outlying-dates.js";

/** `orders` orders on every day from `from` for `days` days. */
function daily(from: string, days: number, orders = 10): DateCount[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    orders,
  }));
}

describe("orders dated far from the rest (ANALYSIS.md §11.13)", () => {
  it("finds nothing in steady data, nor in two seasons of real size", () => {
    expect(outlyingDates(daily("2024-06-01", 153))).toEqual([]);
    const seasons = [...daily("2023-06-01", 90), ...daily("2024-06-01", 90)];
    expect(outlyingDates(seasons)).toEqual([]);
  });

  it("finds one order a year after the rest, with the date the study would end on", () => {
    const days = [...daily("2024-06-01", 153), { date: "2025-10-31", orders: 1 }];
    expect(outlyingDates(days)).toEqual([
      { side: "late", dates: ["2025-10-31"], orders: 1, edge: "2024-10-31", gapDays: 365 },
    ]);
  });

  it("finds a few orders long before the bulk, up to 1% of the orders", () => {
    const early = [
      { date: "2019-01-05", orders: 2 },
      { date: "2019-01-06", orders: 1 },
    ];
    expect(outlyingDates([...early, ...daily("2024-06-01", 30)])).toEqual([
      {
        side: "early",
        dates: ["2019-01-05", "2019-01-06"],
        orders: 3,
        edge: "2024-06-01",
        gapDays: 1973,
      },
    ]);
    // 300 orders of 300 + 30: too many to be a slip; they are part of the data.
    expect(
      outlyingDates([{ date: "2019-01-05", orders: 300 }, ...daily("2024-06-01", 30)]),
    ).toEqual([]);
  });

  it("needs a gap longer than 30 days, or a tenth of the span of the orders", () => {
    // The last of 100 days is 2024-09-08: 30 days later is not apart, 31 is.
    const hundred = daily("2024-06-01", 100);
    expect(outlyingDates([...hundred, { date: "2024-10-08", orders: 1 }])).toEqual([]);
    expect(outlyingDates([...hundred, { date: "2024-10-09", orders: 1 }])).toHaveLength(1);
    // Ten years of orders: a gap of 200 days is within what the data shows.
    const decade = daily("2010-01-01", 3650, 1);
    expect(outlyingDates([...decade, { date: "2020-07-15", orders: 1 }])).toEqual([]);
    expect(outlyingDates([...decade, { date: "2021-06-01", orders: 1 }])).toHaveLength(1);
  });

  it("says how many, which dates and rows, and how to set data_end, in English and Russian", () => {
    const note = outlyingDatesNote(
      { side: "late", dates: ["2025-10-31"], orders: 1, edge: "2024-10-31", gapDays: 365 },
      [41807],
    );
    expect(note.code).toBe("outlying_dates_late");
    expect(note.text).toBe(
      "1 order is dated long after the rest: 2025-10-31 (row 41807), 365 days after the other orders end on 2024-10-31. " +
        "They move data_end, and with it every figure that depends on how long customers were watched and the prediction. " +
        "If the dates are mistyped, fix them; to end the study with the other orders, set data_end to 2024-10-31 (--data-end 2024-10-31 or data_end in the config).",
    );
    expect(note.texts?.ru).toMatch(
      /^1 заказ датирован намного позже остальных: 2025-10-31 \(строка 41807\), через 365 дней/,
    );
  });
});
