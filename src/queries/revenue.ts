import type { Dialect } from "../engine/dialect.js";

/** Per segment: users, mean and median avg check and tickets, revenue (§6). */
export const revenueBySegmentSql = (d: Dialect, users: string): string => `
SELECT segment, count(*) AS users,
  avg(avg_revenue_rub) AS mean_avg_revenue_rub,
  ${d.percentileCont("0.5", "avg_revenue_rub")} AS median_avg_revenue_rub,
  avg(avg_tickets_count) AS mean_avg_tickets_count,
  ${d.percentileCont("0.5", "avg_tickets_count")} AS median_avg_tickets_count,
  sum(total_revenue_rub) AS revenue_rub
FROM ${users} GROUP BY segment`;

/** A high quantile of the avg check, to place the common histogram bins. */
export const avgRevenueQuantileSql = (d: Dialect, users: string, q: number): string =>
  `SELECT ${d.percentileCont(String(q), "avg_revenue_rub")} AS q FROM ${users}`;

/** Counts of two groups per bin of an expression (the bin index is SQL from binIndexSql). */
export const twoGroupHistogramSql = (
  users: string,
  binIndex: string,
  group1: string,
  group2: string,
): string => `
SELECT ${binIndex} AS bin, sum(CASE WHEN ${group1} THEN 1 ELSE 0 END) AS a,
  sum(CASE WHEN ${group2} THEN 1 ELSE 0 END) AS b
FROM ${users} GROUP BY 1`;

/** Users, repeaters and 5+ buyers per bin (the bin index is SQL from binIndexSql). */
export const binnedUsersSql = (users: string, binIndex: string, where = "true"): string => `
SELECT ${binIndex} AS bin, count(*) AS users,
  sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
  sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
FROM ${users} WHERE ${where} GROUP BY 1`;
