import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import type { ClickHouseConnection } from "../src/config/clickhouse-env.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { loadIntoClickHouse } from "../src/load/load-clickhouse.js";
import { comparable, differences } from "./differences.js";
import { parseCsv, tempDir } from "./helpers.js";

/*
 * The study in the embedded ClickHouse (chdb, an optional dependency that npm ci installs):
 * the demo loaded as encore load does, then analysed there, gives DuckDB's results. chdb keeps
 * one database per process, so every run of this file reads the one directory.
 */
describe("the study inside ClickHouse (chDB)", () => {
  let dir: string;
  let connection: ClickHouseConnection;
  let fromFiles: AnalysisResults;

  beforeAll(async () => {
    dir = await tempDir();
    const data = join(dir, "data");
    await writeDemoCsv(data, { users: 2000 });
    const orders = { kind: "file", path: join(data, "orders.csv"), format: "csv" } as const;
    const rates = { kind: "file", path: join(data, "rates.csv"), format: "csv" } as const;
    connection = { kind: "chdb", dir: join(dir, "ch") };
    await loadIntoClickHouse({ connection, orders, rates, table: "orders" });
    fromFiles = await runAnalysis(
      resolveConfig({}, dir, { orders: orders.path, rates: rates.path }),
    );
  }, 180_000);

  const clickhouseConfig = (orders: string, rates: string | undefined) =>
    resolveConfig(
      {},
      dir,
      { source: "clickhouse", orders, ...(rates ? { rates } : {}) },
      connection,
    );

  it("gives the results of the files: counts exactly, every other figure to 1e-9", async () => {
    const out = join(dir, "ch-out");
    const fromClickHouse = await runAnalysis(clickhouseConfig("orders", "orders_rates"), {
      outDir: out,
    });
    expect(fromClickHouse.input).toMatchObject({ source: "clickhouse", orders: "orders" });
    expect(differences(comparable(fromClickHouse), comparable(fromFiles))).toEqual([]);
    // The comparison does see a difference in one count or one figure.
    const changed = structuredClone(fromFiles);
    changed.overall.users += 1;
    changed.revenue.segments["1"].mean_avg_revenue_rub =
      (fromFiles.revenue.segments["1"].mean_avg_revenue_rub ?? 0) * (1 + 1e-8);
    expect(differences(comparable(changed), comparable(fromFiles))).toHaveLength(2);
    const users = parseCsv(await readFile(join(out, "agg_users.csv"), "utf8"));
    const rejects = parseCsv(await readFile(join(out, "rejects.csv"), "utf8"));
    expect(users).toHaveLength(fromFiles.filter.users_removed + fromFiles.overall.users);
    expect(rejects).toHaveLength(fromFiles.ledger.rows_read - fromFiles.ledger.rows_accepted);
  }, 300_000);
});
