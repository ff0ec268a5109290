import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { analyzeCsv, csv, parseCsv } from "./helpers.js";

/**
 * Text that a spreadsheet runs as a formula (OWASP, "CSV Injection"): user ids, attributes
 * and rejected values starting with = + - @, a tab or a carriage return.
 */
const ORDERS = csv(
  "user_id,order_id,order_ts,revenue,event_type_main,city_name",
  '=HYPERLINK("http://x"),1,2024-06-01 10:00,100,+concerts,@SUM(A1)',
  '=HYPERLINK("http://x"),2,2024-06-20 10:00,200,+concerts,@SUM(A1)',
  "-u2,3,2024-06-02 10:00,300,theatre,Moscow",
  "u3,4,2024-06-03 10:00,-5,sport,Kazan",
  'u4,5,2024-06-04 10:00,x,"\t=1+1","\r=2"',
);

async function parquetRows(path: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
  const rows = reader.getRowObjectsJS();
  connection.closeSync();
  db.closeSync();
  return rows;
}

describe("CSV outputs guard text against spreadsheet formulas", () => {
  it("prefixes ' to text starting with = + - @ tab or CR in agg_users, rejects and predictions; numbers untouched", async () => {
    const { dir, users, rejects } = await analyzeCsv(ORDERS, null, { minUsers: 1 });
    expect(users.map((u) => [u.user_id, u.first_event_type, u.first_city])).toEqual([
      ["'-u2", "theatre", "Moscow"],
      ['\'=HYPERLINK("http://x")', "'+concerts", "'@SUM(A1)"],
    ]);
    expect(users.map((u) => u.total_revenue_rub)).toEqual(["300.0", "300.0"]);
    expect(rejects.map((r) => [r.reason, r.revenue, r.event_type_main, r.city_name])).toEqual([
      ["bad_revenue", "'-5", "sport", "Kazan"],
      ["bad_revenue", "x", "'\t=1+1", "'\r=2"],
    ]);
    const predictions = parseCsv(await readFile(join(dir, "predictions.csv"), "utf8"));
    expect(predictions.map((p) => p.user_id)).toEqual(["'-u2", '\'=HYPERLINK("http://x")']);
  });

  it("keeps raw values in Parquet", async () => {
    const { dir } = await analyzeCsv(ORDERS, null, { minUsers: 1 });
    const users = await parquetRows(join(dir, "agg_users.parquet"));
    expect(users.map((u) => u.user_id).sort()).toEqual(["-u2", '=HYPERLINK("http://x")']);
    const rejects = await parquetRows(join(dir, "rejects.parquet"));
    expect(rejects.map((r) => r.revenue)).toEqual(["-5", "x"]);
  });

  it("writes raw text with csv_raw", async () => {
    const { users, rejects } = await analyzeCsv(ORDERS, null, { minUsers: 1, csvRaw: true });
    expect(users.map((u) => u.user_id)).toEqual(["-u2", '=HYPERLINK("http://x")']);
    expect(rejects.map((r) => r.event_type_main)).toEqual(["sport", "\t=1+1"]);
  });
});
