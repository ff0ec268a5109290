import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChdbForTest, openChdb } from "../../../test/chdb-engine.js";
import { EncoreError } from "../../errors.js";
import { INSERTED_COLUMNS, insertedRows } from "../insert-rows.test-helpers.js";
import { ClickHouseError } from "./clickhouse-error.js";

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<ClickHouseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClickHouseError);
  return error as ClickHouseError;
}

const SLOW = "SELECT count() AS n FROM numbers(100000000000) WHERE number % 7 = 3";

describe("ClickHouseEngine on chDB", () => {
  let chdb: ChdbForTest;
  beforeAll(async () => {
    chdb = await openChdb();
  });
  afterAll(async () => {
    await chdb?.close();
  });

  it("connects and says which ClickHouse it runs", () => {
    expect(chdb.engine.version).toMatch(/^\d+\.\d+\./);
  });

  it("keeps working tables and views, and drops them", async () => {
    const { engine } = chdb;
    await engine.createTable("enc_t", "SELECT number AS i FROM numbers(5)");
    await engine.createView("enc_v", "SELECT sum(i) AS s FROM enc_t");
    expect(await engine.all("SELECT s FROM enc_v")).toEqual([{ s: 10 }]);
    await engine.drop("enc_v", "view");
    await engine.drop("enc_t", "table");
    const error = await failure(engine.all("SELECT * FROM enc_t"));
    expect(error.code).toBe("engine");
    expect(error.clickhouseCode).toBe(60);
    expect(error.message).toMatch(/^ClickHouse failed: .*enc_t/);
  });

  it("makes working tables temporary: nothing is written to the database", async () => {
    const { engine } = chdb;
    await engine.createTable("enc_private", "SELECT 1 AS x");
    expect(
      await engine.all("SELECT name FROM system.tables WHERE database = currentDatabase()"),
    ).toEqual([]);
    expect(
      await engine.all("SELECT is_temporary FROM system.tables WHERE name = 'enc_private'"),
    ).toEqual([{ is_temporary: 1 }]);
  });

  it("appends rows to a working table in batches, each value cast to its column's type", async () => {
    const { engine } = chdb;
    await engine.createTable(
      "enc_ins",
      "SELECT CAST(0 AS Int32) AS x, CAST('1970-01-01' AS Date) AS day, CAST(0 AS Float64) AS v, " +
        "CAST('' AS String) AS name WHERE 1 = 0",
    );
    const rows = insertedRows(1200);
    await engine.insert("enc_ins", INSERTED_COLUMNS, rows);
    expect(
      await engine.all(
        "SELECT count() AS n, sum(x) AS sx, min(toString(day)) AS d, max(toString(day)) AS d2 FROM enc_ins",
      ),
    ).toEqual([{ n: 1200, sx: 719400, d: "2024-02-29", d2: "2024-02-29" }]);
    expect(await engine.all("SELECT x, v, name FROM enc_ins WHERE x = 3")).toEqual([
      { x: 3, v: 3 / 7, name: "it's 3" },
    ]);
    await engine.drop("enc_ins", "table");
  });

  it("binds $n values as typed parameters, quotes and NULL included", async () => {
    const rows = await chdb.engine.all(
      "SELECT $1 AS s, $2 AS i, $3 AS x, CAST($4 IS NULL AS Bool) AS n, $5 AS b, length($1) AS len",
      ["it's \\ {p2:String}", 42, 0.1, null, true],
    );
    expect(rows).toEqual([{ s: "it's \\ {p2:String}", i: 42, x: 0.1, n: true, b: true, len: 18 }]);
  });

  it("returns numbers, wall-clock text and booleans as the other engines do", async () => {
    const [row] = await chdb.engine.all(
      `SELECT toUInt64(9007199254740991) AS big, toInt8(-3) AS small, 1 / 0 AS inf,
        toDate32('1950-03-04') AS d, toDateTime64('2024-06-01 00:00:00', 6, 'UTC') AS midnight,
        toDateTime64('2024-06-01 10:20:30.5', 6, 'UTC') AS t, toDecimal64(12.5, 2) AS dec,
        CAST(NULL AS Nullable(String)) AS nothing, true AS yes`,
    );
    expect(row).toEqual({
      big: 9007199254740991,
      small: -3,
      inf: Number.POSITIVE_INFINITY,
      d: "1950-03-04",
      midnight: "2024-06-01",
      t: "2024-06-01 10:20:30",
      dec: 12.5,
      nothing: null,
      yes: true,
    });
    await expect(chdb.engine.all("SELECT toUInt64(9007199254740993) AS x")).rejects.toThrow(
      "integer 9007199254740993 is too large for a number",
    );
  });

  it("sets standard SQL's NULLs, UNION and UTC for the session", async () => {
    const [row] = await chdb.engine.all(
      `SELECT (SELECT b.y FROM (SELECT 1 AS x) AS a LEFT JOIN (SELECT 2 AS x, 5 AS y) AS b USING (x)) AS joined,
        (SELECT sum(number) FROM numbers(0)) AS empty_sum,
        (SELECT count() FROM (SELECT 1 UNION SELECT 1)) AS unions,
        CAST(CAST(NULL AS Nullable(String)) AS Float64) AS cast_null,
        toString(toDateTime('2024-06-01 10:00:00')) AS wall_clock`,
    );
    expect(row).toEqual({
      joined: null,
      empty_sum: null,
      unions: 1,
      cast_null: null,
      wall_clock: "2024-06-01 10:00:00",
    });
  });
});

