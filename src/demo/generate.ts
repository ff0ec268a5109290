import { REJECT_REASONS, type RejectReason, zeroReasonCounts } from "../prepare/reasons.js";
import { dateOfDay, formatTimestamp, SECONDS_PER_DAY } from "./calendar.js";
import { buildCatalog, type Catalog } from "./catalog.js";
import { CONFLICT_RATE, conflictingTwin, DEFECT_RATES, freshIdDefect } from "./defects.js";
import { DelayedRows } from "./delayed-rows.js";
import type { DemoRow } from "./demo-row.js";
import { COL } from "./demo-row.js";
import { OrderIds, userIdOf } from "./ids.js";
import { type DemoManifest, type DemoOptions, resolveOptions } from "./manifest.js";
import { generateUser, type ModelOrder } from "./model.js";
import { applyOddities } from "./oddities.js";
import { Random, subSeed } from "./random.js";
import { ExchangeRates, type RateRow } from "./rates.js";
import { Tally } from "./tally.js";

/** The demo as a stream: rows are produced user by user, never all held at once. */
export interface DemoData {
  readonly rates: readonly RateRow[];
  /** Every row of orders.csv in file order. Iterate once. */
  readonly rows: Iterable<DemoRow>;
  /** The manifest; available once `rows` has been iterated to the end. */
  manifest(): DemoManifest;
}

/** Rows from one user are held back at most this many users, then written. */
const MAX_DELAY_USERS = 30;
/** Planted wrong days_since_prev values, per accepted repeat order. */
const MISMATCH_RATE = 0.002;

interface Context {
  readonly catalog: Catalog;
  readonly rates: ExchangeRates;
  /** The purchase process. Defects draw from `noise`, so they never change a genuine order. */
  readonly model: Random;
  readonly noise: Random;
  readonly names: Random;
  readonly ids: OrderIds;
  readonly delayed: DelayedRows;
  readonly tally: Tally;
  /** Defect rows planned so far, so every reason gets at least one as early as possible. */
  readonly planned: Record<RejectReason, number>;
  /** The planted trend across join days (DemoOptions.trend). */
  readonly trend: number;
}

/**
 * Generates the demo orders and rates for a seed: pure and deterministic (no clock, no
 * Math.random). Genuine orders come from model.ts; defects.ts and oddities.ts add the
 * rows and quirks the preparation must reject or tolerate, at counts the manifest states.
 */
export function generateDemo(options?: DemoOptions): DemoData {
  const { seed, users, trend } = resolveOptions(options);
  const rates = new ExchangeRates(new Random(subSeed(seed, 1)));
  const tally = new Tally();
  let finished = false;

  function* rows(): Generator<DemoRow> {
    const context: Context = {
      catalog: buildCatalog(),
      rates,
      model: new Random(seed),
      noise: new Random(subSeed(seed, 2)),
      names: new Random(subSeed(seed, 3)),
      ids: new OrderIds(new Random(subSeed(seed, 4))),
      delayed: new DelayedRows(),
      tally,
      planned: zeroReasonCounts(),
      trend,
    };
    for (let user = 0; user < users; user++) {
      tally.countUser();
      for (const row of userRows(context, user)) {
        tally.count(row);
        yield row;
      }
      for (const row of context.delayed.release(user)) {
        tally.count(row);
        yield row;
      }
    }
    for (const row of context.delayed.releaseAll()) {
      tally.count(row);
      yield row;
    }
    finished = true;
  }

  return {
    rates: rates.rows,
    rows: rows(),
    manifest: () => {
      if (!finished) throw new Error("demo manifest: iterate all rows first");
      return tally.manifest(seed, rates.rows.length);
    },
  };
}

