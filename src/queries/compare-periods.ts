import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { repeatWithinColumns } from "./repeat-within-columns.js";

/**
 * The users of two first-order date ranges (§12), each marked with its period (1 or 2); bound:
 * the first range's from and to ($1, $2), the second's ($3, $4), all inclusive.
 */
export const comparedUsersSql = (users: string): string => `
SELECT *, CASE WHEN first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) THEN 1 ELSE 2 END AS compared_period
FROM ${users}
WHERE first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
   OR first_order_dt BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE)`;

/** Users and the first order's check per period: count, mean and median. */
export const firstOrderCheckSql = (d: Dialect, compared: string): string => `
SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
  ${d.percentileCont("0.5", "first_order_revenue_rub")} AS median
FROM ${compared}
GROUP BY compared_period
ORDER BY compared_period`;

/** Users per period and value of one first-order dimension. */
export const entryMixSql = (compared: string, dimension: string): string => `
SELECT compared_period, ${quoteIdent(dimension)} AS value, count(*) AS users
FROM ${compared}
GROUP BY compared_period, ${quoteIdent(dimension)}`;

/** Repeat within N days per period, over the users with N days of follow-up (bound: data_end $1). */
export const comparedRepeatSql = (d: Dialect, compared: string): string => `
SELECT compared_period,
  ${repeatWithinColumns(d)}
FROM ${compared}
GROUP BY compared_period
ORDER BY compared_period`;
