import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { DIMENSIONS, type DimensionColumn } from "../model/columns.js";
import type { Bindings } from "./bindings.js";
import { type OrderIdOrder, orderKeys } from "./orders.js";
import { dimensionValue } from "./parse-expressions.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

/**
 * The per-user table agg_users of ANALYSIS.md §3, before the order-count filter.
 *
 * One aggregation finds each user's first order (its row number: a small state per user, so
 * millions of users fit in memory) and the date of the second; a join then fetches the first
 * order's attributes, its dimensions read again from the raw table for that one row. No
 * per-order window is needed: a user's days_since_prev telescope, so
 * their mean is (last_order_dt − first_order_dt) / (total_orders − 1).
 */
export function usersSql(
  d: Dialect,
  bindings: Bindings,
  dims: readonly DimensionColumn[],
  ids: OrderIdOrder,
): string {
  const keys = orderKeys(ids);
  const dimension = (c: DimensionColumn): string => {
    const binding = bindings[c];
    return binding ? dimensionValue(d, binding) : "'unknown'";
  };
  const row = quoteIdent(ROW_COLUMN);
  return `
WITH per_user AS (
  SELECT user_no,
    ${d.firstBy(keys, row)} AS first_row,
    -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
    ${d.secondSmallest("order_dt")} AS second_order_dt,
    min(order_dt) AS first_order_dt,
    max(order_dt) AS last_order_dt,
    count(*) AS total_orders,
    ${d.roundMoney("sum(revenue_rub)")} AS total_revenue_rub,
    ${d.roundMoney("avg(revenue_rub)")} AS avg_revenue_rub,
    sum(tickets_count) AS total_tickets,
    avg(CAST(tickets_count AS ${d.doubleType})) AS avg_tickets_count
  FROM ${TABLES.orders}
  GROUP BY user_no
)
SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
  ${dims.map((c) => `${dimension(c)} AS ${quoteIdent(DIMENSIONS[c])}, `).join("")}f.revenue_rub AS first_order_revenue_rub,
  f.tickets_count AS first_order_tickets,
  CAST(${d.isoWeekday("u.first_order_dt")} AS INTEGER) AS first_order_weekday,
  CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
  CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
  CASE WHEN u.total_orders > 1
    THEN CAST(${d.daysBetween("u.first_order_dt", "u.last_order_dt")} AS ${d.doubleType}) / (u.total_orders - 1)
  END AS avg_days_since_prev,
  CAST(${d.daysBetween("u.first_order_dt", "u.second_order_dt")} AS INTEGER) AS days_to_second_order,
  ${d.boolean("u.total_orders >= 2")} AS is_two, ${d.boolean("u.total_orders >= 5")} AS is_five,
  CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
FROM per_user AS u
JOIN ${TABLES.userIds} AS ids ON ids.user_no = u.user_no
JOIN ${TABLES.checked} AS f ON f.${row} = u.first_row
JOIN ${TABLES.raw} AS r ON r.${row} = u.first_row`;
}
