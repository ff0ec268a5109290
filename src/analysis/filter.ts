import { SENSITIVITY_QUANTILES } from "../config/config.js";
import type { Engine } from "../engine/engine.js";
import { headlineSql, percentileSql, removedSql } from "../queries/summaries.js";
import { numberOrNull } from "./numbers.js";
import type { FilterResult, Overall, SensitivityRow } from "./results.js";

const num = (v: unknown): number => Number(v ?? 0);

export async function percentile(
  engine: Engine,
  users: string,
  q: number | null,
): Promise<number | null> {
  if (q === null) return null;
  const [row] = await engine.all(percentileSql(engine.dialect, users, q));
  return numberOrNull(row?.p);
}

/** The headline figures over the population's users that total_orders ≤ P keeps. */
export async function headline(engine: Engine, users: string, P: number | null): Promise<Overall> {
  const [row] = await engine.all(headlineSql(engine.dialect, users), [P]);
  return {
    users: num(row?.users),
    orders: num(row?.orders),
    revenue_rub: num(row?.revenue_rub),
    share_2plus: numberOrNull(row?.share_2plus),
    share_5plus: numberOrNull(row?.share_5plus),
    mean_avg_revenue_rub: numberOrNull(row?.mean_avg_revenue_rub),
  };
}

/** The order-count anomaly filter of ANALYSIS.md §3 over a population, with its sensitivity table. */
export async function orderCountFilter(
  engine: Engine,
  users: string,
  q: number | null,
): Promise<FilterResult> {
  const P = await percentile(engine, users, q);
  const quantiles = SENSITIVITY_QUANTILES.includes(q)
    ? SENSITIVITY_QUANTILES
    : [...SENSITIVITY_QUANTILES, q];
  const sensitivity: SensitivityRow[] = [];
  let everyone: Overall | null = null;
  for (const sq of quantiles) {
    const sP = await percentile(engine, users, sq);
    const h = await headline(engine, users, sP);
    if (sP === null) everyone = h;
    sensitivity.push({
      q: sq,
      P: sP,
      users: h.users,
      share_2plus: h.share_2plus,
      share_5plus: h.share_5plus,
      mean_avg_revenue_rub: h.mean_avg_revenue_rub,
    });
  }
  const removed = P === null ? null : (await engine.all(removedSql(engine.dialect, users), [P]))[0];
  const all = everyone ?? (await headline(engine, users, null));
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const [removedUsers, orders, revenue] = [
    num(removed?.users),
    num(removed?.orders),
    num(removed?.revenue_rub),
  ];
  return {
    q,
    P,
    users_removed: removedUsers,
    orders_removed: orders,
    revenue_removed_rub: revenue,
    removed_share: {
      users: share(removedUsers, all.users),
      orders: share(orders, all.orders),
      revenue: share(revenue, all.revenue_rub),
    },
    sensitivity,
  };
}
