import { describe, expect, it } from "vitest";
import { clickhouseDialect } from "../engine/clickhouse/dialect.js";
import { duckdbDialect } from "../engine/duckdb/dialect.js";
import { postgresDialect } from "../engine/postgres/dialect.js";
import { cohortCellsSql, cohortUsersSql } from "./cohorts.js";
import {
  comparedRepeatSql,
  comparedUsersSql,
  entryMixSql,
  firstOrderCheckSql,
} from "./compare-periods.js";

const relations = { users: "kept", userIds: "ids", orders: "orders" };

describe("the cohort builders (§12), one snapshot per dialect", () => {
  it("cohort cells by month and by week", () => {
    expect({
      duckdb: cohortCellsSql(duckdbDialect, relations, "month"),
      postgres: cohortCellsSql(postgresDialect, relations, "week"),
      clickhouse: cohortCellsSql(clickhouseDialect, relations, "week"),
    }).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT toString(toDate32(cohort)) AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
        FROM (
          SELECT p.cohort, o.user_no, toInt32(intDiv(dateDiff('day', toDate32(p.cohort), toDate32(o.order_dt)), 7)) AS k,
            o.revenue_rub
          FROM orders AS o
          JOIN (
            SELECT ids.user_no, subtractDays(toDate32(u.first_order_dt), toDayOfWeek(toDate32(u.first_order_dt)) - 1) AS cohort
            FROM kept AS u JOIN ids AS ids ON ids.user_id = u.user_id
          ) AS p ON p.user_no = o.user_no
          WHERE o.order_dt <= CAST($1 AS DATE)
        ) AS dated
        GROUP BY cohort, user_no, k
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k",
        "duckdb": "
      SELECT strftime(cohort, '%Y-%m-%d') AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
        FROM (
          SELECT p.cohort, o.user_no, CAST(date_diff('month', p.cohort, o.order_dt) AS INTEGER) AS k,
            o.revenue_rub
          FROM orders AS o
          JOIN (
            SELECT ids.user_no, CAST(date_trunc('month', u.first_order_dt) AS DATE) AS cohort
            FROM kept AS u JOIN ids AS ids ON ids.user_id = u.user_id
          ) AS p ON p.user_no = o.user_no
          WHERE o.order_dt <= CAST($1 AS DATE)
        ) AS dated
        GROUP BY cohort, user_no, k
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k",
        "postgres": "
      SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
        FROM (
          SELECT p.cohort, o.user_no, ((CAST(o.order_dt AS date) - CAST(p.cohort AS date)) / 7) AS k,
            o.revenue_rub
          FROM orders AS o
          JOIN (
            SELECT ids.user_no, CAST(date_trunc('week', CAST(u.first_order_dt AS timestamp)) AS date) AS cohort
            FROM kept AS u JOIN ids AS ids ON ids.user_id = u.user_id
          ) AS p ON p.user_no = o.user_no
          WHERE o.order_dt <= CAST($1 AS DATE)
        ) AS dated
        GROUP BY cohort, user_no, k
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k",
      }
    `);
  });

  it("cohort users with the second order's period and repeat within 30/60/90 days", () => {
    expect({
      duckdb: cohortUsersSql(duckdbDialect, "kept", "week"),
      postgres: cohortUsersSql(postgresDialect, "kept", "month"),
      clickhouse: cohortUsersSql(clickhouseDialect, "kept", "month"),
    }).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT toString(toDate32(cohort)) AS cohort, k_second, count(*) AS users,
        sum(first_order_revenue_rub) AS first_order_revenue_rub,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM (
        SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
          AND addDays(toDate32(first_order_dt), toInt32(days_to_second_order)) <= CAST($1 AS DATE)
          THEN toInt32(dateDiff('month', toDate32(cohort), toDate32(addDays(toDate32(first_order_dt), toInt32(days_to_second_order))))) END AS k_second
        FROM (
          SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
            subtractDays(toDate32(first_order_dt), toDayOfMonth(toDate32(first_order_dt)) - 1) AS cohort
          FROM kept
          WHERE first_order_dt <= CAST($1 AS DATE)
        ) AS c
      ) AS s
      GROUP BY cohort, k_second
      ORDER BY cohort, k_second",
        "duckdb": "
      SELECT strftime(cohort, '%Y-%m-%d') AS cohort, k_second, count(*) AS users,
        sum(first_order_revenue_rub) AS first_order_revenue_rub,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM (
        SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
          AND CAST(first_order_dt + CAST(days_to_second_order AS INTEGER) AS DATE) <= CAST($1 AS DATE)
          THEN CAST(date_diff('day', cohort, CAST(first_order_dt + CAST(days_to_second_order AS INTEGER) AS DATE)) // 7 AS INTEGER) END AS k_second
        FROM (
          SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
            CAST(date_trunc('week', first_order_dt) AS DATE) AS cohort
          FROM kept
          WHERE first_order_dt <= CAST($1 AS DATE)
        ) AS c
      ) AS s
      GROUP BY cohort, k_second
      ORDER BY cohort, k_second",
        "postgres": "
      SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, k_second, count(*) AS users,
        sum(first_order_revenue_rub) AS first_order_revenue_rub,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM (
        SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
          AND (CAST(first_order_dt AS date) + CAST(days_to_second_order AS integer)) <= CAST($1 AS DATE)
          THEN CAST((EXTRACT(YEAR FROM (CAST(first_order_dt AS date) + CAST(days_to_second_order AS integer))) - EXTRACT(YEAR FROM cohort)) * 12 + EXTRACT(MONTH FROM (CAST(first_order_dt AS date) + CAST(days_to_second_order AS integer))) - EXTRACT(MONTH FROM cohort) AS integer) END AS k_second
        FROM (
          SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
            CAST(date_trunc('month', CAST(first_order_dt AS timestamp)) AS date) AS cohort
          FROM kept
          WHERE first_order_dt <= CAST($1 AS DATE)
        ) AS c
      ) AS s
      GROUP BY cohort, k_second
      ORDER BY cohort, k_second",
      }
    `);
  });

  it("two periods compared", () => {
    expect({
      users: comparedUsersSql("kept"),
      check: [duckdbDialect, postgresDialect, clickhouseDialect].map((d) =>
        firstOrderCheckSql(d, "compared"),
      ),
      mix: entryMixSql("compared", "first_event_type"),
      repeat: [duckdbDialect, postgresDialect, clickhouseDialect].map((d) =>
        comparedRepeatSql(d, "compared"),
      ),
    }).toMatchInlineSnapshot(`
      {
        "check": [
          "
      SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY first_order_revenue_rub) AS median
      FROM compared
      GROUP BY compared_period
      ORDER BY compared_period",
          "
      SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(first_order_revenue_rub AS double precision)) AS median
      FROM compared
      GROUP BY compared_period
      ORDER BY compared_period",
          "
      SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
        quantileExactInclusive(0.5)(CAST(first_order_revenue_rub AS Nullable(Float64))) AS median
      FROM compared
      GROUP BY compared_period
      ORDER BY compared_period",
        ],
        "mix": "
      SELECT compared_period, "first_event_type" AS value, count(*) AS users
      FROM compared
      GROUP BY compared_period, "first_event_type"",
        "repeat": [
          "
      SELECT compared_period,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM compared
      GROUP BY compared_period
      ORDER BY compared_period",
          "
      SELECT compared_period,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM compared
      GROUP BY compared_period
      ORDER BY compared_period",
          "
      SELECT compared_period,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM compared
      GROUP BY compared_period
      ORDER BY compared_period",
        ],
        "users": "
      SELECT *, CASE WHEN first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) THEN 1 ELSE 2 END AS compared_period
      FROM kept
      WHERE first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
         OR first_order_dt BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE)",
      }
    `);
  });
});