/** One user's genuine rows in file order; the defects derived from them go to `delayed`. */
function userRows(context: Context, user: number): DemoRow[] {
  const { orders } = generateUser(context.model, context.catalog, context.trend);
  const userId = userIdOf(user, context.names);
  const days = orders.map((o) => Math.floor(o.second / SECONDS_PER_DAY));
  const cells = orders.map((o, i) =>
    orderCells(context, userId, o, days[i] ?? 0, i === 0 ? undefined : days[i - 1]),
  );
  // The conflict victim is the user's last order: rejecting it changes no other order's
  // days_since_prev, and the user keeps at least one accepted order.
  const n = orders.length;
  const conflict =
    n >= 2 && (context.planned.conflicting_order_id === 0 || context.noise.chance(CONFLICT_RATE));
  const victim = conflict ? n - 1 : -1;

  const rows: DemoRow[] = cells.map((c, i) => {
    if (i === victim) return { cells: c, expect: "conflicting_order_id" };
    const aloneOnItsDay = days[i - 1] !== days[i] && days[i + 1] !== days[i];
    applyOddities(c, { isFirst: i === 0, aloneOnItsDay }, context.noise);
    if (i > 0 && context.noise.chance(MISMATCH_RATE)) {
      c[COL.daysSincePrev] = String(Number(c[COL.daysSincePrev]) + context.noise.between(1, 7));
      context.tally.countMismatch();
    }
    return { cells: c, expect: "accepted" };
  });

  if (conflict) {
    const twin = conflictingTwin(cells[victim] ?? [], context.noise);
    delay(context, user, { cells: twin, expect: "conflicting_order_id" }, 2);
  }
  rows.forEach((row, i) => {
    if (row.expect === "accepted") plantDefect(context, user, row.cells, i === 0);
  });
  return fileOrder(rows, orders);
}

function orderCells(
  context: Context,
  userId: string,
  order: ModelOrder,
  day: number,
  previousDay: number | undefined,
): string[] {
  const a = order.attributes;
  return [
    userId,
    context.ids.next(),
    formatTimestamp(order.second),
    dateOfDay(day),
    revenueText(context, order, day),
    order.currency,
    String(order.tickets),
    a.device,
    a.eventType.name,
    a.region.name,
    a.city,
    a.service,
    previousDay === undefined ? "" : String(day - previousDay),
  ];
}

/** Tenge orders carry the tenge amount at the rate the as-of rule will apply. */
function revenueText(context: Context, order: ModelOrder, day: number): string {
  if (order.currency === "rub") return order.revenueRub.toFixed(2);
  const perUnit = context.rates.perUnit(order.currency, day);
  if (perUnit === undefined) throw new Error(`demo: no ${order.currency} rate on day ${day}`);
  return (order.revenueRub / perUnit).toFixed(2);
}

const DEFECT_REASONS = REJECT_REASONS.filter((r) => r !== "conflicting_order_id");

/** At most one defect per good row: one draw walks the cumulative rates. */
function plantDefect(context: Context, user: number, good: string[], forceMissing: boolean): void {
  let reason = forceMissing ? DEFECT_REASONS.find((r) => context.planned[r] === 0) : undefined;
  if (reason === undefined) {
    let u = context.noise.float();
    reason = DEFECT_REASONS.find((r) => {
      u -= DEFECT_RATES[r];
      return u < 0;
    });
  }
  if (reason === undefined) return;
  const cells =
    reason === "duplicate_row"
      ? [...good]
      : freshIdDefect(reason, good, context.ids.next(), context.noise);
  delay(context, user, { cells, expect: reason }, 1);
}

function delay(context: Context, user: number, row: DemoRow, rows: number): void {
  context.planned[row.expect as RejectReason] += rows;
  context.delayed.add(user + context.noise.int(MAX_DELAY_USERS + 1), row);
}

/**
 * Orders at the very same second are written in reverse: the file order then disagrees
 * with the (order_ts, order_id) order, so only the documented tie rule finds the first.
 */
function fileOrder(rows: DemoRow[], orders: readonly ModelOrder[]): DemoRow[] {
  const out: DemoRow[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && orders[i]?.second === orders[start]?.second) continue;
    for (let k = i - 1; k >= start; k--) out.push(rows[k] as DemoRow);
    start = i;
  }
  return out;
}
