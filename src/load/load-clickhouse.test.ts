import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChdbForTest, openChdb } from "../../test/chdb-engine.js";
import type { ClickHouseConnection } from "../config/clickhouse-env.js";
import type { FileSource } from "../config/config.js";
import { writeDemoCsv, writeDemoParquet } from "../demo/write-demo.js";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import { fileScanSql } from "../engine/duckdb/stage.js";
import { EncoreError } from "../errors.js";
import { csvColumns } from "../io/csv-header.js";
import { type ClickHouseLoadOptions, loadIntoClickHouse } from "./load-clickhouse.js";

const csv = (path: string): FileSource => ({ kind: "file", path, format: "csv" });
const parquet = (path: string): FileSource => ({ kind: "file", path, format: "parquet" });

async function failure(promise: Promise<unknown>): Promise<EncoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EncoreError);
  return error as EncoreError;
}

/** The rows DuckDB reads from a CSV file, as Encore reads files. */
async function duckdbRows(path: string): Promise<unknown[][]> {
  const duckdb = await DuckDBEngine.open();
  try {
    const source = csv(path);
    const sql = `SELECT * FROM ${fileScanSql(source, await csvColumns(path, ",", "orders"))}`;
    return (await duckdb.all(sql)).map((r) => Object.values(r));
  } finally {
    await duckdb.close();
  }
}

describe("loadIntoClickHouse into the embedded engine (chdb:DIR)", () => {
  let chdb: ChdbForTest;
  let connection: ClickHouseConnection;
  const write = async (name: string, text: string | Buffer) => {
    const path = join(chdb.dir, name);
    await writeFile(path, text);
    return path;
  };
  const load = (options: Omit<ClickHouseLoadOptions, "connection">) =>
    loadIntoClickHouse({ connection, ...options });
  const exists = async (table: string) =>
    (await chdb.engine.all("SELECT count() AS n FROM system.tables WHERE name = $1", [table]))[0]
      ?.n === 1;

  beforeAll(async () => {
    chdb = await openChdb();
    connection = { kind: "chdb", dir: chdb.dir };
  });
  afterAll(async () => {
    await chdb?.close();
  });

  it("loads a CSV file as text, every value as DuckDB reads it: quotes, spaces, \\N, Cyrillic", async () => {
    const path = await write(
      "orders.csv",
      [
        "order_id,user_id,comment,amount",
        '1,u1,"say ""hi"", ok",10.50',
        '2,u2,"",',
        "3,,Алматы, доставка",
        '4,u4,"two\nlines",007',
        "5, u5 ,\\N,'1'",
      ].join("\n"),
    );
    const result = await load({ orders: csv(path), table: "orders" });
    expect(result).toEqual({ table: "orders", rows: 5, ratesTable: null, ratesRows: null });
    const loaded = await chdb.engine.all("SELECT * FROM orders");
    // DuckDB reads a quoted empty field as NULL, ClickHouse as ''; Encore treats blank and
    // NULL alike in every column.
    const blankAsNull = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === "" ? null : v)));
    expect(blankAsNull(loaded.map((r) => Object.values(r)))).toEqual(
      blankAsNull(await duckdbRows(path)),
    );
    expect(loaded[4]).toEqual({ order_id: "5", user_id: " u5 ", comment: "\\N", amount: "'1'" });
  });

  it("loads the demo files, orders and rates, every row; refuses to overwrite without --replace", async () => {
    const demo = join(chdb.dir, "demo");
    const manifest = await writeDemoCsv(demo, { users: 200, seed: 3 });
    const options = {
      orders: csv(join(demo, "orders.csv")),
      rates: csv(join(demo, "rates.csv")),
      table: "demo",
    };
    expect(await load(options)).toEqual({
      table: "demo",
      rows: manifest.rowsWritten,
      ratesTable: "demo_rates",
      ratesRows: manifest.ratesRows,
    });
    const again = await failure(load(options));
    expect(again.message).toBe("the table demo already exists");
    expect(again.exitCode).toBe(6);
    expect((await load({ ...options, replace: true })).rows).toBe(manifest.rowsWritten);
  });

  it("loads a gzipped CSV and a Parquet file, Parquet with its own types", async () => {
    const gz = await write("small.csv.gz", gzipSync("id,name\n1,a\n2,b\n"));
    expect((await load({ orders: csv(gz), table: "gz" })).rows).toBe(2);
    const file = join(chdb.dir, "pq", "orders.parquet");
    const manifest = await writeDemoParquet(file, { users: 50, seed: 5 });
    const result = await load({ orders: parquet(file), table: "pq" });
    expect(result.rows).toBe(manifest.rowsWritten);
    const [types] = await chdb.engine.all(
      "SELECT arraySort(groupUniqArray(type)) AS t FROM system.columns WHERE table = 'pq'",
    );
    expect(JSON.parse(String(types?.t))).toEqual([
      "Nullable(Date32)",
      "Nullable(DateTime64(6, 'UTC'))",
      "Nullable(Float64)",
      "Nullable(Int32)",
      "Nullable(Int64)",
      "Nullable(String)",
    ]);
    // Every row of the file, in the file's order and with its values: the order ids.
    const duckdb = await DuckDBEngine.open();
    const fromFile = await duckdb
      .all(`SELECT * FROM ${fileScanSql(parquet(file))}`)
      .finally(() => duckdb.close());
    const fromTable = await chdb.engine.all("SELECT * FROM pq");
    expect(fromTable).toEqual(fromFile);
  });

  it("reports a malformed line as bad input and leaves no table behind", async () => {
    const bad = await write("bad.csv", "a,b\n1,2\n3,4,5\n");
    const error = await failure(load({ orders: csv(bad), table: "bad" }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toMatch(/^cannot load the orders file .*bad\.csv: /);
    expect(await exists("bad")).toBe(false);
  });

  it("reports a missing file before connecting", async () => {
    const error = await failure(load({ orders: csv(join(chdb.dir, "nope.csv")), table: "nope" }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toMatch(/nope\.csv .*ENOENT/);
  });
});
