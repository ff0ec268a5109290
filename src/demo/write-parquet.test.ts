import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { writeDemoParquet } from "./write-parquet.js";

let dir = "";
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("writeDemoParquet", () => {
  it("writes typed columns, the rates, and removes its temporary files", async () => {
    dir = await mkdtemp(join(tmpdir(), "encore-parquet-"));
    const file = join(dir, "orders.parquet");
    const manifest = await writeDemoParquet(file, {
      users: 300,
      ratesFile: join(dir, "rates.csv"),
    });
    expect((await readdir(dir)).sort()).toEqual(["orders.parquet", "rates.csv"]);

    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const types = await connection.runAndReadAll(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${file}')`,
    );
    const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM '${file}'`);
    connection.closeSync();
    instance.closeSync();
    expect(Object.fromEntries(types.getRows())).toMatchObject({
      user_id: "VARCHAR",
      order_id: "BIGINT",
      order_ts: "TIMESTAMP",
      order_dt: "DATE",
      revenue: "DOUBLE",
      tickets_count: "INTEGER",
      region_name: "VARCHAR",
      days_since_prev: "INTEGER",
    });
    expect(count.getRows()[0]?.[0]).toBe(manifest.rowsWritten);
  });
});
