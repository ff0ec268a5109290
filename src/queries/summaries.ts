import type { Dialect } from "../engine/dialect.js";
import { TABLES } from "./tables.js";

/** How many rows were read and why each rejected one was (§2). */
export const ledgerSql = (): string =>
  `SELECT reason, count(*) AS n FROM ${TABLES.checked} GROUP BY reason ORDER BY reason`;

/** percentile_cont(q) of total_orders over all users (§3). q is a validated number. */
export function percentileSql(d: Dialect, q: number): string {
  if (!(q > 0 && q <= 1)) throw new RangeError(`invalid quantile: ${q}`);
  return `SELECT ${d.percentileCont(String(q), "total_orders")} AS p FROM ${TABLES.users}`;
}

/** Users with total_orders ≤ P; a NULL bound ($1) keeps everyone. */
const kept = "($1 IS NULL OR total_orders <= $1)";

/** The headline figures over the users the filter keeps (bound: P or NULL). */
export const headlineSql = (d: Dialect): string =>
  `
SELECT count(*) AS users,
  coalesce(sum(total_orders), 0) AS orders,
  coalesce(sum(total_revenue_rub), 0) AS revenue_rub,
  avg(CASE WHEN is_two THEN 1.0 ELSE 0.0 END) AS share_2plus,
  avg(CASE WHEN is_five THEN 1.0 ELSE 0.0 END) AS share_5plus,
  avg(avg_revenue_rub) AS mean_avg_revenue_rub
FROM ${TABLES.users} WHERE ${kept}`.replace(/\$1/g, `CAST($1 AS ${d.doubleType})`);

/** What the filter removes (bound: P). */
export const removedSql = (d: Dialect): string => `
SELECT count(*) AS users, coalesce(sum(total_orders), 0) AS orders,
  coalesce(sum(total_revenue_rub), 0) AS revenue_rub
FROM ${TABLES.users} WHERE total_orders > CAST($1 AS ${d.doubleType})`;

/** Users, orders and revenue per segment 1 / 2-4 / 5+ after the filter (bound: P or NULL). */
export const segmentsSql = (d: Dialect): string =>
  `
SELECT segment, count(*) AS users, sum(total_orders) AS orders, sum(total_revenue_rub) AS revenue_rub
FROM ${TABLES.users} WHERE ${kept}
GROUP BY segment ORDER BY segment`.replace(/\$1/g, `CAST($1 AS ${d.doubleType})`);

/** Orders and revenue by currency, before and after conversion. */
export const currencySql = (): string => `
SELECT currency_code, count(*) AS orders, sum(revenue) AS revenue, sum(revenue_rub) AS revenue_rub
FROM ${TABLES.orders} GROUP BY currency_code ORDER BY currency_code`;

/** The latest order date of the accepted data and the first. */
export const dateRangeSql = (d: Dialect): string =>
  `SELECT ${d.dateText("min(order_dt)")} AS first_dt, ${d.dateText("max(order_dt)")} AS last_dt FROM ${TABLES.orders}`;

/** The source's days_since_prev against the recomputed one (§1). */
export const daysSincePrevCheckSql = (gaps: string): string => `
SELECT count(*) AS compared,
  count(*) FILTER (WHERE days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
FROM (${gaps}) AS gaps`;
