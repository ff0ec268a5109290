import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChdbForTest, openChdb } from "../../../test/chdb-engine.js";
import { EncoreError } from "../../errors.js";
import { exportCsv } from "./export.js";
import { describeRelationColumns, stageRelation } from "./stage.js";

async function failure(promise: Promise<unknown>): Promise<EncoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EncoreError);
  return error as EncoreError;
}

describe("reading a ClickHouse table or query (chDB)", () => {
  let chdb: ChdbForTest;
  beforeAll(async () => {
    chdb = await openChdb();
    await chdb.engine.run("CREATE DATABASE shop");
    await chdb.engine.run(
      `CREATE TABLE shop.orders (user_id String, amount Float64, n Int64, at DateTime64(6, 'UTC'),
        day Date32, note Nullable(String)) ENGINE = MergeTree ORDER BY tuple()`,
    );
    await chdb.engine.run(
      `INSERT INTO shop.orders VALUES ('u2', 10.5, 1, '2024-06-01 10:00:00', '2024-06-01', NULL),
        ('u1', 3, 2, '2024-06-02 00:00:00', '2024-06-02', 'a, "b"'), ('u3', 0, 3, '2024-06-03 00:00:00', '2024-06-03', '')`,
    );
  });
  afterAll(async () => {
    await chdb?.close();
  });

  it("describes the columns under the type names Encore's bindings read", async () => {
    const columns = await describeRelationColumns(
      chdb.engine,
      { kind: "table", name: "shop.orders" },
      "orders",
    );
    expect(columns).toEqual([
      { name: "user_id", type: "VARCHAR" },
      { name: "amount", type: "DOUBLE" },
      { name: "n", type: "BIGINT" },
      { name: "at", type: "TIMESTAMP" },
      { name: "day", type: "DATE" },
      { name: "note", type: "VARCHAR" },
    ]);
  });

  it("stages a table into a temporary table with its rows numbered in the table's order", async () => {
    const source = { kind: "table", name: "shop.orders" } as const;
    const rows = await stageRelation(chdb.engine, source, "enc_raw", "__row", "orders");
    expect(rows).toBe(3);
    expect(await chdb.engine.all("SELECT __row, user_id FROM enc_raw ORDER BY __row")).toEqual([
      { __row: 1, user_id: "u2" },
      { __row: 2, user_id: "u1" },
      { __row: 3, user_id: "u3" },
    ]);
    await chdb.engine.drop("enc_raw", "table");
  });

  it("stages a query in its own ORDER BY", async () => {
    const source = {
      kind: "query",
      sql: "SELECT user_id FROM shop.orders ORDER BY user_id",
    } as const;
    await stageRelation(chdb.engine, source, "enc_q", "__row", "orders");
    expect(await chdb.engine.all("SELECT __row, user_id FROM enc_q ORDER BY __row")).toEqual([
      { __row: 1, user_id: "u1" },
      { __row: 2, user_id: "u2" },
      { __row: 3, user_id: "u3" },
    ]);
    await chdb.engine.drop("enc_q", "table");
  });

  it("says in one line, exit code 4, that a table or a column is missing", async () => {
    const table = await failure(
      describeRelationColumns(chdb.engine, { kind: "table", name: "shop.nope" }, "orders"),
    );
    expect(table.exitCode).toBe(4);
    expect(table.message).toMatch(
      /^the orders table shop\.nope or one of its columns does not exist \(.*nope/,
    );
    const column = await failure(
      describeRelationColumns(
        chdb.engine,
        { kind: "query", sql: "SELECT nope FROM shop.orders" },
        "orders",
      ),
    );
    expect(column.exitCode).toBe(4);
    expect(column.message).toMatch(/^cannot read the orders query \(.*nope/);
  });

  it("exports a result as CSV: NULL empty, empty text quoted, times whole as DuckDB writes them", async () => {
    const path = join(chdb.dir, "out.csv");
    await exportCsv(
      chdb.engine,
      { sql: "SELECT user_id, at, note FROM shop.orders", orderBy: "user_id" },
      path,
    );
    expect(await readFile(path, "utf8")).toBe(
      'user_id,at,note\nu1,2024-06-02 00:00:00,"a, ""b"""\nu2,2024-06-01 10:00:00,\nu3,2024-06-03 00:00:00,""\n',
    );
    await exportCsv(
      chdb.engine,
      { sql: "SELECT user_id FROM shop.orders WHERE 0", orderBy: "user_id" },
      path,
    );
    expect(await readFile(path, "utf8")).toBe("user_id\n");
  });
});
