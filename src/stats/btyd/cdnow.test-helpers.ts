import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** Per-customer statistics of the CDNOW sample for the standard 39 + 39-week split. */
export interface CdnowSample {
  /** Repeat purchase occasions in the calibration period. */
  x: number[];
  /** Weeks from the first purchase to the last calibration occasion. */
  tx: number[];
  /** Weeks from the first purchase to the calibration end (272/7 for a 1997-01-01 buyer). */
  T: number[];
  /** Mean value of the x repeat occasions (dollars), 0 when x = 0. */
  m: number[];
  /** Purchase occasions in the 39-week holdout, 1997-10-01 .. 1998-06-30. */
  holdout: number[];
}

const FILE = new URL("../../../data/cdnow/cdnow_sample_transactions.csv.gz", import.meta.url);
const CALIBRATION_END = day("1997-09-30");
const HOLDOUT_END = day("1998-06-30");

/**
 * The CDNOW sample (data/cdnow/README.md) as Fader, Hardie & Lee (2005) use it:
 * rows of one customer on one day merged into one purchase occasion with the
 * amounts summed; times in weeks, (days since the first purchase) / 7.
 */
export function cdnowSample(): CdnowSample {
  const lines = gunzipSync(readFileSync(FILE)).toString("utf8").trim().split("\n").slice(1);
  // customer → day → amount; rows come by customer, then date.
  const occasions = new Map<string, Map<number, number>>();
  for (const line of lines) {
    const [id = "", date = "", , amount = ""] = line.split(",");
    const days = occasions.get(id) ?? new Map<number, number>();
    occasions.set(id, days);
    days.set(day(date), (days.get(day(date)) ?? 0) + Number(amount));
  }
  const sample: CdnowSample = { x: [], tx: [], T: [], m: [], holdout: [] };
  for (const days of occasions.values()) {
    const dates = [...days.keys()].sort((a, b) => a - b);
    const first = dates[0] ?? 0;
    const repeats = dates.filter((d) => d > first && d <= CALIBRATION_END);
    const spend = repeats.reduce((sum, d) => sum + (days.get(d) ?? 0), 0);
    sample.x.push(repeats.length);
    sample.tx.push(((repeats.at(-1) ?? first) - first) / 7);
    sample.T.push((CALIBRATION_END - first) / 7);
    sample.m.push(repeats.length > 0 ? spend / repeats.length : 0);
    sample.holdout.push(dates.filter((d) => d > CALIBRATION_END && d <= HOLDOUT_END).length);
  }
  return sample;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function day(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}
