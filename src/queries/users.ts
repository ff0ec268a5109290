import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { DIMENSIONS, type DimensionColumn } from "../model/columns.js";
import { orderKeys } from "./orders.js";
import { TABLES } from "./tables.js";

/**
 * The per-user table agg_users of ANALYSIS.md §3, before the order-count filter, in one
 * aggregation: no per-order window is needed, because a user's days_since_prev telescope
 * (their sum is last_order_dt − first_order_dt, order dates being sorted with order_ts).
 */
export function usersSql(d: Dialect, dims: readonly DimensionColumn[], integerIds: boolean): string {
  const keys = orderKeys(integerIds);
  const first = (expr: string) => d.firstBy(keys, expr);
  const dimCols = dims.map((c) => `${first(quoteIdent(c))} AS ${quoteIdent(DIMENSIONS[c])}`);
  return `
WITH per_user AS (
  SELECT user_id,
    min(order_ts) AS first_order_ts,
    min(order_dt) AS first_order_dt,
    max(order_dt) AS last_order_dt,
    ${d.secondBy(keys, "order_dt")} AS second_order_dt,
    ${dimCols.map((c) => `${c},\n    `).join("")}${first("revenue_rub")} AS first_order_revenue_rub,
    ${first("tickets_count")} AS first_order_tickets,
    count(*) AS total_orders,
    sum(revenue_rub) AS total_revenue_rub,
    avg(revenue_rub) AS avg_revenue_rub,
    sum(tickets_count) AS total_tickets,
    avg(CAST(tickets_count AS ${d.doubleType})) AS avg_tickets_count
  FROM ${TABLES.orders}
  GROUP BY user_id
)
SELECT user_id, first_order_ts, first_order_dt, last_order_dt,
  ${dims.map((c) => `${quoteIdent(DIMENSIONS[c])}, `).join("")}first_order_revenue_rub, first_order_tickets,
  CAST(${d.isoWeekday("first_order_dt")} AS INTEGER) AS first_order_weekday,
  CAST(total_orders AS INTEGER) AS total_orders, total_revenue_rub, avg_revenue_rub,
  CAST(total_tickets AS BIGINT) AS total_tickets, avg_tickets_count,
  CASE WHEN total_orders > 1
    THEN CAST(${d.daysBetween("first_order_dt", "last_order_dt")} AS ${d.doubleType}) / (total_orders - 1)
  END AS avg_days_since_prev,
  CAST(${d.daysBetween("first_order_dt", "second_order_dt")} AS INTEGER) AS days_to_second_order,
  total_orders >= 2 AS is_two, total_orders >= 5 AS is_five,
  CASE WHEN total_orders = 1 THEN '1' WHEN total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
FROM per_user`;
}
