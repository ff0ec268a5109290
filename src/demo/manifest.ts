import type { RejectReason } from "../prepare/reasons.js";

export const DEFAULT_SEED = 20240601;
/** The scale of the original study: about 22,000 users and 290,000 orders. */
export const DEFAULT_USERS = 22_000;

export interface DemoOptions {
  /** Same seed, byte-identical files. Default 20240601. */
  seed?: number;
  /** Customers to generate. Default 22,000 (about 290,000 orders). */
  users?: number;
  /**
   * A planted trend across acquisition dates: the drop-out odds of a customer who joins on the
   * last day are this many times those of one who joins on the first, geometric in between.
   * Above 1, customers acquired later come back less often. Default 1: no trend.
   */
  trend?: number;
}

/** What the preparation of the demo's orders.csv must find, exactly. */
export interface DemoManifest {
  seed: number;
  /** Distinct users among the accepted orders. */
  users: number;
  /** Data rows of orders.csv (the header not counted): cleanOrders + Σ defects. */
  rowsWritten: number;
  /** Rows the preparation must accept. */
  cleanOrders: number;
  /** Rows the preparation must reject, per reason (a conflicting order id counts all its rows). */
  defects: Record<RejectReason, number>;
  /** Accepted rows whose days_since_prev was deliberately written wrong. */
  daysSincePrevMismatches: number;
  /** Accepted orders in tenge. */
  kztOrders: number;
  /** Data rows of rates.csv. */
  ratesRows: number;
  /** Earliest and latest order_dt among the accepted orders (data_end of ANALYSIS.md §3). */
  dataStart: string;
  dataEnd: string;
}

export function resolveOptions(options: DemoOptions = {}): {
  seed: number;
  users: number;
  trend: number;
} {
  const seed = options.seed ?? DEFAULT_SEED;
  const users = options.users ?? DEFAULT_USERS;
  const trend = options.trend ?? 1;
  if (!(trend > 0 && Number.isFinite(trend))) throw new RangeError(`invalid demo trend: ${trend}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`invalid demo seed: ${seed}`);
  if (!Number.isSafeInteger(users) || users < 1)
    throw new RangeError(`invalid demo users: ${users}`);
  return { seed, users, trend };
}
