import type { Dialect } from "../engine/dialect.js";
import { reasonNameSql } from "./checked-orders.js";
import { TABLES } from "./tables.js";

/** How many rows were read and why each rejected one was (§2). */
export const ledgerSql = (): string =>
  `SELECT ${reasonNameSql("reason")} AS reason, count(*) AS n FROM ${TABLES.checked} GROUP BY reason ORDER BY reason`;

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

/**
 * Orders and revenue by currency, before and after conversion, with the first and last order
 * date of each (so one pass also gives the date range of the accepted data).
 */
export const currencySql = (d: Dialect): string => `
SELECT CASE WHEN o.currency_no = 0 THEN 'rub' ELSE k.currency_code END AS currency_code,
  o.orders, o.revenue, o.revenue_rub, ${d.dateText("o.first_dt")} AS first_dt,
  ${d.dateText("o.last_dt")} AS last_dt
FROM (
  SELECT currency_no, count(*) AS orders, sum(revenue) AS revenue, sum(revenue_rub) AS revenue_rub,
    min(order_dt) AS first_dt, max(order_dt) AS last_dt
  FROM ${TABLES.orders} GROUP BY currency_no
) AS o LEFT JOIN ${TABLES.rateCurrencies} AS k ON k.currency_no = o.currency_no
ORDER BY currency_code`;

/** The source's days_since_prev against the recomputed one (§1), over every accepted order. */
export const daysSincePrevCheckSql = (): string => `
SELECT sum(orders) AS compared, sum(mismatches) AS mismatches FROM ${TABLES.orderGaps}`;
