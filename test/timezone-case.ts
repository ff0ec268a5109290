import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../src/analysis/run-analysis.js";
import { resolveConfig } from "../src/config/load-config.js";
import { tempDir } from "./helpers.js";

/**
 * The same Parquet orders, with TIMESTAMPTZ order times, analysed on a machine whose TZ is
 * `machineZone`: the dates must be those of the configured zone (UTC by default), whatever the
 * machine's. Run from two test files with two zones (each file is its own process, and DuckDB
 * takes the machine's zone once per process).
 */
export function timeZoneCase(machineZone: string): void {
  process.env.TZ = machineZone;

  describe(`TIMESTAMPTZ on a machine in ${machineZone} (ANALYSIS.md §11.4)`, () => {
    async function parquet(dir: string): Promise<string> {
      const path = join(dir, "orders.parquet");
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      // The machine's zone is what DuckDB would use without Encore's setting: the test can fail.
      const zone = await connection.runAndReadAll("SELECT current_setting('TimeZone') AS tz");
      expect(zone.getRowObjectsJS()).toEqual([{ tz: machineZone }]);
      await connection.run(
        `COPY (SELECT * FROM (VALUES
           ('u1', 1, TIMESTAMPTZ '2024-06-01 23:30:00+00', 100.0),
           ('u1', 2, TIMESTAMPTZ '2024-06-09 01:30:00+00', 50.0),
           ('u2', 3, TIMESTAMPTZ '2024-06-05 12:00:00+00', 70.0)
         ) AS t(user_id, order_id, order_ts, revenue)) TO '${path}' (FORMAT parquet)`,
      );
      connection.closeSync();
      instance.closeSync();
      return path;
    }

    const firstOrders = async (timeZone?: string) => {
      const dir = await tempDir();
      const orders = await parquet(dir);
      const config = resolveConfig({}, dir, {
        orders,
        predict: false,
        ...(timeZone ? { timeZone } : {}),
      });
      const results = await runAnalysis(config, { outDir: join(dir, "out") });
      return { start: results.data_start, end: results.data_end };
    };

    it("converts in UTC by default", async () => {
      expect(await firstOrders()).toEqual({ start: "2024-06-01", end: "2024-06-09" });
    });

    it("converts in the configured zone", async () => {
      expect(await firstOrders("Asia/Vladivostok")).toEqual({
        start: "2024-06-02",
        end: "2024-06-09",
      });
      expect(await firstOrders("America/Los_Angeles")).toEqual({
        start: "2024-06-01",
        end: "2024-06-08",
      });
    });
  });
}
