import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { DIMENSIONS, type DimensionColumn } from "../model/columns.js";
import { TABLES } from "./tables.js";

/** The per-user table agg_users of ANALYSIS.md §3, before the order-count filter. */
export function usersSql(d: Dialect, dims: readonly DimensionColumn[]): string {
  const first = (expr: string) => `max(CASE WHEN order_seq = 1 THEN ${expr} END)`;
  const dimCols = dims.map((c) => `${first(quoteIdent(c))} AS ${quoteIdent(DIMENSIONS[c])}`);
  return `
WITH per_user AS (
  SELECT user_id,
    min(order_ts) AS first_order_ts,
    max(order_dt) AS last_order_dt,
    ${dimCols.map((c) => `${c},\n    `).join("")}${first("revenue_rub")} AS first_order_revenue_rub,
    ${first("tickets_count")} AS first_order_tickets,
    count(*) AS total_orders,
    sum(revenue_rub) AS total_revenue_rub,
    avg(revenue_rub) AS avg_revenue_rub,
    sum(tickets_count) AS total_tickets,
    avg(CAST(tickets_count AS ${d.doubleType})) AS avg_tickets_count,
    avg(CAST(days_since_prev AS ${d.doubleType})) AS avg_days_since_prev,
    max(CASE WHEN order_seq = 2 THEN days_since_prev END) AS days_to_second_order
  FROM ${TABLES.orders}
  GROUP BY user_id
)
SELECT user_id, first_order_ts, CAST(first_order_ts AS DATE) AS first_order_dt, last_order_dt,
  ${dims.map((c) => `${quoteIdent(DIMENSIONS[c])}, `).join("")}first_order_revenue_rub, first_order_tickets,
  CAST(${d.isoWeekday("CAST(first_order_ts AS DATE)")} AS INTEGER) AS first_order_weekday,
  CAST(total_orders AS INTEGER) AS total_orders, total_revenue_rub, avg_revenue_rub,
  CAST(total_tickets AS BIGINT) AS total_tickets, avg_tickets_count, avg_days_since_prev,
  CAST(days_to_second_order AS INTEGER) AS days_to_second_order,
  total_orders >= 2 AS is_two, total_orders >= 5 AS is_five,
  CASE WHEN total_orders = 1 THEN '1' WHEN total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
FROM per_user`;
}
