import { join } from "node:path";
import type { AnalysisResults } from "../src/analysis/results.js";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { tempDir } from "./helpers.js";

/** The date the fixture runs are said to happen on, so the footers stay the same. */
export const RUN_DATE = new Date("2026-01-15T12:00:00Z");

/** The seeded demo of `users` customers, analysed: a small but complete AnalysisResults. */
export async function demoResults(users: number): Promise<AnalysisResults> {
  const dir = await tempDir("encore-report-");
  const data = join(dir, "data");
  await writeDemoCsv(data, { seed: 7, users });
  const config = resolveConfig({}, dir, {
    orders: join(data, "orders.csv"),
    rates: join(data, "rates.csv"),
  });
  return runAnalysis(config, { outDir: join(dir, "out"), now: RUN_DATE });
}