// On an engine of its own: a timeout this short would also stop the other tests' statements
// on a busy machine (the test run's other files share its two cores).
describe("a statement timeout on chDB", () => {
  it("stops a statement at the statement timeout with a clear message", async () => {
    const chdb = await openChdb(500);
    try {
      const error = await failure(chdb.engine.all(SLOW));
      expect(error.code).toBe("engine");
      expect(error.message).toMatch(/^a query ran longer than the statement timeout \(0\.5 s\)/);
      expect(await chdb.engine.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await chdb.close();
    }
  });
});

describe("what a ClickHouse user's readonly level lets Encore do", () => {
  let chdb: ChdbForTest;
  beforeAll(async () => {
    chdb = await openChdb();
  });
  afterAll(async () => {
    await chdb?.close();
  });

  // A session may raise its readonly level, never lower it: 2 first, then 1.
  it("readonly = 2: settings, temporary tables and views (filled, updated, dropped), but no table of the database", async () => {
    const { engine } = chdb;
    await engine.run("SET readonly = 2");
    await engine.run("SET max_execution_time = 30");
    await engine.createTable("enc_ro", "SELECT 1 AS x");
    await engine.run("INSERT INTO enc_ro VALUES (2)");
    await engine.run("ALTER TABLE enc_ro UPDATE x = 3 WHERE x = 2 SETTINGS mutations_sync = 1");
    await engine.createView("enc_ro_v", "SELECT sum(x) AS s FROM enc_ro");
    expect(await engine.all("SELECT s FROM enc_ro_v")).toEqual([{ s: 4 }]);
    await engine.drop("enc_ro_v", "view");
    await engine.drop("enc_ro", "table");
    const error = await failure(engine.run("CREATE TABLE t (x Int32) ENGINE = Memory"));
    expect(error.message).toMatch(/^ClickHouse refused a statement in readonly mode: /);
    expect(error.hint).toBe(
      "Encore needs readonly = 2 (or 0): it sets query settings and creates temporary tables",
    );
  });
});

describe("a ClickHouse user with readonly = 1", () => {
  let chdb: ChdbForTest;
  beforeAll(async () => {
    chdb = await openChdb();
  });
  afterAll(async () => {
    await chdb?.close();
  });

  it("may not create even a temporary table: one line that says what Encore needs", async () => {
    await chdb.engine.run("SET readonly = 1");
    const error = await failure(chdb.engine.createTable("enc_ro1", "SELECT 1 AS x"));
    expect(error.message).toMatch(/^ClickHouse refused a statement in readonly mode: /);
    expect(error.exitCode).toBe(5);
  });
});

describe("cancelling on chDB", () => {
  it("rejects the running statement at once as cancelled (Ctrl-C)", async () => {
    const chdb = await openChdb(3000);
    try {
      const running = chdb.engine.all(SLOW).then(
        () => null,
        (e: unknown) => e,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      await chdb.engine.cancel();
      const error = await running;
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(EncoreError);
      expect((error as EncoreError).message).toBe("the analysis was cancelled");
    } finally {
      // The embedded engine finishes the statement (here: its 3 s timeout) before it closes.
      await chdb.close();
    }
  });
});
