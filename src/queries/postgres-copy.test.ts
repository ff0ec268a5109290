import { describe, expect, it } from "vitest";
import { copySelectSql, estimatedRowsSql, tablePagesSql } from "./postgres-copy.js";

describe("the copy of a PostgreSQL source", () => {
  it("writes instants as ISO wall-clock text in the zone, dates as ISO, the rest as it is", () => {
    const sql = copySelectSql(
      '"sales"."orders"',
      [
        { name: "user_id", type: "bigint" },
        { name: "order_ts", type: "timestamp with time zone" },
        { name: "local_ts", type: "timestamp(3) without time zone" },
        { name: "order_dt", type: "date" },
        { name: 're"venue', type: "numeric(12,2)" },
      ],
      "Europe/Moscow",
    );
    expect(sql).toMatchInlineSnapshot(
      `"SELECT s."user_id" AS "user_id", CASE WHEN isfinite((s."order_ts" AT TIME ZONE 'Europe/Moscow')) AND (s."order_ts" AT TIME ZONE 'Europe/Moscow') >= '0001-01-01' THEN CAST((s."order_ts" AT TIME ZONE 'Europe/Moscow') AS text) ELSE to_char((s."order_ts" AT TIME ZONE 'Europe/Moscow'), 'YYYY-MM-DD HH24:MI:SS.US') END AS "order_ts", CASE WHEN isfinite(s."local_ts") AND s."local_ts" >= '0001-01-01' THEN CAST(s."local_ts" AS text) ELSE to_char(s."local_ts", 'YYYY-MM-DD HH24:MI:SS.US') END AS "local_ts", CASE WHEN isfinite(s."order_dt") AND s."order_dt" >= '0001-01-01' THEN CAST(s."order_dt" AS text) ELSE to_char(s."order_dt", 'YYYY-MM-DD') END AS "order_dt", s."re""venue" AS "re""venue" FROM "sales"."orders" AS s"`,
    );
  });

  it("reads one half of a table's pages by their ctid", () => {
    const columns = [{ name: "user_id", type: "text" }];
    expect(copySelectSql('"orders"', columns, "UTC", { to: 95382 })).toMatchInlineSnapshot(
      `"SELECT s."user_id" AS "user_id" FROM "orders" AS s WHERE s.ctid < '(95382,0)'::tid"`,
    );
    expect(copySelectSql('"orders"', columns, "UTC", { from: 95382 })).toMatchInlineSnapshot(
      `"SELECT s."user_id" AS "user_id" FROM "orders" AS s WHERE s.ctid >= '(95382,0)'::tid"`,
    );
    expect(() => copySelectSql('"orders"', columns, "UTC", { from: -1 })).toThrow(RangeError);
    expect(() => copySelectSql('"orders"', columns, "UTC", { to: 1.5 })).toThrow(RangeError);
  });

  it("asks for a relation's kind and size in pages, by its name bound", () => {
    expect(tablePagesSql()).toMatchInlineSnapshot(`
      "
      SELECT c.relkind::text AS kind,
        pg_relation_size(c.oid) / current_setting('block_size')::bigint AS pages
      FROM pg_class AS c WHERE c.oid = to_regclass($1)"
    `);
  });

  it("asks the planner for the rows without reading them", () => {
    expect(estimatedRowsSql("(SELECT 1)")).toMatchInlineSnapshot(
      `"EXPLAIN SELECT * FROM (SELECT 1) AS s"`,
    );
  });
});
