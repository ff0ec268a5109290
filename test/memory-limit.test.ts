import { join } from "node:path";
import { expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { DuckDBEngine } from "../src/engine/duckdb/engine.js";
import { tempDir } from "./helpers.js";

it("runs the whole study under a memory_limit of 100MB, spilling instead of failing", async () => {
  const dir = await tempDir();
  await writeDemoCsv(dir, { users: 300, seed: 3 });
  const config = resolveConfig({}, dir, {
    orders: join(dir, "orders.csv"),
    rates: join(dir, "rates.csv"),
    memoryLimit: "100MB",
  });
  const results = await runAnalysis(config, { outDir: join(dir, "out") });
  // φK counts the pairs of its 11 features a few at a time: all 55 grouping sets at once
  // need more than 100MB in DuckDB, whatever the number of rows.
  expect(results.correlation?.phik.with_total_orders.length).toBeGreaterThan(5);
  expect(results.prediction).not.toBeNull();
}, 60_000);

it("gives DuckDB no more threads than the memory limit feeds (about 128MB each)", async () => {
  for (const [limit, most] of [
    ["100MB", 1],
    ["300MB", 2],
  ] as const) {
    const engine = await DuckDBEngine.open({ memoryLimit: limit });
    try {
      const [row] = await engine.all("SELECT current_setting('threads') AS threads");
      expect(Number(row?.threads)).toBeLessThanOrEqual(most);
      expect(Number(row?.threads)).toBeGreaterThanOrEqual(1);
    } finally {
      await engine.close();
    }
  }
});
