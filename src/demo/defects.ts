import type { RejectReason } from "../prepare/reasons.js";
import { dateOfDay, formatTimestamp, SECONDS_PER_DAY } from "./calendar.js";
import { COL } from "./demo-row.js";
import type { Random } from "./random.js";

/**
 * Injected defects. Each maker takes a copy of a good row's cells and breaks it so that
 * it triggers exactly its reason and none of the reasons before it in ANALYSIS.md §2
 * (a row gets the first reason that applies): the fields checked earlier stay valid.
 */
export type FreshIdReason = Exclude<RejectReason, "duplicate_row" | "conflicting_order_id">;

/** Chance per good row that a defect of this reason is derived from it. */
export const DEFECT_RATES: Readonly<Record<Exclude<RejectReason, "conflicting_order_id">, number>> =
  {
    missing_user_id: 0.0004,
    missing_order_id: 0.0003,
    bad_timestamp: 0.0006,
    bad_revenue: 0.0006,
    bad_tickets_count: 0.0005,
    unknown_currency: 0.0003,
    no_exchange_rate: 0.0004,
    duplicate_row: 0.003,
  };

/** Chance per user with 2+ orders that the last order gets a conflicting twin (2 rows rejected). */
export const CONFLICT_RATE = 0.008;

/** The first day of BYN rates is in September (rates.ts); these days are before it. */
const BYN_DAYS: readonly [number, number] = [0, 91];
/** Before the first KZT rate (2024-05-02). */
const EARLY_KZT_DAYS: readonly [number, number] = [-45, -31];

const BAD_TIMESTAMPS: readonly ((ts: string) => [string, string])[] = [
  (ts) => [`2024-13-01${ts.slice(10)}`, "2024-13-01"],
  (ts) => {
    const dotted = `${ts.slice(8, 10)}.${ts.slice(5, 7)}.${ts.slice(0, 4)}`;
    return [`${dotted}${ts.slice(10, 16)}`, dotted];
  },
  () => ["", ""],
  (ts) => [`2024-02-30${ts.slice(10)}`, "2024-02-30"],
];

type Maker = (cells: string[], rng: Random) => void;

const MAKERS: Record<FreshIdReason, Maker> = {
  missing_user_id: (c, rng) => {
    c[COL.userId] = rng.pick(["", "   "]);
  },
  missing_order_id: (c, rng) => {
    c[COL.orderId] = rng.pick(["", " "]);
  },
  bad_timestamp: (c, rng) => {
    // Both columns are broken, so no reading can fall back from one to the other.
    const ts = c[COL.orderTs] || `${c[COL.orderDt]} 12:00:00`;
    [c[COL.orderTs], c[COL.orderDt]] = rng.pick(BAD_TIMESTAMPS)(ts);
  },
  bad_revenue: (c, rng) => {
    c[COL.revenue] = rng.pick(["abc", "-100", "", "NaN"]);
  },
  bad_tickets_count: (c, rng) => {
    c[COL.tickets] = rng.pick(["0", "1.5", "two", "-1"]);
  },
  unknown_currency: (c, rng) => {
    c[COL.currency] = rng.pick(["usd", "eur"]);
    c[COL.revenue] = (Number(c[COL.revenue]) / 90).toFixed(2);
  },
  no_exchange_rate: (c, rng) => {
    const byn = rng.chance(0.8);
    const [lo, hi] = byn ? BYN_DAYS : EARLY_KZT_DAYS;
    const second = rng.between(lo, hi) * SECONDS_PER_DAY + rng.between(9 * 3600, 22 * 3600);
    c[COL.orderTs] = formatTimestamp(second);
    c[COL.orderDt] = dateOfDay(Math.floor(second / SECONDS_PER_DAY));
    c[COL.currency] = byn ? "byn" : "kzt";
    c[COL.revenue] = (rng.between(500, 9000) / (byn ? 28 : 0.19)).toFixed(2);
  },
};

/** A defect row of the given reason derived from a good row, under a fresh order id. */
export function freshIdDefect(
  reason: FreshIdReason,
  good: readonly string[],
  freshId: string,
  rng: Random,
): string[] {
  const cells = [...good];
  cells[COL.orderId] = freshId;
  MAKERS[reason](cells, rng);
  return cells;
}

/** Same order id as a good row, different content: the revenue is altered. */
export function conflictingTwin(good: readonly string[], rng: Random): string[] {
  const cells = [...good];
  cells[COL.revenue] = (Number(good[COL.revenue]) + rng.between(50, 900)).toFixed(2);
  return cells;
}
