import type { Dialect } from "../engine/dialect.js";

/** Users and repeaters by ISO weekday of the first order (§7). */
export const weekdaySql = (users: string): string => `
SELECT first_order_weekday AS weekday, count(*) AS users,
  sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos
FROM ${users} GROUP BY first_order_weekday`;

/** Repeat orders per days_since_prev (§7): every order but a user's first. */
export const daysSincePrevCountsSql = (gaps: string): string => `
SELECT days_since_prev AS value, sum(orders) AS count FROM ${gaps}
WHERE days_since_prev IS NOT NULL GROUP BY days_since_prev ORDER BY days_since_prev`;

/** Users per days_to_second_order (§7). */
export const daysToSecondCountsSql = (users: string): string => `
SELECT days_to_second_order AS value, count(*) AS count FROM ${users}
WHERE days_to_second_order IS NOT NULL GROUP BY days_to_second_order ORDER BY days_to_second_order`;

/** Mean and median avg_days_since_prev per segment 2-4 and 5+ (§7). */
export const intervalBySegmentSql = (d: Dialect, users: string): string => `
SELECT segment, count(*) AS users, avg(avg_days_since_prev) AS mean,
  ${d.percentileCont("0.5", "avg_days_since_prev")} AS median
FROM ${users} WHERE segment IN ('2-4', '5+') GROUP BY segment`;
