import { readFile } from "node:fs/promises";
import { Writable } from "node:stream";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config/load-config.js";
import { DuckDBEngine } from "../src/engine/duckdb/engine.js";
import { copyToFiles } from "../src/engine/postgres/copy.js";
import { PostgresEngine } from "../src/engine/postgres/engine.js";
import { copySelectSql } from "../src/queries/postgres-copy.js";
import { parseCsv } from "./helpers.js";
import { type PgCluster, startPgCluster } from "./pg-cluster.js";

const cluster = await startPgCluster();

/** Instants and dates at the edges of what PostgreSQL holds, each in every column type. */
const VALUES = [
  "2024-06-01 10:00:00",
  "2024-06-01 10:00:00.5",
  "2024-06-01 10:00:00.123456",
  "2024-03-31 02:30:00",
  "2024-10-27 02:30:00",
  "0001-01-01 00:00:00",
  "1899-12-31 23:59:59.999999",
  "9999-12-31 23:59:59.999999",
  "10000-01-01 00:00:00",
  "0044-03-15 12:00:00 BC",
  "infinity",
  "-infinity",
];
const COLUMNS = [
  { name: "ts", type: "timestamp without time zone" },
  { name: "ts3", type: "timestamp(3) without time zone" },
  { name: "tz", type: "timestamp with time zone" },
  { name: "d", type: "date" },
];

/** The text each column was copied as before: to_char for every row. */
const toCharSql = (zone: string) => `
SELECT to_char(s.ts, 'YYYY-MM-DD HH24:MI:SS.US') AS ts,
  to_char(s.ts3, 'YYYY-MM-DD HH24:MI:SS.US') AS ts3,
  to_char(s.tz AT TIME ZONE '${zone}', 'YYYY-MM-DD HH24:MI:SS.US') AS tz,
  to_char(s.d, 'YYYY-MM-DD') AS d
FROM stamps AS s`;

/** What one COPY of `sql` writes, as text. */
async function copyText(engine: PostgresEngine, sql: string): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await engine.copyOut(sql, sink);
  return Buffer.concat(chunks).toString("utf8");
}

const copied = async (engine: PostgresEngine, sql: string): Promise<Record<string, string>[]> =>
  parseCsv(await copyText(engine, `${sql} ORDER BY s.n`));

