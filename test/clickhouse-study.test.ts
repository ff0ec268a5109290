import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { main } from "../src/cli/main.js";
import type { ClickHouseConnection } from "../src/config/clickhouse-env.js";
import { type ConfigOverrides, resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { ClickHouseEngine } from "../src/engine/clickhouse/engine.js";
import { quoteClickHouseIdent } from "../src/engine/sql.js";
import { loadIntoClickHouse } from "../src/load/load-clickhouse.js";
import { comparable, differences } from "./differences.js";
import { parseCsv, servedRun, tempDir } from "./helpers.js";

/** The cells of two CSV outputs that differ: numbers compared to 1e-9, the rest as text. */
function csvDifferences(a: string, b: string): string[] {
  const [rowsA, rowsB] = [parseCsv(a), parseCsv(b)];
  if (rowsA.length !== rowsB.length) return [`${rowsA.length} rows ≠ ${rowsB.length}`];
  if (a.split("\n")[0] !== b.split("\n")[0]) return [`header ${a.split("\n")[0]}`];
  return rowsA.flatMap((row, i) =>
    Object.entries(row).flatMap(([key, x]) => {
      const y = rowsB[i]?.[key] ?? "";
      const [nx, ny] = [Number(x), Number(y)];
      const numbers = x !== "" && y !== "" && Number.isFinite(nx) && Number.isFinite(ny);
      return x === y || (numbers && differences(nx, ny).length === 0)
        ? []
        : [`row ${i + 1} ${key}: ${x} ≠ ${y}`];
    }),
  );
}

const OUTPUTS = [
  "agg_users.csv",
  "rejects.csv",
  "predictions.csv",
  "lists/champions.csv",
  "lists/at_risk_valuable.csv",
  "lists/nudge_now.csv",
  "lists/one_order_likely_active.csv",
];

/*
 * The study in the embedded ClickHouse (chdb, an optional dependency that npm ci installs):
 * the demo loaded as encore load does, then analysed there, gives DuckDB's results. chdb keeps
 * one database per process, so every run of this file reads the one directory, in turn.
 */
describe("the study inside ClickHouse (chDB)", () => {
  let dir: string;
  let data: string;
  let connection: ClickHouseConnection;
  let fromFiles: AnalysisResults;

  const filesConfig = (settings: ConfigOverrides = {}) =>
    resolveConfig({}, dir, {
      orders: join(data, "orders.csv"),
      rates: join(data, "rates.csv"),
      ...settings,
    });
  const clickhouseConfig = (orders: string, settings: ConfigOverrides = {}) =>
    resolveConfig(
      {},
      dir,
      { source: "clickhouse", orders, rates: "orders_rates", ...settings },
      connection,
    );

  beforeAll(async () => {
    dir = await tempDir();
    data = join(dir, "data");
    await writeDemoCsv(data, { users: 2000 });
    const orders = { kind: "file", path: join(data, "orders.csv"), format: "csv" } as const;
    const rates = { kind: "file", path: join(data, "rates.csv"), format: "csv" } as const;
    connection = { kind: "chdb", dir: join(dir, "ch") };
    await loadIntoClickHouse({ connection, orders, rates, table: "orders" });
    fromFiles = await runAnalysis(filesConfig(), { outDir: join(dir, "files-out") });
  }, 180_000);

  it("gives the results of the files: counts exactly, every other figure to 1e-9", async () => {
    const out = join(dir, "ch-out");
    const fromClickHouse = await runAnalysis(clickhouseConfig("orders"), { outDir: out });
    expect(fromClickHouse.ledger.rows_read).toBe(fromFiles.ledger.rows_read);
    expect(fromClickHouse.input).toMatchObject({
      source: "clickhouse",
      orders: "orders",
      rates: "orders_rates",
    });
    expect(fromClickHouse.prediction).not.toBeNull();
    expect(differences(comparable(fromClickHouse), comparable(fromFiles))).toEqual([]);
    // The comparison does see a difference in one count or one figure.
    const changed = structuredClone(fromFiles);
    changed.overall.users += 1;
    changed.revenue.segments["1"].mean_avg_revenue_rub =
      (fromFiles.revenue.segments["1"].mean_avg_revenue_rub ?? 0) * (1 + 1e-8);
    expect(differences(comparable(changed), comparable(fromFiles))).toEqual([
      `$.overall.users: ${fromFiles.overall.users + 1} ≠ ${fromFiles.overall.users}`,
      expect.stringMatching(/^\$\.revenue\.segments\.1\.mean_avg_revenue_rub: /),
    ]);
  }, 300_000);

  it("writes the files' outputs: per-user money, ties and flags as DuckDB writes them", async () => {
    const out = join(dir, "ch-out");
    for (const name of OUTPUTS) {
      const [ch, files] = await Promise.all([
        readFile(join(out, name), "utf8"),
        readFile(join(dir, "files-out", name), "utf8"),
      ]);
      expect(parseCsv(ch).length, name).toBeGreaterThan(0);
      expect(csvDifferences(ch, files), name).toEqual([]);
    }
    // The cell comparison sees one changed amount.
    const users = await readFile(join(out, "agg_users.csv"), "utf8");
    const [header, first, ...rest] = users.split("\n");
    const cells = (first ?? "").split(",");
    const at = (header ?? "").split(",").indexOf("total_revenue_rub");
    cells[at] = String(Number(cells[at]) + 0.01);
    expect(csvDifferences([header, cells.join(","), ...rest].join("\n"), users)).toHaveLength(1);
  });

  it("reads a query as it reads a table", async () => {
    const fromQuery = await runAnalysis(
      clickhouseConfig("SELECT * FROM orders WHERE revenue IS NOT NULL OR true"),
    );
    expect(fromQuery.input.orders).toMatch(/^SELECT/);
    expect(differences(comparable(fromQuery), comparable(fromFiles))).toEqual([]);
  }, 300_000);

  it("gives the files' cohorts by week, a cohort range and a two-period comparison", async () => {
    const settings: ConfigOverrides = {
      cohortPeriod: "week",
      cohortFrom: "2024-06-10",
      compare: [
        ["2024-06-10", "2024-07-14"],
        ["2024-07-15", "2024-08-18"],
      ],
      predict: false,
    };
    const files = await runAnalysis(filesConfig(settings));
    const clickhouse = await runAnalysis(clickhouseConfig("orders", settings));
    expect(files.cohorts.rows[0]?.cohort).toBe("2024-06-10");
    expect(files.comparison?.periods[0].users).toBeGreaterThan(0);
    expect(differences(comparable(clickhouse), comparable(files))).toEqual([]);
    // Opened for many filtered runs (encore serve), the study counts each user's orders per
    // cohort period once and reads its cohort cells from those counts: the same figures.
    const served = await servedRun(clickhouseConfig("orders", settings));
    expect(differences(comparable(served), comparable(files))).toEqual([]);
  }, 300_000);

  it("runs from the command line: load, then analyze with the connection in a .env file", async () => {
    const envFile = join(dir, "encore.env");
    const chdbDir = connection.kind === "chdb" ? connection.dir : "";
    await writeFile(envFile, `CLICKHOUSE_URL=chdb:${chdbDir}\n`);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const saved = process.env.CLICKHOUSE_URL;
    delete process.env.CLICKHOUSE_URL;
    try {
      const files = ["--orders", join(data, "orders.csv"), "--rates", join(data, "rates.csv")];
      const env = ["--dotenv", envFile, "-q"];
      expect(
        await main(["load", "--to", "clickhouse", ...files, "--table", "cli_orders", ...env], io),
      ).toBe(0);
      const out = join(dir, "cli-out");
      const args = ["--orders", "cli_orders", "--rates", "cli_orders_rates", "--out", out];
      expect(await main(["analyze", "--source", "clickhouse", ...args, ...env], io)).toBe(0);
      const results = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
      expect(results.input.source).toBe("clickhouse");
      expect(differences(comparable(results), comparable(fromFiles))).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.CLICKHOUSE_URL = saved;
    }
  }, 300_000);

  it("names a missing table or column in one line, exit code 4", async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const env = { CLICKHOUSE_URL: `chdb:${connection.kind === "chdb" ? connection.dir : ""}` };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const analyze = (orders: string) =>
        main(
          ["analyze", "--source", "clickhouse", "--orders", orders, "--out", join(dir, "x"), "-q"],
          io,
        );
      expect(await analyze("no_such_orders")).toBe(4);
      expect(lines.at(-1)).toMatch(
        /^encore: the orders table no_such_orders or one of its columns does not exist/,
      );
      expect(await analyze("SELECT user_id, order_id, order_ts FROM orders")).toBe(4);
      expect(lines.at(-1)).toBe(
        "encore: the query has no column revenue (it has: user_id, order_id, order_ts). Map it with --map revenue=<your column>",
      );
    } finally {
      process.env = saved;
    }
  }, 60_000);

  it("treats a hostile table name as a name, and leaves the database as it was", async () => {
    const hostile = 'orders"; DROP TABLE orders; --';
    const engine = await ClickHouseEngine.connect({ connection });
    try {
      await engine.run(
        `CREATE TABLE ${quoteClickHouseIdent(hostile)} ENGINE = MergeTree ORDER BY tuple() AS SELECT * FROM orders LIMIT 50`,
      );
    } finally {
      await engine.close();
    }
    const results = await runAnalysis(clickhouseConfig(hostile));
    expect(results.ledger.rows_read).toBe(50);
    const after = await ClickHouseEngine.connect({ connection });
    try {
      // Only what the loads and this test made: every table of the runs was temporary.
      const names = (
        await after.all("SELECT name FROM system.tables WHERE database = currentDatabase()")
      )
        .map((r) => String(r.name))
        .filter((name) => !name.startsWith("cli_"))
        .sort();
      expect(names).toEqual(["orders", hostile, "orders_rates"]);
      const [left] = await after.all("SELECT count() AS n FROM orders");
      expect(left?.n).toBe(fromFiles.ledger.rows_read);
    } finally {
      await after.close();
    }
  }, 300_000);
});
