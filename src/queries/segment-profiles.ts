import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";

/**
 * Per segment (ANALYSIS.md §8): users and the means of avg_revenue_rub, avg_tickets_count and
 * avg_days_since_prev (NULL where no user has one, as for segment `1`).
 */
export const segmentMeansSql = (users: string): string => `
SELECT segment, count(*) AS users,
  avg(avg_revenue_rub) AS mean_avg_revenue_rub,
  avg(avg_tickets_count) AS mean_avg_tickets_count,
  avg(avg_days_since_prev) AS mean_avg_days_since_prev
FROM ${quoteIdent(users)}
GROUP BY segment ORDER BY segment`;

/**
 * The most common value of each dimension per segment (ANALYSIS.md §8), ties by value
 * ascending: one row per dimension and non-empty segment, with `k` the dimension's index,
 * `value` as text and `users` holding it. NULL values are not candidates.
 */
export function segmentTopValuesSql(
  d: Dialect,
  users: string,
  dimensions: readonly string[],
): string {
  const parts = dimensions.map((dimension, k) => {
    const c = quoteIdent(dimension);
    return `SELECT ${k} AS k, segment, CAST(${c} AS ${d.textType}) AS value, count(*) AS users,
    row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, ${c}) AS place
  FROM ${quoteIdent(users)} WHERE ${c} IS NOT NULL
  GROUP BY segment, ${c}`;
  });
  return `SELECT k, segment, value, users FROM (
  ${parts.join("\n  UNION ALL\n  ")}
) AS ranked
WHERE place = 1
ORDER BY k, segment`;
}
