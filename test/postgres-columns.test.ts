import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import type { ConnectionSettings } from "../src/config/connection-env.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv, writeDemoParquet } from "../src/demo/write-demo.js";
import { copiedType } from "../src/engine/postgres/copy.js";
import { quoteIdent } from "../src/engine/sql.js";
import { csvField } from "../src/io/csv-field.js";
import { loadIntoPostgres } from "../src/load/load-postgres.js";
import { ORDER_COLUMNS, REQUIRED_COLUMNS } from "../src/model/columns.js";
import { comparable, differences } from "./differences.js";
import { parseCsv, tempDir } from "./helpers.js";
import { type PgCluster, startPgCluster } from "./pg-cluster.js";

const cluster = await startPgCluster();

const OPTIONAL = ORDER_COLUMNS.filter((c) => !REQUIRED_COLUMNS.includes(c));

/** Each optional column left out alone, then all at once (but order_ts: one date is needed). */
const CASES: [string, string[]][] = [
  ...OPTIONAL.map((c): [string, string[]] => [`without ${c}`, [c]]),
  ["without every optional column", OPTIONAL.filter((c) => c !== "order_ts")],
];

describe.skipIf(cluster === null)(
  "the columns of a PostgreSQL source: absent, or typed with a time zone",
  () => {
    const { url } = cluster as PgCluster;
    const connection: ConnectionSettings = { connectionString: url };
    let dir: string;
    let rows: Record<string, string>[];

    beforeAll(async () => {
      dir = await tempDir();
      await writeDemoCsv(dir, { users: 300 });
      const orders = { kind: "file", path: join(dir, "orders.csv"), format: "csv" } as const;
      const rates = { kind: "file", path: join(dir, "rates.csv"), format: "csv" } as const;
      await loadIntoPostgres({ connection, orders, rates, table: "orders", ratesTable: "rates" });
      rows = parseCsv(await readFile(orders.path, "utf8"));
    }, 120_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    describe.each(["copy", "in_database"] as const)("studied %s", (postgresMode) => {
      it.each(CASES)(
        "%s: the results of the same data from a file",
        async (name, dropped) => {
          const kept = ORDER_COLUMNS.filter((c) => !dropped.includes(c));
          const file = join(dir, `${name.replaceAll(" ", "-")}.csv`);
          const lines = rows.map((r) => kept.map((c) => csvField(r[c] ?? "")).join(","));
          await writeFile(file, `${[kept.join(","), ...lines].join("\n")}\n`);
          const rates = join(dir, "rates.csv");
          const fromFile = await runAnalysis(resolveConfig({}, dir, { orders: file, rates }));
          const query = `SELECT ${kept.map(quoteIdent).join(", ")} FROM orders`;
          const fromPostgres = await runAnalysis(
            resolveConfig(
              {},
              dir,
              { source: "postgres", postgresMode, orders: query, rates: "rates" },
              connection,
            ),
          );
          expect(fromPostgres.input.absent_columns).toEqual(dropped);
          expect(fromPostgres.ledger.rows_read).toBe(rows.length);
          expect(differences(comparable(fromPostgres), comparable(fromFile))).toEqual([]);
        },
        120_000,
      );

      it("reads typed columns (a Parquet file loaded) as the file gives them, and non-finite doubles as the database does", async () => {
        const parquet = join(dir, "typed.parquet");
        const ratesFile = join(dir, "typed-rates.csv");
        await writeDemoParquet(parquet, { users: 300, ratesFile });
        const table = `typed_${postgresMode}`;
        await loadIntoPostgres({
          connection,
          orders: { kind: "file", path: parquet, format: "parquet" },
          rates: { kind: "file", path: ratesFile, format: "csv" },
          table,
          ratesTable: `${table}_rates`,
        });
        const postgres = (orders: string) =>
          runAnalysis(
            resolveConfig(
              {},
              dir,
              { source: "postgres", postgresMode, orders, rates: `${table}_rates`, predict: false },
              connection,
            ),
          );
        const fromFile = await runAnalysis(
          resolveConfig({}, dir, { orders: parquet, rates: ratesFile, predict: false }),
        );
        const typed = await postgres(table);
        expect(typed.ledger.rows_read).toBe(fromFile.ledger.rows_read);
        expect(differences(comparable(typed), comparable(fromFile))).toEqual([]);
        // Doubles the database holds but no file of numbers does: rejected as each check says.
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          const types = await admin.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1",
            [table],
          );
          const revenueType = types.rows.find((r) => r.column_name === "revenue")?.data_type;
          expect(revenueType).toBe("double precision");
          await admin.query(
            `INSERT INTO ${quoteIdent(table)} (user_id, order_id, order_ts, revenue, currency_code, tickets_count)
             VALUES ('odd1', 9000000001, '2024-07-01 10:00', 'NaN', 'rub', 1),
                    ('odd2', 9000000002, '2024-07-01 10:00', 'Infinity', 'rub', 1),
                    ('odd3', 9000000003, '2024-07-01 10:00', 100, 'rub', NULL)`,
          );
          const withOdd = await postgres(table);
          expect(withOdd.ledger.rows_read).toBe(fromFile.ledger.rows_read + 3);
          expect(withOdd.ledger.rows_rejected.bad_revenue).toBe(
            fromFile.ledger.rows_rejected.bad_revenue + 2,
          );
          expect(withOdd.ledger.rows_accepted).toBe(fromFile.ledger.rows_accepted + 1);
        } finally {
          await admin.query(
            `DROP TABLE IF EXISTS ${quoteIdent(table)}, ${quoteIdent(`${table}_rates`)}`,
          );
          await admin.end();
        }
      }, 120_000);

      it("reads a timestamptz column in the configured zone (UTC by default), not the server's", async () => {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          // The server's own zone is what a session would use without Encore's setting.
          await admin.query("ALTER DATABASE postgres SET timezone = 'Asia/Tokyo'");
          await admin.query(
            "CREATE TABLE stamped AS SELECT * FROM (VALUES ('u1', 1, TIMESTAMPTZ '2024-06-01 23:30:00+00', 100.0), ('u1', 2, TIMESTAMPTZ '2024-06-09 01:30:00+00', 50.0)) AS t(user_id, order_id, order_ts, revenue)",
          );
          const dates = async (timeZone?: string) => {
            const r = await runAnalysis(
              resolveConfig(
                {},
                dir,
                {
                  source: "postgres",
                  postgresMode,
                  orders: "stamped",
                  predict: false,
                  ...(timeZone ? { timeZone } : {}),
                },
                connection,
              ),
            );
            return [r.data_start, r.data_end];
          };
          expect(await dates()).toEqual(["2024-06-01", "2024-06-09"]);
          expect(await dates("America/Los_Angeles")).toEqual(["2024-06-01", "2024-06-08"]);
        } finally {
          await admin.query("ALTER DATABASE postgres RESET timezone");
          await admin.query("DROP TABLE IF EXISTS stamped");
          await admin.end();
        }
      }, 60_000);
    });
  },
);

describe("the types a PostgreSQL copy is read with", () => {
  it("keeps integers, doubles, timestamps and dates typed, and reads everything else as text", () => {
    expect(copiedType("bigint")).toBe("BIGINT");
    expect(copiedType("integer")).toBe("BIGINT");
    expect(copiedType("double precision")).toBe("DOUBLE");
    expect(copiedType("real")).toBe("DOUBLE");
    expect(copiedType("timestamp without time zone")).toBe("TIMESTAMP");
    expect(copiedType("timestamp(3) with time zone")).toBe("TIMESTAMP");
    expect(copiedType("date")).toBe("DATE");
    // numeric may hold more digits than a double: parsed as text, value by value.
    expect(copiedType("numeric(12,2)")).toBeNull();
    expect(copiedType("text")).toBeNull();
    expect(copiedType("character varying(20)")).toBeNull();
    expect(copiedType("boolean")).toBeNull();
  });
});
