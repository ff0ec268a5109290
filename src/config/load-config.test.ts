import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers.js";
import { DEFAULTS } from "./config.js";
import { readConfigFile, resolveConfig } from "./load-config.js";

async function configFile(json: object): Promise<string> {
  const path = join(await tempDir(), "config.json");
  await writeFile(path, JSON.stringify(json));
  return path;
}

describe("the config file", () => {
  it('takes statement_timeout "0" as no timeout, as the README says', async () => {
    const path = await configFile({ source: "postgres", orders: "t", statement_timeout: "0" });
    const config = resolveConfig(await readConfigFile(path), ".", {}, { database: "d" });
    expect(config.engine).toEqual({
      kind: "postgres",
      connection: { database: "d" },
      statementTimeoutMs: 0,
      mode: "auto",
    });
  });

  it("takes postgres_mode from the file, and the flag over it", async () => {
    const path = await configFile({ source: "postgres", orders: "t", postgres_mode: "copy" });
    const file = await readConfigFile(path);
    const mode = (overrides: { postgresMode?: "in_database" }) => {
      const engine = resolveConfig(file, ".", overrides, { database: "d" }).engine;
      return engine.kind === "postgres" ? engine.mode : null;
    };
    expect(mode({})).toBe("copy");
    expect(mode({ postgresMode: "in_database" })).toBe("in_database");
    const wrong = await configFile({ source: "postgres", orders: "t", postgres_mode: "fast" });
    await expect(readConfigFile(wrong)).rejects.toThrow(/postgres_mode/);
  });

  it("sets the engine from source: files in DuckDB, tables in ClickHouse with its connection", async () => {
    expect(resolveConfig({ orders: "o.csv" }, ".", {}).engine).toEqual({ kind: "duckdb" });
    const path = await configFile({ source: "clickhouse", orders: "shop.orders" });
    const connection = { kind: "chdb", dir: "/tmp/ch" } as const;
    const config = resolveConfig(await readConfigFile(path), ".", {}, connection);
    expect(config.engine).toEqual({
      kind: "clickhouse",
      connection,
      statementTimeoutMs: DEFAULTS.statementTimeoutMs,
    });
    expect(config.orders).toEqual({ kind: "table", name: "shop.orders" });
    // A PostgreSQL connection is no ClickHouse connection, and the other way round.
    expect(() => resolveConfig({ source: "clickhouse", orders: "t" }, ".", {}, {})).toThrow(
      /no ClickHouse connection is configured/,
    );
    expect(() => resolveConfig({ source: "postgres", orders: "t" }, ".", {}, connection)).toThrow(
      /no database connection is configured/,
    );
  });

  it("rejects a statement_timeout without a unit and a memory_limit of 0", async () => {
    await expect(readConfigFile(await configFile({ statement_timeout: "90" }))).rejects.toThrow(
      /statement_timeout: expected a duration such as 30s, 10min, 1h or 0/,
    );
    await expect(readConfigFile(await configFile({ memory_limit: "0MB" }))).rejects.toThrow(
      /memory_limit: expected a size above 0 with a unit/,
    );
  });

  it("reads temp_directory relative to the config file, and csv_raw", async () => {
    const path = await configFile({ orders: "o.csv", temp_directory: "spill", csv_raw: true });
    const dir = join(path, "..");
    const config = resolveConfig(await readConfigFile(path), dir, {});
    expect([config.tempDirectory, config.csvRaw]).toEqual([join(dir, "spill"), true]);
  });
});

describe("resolveConfig", () => {
  it("takes each prediction setting from its flag over its config key", () => {
    const file = {
      horizon_days: 30,
      time_unit: "weeks",
      clv_months: 6,
      monthly_discount_rate: 0.02,
      calibration_end: "1997-09-30",
    } as const;
    const fromFile = resolveConfig(file, "/", { orders: "/o.csv" }).prediction;
    expect(fromFile).toEqual({
      enabled: true,
      horizonDays: 30,
      timeUnit: "weeks",
      clvMonths: 6,
      monthlyDiscountRate: 0.02,
      calibrationEnd: "1997-09-30",
    });
    const flags = {
      orders: "/o.csv",
      horizonDays: 60,
      timeUnit: "days",
      clvMonths: 24,
      monthlyDiscountRate: 0.005,
      calibrationEnd: "1997-12-31",
    } as const;
    expect(resolveConfig(file, "/", flags).prediction).toEqual({
      enabled: true,
      horizonDays: 60,
      timeUnit: "days",
      clvMonths: 24,
      monthlyDiscountRate: 0.005,
      calibrationEnd: "1997-12-31",
    });
  });

  it("falls back to the defaults when neither is given", () => {
    expect(resolveConfig({}, "/", { orders: "/o.csv" }).prediction).toMatchObject({
      horizonDays: DEFAULTS.horizonDays,
      clvMonths: DEFAULTS.clvMonths,
      monthlyDiscountRate: DEFAULTS.monthlyDiscountRate,
    });
  });
});
