import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { writeOrdersCsv, writeRatesCsv } from "./demo-files.js";
import { generateDemo } from "./generate.js";
import type { DemoManifest, DemoOptions } from "./manifest.js";

/** About 10 million orders: the benchmark scale. */
export const BENCH_USERS = 770_000;

/** Text to the typed Parquet columns; what does not cast becomes NULL. */
const SELECT_TYPED = `
  SELECT
    user_id,
    TRY_CAST(order_id AS BIGINT) AS order_id,
    COALESCE(TRY_CAST(NULLIF(trim(order_ts), '') AS TIMESTAMP), TRY_CAST(order_dt AS DATE)::TIMESTAMP) AS order_ts,
    TRY_CAST(order_dt AS DATE) AS order_dt,
    TRY_CAST(revenue AS DOUBLE) AS revenue,
    currency_code,
    CASE WHEN TRY_CAST(tickets_count AS DOUBLE) = floor(TRY_CAST(tickets_count AS DOUBLE))
      THEN TRY_CAST(TRY_CAST(tickets_count AS DOUBLE) AS INTEGER) END AS tickets_count,
    device_type_canonical, event_type_main, region_name, city_name, service_name,
    TRY_CAST(days_since_prev AS INTEGER) AS days_since_prev`;

/**
 * Writes the demo orders as one typed Parquet file, for benchmarks (default 770,000
 * users, about 10 million orders), and `ratesFile` and `manifestFile` if given. Rows stream
 * user by user into a temporary CSV beside `file`, which DuckDB then converts and which is
 * deleted: memory stays flat whatever the size.
 *
 * The manifest describes the CSV rows. In Parquet, defects that cannot be typed become
 * NULL (a bad timestamp, a non-numeric revenue or tickets_count, `1.5` tickets), so the
 * per-reason counts of the manifest hold for the CSV only; duplicates, conflicting ids,
 * blank ids, unknown currencies and missing rates survive as they are.
 */
export async function writeDemoParquet(
  file: string,
  options: DemoOptions & { ratesFile?: string; manifestFile?: string } = {},
): Promise<DemoManifest> {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  const demo = generateDemo({ ...options, users: options.users ?? BENCH_USERS });
  const csv = `${target}.orders.tmp.csv`;
  const spill = `${target}.duckdb.tmp`;
  try {
    await writeOrdersCsv(csv, demo.rows);
    await convert(csv, target, spill);
  } finally {
    await rm(csv, { force: true });
    await rm(spill, { recursive: true, force: true });
  }
  if (options.ratesFile !== undefined) {
    await mkdir(dirname(resolve(options.ratesFile)), { recursive: true });
    await writeRatesCsv(options.ratesFile, demo.rates);
  }
  const manifest = demo.manifest();
  if (options.manifestFile !== undefined) {
    await mkdir(dirname(resolve(options.manifestFile)), { recursive: true });
    await writeFile(options.manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return manifest;
}

async function convert(csv: string, parquet: string, spill: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run("SET memory_limit = '1GB'");
    await connection.run(`SET temp_directory = ${quote(spill)}`);
    const source = `read_csv(${quote(csv)}, header = true, delim = ',', all_varchar = true, quote = '"', escape = '"')`;
    await connection.run(
      `COPY (${SELECT_TYPED} FROM ${source}) TO ${quote(parquet)} (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A SQL string literal. The paths are ours, but a quote in a directory name must not break the statement. */
const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
