import { describe, expect, it } from "vitest";
import { clickhouseDialect } from "../engine/clickhouse/dialect.js";
import { duckdbDialect } from "../engine/duckdb/dialect.js";
import { postgresDialect } from "../engine/postgres/dialect.js";
import { dimensionValuesSql, firstOrderRangeSql } from "./filter-options.js";

describe("what a filter can choose from, one snapshot per dialect", () => {
  it("a dimension's values with their users", () => {
    expect({
      duckdb: dimensionValuesSql(duckdbDialect, "users", "first_city", 500),
      postgres: dimensionValuesSql(postgresDialect, "users", "first_city", 500),
      clickhouse: dimensionValuesSql(clickhouseDialect, "users", "first_city", 500),
    }).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT "first_city" AS value, count(*) AS users
      FROM users
      WHERE "first_city" IS NOT NULL
      GROUP BY "first_city"
      ORDER BY users DESC, value
      LIMIT 500",
        "duckdb": "
      SELECT "first_city" AS value, count(*) AS users
      FROM users
      WHERE "first_city" IS NOT NULL
      GROUP BY "first_city"
      ORDER BY users DESC, value
      LIMIT 500",
        "postgres": "
      SELECT "first_city" AS value, count(*) AS users
      FROM users
      WHERE "first_city" IS NOT NULL
      GROUP BY "first_city"
      ORDER BY users DESC, value
      LIMIT 500",
      }
    `);
    expect(() => dimensionValuesSql(duckdbDialect, "users", "first_city", 0)).toThrow(
      "invalid limit: 0",
    );
  });

  it("the range of first-order dates", () => {
    expect({
      duckdb: firstOrderRangeSql(duckdbDialect, "users"),
      postgres: firstOrderRangeSql(postgresDialect, "users"),
      clickhouse: firstOrderRangeSql(clickhouseDialect, "users"),
    }).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT toString(toDate32(min(first_order_dt))) AS first, toString(toDate32(max(first_order_dt))) AS last,
        count(*) AS users
      FROM users",
        "duckdb": "
      SELECT strftime(min(first_order_dt), '%Y-%m-%d') AS first, strftime(max(first_order_dt), '%Y-%m-%d') AS last,
        count(*) AS users
      FROM users",
        "postgres": "
      SELECT to_char(min(first_order_dt), 'YYYY-MM-DD') AS first, to_char(max(first_order_dt), 'YYYY-MM-DD') AS last,
        count(*) AS users
      FROM users",
      }
    `);
  });
});
