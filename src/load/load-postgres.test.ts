import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgCluster, startPgCluster } from "../../test/pg-cluster.js";
import type { FileSource } from "../config/config.js";
import { writeDemoCsv } from "../demo/write-demo.js";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import { fileScanSql } from "../engine/duckdb/stage.js";
import { quoteLiteral } from "../engine/sql.js";
import { EncoreError } from "../errors.js";
import { csvColumns } from "../io/csv-header.js";
import { type LoadOptions, loadIntoPostgres } from "./load-postgres.js";

const cluster = await startPgCluster();

const csv = (path: string): FileSource => ({ kind: "file", path, format: "csv" });
const parquet = (path: string): FileSource => ({ kind: "file", path, format: "parquet" });

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<EncoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EncoreError);
  return error as EncoreError;
}

describe.skipIf(cluster === null)("loadIntoPostgres on a throwaway cluster", () => {
  const { url, password, port } = cluster as PgCluster;
  const connection = { connectionString: url };
  let dir: string;
  let db: pg.Client;

  const write = async (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const load = (options: Omit<LoadOptions, "connection">) =>
    loadIntoPostgres({ connection, ...options });
  const rows = async (sql: string) => (await db.query(sql)).rows;
  const exists = async (table: string) =>
    (await db.query("SELECT to_regclass($1) AS t", [table])).rows[0].t !== null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "encore-load-test-"));
    db = new pg.Client(url);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("loads a CSV file as text, every value exact: quotes, commas, blanks, Cyrillic", async () => {
    const path = await write(
      "orders.csv",
      [
        "order_id,user_id,comment,amount",
        '1,u1,"say ""hi"", ok",10.50',
        '2,u2,"",',
        "3,,Алматы, доставка",
        '4,u4,"two\nlines",007',
      ].join("\n"),
    );
    const steps: string[] = [];
    const result = await load({
      orders: csv(path),
      table: "csv_orders",
      onProgress: (s) => steps.push(s),
    });
    expect(result).toEqual({ table: "csv_orders", rows: 4, ratesTable: null, ratesRows: null });
    // An empty unquoted field is NULL in PostgreSQL ('' in DuckDB): Encore treats both as blank.
    expect(await rows("SELECT * FROM csv_orders ORDER BY order_id")).toEqual([
      { order_id: "1", user_id: "u1", comment: 'say "hi", ok', amount: "10.50" },
      { order_id: "2", user_id: "u2", comment: "", amount: null },
      { order_id: "3", user_id: null, comment: "Алматы", amount: " доставка" },
      { order_id: "4", user_id: "u4", comment: "two\nlines", amount: "007" },
    ]);
    const types = await rows(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'csv_orders'",
    );
    expect(types.map((t) => t.data_type)).toEqual(["text", "text", "text", "text"]);
    expect(steps).toEqual([
      "loading orders.csv into csv_orders",
      "loaded 4 rows into csv_orders",
      "analyzing csv_orders",
    ]);
  });

  it("reads a gzipped TSV with the tab delimiter", async () => {
    const path = await write("orders.tsv.gz", gzipSync("id\tname\n1\ta,b\n2\tc\n"));
    expect((await load({ orders: csv(path), table: "tsv_orders" })).rows).toBe(2);
    expect(await rows("SELECT * FROM tsv_orders ORDER BY id")).toEqual([
      { id: "1", name: "a,b" },
      { id: "2", name: "c" },
    ]);
  });

  it("keeps Parquet's types and values exactly, timestamps with no time-zone shift", async () => {
    const path = join(dir, "orders.parquet");
    const duckdb = await DuckDBEngine.open();
    await duckdb.run(
      `COPY (SELECT * FROM (VALUES
         (CAST(9007199254740991 AS BIGINT), CAST(0.1 AS DOUBLE), CAST(12.50 AS DECIMAL(10,2)),
          TIMESTAMP '2024-03-31 02:30:00', DATE '2024-06-01', 'Алматы, "центр"', 7),
         (-1, 1e20, -0.01, TIMESTAMP '2024-06-01 23:59:59.123456', DATE '1999-12-31', '', NULL),
         (NULL, NULL, NULL, NULL, NULL, NULL, 0)
       ) t(id, x, amount, ts, d, name, n)) TO ${quoteLiteral(path)} (FORMAT parquet)`,
    );
    await duckdb.close();
    await db.query("SET TIME ZONE 'Asia/Yekaterinburg'");
    const result = await load({ orders: parquet(path), table: "pq_orders" });
    expect(result.rows).toBe(3);
    const types = await rows(
      "SELECT column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns " +
        "WHERE table_name = 'pq_orders' ORDER BY ordinal_position",
    );
    expect(types.map((t) => [t.column_name, t.data_type])).toEqual([
      ["id", "bigint"],
      ["x", "double precision"],
      ["amount", "numeric"],
      ["ts", "timestamp without time zone"],
      ["d", "date"],
      ["name", "text"],
      ["n", "integer"],
    ]);
    expect(types[2]).toMatchObject({ numeric_precision: 10, numeric_scale: 2 });
    const loaded = await rows(
      "SELECT id::text, x::text, amount::text, ts::text, d::text, name, n FROM pq_orders ORDER BY id DESC NULLS LAST",
    );
    expect(loaded).toEqual([
      {
        id: "9007199254740991",
        x: "0.1",
        amount: "12.50",
        ts: "2024-03-31 02:30:00",
        d: "2024-06-01",
        name: 'Алматы, "центр"',
        n: 7,
      },
      {
        id: "-1",
        x: "1e+20",
        amount: "-0.01",
        ts: "2024-06-01 23:59:59.123456",
        d: "1999-12-31",
        name: "",
        n: null,
      },
      { id: null, x: null, amount: null, ts: null, d: null, name: null, n: 0 },
    ]);
    await db.query("RESET TIME ZONE");
  });

  it("refuses an existing table without replace and leaves it intact; replace recreates it", async () => {
    await db.query("CREATE TABLE kept (old text); INSERT INTO kept VALUES ('still here')");
    const path = await write("new.csv", "id\n1\n2\n");
    const error = await failure(load({ orders: csv(path), table: "kept" }));
    expect(error.code).toBe("output");
    expect(error.message).toBe("the table kept already exists");
    expect(error.hint).toMatch(/--replace/);
    expect(await rows("SELECT * FROM kept")).toEqual([{ old: "still here" }]);

    expect((await load({ orders: csv(path), table: "kept", replace: true })).rows).toBe(2);
    expect(await rows("SELECT * FROM kept ORDER BY id")).toEqual([{ id: "1" }, { id: "2" }]);
  });

  it("takes a hostile table name as one strange identifier and runs no SQL from it", async () => {
    await db.query("CREATE TABLE orders (id integer); INSERT INTO orders VALUES (1)");
    const hostile = 'orders"; DROP TABLE orders; --';
    const path = await write("hostile.csv", "id\n7\n");
    const result = await load({ orders: csv(path), table: hostile, rates: csv(path) });
    expect(result).toMatchObject({ table: hostile, ratesTable: `${hostile}_rates` });
    const tables = await rows(
      "SELECT relname FROM pg_class WHERE relname LIKE 'orders%' AND relkind = 'r' ORDER BY relname",
    );
    expect(tables).toEqual([
      { relname: "orders" },
      { relname: hostile },
      { relname: `${hostile}_rates` },
    ]);
    expect(await rows("SELECT id FROM orders")).toEqual([{ id: 1 }]);
  });

  it("leaves no table behind when a line is malformed, even after another table loaded", async () => {
    const good = await write("good.csv", "id,name\n1,a\n");
    // Lines after the bad one keep the file open while the server reports it.
    const rest = "KZT,1\n".repeat(200_000);
    const bad = await write("bad.csv", `currency,rate\nKZT,1\nBYN,2,extra\n${rest}`);
    const error = await failure(load({ orders: csv(good), rates: csv(bad), table: "half" }));
    expect(error.code).toBe("input");
    expect(error.message).toBe(
      `cannot load the rates file ${bad} (line 3): extra data after last expected column`,
    );
    expect(await exists("half")).toBe(false);
    expect(await exists("half_rates")).toBe(false);
  });

  it("refuses a line that is just \\. rather than let COPY drop the rest of the file", async () => {
    const path = await write("marker.csv", "a,b\n1,2\n\\.\n3,4\n");
    const error = await failure(load({ orders: csv(path), table: "marker" }));
    expect(error.code).toBe("input");
    expect(error.message).toBe(
      `cannot read the orders file ${path} (a line holds only \\. which PostgreSQL's COPY takes for the end of the data)`,
    );
    expect(await exists("marker")).toBe(false);
  });

  it("reports a truncated gzip file as bad input and leaves no table behind", async () => {
    const whole = gzipSync(`id\n${"1234567890\n".repeat(20_000)}`);
    const path = await write("cut.csv.gz", whole.subarray(0, whole.length - 200));
    const error = await failure(load({ orders: csv(path), table: "cut" }));
    expect(error.code).toBe("input");
    expect(error.message).toMatch(
      /^the orders file .*cut\.csv\.gz is truncated or corrupt \(gzip: unexpected end of file\)$/,
    );
    expect(await exists("cut")).toBe(false);
  });

  it("reports a missing file before connecting", async () => {
    const error = await failure(load({ orders: csv(join(dir, "nope.csv")), table: "nope" }));
    expect(error.code).toBe("input");
    expect(error.message).toMatch(/nope\.csv .*ENOENT/);
  });

  it("reports a wrong password without the password", async () => {
    const wrong = "Wr0ng-pa55word";
    const error = await failure(
      loadIntoPostgres({
        connection: {
          host: "127.0.0.1",
          port,
          user: "encore",
          password: wrong,
          database: "postgres",
        },
        orders: csv(await write("pw.csv", "id\n1\n")),
        table: "pw",
      }),
    );
    expect(error.code).toBe("engine");
    expect(error.message).toMatch(/password authentication failed/);
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(password);
  });

  it("reports a server that is down", async () => {
    const path = await write("down.csv", "id\n1\n");
    const down = url.replace(`:${port}/`, ":1/");
    const error = await failure(
      loadIntoPostgres({
        connection: { connectionString: down },
        orders: csv(path),
        table: "down",
      }),
    );
    expect(error.code).toBe("engine");
    expect(error.message).toMatch(
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/postgres: .*ECONNREFUSED/,
    );
    expect(error.message).not.toContain(password);
  });

  it("loads the demo files into a schema: every row, the same values DuckDB reads", async () => {
    const demo = join(dir, "demo");
    const manifest = await writeDemoCsv(demo, { users: 300, seed: 7 });
    await db.query("CREATE SCHEMA shop");
    const orders = csv(join(demo, "orders.csv"));
    const result = await load({
      orders,
      rates: csv(join(demo, "rates.csv")),
      table: "shop.orders",
    });
    expect(result).toEqual({
      table: "shop.orders",
      rows: manifest.rowsWritten,
      ratesTable: "shop.orders_rates",
      ratesRows: manifest.ratesRows,
    });
    const duckdb = await DuckDBEngine.open();
    const fromFile = await duckdb.all(
      `SELECT * FROM ${fileScanSql(orders, await csvColumns(orders.path, ",", "orders"))}`,
    );
    await duckdb.close();
    const fromTable = await rows("SELECT * FROM shop.orders");
    const blankAsEmpty = (list: Record<string, unknown>[]) =>
      list.map((r) => JSON.stringify(Object.values(r).map((v) => v ?? ""))).sort();
    expect(blankAsEmpty(fromTable)).toEqual(blankAsEmpty(fromFile));
  });
});
