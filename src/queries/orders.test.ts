import { describe, expect, it } from "vitest";
import { inEveryDialect } from "./dialects.test-helpers.js";
import { aggUsersExportSql } from "./exports.js";
import { orderGapCountsSql } from "./orders.js";
import { purchaseHistorySql, runPredictionsSql } from "./purchase-history.js";
import { rankSumSql } from "./rank-sum.js";
import { usersSql } from "./users.js";

const text = (source: string) => ({ source, kind: "text" as const });

describe("builders with counts under a condition or flags written out, one snapshot per dialect", () => {
  it("days between orders, with the mismatches counted by countIf", () => {
    expect(inEveryDialect((d) => orderGapCountsSql(d, "number"))).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT total_orders, days_since_prev, count(*) AS orders,
        countIf(days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
      FROM (
        SELECT count(*) OVER (PARTITION BY user_no ORDER BY order_ts, order_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total_orders,
          dateDiff('day', toDate32(lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, order_id)), toDate32(order_dt)) AS days_since_prev,
          days_since_prev_source
        FROM enc_orders
      ) AS gaps
      GROUP BY total_orders, days_since_prev",
        "duckdb": "
      SELECT total_orders, days_since_prev, count(*) AS orders,
        count(*) FILTER (WHERE days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
      FROM (
        SELECT count(*) OVER (PARTITION BY user_no ORDER BY order_ts, order_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total_orders,
          date_diff('day', lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, order_id), order_dt) AS days_since_prev,
          days_since_prev_source
        FROM enc_orders
      ) AS gaps
      GROUP BY total_orders, days_since_prev",
        "postgres": "
      SELECT total_orders, days_since_prev, count(*) AS orders,
        count(*) FILTER (WHERE days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
      FROM (
        SELECT count(*) OVER (PARTITION BY user_no ORDER BY order_ts, order_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total_orders,
          (CAST(order_dt AS date) - CAST(lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, order_id) AS date)) AS days_since_prev,
          days_since_prev_source
        FROM enc_orders
      ) AS gaps
      GROUP BY total_orders, days_since_prev",
      }
    `);
  });

  it("the purchase history: no aggregate named as the column it sums", () => {
    expect(
      inEveryDialect((d) =>
        purchaseHistorySql(d, { orders: "orders" }, "2024-12-31", "2024-09-30"),
      ),
    ).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      WITH occasions AS (
        SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
        FROM orders
        WHERE order_dt <= CAST('2024-12-31' AS DATE)
        GROUP BY user_no, order_dt
      ),
      per_user AS (
        SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
          sum(day_orders) AS orders, sum(value) AS total_value,
          argMinIf(toNullable(value), tuple(isNull(order_dt), assumeNotNull(order_dt)), isNotNull(value)) AS first_value,
          count(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN 1 END) AS n_cal,
          sum(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN day_orders END) AS orders_cal,
          max(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN order_dt END) AS last_cal_dt
        FROM occasions GROUP BY user_no
      )
      SELECT user_no,
        CAST(orders AS INTEGER) AS orders,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN orders_cal END AS INTEGER) AS orders_cal,
        CAST(n - 1 AS INTEGER) AS x,
        CAST(dateDiff('day', toDate32(first_dt), toDate32(last_dt)) AS INTEGER) AS t_x,
        CAST(dateDiff('day', toDate32(first_dt), toDate32(CAST('2024-12-31' AS DATE))) AS INTEGER) AS t_age,
        CASE WHEN n > 1 THEN if(isFinite(if(abs(((total_value - first_value) / (n - 1) * 1e6) - trunc(((total_value - first_value) / (n - 1) * 1e6))) >= 0.5, trunc(((total_value - first_value) / (n - 1) * 1e6)) + sign(((total_value - first_value) / (n - 1) * 1e6)), trunc(((total_value - first_value) / (n - 1) * 1e6))) / 1e6), if(abs(((total_value - first_value) / (n - 1) * 1e6) - trunc(((total_value - first_value) / (n - 1) * 1e6))) >= 0.5, trunc(((total_value - first_value) / (n - 1) * 1e6)) + sign(((total_value - first_value) / (n - 1) * 1e6)), trunc(((total_value - first_value) / (n - 1) * 1e6))) / 1e6, (total_value - first_value) / (n - 1)) END AS m,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n_cal - 1 END AS INTEGER) AS x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN dateDiff('day', toDate32(first_dt), toDate32(last_cal_dt)) END AS INTEGER) AS t_x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN dateDiff('day', toDate32(first_dt), toDate32(CAST('2024-09-30' AS DATE))) END AS INTEGER) AS t_age_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n - n_cal END AS INTEGER) AS x_holdout
      FROM per_user",
        "duckdb": "
      WITH occasions AS (
        SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
        FROM orders
        WHERE order_dt <= CAST('2024-12-31' AS DATE)
        GROUP BY user_no, order_dt
      ),
      per_user AS (
        SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
          sum(day_orders) AS orders, sum(value) AS total_value,
          arg_min(value, {'k0': order_dt}) AS first_value,
          count(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN 1 END) AS n_cal,
          sum(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN day_orders END) AS orders_cal,
          max(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN order_dt END) AS last_cal_dt
        FROM occasions GROUP BY user_no
      )
      SELECT user_no,
        CAST(orders AS INTEGER) AS orders,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN orders_cal END AS INTEGER) AS orders_cal,
        CAST(n - 1 AS INTEGER) AS x,
        CAST(date_diff('day', first_dt, last_dt) AS INTEGER) AS t_x,
        CAST(date_diff('day', first_dt, CAST('2024-12-31' AS DATE)) AS INTEGER) AS t_age,
        CASE WHEN n > 1 THEN round((total_value - first_value) / (n - 1), 6) END AS m,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n_cal - 1 END AS INTEGER) AS x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN date_diff('day', first_dt, last_cal_dt) END AS INTEGER) AS t_x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN date_diff('day', first_dt, CAST('2024-09-30' AS DATE)) END AS INTEGER) AS t_age_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n - n_cal END AS INTEGER) AS x_holdout
      FROM per_user",
        "postgres": "
      WITH occasions AS (
        SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
        FROM orders
        WHERE order_dt <= CAST('2024-12-31' AS DATE)
        GROUP BY user_no, order_dt
      ),
      per_user AS (
        SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
          sum(day_orders) AS orders, sum(value) AS total_value,
          (array_agg(value ORDER BY order_dt) FILTER (WHERE value IS NOT NULL))[1] AS first_value,
          count(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN 1 END) AS n_cal,
          sum(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN day_orders END) AS orders_cal,
          max(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN order_dt END) AS last_cal_dt
        FROM occasions GROUP BY user_no
      )
      SELECT user_no,
        CAST(orders AS INTEGER) AS orders,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN orders_cal END AS INTEGER) AS orders_cal,
        CAST(n - 1 AS INTEGER) AS x,
        CAST((CAST(last_dt AS date) - CAST(first_dt AS date)) AS INTEGER) AS t_x,
        CAST((CAST(CAST('2024-12-31' AS DATE) AS date) - CAST(first_dt AS date)) AS INTEGER) AS t_age,
        CASE WHEN n > 1 THEN CAST(round(CAST((total_value - first_value) / (n - 1) AS numeric), 6) AS double precision) END AS m,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n_cal - 1 END AS INTEGER) AS x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN (CAST(last_cal_dt AS date) - CAST(first_dt AS date)) END AS INTEGER) AS t_x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN (CAST(CAST('2024-09-30' AS DATE) AS date) - CAST(first_dt AS date)) END AS INTEGER) AS t_age_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n - n_cal END AS INTEGER) AS x_holdout
      FROM per_user",
      }
    `);
  });

  it("the outputs' excluded_by_filter as a boolean: agg_users and the predictions", () => {
    expect(
      inEveryDialect(
        (d) => `${aggUsersExportSql(d, "users", 12)};\n${runPredictionsSql(d, "predictions", 12)}`,
      ),
    ).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT *, CAST(total_orders > 12 AS Nullable(Bool)) AS excluded_by_filter FROM users;

      SELECT user_id, repeat_occasions, recency_days, age_days, CAST(orders > 12 AS Nullable(Bool)) AS excluded_by_filter,
        p_alive, expected_orders, expected_order_value_rub, clv_rub
      FROM predictions",
        "duckdb": "SELECT *, (total_orders > 12) AS excluded_by_filter FROM users;

      SELECT user_id, repeat_occasions, recency_days, age_days, (orders > 12) AS excluded_by_filter,
        p_alive, expected_orders, expected_order_value_rub, clv_rub
      FROM predictions",
        "postgres": "SELECT *, (total_orders > 12) AS excluded_by_filter FROM users;

      SELECT user_id, repeat_occasions, recency_days, age_days, (orders > 12) AS excluded_by_filter,
        p_alive, expected_orders, expected_order_value_rub, clv_rub
      FROM predictions",
      }
    `);
  });

  it("the rank sums: no alias named as a column it sums", () => {
    expect(
      inEveryDialect((d) => rankSumSql(d, "users", "avg_revenue_rub", "is_two", "NOT is_two")),
    ).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
        coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
        coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
        coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
      FROM (
        SELECT in1, CAST(rank() OVER (ORDER BY v) AS Nullable(Float64)) AS lo, CAST(count(*) OVER (ORDER BY v) AS Nullable(Float64)) AS hi
        FROM (
          SELECT avg_revenue_rub AS v, (is_two) AS in1
          FROM users
          WHERE avg_revenue_rub IS NOT NULL AND ((is_two) OR (NOT is_two))
        ) AS rows_of_both
      ) AS ranked",
        "duckdb": "
      SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
        coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
        coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
        coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
      FROM (
        SELECT in1, CAST(rank() OVER (ORDER BY v) AS DOUBLE) AS lo, CAST(count(*) OVER (ORDER BY v) AS DOUBLE) AS hi
        FROM (
          SELECT avg_revenue_rub AS v, (is_two) AS in1
          FROM users
          WHERE avg_revenue_rub IS NOT NULL AND ((is_two) OR (NOT is_two))
        ) AS rows_of_both
      ) AS ranked",
        "postgres": "
      SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
        coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
        coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
        coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
      FROM (
        SELECT in1, CAST(rank() OVER (ORDER BY v) AS double precision) AS lo, CAST(count(*) OVER (ORDER BY v) AS double precision) AS hi
        FROM (
          SELECT avg_revenue_rub AS v, (is_two) AS in1
          FROM users
          WHERE avg_revenue_rub IS NOT NULL AND ((is_two) OR (NOT is_two))
        ) AS rows_of_both
      ) AS ranked",
      }
    `);
  });

  it("the per-user table: user_id named, is_two and is_five as booleans", () => {
    const bindings = {
      user_id: text("user_id"),
      order_id: { source: "order_id", kind: "integer" as const },
      order_ts: text("order_ts"),
      revenue: text("revenue"),
    };
    expect(inEveryDialect((d) => usersSql(d, bindings, [], "number"))).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      WITH per_user AS (
        SELECT user_no,
          argMinIf(toNullable("__encore_row"), tuple(isNull(order_ts), assumeNotNull(order_ts), isNull(order_id), assumeNotNull(order_id)), isNotNull("__encore_row")) AS first_row,
          -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
          arrayElementOrNull(groupArraySorted(2)(order_dt), 2) AS second_order_dt,
          min(order_dt) AS first_order_dt,
          max(order_dt) AS last_order_dt,
          count(*) AS total_orders,
          if(isFinite(if(abs((sum(revenue_rub) * 1e6) - trunc((sum(revenue_rub) * 1e6))) >= 0.5, trunc((sum(revenue_rub) * 1e6)) + sign((sum(revenue_rub) * 1e6)), trunc((sum(revenue_rub) * 1e6))) / 1e6), if(abs((sum(revenue_rub) * 1e6) - trunc((sum(revenue_rub) * 1e6))) >= 0.5, trunc((sum(revenue_rub) * 1e6)) + sign((sum(revenue_rub) * 1e6)), trunc((sum(revenue_rub) * 1e6))) / 1e6, sum(revenue_rub)) AS total_revenue_rub,
          if(isFinite(if(abs((avg(revenue_rub) * 1e6) - trunc((avg(revenue_rub) * 1e6))) >= 0.5, trunc((avg(revenue_rub) * 1e6)) + sign((avg(revenue_rub) * 1e6)), trunc((avg(revenue_rub) * 1e6))) / 1e6), if(abs((avg(revenue_rub) * 1e6) - trunc((avg(revenue_rub) * 1e6))) >= 0.5, trunc((avg(revenue_rub) * 1e6)) + sign((avg(revenue_rub) * 1e6)), trunc((avg(revenue_rub) * 1e6))) / 1e6, avg(revenue_rub)) AS avg_revenue_rub,
          sum(tickets_count) AS total_tickets,
          avg(CAST(tickets_count AS Nullable(Float64))) AS avg_tickets_count
        FROM enc_orders
        GROUP BY user_no
      )
      SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
        f.revenue_rub AS first_order_revenue_rub,
        f.tickets_count AS first_order_tickets,
        CAST(toDayOfWeek(u.first_order_dt) AS INTEGER) AS first_order_weekday,
        CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
        CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
        CASE WHEN u.total_orders > 1
          THEN CAST(dateDiff('day', toDate32(u.first_order_dt), toDate32(u.last_order_dt)) AS Nullable(Float64)) / (u.total_orders - 1)
        END AS avg_days_since_prev,
        CAST(dateDiff('day', toDate32(u.first_order_dt), toDate32(u.second_order_dt)) AS INTEGER) AS days_to_second_order,
        CAST(u.total_orders >= 2 AS Nullable(Bool)) AS is_two, CAST(u.total_orders >= 5 AS Nullable(Bool)) AS is_five,
        CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
      FROM per_user AS u
      JOIN enc_user_ids AS ids ON ids.user_no = u.user_no
      JOIN enc_checked AS f ON f."__encore_row" = u.first_row
      JOIN enc_raw AS r ON r."__encore_row" = u.first_row",
        "duckdb": "
      WITH per_user AS (
        SELECT user_no,
          arg_min("__encore_row", {'k0': order_ts, 'k1': order_id}) AS first_row,
          -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
          (min(order_dt, 2))[2] AS second_order_dt,
          min(order_dt) AS first_order_dt,
          max(order_dt) AS last_order_dt,
          count(*) AS total_orders,
          round(sum(revenue_rub), 6) AS total_revenue_rub,
          round(avg(revenue_rub), 6) AS avg_revenue_rub,
          sum(tickets_count) AS total_tickets,
          avg(CAST(tickets_count AS DOUBLE)) AS avg_tickets_count
        FROM enc_orders
        GROUP BY user_no
      )
      SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
        f.revenue_rub AS first_order_revenue_rub,
        f.tickets_count AS first_order_tickets,
        CAST(isodow(u.first_order_dt) AS INTEGER) AS first_order_weekday,
        CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
        CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
        CASE WHEN u.total_orders > 1
          THEN CAST(date_diff('day', u.first_order_dt, u.last_order_dt) AS DOUBLE) / (u.total_orders - 1)
        END AS avg_days_since_prev,
        CAST(date_diff('day', u.first_order_dt, u.second_order_dt) AS INTEGER) AS days_to_second_order,
        (u.total_orders >= 2) AS is_two, (u.total_orders >= 5) AS is_five,
        CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
      FROM per_user AS u
      JOIN enc_user_ids AS ids ON ids.user_no = u.user_no
      JOIN enc_checked AS f ON f."__encore_row" = u.first_row
      JOIN enc_raw AS r ON r."__encore_row" = u.first_row",
        "postgres": "
      WITH per_user AS (
        SELECT user_no,
          (array_agg("__encore_row" ORDER BY order_ts, order_id) FILTER (WHERE "__encore_row" IS NOT NULL))[1] AS first_row,
          -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
          (array_agg(order_dt ORDER BY order_dt) FILTER (WHERE order_dt IS NOT NULL))[2] AS second_order_dt,
          min(order_dt) AS first_order_dt,
          max(order_dt) AS last_order_dt,
          count(*) AS total_orders,
          CAST(round(CAST(sum(revenue_rub) AS numeric), 6) AS double precision) AS total_revenue_rub,
          CAST(round(CAST(avg(revenue_rub) AS numeric), 6) AS double precision) AS avg_revenue_rub,
          sum(tickets_count) AS total_tickets,
          avg(CAST(tickets_count AS double precision)) AS avg_tickets_count
        FROM enc_orders
        GROUP BY user_no
      )
      SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
        f.revenue_rub AS first_order_revenue_rub,
        f.tickets_count AS first_order_tickets,
        CAST(CAST(EXTRACT(ISODOW FROM u.first_order_dt) AS integer) AS INTEGER) AS first_order_weekday,
        CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
        CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
        CASE WHEN u.total_orders > 1
          THEN CAST((CAST(u.last_order_dt AS date) - CAST(u.first_order_dt AS date)) AS double precision) / (u.total_orders - 1)
        END AS avg_days_since_prev,
        CAST((CAST(u.second_order_dt AS date) - CAST(u.first_order_dt AS date)) AS INTEGER) AS days_to_second_order,
        (u.total_orders >= 2) AS is_two, (u.total_orders >= 5) AS is_five,
        CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
      FROM per_user AS u
      JOIN enc_user_ids AS ids ON ids.user_no = u.user_no
      JOIN enc_checked AS f ON f."__encore_row" = u.first_row
      JOIN enc_raw AS r ON r."__encore_row" = u.first_row",
      }
    `);
  });
});
