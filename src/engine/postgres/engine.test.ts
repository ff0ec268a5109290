import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgCluster, startPgCluster } from "../../../test/pg-cluster.js";
import { EncoreError } from "../../errors.js";
import { INSERTED_COLUMNS, insertedRows } from "../insert-rows.test-helpers.js";
import { quoteIdent } from "../sql.js";
import { PostgresEngine } from "./engine.js";
import { exportCsv } from "./export.js";

const cluster = await startPgCluster();

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<EncoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EncoreError);
  return error as EncoreError;
}

describe.skipIf(cluster === null)("PostgresEngine on a throwaway cluster", () => {
  const { url, password, port } = cluster as PgCluster;
  let engine: PostgresEngine;

  beforeAll(async () => {
    // These tests make their own tables: a read-write session.
    engine = await PostgresEngine.connect({ connectionString: url, readOnly: false });
  });
  afterAll(async () => {
    await engine?.close();
    await cluster?.stop();
  });

  it("creates a table and binds values as parameters", async () => {
    await engine.run("CREATE TEMPORARY TABLE t (id integer, name text)");
    await engine.run("INSERT INTO t VALUES ($1, $2), ($3, $4)", [1, "it's; --", 2, null]);
    expect(await engine.all("SELECT id, name FROM t WHERE id >= $1 ORDER BY id", [1])).toEqual([
      { id: 1, name: "it's; --" },
      { id: 2, name: null },
    ]);
  });

  it("appends rows to a working table in batches, each value cast to its column's type", async () => {
    await engine.createTable(
      "enc_ins",
      "SELECT CAST(0 AS INTEGER) AS x, CAST(NULL AS DATE) AS day, CAST(0 AS DOUBLE PRECISION) AS v, " +
        "CAST('' AS TEXT) AS name WHERE 1 = 0",
    );
    const rows = insertedRows(5000);
    rows.push([5000, null, null, null]);
    await engine.insert("enc_ins", INSERTED_COLUMNS, rows);
    expect(
      await engine.all(
        "SELECT count(*) AS n, sum(x) AS sx, count(day) AS days, min(CAST(day AS TEXT)) AS d FROM enc_ins",
      ),
    ).toEqual([{ n: 5001, sx: 12502500, days: 5000, d: "2024-02-29" }]);
    expect(
      await engine.all("SELECT x, v, name FROM enc_ins WHERE x IN (3, 5000) ORDER BY x"),
    ).toEqual([
      { x: 3, v: 3 / 7, name: "it's 3" },
      { x: 5000, v: null, name: null },
    ]);
    await engine.drop("enc_ins", "table");
  });

  it("normalises int8, numeric, date and timestamp at the boundary, with no time-zone shift", async () => {
    await engine.run("SET TIME ZONE 'Asia/Yekaterinburg'");
    const rows = await engine.all(`SELECT CAST(9007199254740991 AS bigint) AS n, count(*) AS c,
      CAST('12.50' AS numeric) AS x, CAST(0.1 AS double precision) AS f, true AS b,
      DATE '2024-06-01' AS d, TIMESTAMP '2024-06-01 23:30:00' AS ts,
      TIMESTAMP '2024-06-01 10:00:00.25' AS tf`);
    expect(rows).toEqual([
      {
        n: 9007199254740991,
        c: 1,
        x: 12.5,
        f: 0.1,
        b: true,
        d: "2024-06-01",
        ts: "2024-06-01 23:30:00",
        tf: "2024-06-01 10:00:00.25",
      },
    ]);
  });

  it("refuses an integer too large for a number instead of rounding it", async () => {
    const error = await failure(engine.all("SELECT CAST(9007199254740993 AS bigint) AS n"));
    expect(error.message).toMatch(/9007199254740993 is too large/);
  });

  it("quotes a hostile identifier: it names a table and runs no SQL", async () => {
    const hostile = 'orders"; DROP TABLE orders; --';
    await engine.run("CREATE TEMPORARY TABLE orders (id integer)");
    await engine.run(`CREATE TEMPORARY TABLE ${quoteIdent(hostile)} (id integer)`);
    await engine.run(`INSERT INTO ${quoteIdent(hostile)} VALUES (7)`);
    expect(await engine.all(`SELECT id FROM ${quoteIdent(hostile)}`)).toEqual([{ id: 7 }]);
    const tables = await engine.all(
      "SELECT relname FROM pg_class WHERE relname LIKE 'orders%' ORDER BY relname",
    );
    expect(tables).toEqual([{ relname: "orders" }, { relname: hostile }]);
  });

  it("reports SQL errors as engine errors", async () => {
    const error = await failure(engine.all("SELECT * FROM no_such_table"));
    expect(error.code).toBe("engine");
    expect(error.message).toBe('PostgreSQL failed: relation "no_such_table" does not exist');
  });

  it("never shows the password when it is wrong", async () => {
    const wrong = `${password}-wrong`;
    const error = await failure(PostgresEngine.connect(url.replace(password, wrong)));
    expect(error.code).toBe("engine");
    expect(error.message).toMatch(/password authentication failed/);
    expect(error.toLine()).not.toContain(password);
  });

  it("streams CSV with text guarded against spreadsheet formulas, numbers untouched; raw on request", async () => {
    const dir = await mkdtemp(join(tmpdir(), "encore-pg-csv-"));
    const source = {
      sql: "SELECT * FROM (VALUES (1, '=1+1', -5), (2, '@x', 3), (3, 'ok', -1)) AS v(i, t, n)",
      orderBy: "i",
    };
    await exportCsv(engine, source, join(dir, "guarded.csv"));
    expect(await readFile(join(dir, "guarded.csv"), "utf8")).toBe(
      "i,t,n\n1,'=1+1,-5\n2,'@x,3\n3,ok,-1\n",
    );
    await exportCsv(engine, source, join(dir, "raw.csv"), true);
    expect(await readFile(join(dir, "raw.csv"), "utf8")).toBe(
      "i,t,n\n1,=1+1,-5\n2,@x,3\n3,ok,-1\n",
    );
  });

  it("keeps the message whole when a one-letter password is wrong", async () => {
    const error = await failure(PostgresEngine.connect(url.replace(`:${password}@`, ":a@")));
    expect(error.message).toMatch(/: password authentication failed for user "[a-z]+"$/);
  });

  it("says clearly when the server is down", async () => {
    const down = url.replace(`:${port}/`, ":1/");
    const error = await failure(PostgresEngine.connect(down));
    expect(error.code).toBe("engine");
    expect(error.message).toMatch(
      /^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/postgres: .*ECONNREFUSED/,
    );
    expect(error.toLine()).not.toContain(password);
  });

  describe("as the analysis uses it: a read-only session", () => {
    let ro: PostgresEngine;
    beforeAll(async () => {
      await engine.run("CREATE TABLE source_orders (id integer)");
      await engine.run("INSERT INTO source_orders SELECT g FROM generate_series(1, 25) AS g");
      ro = await PostgresEngine.connect({ connectionString: url, statementTimeoutMs: 500 });
    });
    afterAll(async () => {
      await ro?.close();
    });

    it("cannot write to a table of the database", async () => {
      const error = await failure(ro.run("INSERT INTO source_orders VALUES (99)"));
      expect(error.message).toMatch(/read-only transaction/);
      const dropped = await failure(ro.run("DROP TABLE source_orders"));
      expect(dropped.message).toMatch(/read-only transaction/);
      expect(await engine.all("SELECT count(*) AS n FROM source_orders")).toEqual([{ n: 25 }]);
    });

    it("keeps its working tables and views in the session's temporary schema", async () => {
      await ro.createTable(
        "enc_work",
        "SELECT id, id * 2 AS twice FROM source_orders WHERE id <= 3",
      );
      await ro.createView("enc_view", "SELECT sum(twice) AS s FROM enc_work");
      expect(await ro.all("SELECT s FROM enc_view")).toEqual([{ s: 12 }]);
      const [where] = await ro.all(
        "SELECT n.nspname LIKE 'pg_temp%' AS temporary FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'enc_work'",
      );
      expect(where).toEqual({ temporary: true });
      await ro.drop("enc_view", "view");
      await ro.drop("enc_work", "table");
      // Another session never sees them.
      expect(
        await engine.all("SELECT count(*) AS n FROM pg_class WHERE relname = 'enc_work'"),
      ).toEqual([{ n: 0 }]);
    });

    it("streams a query's rows in batches", async () => {
      const batches: number[] = [];
      await ro.stream(
        "SELECT id FROM source_orders ORDER BY id",
        (rows) => {
          batches.push(rows.length);
        },
        10,
      );
      expect(batches).toEqual([10, 10, 5]);
      const empty: string[][] = [];
      await ro.stream(
        "SELECT id AS first, id AS second FROM source_orders WHERE false",
        (rows, fields) => {
          empty.push([String(rows.length), ...fields]);
        },
      );
      expect(empty).toEqual([["0", "first", "second"]]);
    });

    it("stops a statement at the statement timeout with a clear message", async () => {
      const error = await failure(ro.all("SELECT pg_sleep(5)"));
      expect(error.message).toMatch(/^a query ran longer than the statement timeout \(0.5 s\)/);
      // The session is still usable.
      expect(await ro.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    });

    it("cancels the running statement on request (Ctrl-C)", async () => {
      const slow = await PostgresEngine.connect({ connectionString: url });
      try {
        const running = failure(slow.all("SELECT pg_sleep(30)"));
        await new Promise((resolve) => setTimeout(resolve, 200));
        await slow.cancel();
        const error = await running;
        expect(error.message).toBe("the analysis was cancelled");
      } finally {
        await slow.close();
      }
    });
  });
});
