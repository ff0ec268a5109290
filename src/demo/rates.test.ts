import { describe, expect, it } from "vitest";
import { isoWeekday } from "./calendar.js";
import { generateDemo } from "./generate.js";
import { Random } from "./random.js";
import { ExchangeRates } from "./rates.js";

const dayOf = (date: string): number =>
  (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2024, 5, 1)) / 86_400_000;

describe("the exchange-rate table", () => {
  const rates = new ExchangeRates(new Random(1));
  const kzt = rates.rows.filter((r) => r.currencyCode === "kzt");

  it("is published on weekdays only", () => {
    expect(rates.rows.every((r) => isoWeekday(dayOf(r.date)) <= 5)).toBe(true);
  });

  it("has KZT per 100 tenge between 18 and 20 roubles, from before the period", () => {
    expect(
      kzt.every((r) => r.nominal === 100 && Number(r.rate) >= 18 && Number(r.rate) <= 20),
    ).toBe(true);
    expect((kzt[0]?.date ?? "") < "2024-06-01").toBe(true);
    expect(kzt.at(-1)?.date).toBe("2024-10-31");
  });

  it("starts BYN only in September", () => {
    const byn = rates.rows.filter((r) => r.currencyCode === "byn");
    expect(byn[0]?.date).toBe("2024-09-02");
  });

  it("applies Friday's rate on the weekend (the as-of rule)", () => {
    const friday = kzt.find((r) => r.date === "2024-06-07");
    expect(rates.perUnit("kzt", dayOf("2024-06-09"))).toBe(Number(friday?.rate) / 100);
    expect(rates.perUnit("byn", dayOf("2024-08-30"))).toBeUndefined();
  });

  it("prices every tenge order of the demo at about 5.3 tenge per rouble", () => {
    const demo = generateDemo({ users: 500 });
    const kztRows = [...demo.rows].filter(
      (r) => r.expect === "accepted" && r.cells[5]?.trim().toLowerCase() === "kzt",
    );
    expect(kztRows.length).toBeGreaterThan(0);
    for (const { cells } of kztRows) {
      const perUnit = rates.perUnit("kzt", dayOf(cells[3] ?? ""));
      expect(perUnit).toBeGreaterThan(0.18);
    }
  });
});
