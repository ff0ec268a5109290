import type { Dialect } from "../engine/dialect.js";

/** Users per order count (§5). */
export const orderCountDistributionSql = (users: string): string =>
  `SELECT total_orders, count(*) AS users FROM ${users} GROUP BY total_orders ORDER BY total_orders`;

/** data_end as a bound DATE ($1). */
const dataEnd = (_d: Dialect) => "CAST($1 AS DATE)";

/**
 * Repeat within N days, censoring-aware (§5, §11.9): over users whose first order is at least
 * N days before data_end ($1), the share whose second order came within N days. N is $2.
 */
export const repeatWithinSql = (d: Dialect, users: string): string => `
SELECT count(*) AS eligible_users,
  sum(CASE WHEN days_to_second_order <= $2 THEN 1 ELSE 0 END) AS repeaters
FROM ${users}
WHERE ${d.daysBetween("first_order_dt", dataEnd(d))} >= $2`;

/**
 * Kaplan–Meier input (§5): each user's days to the second order (an event), or, with one order,
 * the days from the first order to data_end ($1) (censored). First orders after data_end are
 * left out.
 */
export const survivalCountsSql = (d: Dialect, users: string): string => `
SELECT t AS time, sum(event) AS events, sum(1 - event) AS censored
FROM (
  SELECT CASE WHEN is_two THEN days_to_second_order
    ELSE ${d.daysBetween("first_order_dt", dataEnd(d))} END AS t,
    CASE WHEN is_two THEN 1 ELSE 0 END AS event
  FROM ${users}
) AS s
WHERE t >= 0
GROUP BY t ORDER BY t`;
