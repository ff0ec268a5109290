import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { ClickHouseConnection } from "../config/clickhouse-env.js";
import type { FileSource } from "../config/config.js";
import { ClickHouseError } from "../engine/clickhouse/clickhouse-error.js";
import { ClickHouseEngine } from "../engine/clickhouse/engine.js";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import { csvDelimiter, describeFile } from "../engine/duckdb/stage.js";
import { quoteClickHouseIdent } from "../engine/sql.js";
import { configError, type EncoreError, engineError, inputError } from "../errors.js";
import { csvColumns } from "../io/csv-header.js";
import { clickhouseType } from "./clickhouse-type.js";
import { tableExists } from "./load-error.js";
import type { LoadResult } from "./load-postgres.js";
import { parquetToCsv } from "./parquet-to-csv.js";

export interface ClickHouseLoadOptions {
  readonly connection: ClickHouseConnection;
  readonly orders: FileSource;
  readonly rates?: FileSource | null;
  /** `name` or `database.name`; without a database, the connection's. */
  readonly table: string;
  /** Default: the orders table's name with `_rates` appended, in the same database. */
  readonly ratesTable?: string;
  /** Drop and recreate tables that exist; by default an existing table is an error. */
  readonly replace?: boolean;
  readonly onProgress?: (step: string) => void;
}

/** A table named by the user, split and quoted for ClickHouse. */
interface Table {
  readonly text: string;
  readonly database: string;
  readonly name: string;
  readonly sql: string;
}

function parseTable(text: string): Table {
  const dot = text.indexOf(".");
  const [database, name] = dot < 0 ? ["", text] : [text.slice(0, dot), text.slice(dot + 1)];
  if (name === "" || (dot >= 0 && database === "") || text.includes("\0")) {
    throw configError(
      `cannot use the table name ${JSON.stringify(text)}`,
      "Name the table as name or database.name",
    );
  }
  const sql = [database, name]
    .filter((p) => p)
    .map(quoteClickHouseIdent)
    .join(".");
  return { text, database, name, sql };
}

/**
 * CSV read so that every field arrives exactly as DuckDB reads it: spaces kept, only double
 * quotes quote, an empty unquoted field is NULL and a quoted one is '', and \N is text.
 */
const csvSettings = (delimiter: string) => ({
  format_csv_delimiter: delimiter,
  format_csv_allow_single_quotes: 0,
  format_csv_allow_double_quotes: 1,
  format_csv_null_representation: "",
  input_format_csv_empty_as_default: 1,
  input_format_csv_trim_whitespaces: 0,
  input_format_csv_allow_variable_number_of_columns: 0,
  input_format_allow_errors_num: 0,
  input_format_with_names_use_header: 1,
});

interface Target {
  readonly what: string;
  readonly source: FileSource;
  readonly table: Table;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

/**
 * Loads the orders file (and the rates file) into new MergeTree tables of a ClickHouse
 * server or of the embedded engine's directory: CSV columns as text, so Encore parses them as
 * it parses the files themselves; Parquet columns with their own types. ClickHouse has no
 * transactions: a failed load drops the tables it created.
 */
export async function loadIntoClickHouse(options: ClickHouseLoadOptions): Promise<LoadResult> {
  const progress = options.onProgress ?? (() => undefined);
  const wanted = [{ what: "orders", source: options.orders, table: parseTable(options.table) }];
  if (options.rates) {
    const table = parseTable(options.ratesTable ?? `${options.table}_rates`);
    if (table.sql === wanted[0]?.table.sql)
      throw configError(
        `the rates would go into the orders table ${options.table}`,
        "Choose another name for the rates table",
      );
    wanted.push({ what: "rates", source: options.rates, table });
  }
  const staging = await mkdtemp(join(tmpdir(), "encore-load-"));
  try {
    // Every file is read before connecting, so a missing file fails at once.
    const targets: (Target & { readonly csv: string; readonly header: boolean })[] = [];
    for (const { what, source, table } of wanted) {
      if (source.format === "csv") {
        const names = await csvColumns(source.path, csvDelimiter(source), what);
        const columns = names.map((name) => ({ name, type: "Nullable(String)" }));
        targets.push({ what, source, table, columns, csv: source.path, header: true });
        continue;
      }
      const duckdb = await DuckDBEngine.open();
      try {
        const described = await describeFile(duckdb, source, what);
        progress(`converting ${basename(source.path)} to CSV`);
        const csv = join(staging, `${what}.csv`);
        await parquetToCsv(duckdb, source, csv, what);
        const columns = described.map((c) => ({ name: c.name, type: clickhouseType(c.type) }));
        targets.push({ what, source, table, columns, csv, header: false });
      } finally {
        await duckdb.close();
      }
    }
    const engine = await ClickHouseEngine.connect({ connection: options.connection });
    const created: Table[] = [];
    try {
      if (!options.replace) for (const { table } of targets) await refuseExisting(engine, table);
      const rows: number[] = [];
      for (const target of targets) {
        const { table, columns } = target;
        if (options.replace) await engine.run(`DROP TABLE IF EXISTS ${table.sql}`);
        const list = columns.map((c) => `${quoteClickHouseIdent(c.name)} ${c.type}`).join(", ");
        await engine.run(`CREATE TABLE ${table.sql} (${list}) ENGINE = MergeTree ORDER BY tuple()`);
        created.push(table);
        progress(`loading ${basename(target.source.path)} into ${table.text}`);
        const delimiter = target.header ? csvDelimiter(target.source) : ",";
        await engine
          .insertCsv({
            table: table.sql,
            columns: columns.map((c) => c.name),
            path: target.csv,
            header: target.header,
            settings: csvSettings(delimiter),
          })
          .catch((error: unknown) => {
            throw fileError(error, target);
          });
        const [count] = await engine.all(`SELECT count() AS n FROM ${table.sql}`);
        rows.push(Number(count?.n ?? 0));
        progress(`loaded ${rows.at(-1)} rows into ${table.text}`);
      }
      return {
        table: options.table,
        rows: rows[0] ?? 0,
        ratesTable: targets[1]?.table.text ?? null,
        ratesRows: rows[1] ?? null,
      };
    } catch (error) {
      for (const table of created) {
        // The failure that stopped the load is the one to report, not a failed cleanup.
        await engine.run(`DROP TABLE IF EXISTS ${table.sql}`).catch(() => undefined);
      }
      throw error;
    } finally {
      await engine.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function refuseExisting(engine: ClickHouseEngine, table: Table): Promise<void> {
  const [row] = await engine.all(`EXISTS TABLE ${table.sql}`);
  if (Number(Object.values(row ?? {})[0]) === 1) throw tableExists(table.text);
}

/** ClickHouse's UNKNOWN_SETTING: a server older than the CSV settings the load needs. */
const UNKNOWN_SETTING = 115;

/** ClickHouse could not read the file: bad input, said with ClickHouse's own words. */
function fileError(error: unknown, target: Target): EncoreError | unknown {
  if (!(error instanceof ClickHouseError) || !/^ClickHouse failed: /.test(error.message))
    return error;
  const detail = error.message.replace(/^ClickHouse failed: /, "");
  if (error.clickhouseCode === UNKNOWN_SETTING)
    return engineError(
      `the ClickHouse server cannot read CSV the way Encore loads it (${detail})`,
      "Load into a newer ClickHouse (the embedded one, CLICKHOUSE_URL=chdb:DIR, will do)",
    );
  return inputError(
    `cannot load the ${target.what} file ${target.source.path}: ${detail}`,
    "Check that it is a well-formed CSV file with a header row, in UTF-8",
  );
}
