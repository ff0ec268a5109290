import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type pg from "pg";
import type { FileSource } from "../config/config.js";
import type { ConnectionSettings } from "../config/connection-env.js";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import { csvDelimiter, describeFile } from "../engine/duckdb/stage.js";
import { quoteIdent } from "../engine/sql.js";
import { configError, inputError } from "../errors.js";
import { csvColumns } from "../io/csv-header.js";
import { connectClient } from "./connect-client.js";
import { type CsvFile, copyFile, FileReadError } from "./copy-file.js";
import { fileError, type LoadStep, loadError, tableExists } from "./load-error.js";
import { parquetToCsv } from "./parquet-to-csv.js";
import { postgresType } from "./postgres-type.js";
import { identifierProblem, parseTableName, type TableName } from "./table-name.js";

export interface LoadOptions {
  /** How to reach the server. */
  readonly connection: ConnectionSettings;
  readonly orders: FileSource;
  readonly rates?: FileSource | null;
  /** `name` or `schema.name`; without a schema, PostgreSQL's search_path decides. */
  readonly table: string;
  /** Default: the orders table's name with `_rates` appended, in the same schema. */
  readonly ratesTable?: string;
  /** Drop and recreate tables that exist; by default an existing table is an error. */
  readonly replace?: boolean;
  /** Called with a short description of each step, for progress output. */
  readonly onProgress?: (step: string) => void;
}

export interface LoadResult {
  readonly table: string;
  readonly rows: number;
  readonly ratesTable: string | null;
  readonly ratesRows: number | null;
}

interface Column {
  readonly name: string;
  /** The PostgreSQL type. */
  readonly type: string;
}

/** One file going into one table. */
interface Target {
  readonly step: LoadStep;
  readonly source: FileSource;
  readonly table: TableName;
  readonly columns: readonly Column[];
}

/** A target whose file is a CSV that COPY reads; the row count is known early for Parquet. */
interface Staged extends Target {
  readonly csv: CsvFile;
  readonly rows: number | null;
}

/**
 * Loads the orders file (and the rates file) into new PostgreSQL tables: CSV columns as text,
 * so Encore parses them exactly as it parses the files themselves; Parquet columns with their
 * own types. Everything runs in one transaction, so a failed load leaves nothing behind.
 */
