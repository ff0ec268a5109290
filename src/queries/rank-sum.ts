import type { Dialect } from "../engine/dialect.js";

/**
 * The Mann–Whitney sufficient statistics of `value` between two disjoint groups of rows,
 * summed in SQL: n1, n2, the first group's sum of mid-ranks and Σ(t − 1)t(t + 1) over tie
 * groups. Only the four sums leave the database, however many users there are. Each row's
 * first rank, rank(), and last, the count through its ties, come from one ordering: its
 * mid-rank is their mean, and its tie group has t = last − first + 1 rows, so each of them
 * adds (t − 1)(t + 1) to the tie term.
 */
export function rankSumSql(
  d: Dialect,
  table: string,
  value: string,
  group1: string,
  group2: string,
): string {
  const dbl = (x: string) => `CAST(${x} AS ${d.doubleType})`;
  // The sums are named n1, n2 only in the last SELECT: ClickHouse would read a name beside an
  // aggregate of the same name as the aggregate itself.
  return `
SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
  coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
  coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
  coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
FROM (
  SELECT in1, ${dbl("rank() OVER (ORDER BY v)")} AS lo, ${dbl("count(*) OVER (ORDER BY v)")} AS hi
  FROM (
    SELECT ${value} AS v, (${group1}) AS in1
    FROM ${table}
    WHERE ${value} IS NOT NULL AND ((${group1}) OR (${group2}))
  ) AS rows_of_both
) AS ranked`;
}