describe.skipIf(cluster === null)("the copy of a PostgreSQL source's instants and dates", () => {
  const { url } = cluster as PgCluster;
  let engine: PostgresEngine;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Enough rows for many pages, with deleted ones, so that each half holds some of each.
      await admin.query(
        "CREATE TABLE pages AS SELECT n, 'user ' || (n % 97) AS user_id, TIMESTAMP '2024-01-01' + n * INTERVAL '1 minute' AS order_ts FROM generate_series(1, 20000) AS n",
      );
      await admin.query("DELETE FROM pages WHERE n % 7 = 0");
      await admin.query(
        "CREATE FUNCTION noisy(n int) RETURNS int AS $$ BEGIN IF n % 1000 = 0 THEN RAISE NOTICE 'row %', n; END IF; RETURN n; END $$ LANGUAGE plpgsql",
      );
      await admin.query(
        "CREATE TABLE stamps (n int, ts timestamp, ts3 timestamp(3), tz timestamptz, d date)",
      );
      for (const [n, v] of VALUES.entries()) {
        await admin.query(
          "INSERT INTO stamps VALUES ($1, $2::text::timestamp, $2::text::timestamp(3), $2::text::timestamptz, $2::text::date)",
          [n, v],
        );
      }
    } finally {
      await admin.end();
    }
    engine = await PostgresEngine.connect({ connectionString: url, timeZone: "UTC" });
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await cluster?.stop();
  });

  it("copies a table in two halves of its pages, which DuckDB reads as one: the rows of one COPY, in its order", async () => {
    const [{ pages }] = (await engine.all(
      "SELECT pg_relation_size('pages') / current_setting('block_size')::int AS pages",
    )) as [{ pages: number }];
    expect(pages).toBeGreaterThan(10);
    const config = resolveConfig(
      {},
      process.cwd(),
      { source: "postgres", orders: "pages" },
      {
        connectionString: url,
      },
    );
    const copied = await copyToFiles(engine, config);
    const duckdb = await DuckDBEngine.open();
    try {
      const orders = copied.config.orders;
      if (orders.kind !== "file") throw new Error("not copied to a file");
      const files = [orders.path, ...(orders.continuedIn ?? [])];
      expect(files).toHaveLength(2);
      const [first, second] = await Promise.all(files.map((f) => readFile(f, "utf8")));
      const columns = [
        { name: "n", type: "integer" },
        { name: "user_id", type: "text" },
        { name: "order_ts", type: "timestamp without time zone" },
      ];
      const whole = await copyText(engine, copySelectSql('"pages"', columns, "UTC"));
      // Each half has the header; the second's rows follow the first's.
      const [header] = whole.split("\n");
      expect(first?.startsWith(`${header}\n`)).toBe(true);
      expect(second?.startsWith(`${header}\n`)).toBe(true);
      expect(`${first}${second?.slice(header?.length ?? 0).replace(/^\n/, "")}`).toBe(whole);
      // The study reads them as one relation, numbered in that order.
      const described = await duckdb.describe(orders, "orders");
      await duckdb.stage(orders, described, "staged", "__row", "orders");
      const read = await duckdb.all("SELECT n, __row FROM staged ORDER BY __row");
      const expected = parseCsv(whole).map((r) => Number(r.n));
      expect(expected).toHaveLength(20000 - Math.floor(20000 / 7));
      expect(read.map((r) => Number(r.n))).toEqual(expected);
      expect(read.map((r) => Number(r.__row))).toEqual(expected.map((_, i) => i + 1));
    } finally {
      await duckdb.close();
      await copied.remove();
    }
  });

  it.each(["UTC", "Europe/Berlin", "Asia/Kolkata"])(
    "in %s: the same instants as to_char wrote, read as the study reads the copy",
    async (zone) => {
      const fast = await copied(engine, copySelectSql("stamps", COLUMNS, zone));
      const slow = await copied(engine, toCharSql(zone));
      expect(fast).toHaveLength(VALUES.length);
      const db = await (await DuckDBInstance.create(":memory:")).connect();
      try {
        for (const [i, row] of fast.entries()) {
          for (const { name } of COLUMNS) {
            const [now, before] = [row[name] ?? "", slow[i]?.[name] ?? ""];
            // Infinities and years before 1 are still written by to_char, as they were.
            if (before === "" || VALUES[i]?.endsWith("BC")) {
              expect(now, `${name} of ${VALUES[i]}`).toBe(before);
              continue;
            }
            const cast = name === "d" ? "DATE" : "TIMESTAMP";
            const reader = await db.runAndReadAll(
              `SELECT CAST($1 AS ${cast}) = CAST($2 AS ${cast}) AS same`,
              [now, before],
            );
            expect(
              reader.getRowObjects()[0]?.same,
              `${name} of ${VALUES[i]}: ${now} vs ${before}`,
            ).toBe(true);
          }
        }
      } finally {
        db.closeSync();
      }
    },
    60_000,
  );

  it("streams the bytes pg-copy-streams streams: rows across socket reads, one past a block, notices between them", async () => {
    const sql =
      "SELECT noisy(n) AS n, repeat('é', CASE WHEN n = 7 THEN 3000000 ELSE n % 300 END) AS t FROM generate_series(1, 20000) AS n";
    const ours = await copyText(engine, sql);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const chunks: Buffer[] = [];
      const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT csv, HEADER)`));
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const theirs = Buffer.concat(chunks).toString("utf8");
      expect(ours.length).toBeGreaterThan(6_000_000);
      expect(ours === theirs).toBe(true);
    } finally {
      await client.end();
    }
  });

  it("a failure in the middle of a copy is the statement's error, and the session goes on", async () => {
    await expect(
      copyText(engine, "SELECT n, 1 / (n - 15000) AS x FROM generate_series(1, 20000) AS n"),
    ).rejects.toThrow(/division by zero/);
    expect(await engine.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("a copy cancelled while rows stream stops with the cancel's message", async () => {
    const slow = await PostgresEngine.connect({ connectionString: url });
    try {
      const running = copyText(
        slow,
        "SELECT n, repeat('x', 100) AS t, pg_sleep(0.001) AS s FROM generate_series(1, 100000) AS n",
      ).catch((e: Error) => e);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await slow.cancel();
      expect(((await running) as Error).message).toBe("the analysis was cancelled");
    } finally {
      await slow.close();
    }
  });

  it("a copy whose consumer fails stops with that failure, and the session goes on", async () => {
    let written = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > 100_000 ? new Error("no space left on the disk") : null);
      },
    });
    await expect(
      engine.copyOut(
        "SELECT n, repeat('x', 50) AS t FROM generate_series(1, 200000) AS n",
        failing,
      ),
    ).rejects.toThrow(/no space left on the disk/);
    expect(await engine.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
