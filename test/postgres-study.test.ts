import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { openConfigured, runAnalysis } from "../src/analysis/run-analysis.js";
import { configFilter } from "../src/analysis/study.js";
import { main } from "../src/cli/main.js";
import type { PostgresMode } from "../src/config/config.js";
import type { ConnectionSettings } from "../src/config/connection-env.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { quoteIdent } from "../src/engine/sql.js";
import { loadIntoPostgres } from "../src/load/load-postgres.js";
import { comparable, differences } from "./differences.js";
import { parseCsv, servedRun, tempDir } from "./helpers.js";
import { type PgCluster, startPgCluster } from "./pg-cluster.js";

const cluster = await startPgCluster();

describe.skipIf(cluster === null)("the study inside PostgreSQL", () => {
  const { url, password } = cluster as PgCluster;
  const connection: ConnectionSettings = { connectionString: url };
  let dir: string;
  let fromFiles: AnalysisResults;
  let admin: pg.Client;

  beforeAll(async () => {
    dir = await tempDir();
    const data = join(dir, "data");
    await writeDemoCsv(data, { users: 2000 });
    const orders = { kind: "file", path: join(data, "orders.csv"), format: "csv" } as const;
    const rates = { kind: "file", path: join(data, "rates.csv"), format: "csv" } as const;
    await loadIntoPostgres({ connection, orders, rates, table: "orders", ratesTable: "rates" });
    fromFiles = await runAnalysis(
      resolveConfig({}, dir, { orders: orders.path, rates: rates.path }),
    );
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("CREATE SCHEMA cli");
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await cluster?.stop();
  });

  const configFor =
    (postgresMode: PostgresMode) => (orders: string, rates: string | undefined, timeout?: string) =>
      resolveConfig(
        {},
        dir,
        {
          source: "postgres",
          postgresMode,
          orders,
          ...(rates ? { rates } : {}),
          ...(timeout ? { statementTimeout: timeout } : {}),
        },
        connection,
      );
  const postgresConfig = configFor("auto");

  describe.each(["copy", "in_database"] as const)("studied %s", (postgresMode) => {
    const postgresConfig = configFor(postgresMode);

    it("gives the results of the files: counts exactly, every other figure to 1e-9", async () => {
      const out = join(dir, `pg-out-${postgresMode}`);
      const steps: string[] = [];
      const fromPostgres = await runAnalysis(postgresConfig("orders", "rates"), {
        outDir: out,
        onProgress: (step) => steps.push(step),
      });
      // The mode decides where the study runs: on a copy streamed out once, or in the server.
      expect(steps.includes("copying the orders out of PostgreSQL")).toBe(postgresMode === "copy");
      expect(fromPostgres.ledger.rows_read).toBe(fromFiles.ledger.rows_read);
      expect(fromPostgres.input).toMatchObject({ source: "postgres", orders: "orders" });
      expect(differences(comparable(fromPostgres), comparable(fromFiles))).toEqual([]);
      // The comparison does see a difference in one count or one figure.
      const changed = structuredClone(fromFiles);
      changed.overall.users += 1;
      changed.revenue.segments["1"].mean_avg_revenue_rub =
        (fromFiles.revenue.segments["1"].mean_avg_revenue_rub ?? 0) * (1 + 1e-8);
      expect(differences(comparable(changed), comparable(fromFiles))).toHaveLength(2);
      // The per-user table and the rejects, streamed out as CSV.
      const users = parseCsv(await readFile(join(out, "agg_users.csv"), "utf8"));
      const rejects = parseCsv(await readFile(join(out, "rejects.csv"), "utf8"));
      expect(users).toHaveLength(fromFiles.filter.users_removed + fromFiles.overall.users);
      expect(rejects).toHaveLength(fromFiles.ledger.rows_read - fromFiles.ledger.rows_accepted);
      expect(Object.keys(rejects[0] ?? {}).slice(0, 2)).toEqual(["row_number", "reason"]);
    }, 120_000);

    it("reads a query as it reads a table", async () => {
      const fromQuery = await runAnalysis(
        postgresConfig("SELECT * FROM orders WHERE revenue IS NOT NULL OR true", "rates"),
      );
      expect(fromQuery.input.orders).toMatch(/^SELECT/);
      expect(differences(comparable(fromQuery), comparable(fromFiles))).toEqual([]);
    }, 120_000);

    it("gives the files' cohorts by week, a cohort range and a two-period comparison", async () => {
      const settings = {
        cohortPeriod: "week",
        cohortFrom: "2024-06-10",
        compare: [
          ["2024-06-10", "2024-07-14"],
          ["2024-07-15", "2024-08-18"],
        ],
        predict: false,
      } as const;
      const files = await runAnalysis(
        resolveConfig({}, dir, {
          orders: join(dir, "data", "orders.csv"),
          rates: join(dir, "data", "rates.csv"),
          ...settings,
          compare: [...settings.compare.map(([a, b]) => [a, b] as [string, string])] as [
            [string, string],
            [string, string],
          ],
        }),
      );
      const postgresConfig = resolveConfig(
        {},
        dir,
        {
          source: "postgres",
          postgresMode,
          orders: "orders",
          rates: "rates",
          ...settings,
          compare: [...settings.compare.map(([a, b]) => [a, b] as [string, string])] as [
            [string, string],
            [string, string],
          ],
        },
        connection,
      );
      const postgres = await runAnalysis(postgresConfig);
      expect(files.cohorts.rows[0]?.cohort).toBe("2024-06-10");
      expect(files.comparison?.periods[0].users).toBeGreaterThan(0);
      expect(differences(comparable(postgres), comparable(files))).toEqual([]);
      // Opened for many filtered runs (encore serve), the study counts each user's orders per
      // cohort period once and reads its cohort cells from those counts: the same figures.
      const served = await servedRun(postgresConfig);
      expect(differences(comparable(served), comparable(files))).toEqual([]);
    }, 120_000);
  });

  it("frees the copy's disk as soon as the study is open, which then answers from its own", async () => {
    const temp = await tempDir();
    const config = { ...configFor("copy")("orders", "rates"), tempDirectory: temp };
    const copies = async () => (await readdir(temp)).filter((n) => n.startsWith("encore-copy-"));
    const steps: string[] = [];
    const opened = await openConfigured(config, { onProgress: (step) => steps.push(step) });
    try {
      expect(steps).toContain("copying the orders out of PostgreSQL");
      expect(await copies()).toEqual([]);
      const results = await opened.study.run({ filter: configFilter(config) });
      expect(results.ledger.rows_read).toBe(fromFiles.ledger.rows_read);
      expect(differences(comparable(results), comparable(fromFiles))).toEqual([]);
    } finally {
      await opened.close();
      await rm(temp, { recursive: true, force: true });
    }
  }, 120_000);

  it("runs from the command line: load, then analyze with the connection in a .env file", async () => {
    const envFile = join(dir, "encore.env");
    await writeFile(envFile, `# the service's credentials\nDATABASE_URL="${url}"\n`);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const data = join(dir, "data");
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const loaded = await main(
        [
          "load",
          "--to",
          "postgres",
          "--orders",
          join(data, "orders.csv"),
          "--rates",
          join(data, "rates.csv"),
          "--table",
          "cli.orders",
          "--dotenv",
          envFile,
          "-q",
        ],
        io,
      );
      expect(loaded).toBe(0);
      const out = join(dir, "cli-out");
      const analysed = await main(
        [
          "analyze",
          "--source",
          "postgres",
          "--orders",
          "cli.orders",
          "--rates",
          "cli.orders_rates",
          "--dotenv",
          envFile,
          "--out",
          out,
          "-q",
        ],
        io,
      );
      expect(analysed).toBe(0);
      const results = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
      expect(differences(comparable(results), comparable(fromFiles))).toEqual([]);
      expect(lines.join("\n")).not.toContain(password);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
      await admin.query("DROP SCHEMA IF EXISTS cli CASCADE");
    }
  }, 120_000);

  it("leaves the database as it was: no table, no row written", async () => {
    const tables = await admin.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(["orders", "rates"]);
  });

  it("treats a hostile table name as a name: it runs no SQL", async () => {
    const hostile = 'orders"; DROP TABLE orders; --';
    await admin.query(`CREATE TABLE ${quoteIdent(hostile)} AS SELECT * FROM orders LIMIT 50`);
    const results = await runAnalysis(postgresConfig(hostile, "rates"));
    expect(results.ledger.rows_read).toBe(50);
    const left = await admin.query("SELECT count(*)::int AS n FROM orders");
    expect(left.rows[0].n).toBe(fromFiles.ledger.rows_read);
    await admin.query(`DROP TABLE ${quoteIdent(hostile)}`);
  }, 60_000);

  describe.each(["auto", "in-database"])(
    "faults, %s: a clear message, a non-zero exit, never the password",
    (mode) => {
      const io = () => {
        const lines = { out: [] as string[], err: [] as string[] };
        return {
          lines,
          io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) },
        };
      };
      const analyze = async (env: Record<string, string>, ...args: string[]) => {
        const saved = { ...process.env };
        Object.assign(process.env, env);
        const { lines, io: sink } = io();
        try {
          const code = await main(
            [
              "analyze",
              "--source",
              "postgres",
              "--postgres-mode",
              mode,
              "--out",
              join(dir, "fault-out"),
              "-q",
              ...args,
            ],
            sink,
          );
          return { code, err: lines.err.join("\n") };
        } finally {
          process.env = saved;
        }
      };

      it("server down", async () => {
        const { code, err } = await analyze(
          { DATABASE_URL: url.replace(/:(\d+)\//, ":1/") },
          "--orders",
          "orders",
          "--dotenv",
          join(dir, "none.env"),
        );
        expect(code).toBe(5);
        expect(err).toMatch(/^encore: cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
        expect(err).not.toContain(password);
      });

      it("wrong password", async () => {
        const { code, err } = await analyze(
          { DATABASE_URL: url.replace(password, "not-the-password") },
          "--orders",
          "orders",
        );
        expect(code).toBe(5);
        expect(err).toMatch(/password authentication failed/);
        expect(err).not.toContain("not-the-password");
        expect(err).not.toContain(password);
      });

      it("missing table", async () => {
        const { code, err } = await analyze({ DATABASE_URL: url }, "--orders", "no_such_orders");
        expect(code).toBe(4);
        expect(err).toMatch(/^encore: the orders table no_such_orders does not exist/);
      });

      it("a table named in upper case: the hint that names are case-sensitive", async () => {
        const { code, err } = await analyze({ DATABASE_URL: url }, "--orders", "PUBLIC.ORDERS");
        expect(code).toBe(4);
        expect(err).toMatch(
          /^encore: the orders table PUBLIC\.ORDERS does not exist \(.*\)\. Names are case-sensitive, as if quoted: .*so write public\.orders unless/,
        );
      });

      it("missing column", async () => {
        const { code, err } = await analyze(
          { DATABASE_URL: url },
          "--orders",
          "SELECT user_id, order_id, order_ts FROM orders",
        );
        expect(code).toBe(4);
        expect(err).toBe(
          "encore: the query has no column revenue (it has: user_id, order_id, order_ts). Map it with --map revenue=<your column>",
        );
      });

      it("statement timeout", async () => {
        const { code, err } = await analyze(
          { DATABASE_URL: url },
          "--orders",
          "SELECT o.* FROM orders AS o WHERE (SELECT true FROM pg_sleep(1))",
          "--statement-timeout",
          "200ms",
        );
        expect(code).toBe(5);
        expect(err).toMatch(/^encore: a query ran longer than the statement timeout \(0\.2 s\)/);
      }, 60_000);

      it.each([
        ["SIGINT", 130, "encore: the analysis was cancelled"],
        ["SIGTERM", 143, "encore: the analysis was cancelled (SIGTERM)"],
      ] as const)(
        "%s: the running query is cancelled in the server, and the run stops",
        async (signal, exit, line) => {
          const running = analyze(
            { DATABASE_URL: url },
            "--orders",
            "SELECT o.* FROM orders AS o WHERE (SELECT true FROM pg_sleep(30))",
          );
          // Wait until Encore's query is running in the server, then send the signal.
          for (let i = 0; i < 200; i++) {
            const r = await admin.query(
              "SELECT 1 FROM pg_stat_activity WHERE application_name = 'encore' AND query LIKE '%pg_sleep%' AND state = 'active'",
            );
            if (r.rows.length) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          const started = performance.now();
          process.emit(signal);
          const { code, err } = await running;
          expect(performance.now() - started).toBeLessThan(10_000);
          expect(code).toBe(exit);
          expect(err).toBe(line);
          const left = await admin.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'encore' AND query LIKE '%pg_sleep%' AND state = 'active'",
          );
          expect(left.rows[0].n).toBe(0);
        },
        60_000,
      );

      it("connection lost during the run", async () => {
        // Terminate Encore's backend as soon as it is reading the orders.
        const killer = (async () => {
          for (let i = 0; i < 200; i++) {
            const r = await admin.query(
              "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = 'encore' AND query LIKE '%pg_sleep%' AND state = 'active'",
            );
            if (r.rows.length) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })();
        const { code, err } = await analyze(
          { DATABASE_URL: url },
          "--orders",
          "SELECT o.* FROM orders AS o WHERE (SELECT true FROM pg_sleep(3))",
        );
        await killer;
        expect(code).toBe(5);
        expect(err).toMatch(/^encore: the connection to PostgreSQL was lost/);
        expect(err).not.toContain(password);
      }, 60_000);
    },
  );
});
