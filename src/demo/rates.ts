import { dateOfDay, isoWeekday, PERIOD_DAYS } from "./calendar.js";
import type { Random } from "./random.js";
import { normal } from "./samplers.js";

/** One row of `rates.csv`: `nominal` units of the currency cost `rate` roubles on `date`. */
export interface RateRow {
  readonly date: string;
  readonly currencyCode: string;
  readonly nominal: number;
  /** As written (4 decimals), so conversions use exactly the published figure. */
  readonly rate: string;
}

interface CurrencySpec {
  readonly code: string;
  readonly nominal: number;
  /** Central value and band of the rate per nominal, in roubles. */
  readonly centre: number;
  readonly low: number;
  readonly high: number;
  /** First published day (day 0 = 2024-06-01). */
  readonly firstDay: number;
}

/**
 * KZT starts a month before the period so every genuine tenge order has a rate. BYN
 * starts only in September: injected June–August BYN orders have a currency with rates
 * but none on or before their date (`no_exchange_rate`).
 */
export const RATE_CURRENCIES: readonly CurrencySpec[] = [
  { code: "kzt", nominal: 100, centre: 19, low: 18, high: 20, firstDay: -30 },
  { code: "byn", nominal: 1, centre: 28, low: 26.5, high: 29.5, firstDay: 93 },
];

/** Russia Day (2024-06-12, a Wednesday): no rate is set, so the as-of rule reaches back. */
const HOLIDAYS = new Set([11]);

export const publishes = (day: number): boolean => isoWeekday(day) <= 5 && !HOLIDAYS.has(day);

/** The exchange-rate table and the as-of lookup the demo uses to price tenge orders. */
export class ExchangeRates {
  readonly rows: RateRow[] = [];
  private readonly asOfByCurrency = new Map<string, Map<number, number>>();

  constructor(rng: Random) {
    for (const spec of RATE_CURRENCIES) this.publish(spec, rng);
    this.rows.sort((x, y) =>
      x.date === y.date ? x.currencyCode.localeCompare(y.currencyCode) : x.date < y.date ? -1 : 1,
    );
  }

  /** Roubles per one unit of `code` by the latest rate on or before `day`, if any. */
  perUnit(code: string, day: number): number | undefined {
    return this.asOfByCurrency.get(code)?.get(day);
  }

  private publish(spec: CurrencySpec, rng: Random): void {
    // A mean-reverting random walk of the log rate: smooth, and never far from the centre.
    const centre = Math.log(spec.centre);
    let logRate = centre + 0.01 * normal(rng);
    let latest: number | undefined;
    const asOf = new Map<number, number>();
    for (let day = spec.firstDay; day < PERIOD_DAYS; day++) {
      if (publishes(day)) {
        logRate += 0.08 * (centre - logRate) + 0.004 * normal(rng);
        const value = Math.min(spec.high, Math.max(spec.low, Math.exp(logRate)));
        const rate = value.toFixed(4);
        this.rows.push({
          date: dateOfDay(day),
          currencyCode: spec.code,
          nominal: spec.nominal,
          rate,
        });
        latest = Number(rate) / spec.nominal;
      }
      if (latest !== undefined) asOf.set(day, latest);
    }
    this.asOfByCurrency.set(spec.code, asOf);
  }
}