export async function loadIntoPostgres(options: LoadOptions): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => undefined);
  const wanted = [{ what: "orders", source: options.orders, table: options.table }];
  if (options.rates) {
    const table = options.ratesTable ?? `${options.table}_rates`;
    wanted.push({ what: "rates", source: options.rates, table });
  }
  const tables = wanted.map((w) => parseTableName(w.table));
  if (tables[1] && tables[1].sql === tables[0]?.sql) {
    throw configError(
      `the rates would go into the orders table ${options.table}`,
      "Choose another name for the rates table",
    );
  }

  const staging = await mkdtemp(join(tmpdir(), "encore-load-"));
  let duckdb: DuckDBEngine | undefined;
  try {
    if (wanted.some((w) => w.source.format === "parquet")) duckdb = await DuckDBEngine.open();
    // Every file is read before connecting, so a missing file fails at once.
    const targets: Target[] = [];
    for (const [i, { what, source, table }] of wanted.entries()) {
      targets.push({
        step: { what, path: source.path, table },
        source,
        table: tables[i] as TableName,
        columns: await describe(source, what, duckdb),
      });
    }

    const client = await connectClient(options.connection);
    try {
      if (!options.replace) for (const target of targets) await refuseExisting(client, target);
      const staged: Staged[] = [];
      for (const target of targets) staged.push(await stage(target, staging, duckdb, progress));
      await duckdb?.close();
      duckdb = undefined;
      const rows = await fill(client, staged, options.replace ?? false, progress);
      return {
        table: options.table,
        rows: rows[0] ?? 0,
        ratesTable: staged[1]?.table.text ?? null,
        ratesRows: rows[1] ?? null,
      };
    } finally {
      await client.end();
    }
  } finally {
    await duckdb?.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/** The file's columns: text for every CSV column, Parquet's own types mapped. */
async function describe(
  source: FileSource,
  what: string,
  duckdb: DuckDBEngine | undefined,
): Promise<Column[]> {
  let columns: Column[];
  if (source.format === "csv") {
    const names = await csvColumns(source.path, csvDelimiter(source), what);
    columns = names.map((name) => ({ name, type: "text" }));
  } else {
    if (!duckdb) throw new Error("reading a Parquet file needs DuckDB");
    const described = await describeFile(duckdb, source, what);
    columns = described.map((c) => ({ name: c.name, type: postgresType(c.type) }));
  }
  for (const { name } of columns) {
    // PostgreSQL would silently cut a long name, and Encore would no longer find the column.
    const problem = identifierProblem(name);
    if (problem) {
      throw inputError(
        `the ${what} file ${source.path} has a column name PostgreSQL cannot take: ${JSON.stringify(name)} ${problem}`,
        "Rename the column in the file",
      );
    }
  }
  return columns;
}

/** Fails before any conversion when a table is already there. */
async function refuseExisting(client: pg.Client, target: Target): Promise<void> {
  let exists: boolean;
  try {
    const result = await client.query("SELECT to_regclass($1) IS NOT NULL AS exists", [
      target.table.sql,
    ]);
    exists = result.rows[0]?.exists === true;
  } catch (error) {
    throw loadError(error, target.step);
  }
  if (exists) throw tableExists(target.table.text);
}

/** A CSV file goes to COPY as it is; a Parquet file is converted first. */
async function stage(
  target: Target,
  staging: string,
  duckdb: DuckDBEngine | undefined,
  progress: (step: string) => void,
): Promise<Staged> {
  const { source, step } = target;
  if (source.format === "csv") {
    return {
      ...target,
      csv: { path: source.path, delimiter: csvDelimiter(source), header: true },
      rows: null,
    };
  }
  if (!duckdb) throw new Error("reading a Parquet file needs DuckDB");
  progress(`converting ${basename(source.path)} to CSV for COPY`);
  const path = join(staging, `${step.what}.csv`);
  const rows = await parquetToCsv(duckdb, source, path, step.what);
  return { ...target, csv: { path, delimiter: ",", header: false }, rows };
}

/** Creates and fills every table in one transaction, then analyzes them; returns the rows. */
async function fill(
  client: pg.Client,
  staged: readonly Staged[],
  replace: boolean,
  progress: (step: string) => void,
): Promise<number[]> {
  const rows: number[] = [];
  let step = staged[0]?.step;
  try {
    await client.query("BEGIN");
    for (const target of staged) {
      step = target.step;
      const { table, columns } = target;
      if (replace) await client.query(`DROP TABLE IF EXISTS ${table.sql}`);
      const list = columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
      await client.query(`CREATE TABLE ${table.sql} (${list})`);
      const size = target.rows === null ? basename(step.path) : `${target.rows} rows`;
      progress(`loading ${size} into ${table.text}`);
      const names = columns.map((c) => c.name);
      // FREEZE is allowed because the table was created in this same transaction.
      rows.push(await copyFile(client, table.sql, names, target.csv, { freeze: true }));
      progress(`loaded ${rows.at(-1)} rows into ${table.text}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    // When the connection itself is gone, the server has rolled back already.
    await client.query("ROLLBACK").catch(() => undefined);
    if (!step) throw error;
    throw error instanceof FileReadError ? fileError(error.cause, step) : loadError(error, step);
  }
  for (const target of staged) {
    progress(`analyzing ${target.table.text}`);
    await client.query(`ANALYZE ${target.table.sql}`).catch((error: unknown) => {
      throw loadError(error, target.step);
    });
  }
  return rows;
}
