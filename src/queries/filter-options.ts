import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { FirstDimension } from "../model/columns.js";

/**
 * The values of one first-order dimension with their users, the most common first (ties by
 * value), at most `limit` of them: what a filter can choose from.
 */
export function dimensionValuesSql(
  _d: Dialect,
  users: string,
  column: FirstDimension,
  limit: number,
): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`invalid limit: ${limit}`);
  const c = quoteIdent(column);
  return `
SELECT ${c} AS value, count(*) AS users
FROM ${users}
WHERE ${c} IS NOT NULL
GROUP BY ${c}
ORDER BY users DESC, value
LIMIT ${limit}`;
}

/** The first and the last first-order date, as YYYY-MM-DD, and how many users there are. */
export const firstOrderRangeSql = (d: Dialect, users: string): string => `
SELECT ${d.dateText("min(first_order_dt)")} AS first, ${d.dateText("max(first_order_dt)")} AS last,
  count(*) AS users
FROM ${users}`;
