import { describe, expect, it } from "vitest";
import { applyReasonsSql, checkedWithReasonsSql } from "./checked-orders.js";
import { inEveryDialect } from "./dialects.test-helpers.js";
import { rejectsSql } from "./rejects.js";

describe("the repeat reasons and the rejects (§2), one snapshot per dialect", () => {
  it("repeat reasons: updated in place (DuckDB, PostgreSQL) or joined into a new table (ClickHouse)", () => {
    // Both are written without the dialect; which one runs is the dialect's updatesFrom.
    expect(
      inEveryDialect((d) =>
        d.updatesFrom ? applyReasonsSql("reasons") : checkedWithReasonsSql("reasons"),
      ),
    ).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT c.* REPLACE (CAST(coalesce(f.reason, c.reason) AS SMALLINT) AS reason)
      FROM enc_checked AS c
      LEFT JOIN (SELECT row_no, reason FROM reasons WHERE reason IS NOT NULL) AS f
        ON f.row_no = c."__encore_row"",
        "duckdb": "
      UPDATE enc_checked SET reason = f.reason
      FROM reasons AS f
      WHERE enc_checked."__encore_row" = f.row_no AND f.reason IS NOT NULL",
        "postgres": "
      UPDATE enc_checked SET reason = f.reason
      FROM reasons AS f
      WHERE enc_checked."__encore_row" = f.row_no AND f.reason IS NOT NULL",
      }
    `);
  });

  it("the rejected rows with their reason and every source column under its own name", () => {
    expect(inEveryDialect(() => rejectsSql(["user_id", 'odd "name"']))).toMatchInlineSnapshot(`
      {
        "clickhouse": "
      SELECT c."__encore_row" AS row_number, CASE c.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason, r."user_id" AS "user_id", r."odd ""name""" AS "odd ""name"""
      FROM enc_checked AS c JOIN enc_raw_kept AS r ON r."__encore_row" = c."__encore_row"
      WHERE c.reason IS NOT NULL",
        "duckdb": "
      SELECT c."__encore_row" AS row_number, CASE c.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason, r."user_id" AS "user_id", r."odd ""name""" AS "odd ""name"""
      FROM enc_checked AS c JOIN enc_raw_kept AS r ON r."__encore_row" = c."__encore_row"
      WHERE c.reason IS NOT NULL",
        "postgres": "
      SELECT c."__encore_row" AS row_number, CASE c.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason, r."user_id" AS "user_id", r."odd ""name""" AS "odd ""name"""
      FROM enc_checked AS c JOIN enc_raw_kept AS r ON r."__encore_row" = c."__encore_row"
      WHERE c.reason IS NOT NULL",
      }
    `);
  });
});
