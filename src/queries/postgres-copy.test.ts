import { describe, expect, it } from "vitest";
import { copySelectSql, estimatedRowsSql } from "./postgres-copy.js";

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
      `"SELECT s."user_id" AS "user_id", to_char(s."order_ts" AT TIME ZONE 'Europe/Moscow', 'YYYY-MM-DD HH24:MI:SS.US') AS "order_ts", to_char(s."local_ts", 'YYYY-MM-DD HH24:MI:SS.US') AS "local_ts", to_char(s."order_dt", 'YYYY-MM-DD') AS "order_dt", s."re""venue" AS "re""venue" FROM "sales"."orders" AS s"`,
    );
  });

  it("asks the planner for the rows without reading them", () => {
    expect(estimatedRowsSql("(SELECT 1)")).toMatchInlineSnapshot(
      `"EXPLAIN SELECT * FROM (SELECT 1) AS s"`,
    );
  });
});
