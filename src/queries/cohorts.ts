import type { CohortPeriod, Dialect } from "../engine/dialect.js";
import { repeatWithinColumns } from "./repeat-within-columns.js";

/** The relations the cohort builders read. */
export interface CohortRelations {
  /** agg_users rows of the population (user_id, first_order_dt, days_to_second_order, …). */
  readonly users: string;
  /** user_no ↔ user_id of every accepted user. */
  readonly userIds: string;
  /** Accepted orders: user_no, order_dt, revenue_rub. */
  readonly orders: string;
}

/** data_end, bound as $1. */
const dataEnd = "CAST($1 AS DATE)";

/** The per-user period counts a study made once for all its runs (userPeriodsSql). */
export interface CohortPeriodRelations {
  /** agg_users rows of the population. */
  readonly users: string;
  /** user_id, k, orders, revenue_rub of every accepted user: userPeriodsSql. */
  readonly userPeriods: string;
}

/**
 * Per cohort and period index k (ANALYSIS.md §12): the users with a repeat order in period
 * c+k (any order but their first: in k = 0 a user needs two orders in the period) and the
 * revenue of all the cohort's orders placed in it. Orders after data_end ($1) are left out.
 * Only (cohort, k) cells with orders come back; the rest are zero. Over `userPeriods`, made
 * once with data_end bound, the statement takes no parameter.
 */
export function cohortCellsSql(
  d: Dialect,
  r: CohortRelations | CohortPeriodRelations,
  period: CohortPeriod,
): string {
  const perUser =
    "userPeriods" in r
      ? `
  SELECT u.cohort, up.k, up.orders, up.revenue_rub
  FROM ${r.userPeriods} AS up
  JOIN (
    SELECT user_id, ${d.periodStart("first_order_dt", period)} AS cohort FROM ${r.users}
  ) AS u ON u.user_id = up.user_id`
      : `
  SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
  FROM (
    SELECT p.cohort, o.user_no, ${d.periodIndex("p.cohort", "o.order_dt", period)} AS k,
      o.revenue_rub
    FROM ${r.orders} AS o
    JOIN (
      SELECT ids.user_no, ${d.periodStart("u.first_order_dt", period)} AS cohort
      FROM ${r.users} AS u JOIN ${r.userIds} AS ids ON ids.user_id = u.user_id
    ) AS p ON p.user_no = o.user_no
    WHERE o.order_dt <= ${dataEnd}
  ) AS dated
  GROUP BY cohort, user_no, k`;
  return `
SELECT ${d.dateText("cohort")} AS cohort, k,
  sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
  sum(revenue_rub) AS revenue_rub
FROM (${perUser}
) AS per_user
GROUP BY cohort, k
ORDER BY cohort, k`;
}

/**
 * Per accepted user (user_id) and period index k from their cohort (§12): their orders in
 * period c+k and its revenue, orders after data_end ($1) left out. A study that answers many
 * filtered runs makes it once; each run's cohort cells then join their users to it instead of
 * reading every order again.
 */
export function userPeriodsSql(d: Dialect, r: CohortRelations, period: CohortPeriod): string {
  return `
SELECT user_id, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
FROM (
  SELECT p.user_id, ${d.periodIndex("p.cohort", "o.order_dt", period)} AS k, o.revenue_rub
  FROM ${r.orders} AS o
  JOIN (
    SELECT ids.user_no, u.user_id, ${d.periodStart("u.first_order_dt", period)} AS cohort
    FROM ${r.users} AS u JOIN ${r.userIds} AS ids ON ids.user_id = u.user_id
  ) AS p ON p.user_no = o.user_no
  WHERE o.order_dt <= ${dataEnd}
) AS dated
GROUP BY user_id, k`;
}

/**
 * Per cohort and the period index of the second order (NULL without one): users, the sum of
 * their first-order revenue, and for N = 30, 60, 90 the users eligible for "repeat within N
 * days" (first order at least N days before data_end, $1) and those who repeated within N.
 */
export function cohortUsersSql(d: Dialect, users: string, period: CohortPeriod): string {
  const second = d.addDays("first_order_dt", "days_to_second_order");
  return `
SELECT ${d.dateText("cohort")} AS cohort, k_second, count(*) AS users,
  sum(first_order_revenue_rub) AS first_order_revenue_rub,
  ${repeatWithinColumns(d)}
FROM (
  SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
    AND ${second} <= ${dataEnd}
    THEN ${d.periodIndex("cohort", second, period)} END AS k_second
  FROM (
    SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
      ${d.periodStart("first_order_dt", period)} AS cohort
    FROM ${users}
    WHERE first_order_dt <= ${dataEnd}
  ) AS c
) AS s
GROUP BY cohort, k_second
ORDER BY cohort, k_second`;
}
