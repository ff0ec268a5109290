import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import type { ClickHouseConnection } from "../src/config/clickhouse-env.js";
import { ClickHouseError } from "../src/engine/clickhouse/clickhouse-error.js";
import { ClickHouseEngine } from "../src/engine/clickhouse/engine.js";
import { EncoreError } from "../src/errors.js";
import { loadIntoClickHouse } from "../src/load/load-clickhouse.js";
import { type ClickHouseServer, startClickHouseServer } from "./clickhouse-server.js";

const started = performance.now();
const server = await startClickHouseServer();
const startupMs = performance.now() - started;

async function failure(promise: Promise<unknown>): Promise<ClickHouseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClickHouseError);
  return error as ClickHouseError;
}

describe.skipIf(server === null)(
  "ClickHouseEngine over HTTP, on a throwaway clickhouse-server",
  () => {
    const { url, user, password, readonlyUser } = server as ClickHouseServer;
    const connection: ClickHouseConnection = { kind: "http", url, user, password };
    afterAll(async () => {
      await server?.stop();
    });

    it("starts in a few seconds", () => {
      expect(startupMs).toBeLessThan(20_000);
    });

    it("connects with a password and keeps temporary tables for the whole session", async () => {
      const engine = await ClickHouseEngine.connect({ connection });
      try {
        expect(engine.version).toMatch(/^\d+\.\d+/);
        await engine.run(
          "CREATE TEMPORARY TABLE enc_t AS SELECT number AS i FROM system.numbers LIMIT 5",
        );
        expect(await engine.all("SELECT sum(i) AS s, count() AS n FROM enc_t")).toEqual([
          { s: 10, n: 5 },
        ]);
        // Temporary: the database itself gained nothing.
        expect(
          await engine.all("SELECT name FROM system.tables WHERE database = 'default'"),
        ).toEqual([]);
      } finally {
        await engine.close();
      }
    });

    it("reports a wrong password in one line, without the password", async () => {
      const wrong = "Wr0ng-pa55word";
      const error = await failure(
        ClickHouseEngine.connect({ connection: { ...connection, password: wrong } }),
      );
      expect(error.exitCode).toBe(5);
      expect(error.message).toMatch(
        new RegExp(`^ClickHouse at ${url} refused the login: .*password`, "i"),
      );
      expect(error.toLine()).not.toContain(wrong);
      expect(error.toLine()).not.toContain(password);
      expect(error.toLine()).not.toContain("\n");
    });

    it("reports a server that is down", async () => {
      const down = "http://127.0.0.1:1";
      const error = await failure(
        ClickHouseEngine.connect({ connection: { ...connection, url: down } }),
      );
      expect(error.exitCode).toBe(5);
      expect(error.message).toMatch(
        /^cannot connect to ClickHouse at http:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/,
      );
      expect(error.toLine()).not.toContain(password);
    });

    it("reports a missing table and a missing column with ClickHouse's code", async () => {
      const engine = await ClickHouseEngine.connect({ connection });
      try {
        const table = await failure(engine.all("SELECT * FROM default.no_such_orders"));
        expect(table.clickhouseCode).toBe(60);
        expect(table.message).toMatch(/^ClickHouse failed: .*no_such_orders/);
        const column = await failure(engine.all("SELECT no_such_column FROM system.one"));
        expect(column.clickhouseCode).toBe(47);
        expect(column.message).toMatch(/^ClickHouse failed: .*no_such_column/);
      } finally {
        await engine.close();
      }
    });

    it("streams a CSV file, gzipped too, over HTTP into a table", async () => {
      const engine = await ClickHouseEngine.connect({ connection });
      const dir = await mkdtemp(join(tmpdir(), "encore-ch-csv-"));
      try {
        await engine.run(
          "CREATE TABLE default.csv_in (a Nullable(String), b Nullable(String)) ENGINE = MergeTree ORDER BY tuple()",
        );
        const text = 'b,a\n"x, ""y""",1\n" 2 ",Алматы\n';
        const plain = join(dir, "in.csv");
        const gz = join(dir, "in.csv.gz");
        await writeFile(plain, text);
        await writeFile(gz, gzipSync(text));
        for (const path of [plain, gz]) {
          await engine.insertCsv({
            table: "default.csv_in",
            columns: ["b", "a"],
            path,
            header: true,
            settings: { format_csv_allow_single_quotes: 0 },
          });
        }
        expect(await engine.all("SELECT a, b FROM default.csv_in")).toEqual([
          { a: "1", b: 'x, "y"' },
          { a: "Алматы", b: " 2 " },
          { a: "1", b: 'x, "y"' },
          { a: "Алматы", b: " 2 " },
        ]);
      } finally {
        await engine.run("DROP TABLE IF EXISTS default.csv_in");
        await engine.close();
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("encore load into a server too old for its CSV settings: one line, exit code 5, no table left", async () => {
      const dir = await mkdtemp(join(tmpdir(), "encore-ch-load-"));
      try {
        const path = join(dir, "orders.csv");
        await writeFile(path, "id\n1\n");
        const error = await loadIntoClickHouse({
          connection,
          orders: { kind: "file", path, format: "csv" },
          table: "old",
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EncoreError);
        expect((error as EncoreError).exitCode).toBe(5);
        expect((error as EncoreError).message).toMatch(
          /^the ClickHouse server cannot read CSV the way Encore loads it \(.*setting/i,
        );
        const engine = await ClickHouseEngine.connect({ connection });
        expect(
          await engine.all("SELECT name FROM system.tables WHERE database = 'default'"),
        ).toEqual([]);
        await engine.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("refuses a readonly = 1 user in one line that says what Encore needs", async () => {
      const error = await failure(
        ClickHouseEngine.connect({ connection: { ...connection, user: readonlyUser } }),
      );
      expect(error.message).toMatch(/^ClickHouse refused a statement in readonly mode: /);
      expect(error.exitCode).toBe(5);
    });

    it("stops a statement at the statement timeout", async () => {
      const engine = await ClickHouseEngine.connect({ connection, statementTimeoutMs: 1000 });
      try {
        const error = await failure(
          engine.all("SELECT count() AS n FROM system.numbers WHERE number % 7 = 3"),
        );
        expect(error.message).toMatch(/^a query ran longer than the statement timeout \(1 s\)/);
        expect(await engine.all("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      } finally {
        await engine.close();
      }
    });

    it("cancels the running statement (Ctrl-C): the call fails at once and the server stops it", async () => {
      const engine = await ClickHouseEngine.connect({ connection });
      const watcher = await ClickHouseEngine.connect({ connection });
      try {
        const running = engine
          .all("SELECT count() AS n FROM system.numbers WHERE number % 7 = 3")
          .then(
            () => null,
            (e: unknown) => e,
          );
        const slow =
          "SELECT count() AS n FROM system.processes WHERE query LIKE '%number % 7 = 3%' AND query NOT LIKE '%system.processes%'";
        for (let i = 0; i < 50 && (await watcher.all(slow))[0]?.n === 0; i++)
          await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await watcher.all(slow)).toEqual([{ n: 1 }]);
        const cancelled = performance.now();
        await engine.cancel();
        const error = await running;
        expect(performance.now() - cancelled).toBeLessThan(5_000);
        expect((error as ClickHouseError).message).toBe("the analysis was cancelled");
        expect(await watcher.all(slow)).toEqual([{ n: 0 }]);
      } finally {
        await engine.close();
        await watcher.close();
      }
    });

    describe("encore analyze --source clickhouse: one line, exit code 5 or 4, never the password", () => {
      // A scalar subquery runs as ClickHouse reads the query's columns, the first thing an
      // analysis asks: on this old server, too, the statement runs until stopped.
      const slow = (rest = 3) =>
        `SELECT * FROM system.one WHERE (SELECT count() FROM system.numbers WHERE number % 7 = ${rest}) > 0`;
      const analyze = async (clickhouseUrl: string, ...args: string[]) => {
        const saved = { ...process.env };
        process.env.CLICKHOUSE_URL = clickhouseUrl;
        const err: string[] = [];
        const dir = await mkdtemp(join(tmpdir(), "encore-ch-analyze-"));
        try {
          const code = await main(
            [
              "analyze",
              "--source",
              "clickhouse",
              "--out",
              dir,
              "-q",
              "--dotenv",
              join(dir, "none.env"),
              ...args,
            ],
            { out: () => undefined, err: (l) => err.push(l) },
          );
          return { code, err: err.join("\n") };
        } finally {
          process.env = saved;
          await rm(dir, { recursive: true, force: true });
        }
      };
      const withLogin = (pass: string) =>
        url.replace("://", `://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@`);

      it("a wrong password", async () => {
        const wrong = "Wr0ng-pa55word";
        const { code, err } = await analyze(withLogin(wrong), "--orders", "orders");
        expect(code).toBe(5);
        expect(err).toMatch(/^encore: ClickHouse at http:\/\/127\.0\.0\.1:\d+ refused the login: /);
        expect(err).not.toContain(wrong);
        expect(err).not.toContain(password);
        expect(err).not.toContain("\n");
      });

      it("a server that is down", async () => {
        const { code, err } = await analyze(
          `http://${user}:${password}@127.0.0.1:1`,
          "--orders",
          "orders",
        );
        expect(code).toBe(5);
        expect(err).toMatch(/^encore: cannot connect to ClickHouse at http:\/\/127\.0\.0\.1:1: /);
        expect(err).not.toContain(password);
      });

      it("a missing table", async () => {
        const { code, err } = await analyze(withLogin(password), "--orders", "no_such_orders");
        expect(code).toBe(4);
        expect(err).toMatch(
          /^encore: the orders table no_such_orders or one of its columns does not exist/,
        );
        expect(err).not.toContain(password);
      });

      it("the statement timeout", async () => {
        const { code, err } = await analyze(
          withLogin(password),
          "--orders",
          slow(),
          "--statement-timeout",
          "1s",
        );
        expect(code).toBe(5);
        expect(err).toMatch(/^encore: a query ran longer than the statement timeout \(1 s\)/);
      }, 30_000);

      // The server's side of a cancel (KILL QUERY) is the engine's test above: this old server
      // does not stop a subquery that runs while a query is read, so here the statement
      // timeout ends it, and the test shows that the run stops at once on the signal.
      it.each([
        ["SIGINT", 130, "encore: the analysis was cancelled", 4],
        ["SIGTERM", 143, "encore: the analysis was cancelled (SIGTERM)", 5],
      ] as const)(
        "%s: the run stops at once with its exit code",
        async (signal, exit, line, rest) => {
          const watcher = await ClickHouseEngine.connect({ connection });
          const running = `SELECT count() AS n FROM system.processes WHERE query LIKE '%number % 7 = ${rest}%' AND query NOT LIKE '%system.processes%'`;
          try {
            const run = analyze(
              withLogin(password),
              "--orders",
              slow(rest),
              "--statement-timeout",
              "5s",
            );
            for (let i = 0; i < 200 && (await watcher.all(running))[0]?.n === 0; i++)
              await new Promise((resolve) => setTimeout(resolve, 50));
            expect(await watcher.all(running)).toEqual([{ n: 1 }]);
            const sent = performance.now();
            process.emit(signal);
            const { code, err } = await run;
            expect(performance.now() - sent).toBeLessThan(2_000);
            expect([code, err]).toEqual([exit, line]);
          } finally {
            await watcher.close();
          }
        },
        30_000,
      );
    });
  },
);
