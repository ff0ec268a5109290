import type { Dialect } from "../engine/dialect.js";

/**
 * The Mann–Whitney sufficient statistics of `value` between two groups of rows, summed in SQL:
 * n1, n2, the first group's sum of mid-ranks and Σ(t − 1)t(t + 1) over tie groups. Only the
 * four sums leave the database, however many users there are.
 */
export function rankSumSql(
  d: Dialect,
  table: string,
  value: string,
  group1: string,
  group2: string,
): string {
  const dbl = (x: string) => `CAST(${x} AS ${d.doubleType})`;
  // The counts are c1, c2 until the last SELECT names its sums n1, n2: ClickHouse would read
  // n1 beside sum(…) AS n1 as the sum itself.
  return `
WITH g AS (
  SELECT ${value} AS v,
    sum(CASE WHEN ${group1} THEN 1 ELSE 0 END) AS c1,
    sum(CASE WHEN ${group2} THEN 1 ELSE 0 END) AS c2
  FROM ${table}
  WHERE ${value} IS NOT NULL AND ((${group1}) OR (${group2}))
  GROUP BY ${value}
),
r AS (
  SELECT c1, c2, c1 + c2 AS t,
    coalesce(sum(c1 + c2) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
  FROM g
)
SELECT coalesce(sum(c1), 0) AS n1, coalesce(sum(c2), 0) AS n2,
  coalesce(sum(${dbl("c1")} * (${dbl("before")} + (${dbl("t")} + 1) / 2)), 0) AS rank_sum1,
  coalesce(sum((${dbl("t")} - 1) * ${dbl("t")} * (${dbl("t")} + 1)), 0) AS tie_term
FROM r`;
}
