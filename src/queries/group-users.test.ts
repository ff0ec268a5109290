import { describe, expect, it } from "vitest";
import { clickhouseDialect } from "../engine/clickhouse/dialect.js";
import { duckdbDialect } from "../engine/duckdb/dialect.js";
import { postgresDialect } from "../engine/postgres/dialect.js";
import { groupUsersSql } from "./group-users.js";

describe("the users of one report row, one snapshot per dialect", () => {
  it("one first-order value: the value bound, the column quoted", () => {
    const group = { dimension: "first_city", value: "Москва'; DROP TABLE x; --" } as const;
    expect({
      duckdb: groupUsersSql(duckdbDialect, "kept", group),
      postgres: groupUsersSql(postgresDialect, "kept", group),
      clickhouse: groupUsersSql(clickhouseDialect, "kept", group),
    }).toMatchInlineSnapshot(`
      {
        "clickhouse": {
          "params": [
            "Москва'; DROP TABLE x; --",
          ],
          "sql": "
      SELECT user_id, segment, toString(toDate32(first_order_dt)) AS first_order_dt,
        toString(toDate32(last_order_dt)) AS last_order_dt, total_orders, total_revenue_rub
      FROM kept
      WHERE "first_city" = CAST($1 AS Nullable(String))",
        },
        "duckdb": {
          "params": [
            "Москва'; DROP TABLE x; --",
          ],
          "sql": "
      SELECT user_id, segment, strftime(first_order_dt, '%Y-%m-%d') AS first_order_dt,
        strftime(last_order_dt, '%Y-%m-%d') AS last_order_dt, total_orders, total_revenue_rub
      FROM kept
      WHERE "first_city" = CAST($1 AS VARCHAR)",
        },
        "postgres": {
          "params": [
            "Москва'; DROP TABLE x; --",
          ],
          "sql": "
      SELECT user_id, segment, to_char(first_order_dt, 'YYYY-MM-DD') AS first_order_dt,
        to_char(last_order_dt, 'YYYY-MM-DD') AS last_order_dt, total_orders, total_revenue_rub
      FROM kept
      WHERE "first_city" = CAST($1 AS text)",
        },
      }
    `);
  });

  it("one cohort: the first day of its period bound", () => {
    expect({
      duckdb: groupUsersSql(duckdbDialect, "kept", { cohort: "2024-07-01", period: "month" }),
      postgres: groupUsersSql(postgresDialect, "kept", { cohort: "2024-07-01", period: "month" }),
      clickhouse: groupUsersSql(clickhouseDialect, "kept", {
        cohort: "2024-07-01",
        period: "week",
      }),
    }).toMatchInlineSnapshot(`
      {
        "clickhouse": {
          "params": [
            "2024-07-01",
          ],
          "sql": "
      SELECT user_id, segment, toString(toDate32(first_order_dt)) AS first_order_dt,
        toString(toDate32(last_order_dt)) AS last_order_dt, total_orders, total_revenue_rub
      FROM kept
      WHERE subtractDays(toDate32(first_order_dt), toDayOfWeek(toDate32(first_order_dt)) - 1) = CAST($1 AS DATE)",
        },
        "duckdb": {
          "params": [
            "2024-07-01",
          ],
          "sql": "
      SELECT user_id, segment, strftime(first_order_dt, '%Y-%m-%d') AS first_order_dt,
        strftime(last_order_dt, '%Y-%m-%d') AS last_order_dt, total_orders, total_revenue_rub
      FROM kept
      WHERE CAST(date_trunc('month', first_order_dt) AS DATE) = CAST($1 AS DATE)",
        },
        "postgres": {
          "params": [
            "2024-07-01",
          ],
          "sql": "
      SELECT user_id, segment, to_char(first_order_dt, 'YYYY-MM-DD') AS first_order_dt,
        to_char(last_order_dt, 'YYYY-MM-DD') AS last_order_dt, total_orders, total_revenue_rub
      FROM kept
      WHERE CAST(date_trunc('month', CAST(first_order_dt AS timestamp)) AS date) = CAST($1 AS DATE)",
        },
      }
    `);
  });
});
