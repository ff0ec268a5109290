import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { configError } from "../errors.js";
import { type DimensionColumn, isOrderColumn, type OrderColumn } from "../model/columns.js";
import type { CurrencyCode } from "../model/currencies.js";
import type { SegmentName } from "../model/segments.js";
import { type ClickHouseConnection, clickhouseFromEnv } from "./clickhouse-env.js";
import {
  type AnalysisConfig,
  type DateRange,
  DEFAULTS,
  type EngineSettings,
  type FileFormat,
  type FileSource,
  LIST_DEFAULTS,
  type ListSettings,
  type PostgresMode,
  type RelationSource,
} from "./config.js";
import { type ConnectionSettings, connectionFromEnv } from "./connection-env.js";
import { isIsoDate, isTimeZone } from "./date-values.js";
import { type ConfigFile, configFileSchema } from "./schema.js";
import { parseDuration } from "./units.js";

/** What the command line (or a library caller) says; it wins over the config file. */
export interface ConfigOverrides {
  /**
   * "files" (the default), "postgres" or "clickhouse": then orders and rates name tables of that
   * database or are queries, and the study runs there.
   */
  source?: SourceKind;
  orders?: string;
  rates?: string;
  /** A duration such as 30s, 10min, 1h (one statement's limit in the database); "0" for none. */
  statementTimeout?: string;
  /** Where the study of a PostgreSQL source runs (see PostgresMode). */
  postgresMode?: PostgresMode;
  columns?: Partial<Record<OrderColumn, string>>;
  filterQuantile?: number | "none";
  minUsers?: number;
  topN?: number;
  dataEnd?: string;
  memoryLimit?: string;
  cohortPeriod?: "month" | "week";
  cohortFrom?: string;
  cohortTo?: string;
  /** First-order attribute (source column name) → the values kept; adds to the config's. */
  where?: Partial<Record<DimensionColumn, string[]>>;
  segment?: SegmentName;
  adjustedDays?: number;
  /** Two first-order date ranges to compare, as [[from, to], [from, to]]. */
  compare?: [[string, string], [string, string]];
  tempDirectory?: string;
  csvRaw?: boolean;
  /** The currency the amounts are in (rub, usd, eur, …): the report's and the summary's labels. */
  currency?: CurrencyCode;
  /** An IANA time zone name: where TIMESTAMPTZ values become wall-clock times. */
  timeZone?: string;
  predict?: boolean;
  timeUnit?: "days" | "weeks";
  horizonDays?: number;
  clvMonths?: number;
  monthlyDiscountRate?: number;
  calibrationEnd?: string;
}

export async function readConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw configError(
      `cannot read the config file ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      "Check the path given to --config",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw configError(
      `the config file ${path} is not valid JSON: ${(error as Error).message}`,
      "Fix the JSON syntax (see the README for an example)",
    );
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    throw configError(
      `the config file ${path} is invalid: ${describeIssues(parsed.error)}`,
      "See the README for the configuration keys",
    );
  }
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.join(".") : "(top level)";
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

export function detectFormat(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  if (/\.(csv|tsv|txt)(\.gz)?$/.test(lower)) return "csv";
  if (lower.endsWith(".parquet")) return "parquet";
  return null;
}

/** A file to read, its format told by its name. */
export function fileSourceOf(path: string, what: string): FileSource {
  const format = detectFormat(path);
  if (!format) {
    throw configError(
      `cannot tell the format of the ${what} file ${path}`,
      "Use a .csv, .csv.gz or .parquet file",
    );
  }
  return { kind: "file", path, format };
}

export const SOURCE_KINDS = ["files", "postgres", "clickhouse"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A database's connection: PostgreSQL's settings, or ClickHouse's (which carry a kind). */
export type SourceConnection = ConnectionSettings | ClickHouseConnection;

/**
 * A table name, or a query when the text starts as one (SELECT, WITH, VALUES or a
 * parenthesis). A name is "table" or "schema.table", quoted as identifiers when used.
 */
export function relationSource(text: string): RelationSource {
  const trimmed = text.trim();
  return /^(\(|(select|with|values)\b)/i.test(trimmed)
    ? { kind: "query", sql: trimmed.replace(/;\s*$/, "") }
    : { kind: "table", name: trimmed };
}

/**
 * Merges the config file (paths relative to it) and the overrides into a complete config. A
 * database source needs its connection, which loadConfig reads from the environment.
 */
export function resolveConfig(
  file: ConfigFile,
  fileDir: string,
  overrides: ConfigOverrides,
  connection: SourceConnection | null = null,
): AnalysisConfig {
  const source = overrides.source ?? file.source ?? "files";
  if (source !== "files") return resolveDatabase(source, file, fileDir, overrides, connection);
  const ordersPath = overrides.orders ?? (file.orders ? resolve(fileDir, file.orders) : undefined);
  if (!ordersPath) {
    throw configError("no orders file was given", "Pass --orders FILE or set orders in the config");
  }
  const ratesPath = overrides.rates ?? (file.rates ? resolve(fileDir, file.rates) : undefined);
  return {
    ...common(file, fileDir, overrides),
    orders: fileSourceOf(ordersPath, "orders"),
    rates: ratesPath ? fileSourceOf(ratesPath, "rates") : null,
    engine: { kind: "duckdb" },
  };
}

function resolveDatabase(
  source: Exclude<SourceKind, "files">,
  file: ConfigFile,
  fileDir: string,
  overrides: ConfigOverrides,
  connection: SourceConnection | null,
): AnalysisConfig {
  const orders = overrides.orders ?? file.orders;
  if (!orders) {
    throw configError(
      "no orders table or query was given",
      "Pass --orders TABLE (or a query: --orders 'SELECT …') or set orders in the config",
    );
  }
  const rates = overrides.rates ?? file.rates;
  const timeout = overrides.statementTimeout ?? file.statement_timeout;
  const statementTimeoutMs =
    timeout === undefined
      ? DEFAULTS.statementTimeoutMs
      : parseDuration(timeout, "the statement timeout");
  return {
    ...common(file, fileDir, overrides),
    orders: relationSource(orders),
    rates: rates ? relationSource(rates) : null,
    engine: databaseEngine(
      source,
      connection,
      statementTimeoutMs,
      overrides.postgresMode ?? file.postgres_mode ?? "auto",
    ),
  };
}

function databaseEngine(
  source: Exclude<SourceKind, "files">,
  connection: SourceConnection | null,
  statementTimeoutMs: number,
  mode: PostgresMode,
): EngineSettings {
  if (source === "clickhouse") {
    if (!connection || !("kind" in connection)) {
      throw configError(
        "no ClickHouse connection is configured",
        "Set CLICKHOUSE_URL (http://host:8123, or chdb:DIR for the embedded engine) or the CLICKHOUSE_* variables in the environment or in a .env file",
      );
    }
    return { kind: "clickhouse", connection, statementTimeoutMs };
  }
  if (!connection || "kind" in connection) {
    throw configError(
      "no database connection is configured",
      "Set DATABASE_URL (or the PG* variables) in the environment or in a .env file",
    );
  }
  return { kind: "postgres", connection, statementTimeoutMs, mode };
}

function common(file: ConfigFile, fileDir: string, overrides: ConfigOverrides) {
  const columns = { ...file.columns, ...overrides.columns };
  for (const key of Object.keys(columns)) {
    if (!isOrderColumn(key)) throw configError(`unknown column in the mapping: ${key}`);
  }
  const q = overrides.filterQuantile ?? file.filter_quantile ?? DEFAULTS.filterQuantile;
  return {
    columns,
    filterQuantile: q === "none" ? null : q,
    minUsers: overrides.minUsers ?? file.min_users ?? DEFAULTS.minUsers,
    topN: overrides.topN ?? file.top_n ?? DEFAULTS.topN,
    dataEnd: checkedDate(overrides.dataEnd, "--data-end") ?? file.data_end ?? null,
    memoryLimit: overrides.memoryLimit ?? file.memory_limit ?? DEFAULTS.memoryLimit,
    cohorts: cohortSettings(file, overrides),
    where: { ...file.where, ...overrides.where },
    segment: overrides.segment ?? file.segment ?? null,
    compare: comparedPeriods(overrides.compare ?? file.compare),
    lists: listSettings(file.lists),
    adjustedDays: overrides.adjustedDays ?? file.adjusted_days ?? DEFAULTS.adjustedDays,
    tempDirectory:
      overrides.tempDirectory ??
      (file.temp_directory ? resolve(fileDir, file.temp_directory) : null),
    csvRaw: overrides.csvRaw ?? file.csv_raw ?? false,
    currency: overrides.currency ?? file.currency ?? DEFAULTS.currency,
    timeZone: checkedZone(overrides.timeZone) ?? file.timezone ?? DEFAULTS.timeZone,
    prediction: {
      enabled: overrides.predict ?? file.predict ?? true,
      timeUnit: overrides.timeUnit ?? file.time_unit ?? DEFAULTS.timeUnit,
      horizonDays: overrides.horizonDays ?? file.horizon_days ?? DEFAULTS.horizonDays,
      clvMonths: overrides.clvMonths ?? file.clv_months ?? DEFAULTS.clvMonths,
      monthlyDiscountRate:
        overrides.monthlyDiscountRate ?? file.monthly_discount_rate ?? DEFAULTS.monthlyDiscountRate,
      calibrationEnd:
        checkedDate(overrides.calibrationEnd, "--calibration-end") ?? file.calibration_end ?? null,
    },
  };
}

function cohortSettings(file: ConfigFile, overrides: ConfigOverrides): AnalysisConfig["cohorts"] {
  const from = checkedDate(overrides.cohortFrom, "--cohort-from") ?? file.cohort_from ?? null;
  const to = checkedDate(overrides.cohortTo, "--cohort-to") ?? file.cohort_to ?? null;
  if (from !== null && to !== null && from > to) {
    throw configError(
      `the cohort range ends before it starts: ${from} to ${to}`,
      "Give cohort_from on or before cohort_to",
    );
  }
  return { period: overrides.cohortPeriod ?? file.cohort_period ?? "month", from, to };
}

function listSettings(lists: ConfigFile["lists"]): ListSettings {
  const l = lists ?? {};
  const window = l.nudge_window ?? null;
  if (window && window[0] > window[1]) {
    throw configError(
      `lists.nudge_window ends before it starts: [${window[0]}, ${window[1]}]`,
      "Give the window as [from, to] days since the one order",
    );
  }
  const d = LIST_DEFAULTS;
  return {
    nudgeWindow: window,
    likelyActivePAlive: l.likely_active_p_alive ?? d.likelyActivePAlive,
    likelyActiveMaxRepeatOccasions:
      l.likely_active_max_repeat_occasions ?? d.likelyActiveMaxRepeatOccasions,
    atRiskPAlive: l.at_risk_p_alive ?? d.atRiskPAlive,
    atRiskMinOrders: l.at_risk_min_orders ?? d.atRiskMinOrders,
    atRiskMinRevenue: l.at_risk_min_revenue ?? d.atRiskMinRevenue,
    championsMinOrders: l.champions_min_orders ?? d.championsMinOrders,
    championsPAlive: l.champions_p_alive ?? d.championsPAlive,
  };
}

function comparedPeriods(
  pair: [[string, string], [string, string]] | undefined,
): AnalysisConfig["compare"] {
  if (!pair) return null;
  const [a, b] = pair.map(([from, to]) => {
    for (const date of [from, to]) checkedDate(date, "compared date");
    if (from > to) {
      throw configError(
        `a compared period ends before it starts: ${from}..${to}`,
        "Write each period as FROM..TO with FROM on or before TO",
      );
    }
    return { from, to };
  }) as [DateRange, DateRange];
  if (a.from <= b.to && b.from <= a.to) {
    throw configError(
      `the compared periods overlap: ${a.from}..${a.to} and ${b.from}..${b.to}`,
      "Compare two periods with no day in common",
    );
  }
  return [a, b];
}

/** A date given on the command line (or by a library caller), checked as the config's are. */
function checkedDate(text: string | undefined, what: string): string | undefined {
  if (text !== undefined && !isIsoDate(text)) {
    throw configError(`invalid ${what}: ${text} is not a date`, "Give a real date as YYYY-MM-DD");
  }
  return text;
}

function checkedZone(text: string | undefined): string | undefined {
  if (text !== undefined && !isTimeZone(text)) {
    throw configError(
      `invalid time zone: ${text}`,
      "Give a time zone name such as UTC or Europe/Moscow",
    );
  }
  return text;
}

/**
 * Reads the optional config file and merges the overrides: the one place config is read. The
 * connection of a database source comes from the environment or the .env file (by default the
 * one in the current directory): DATABASE_URL or PG* for PostgreSQL, CLICKHOUSE_URL or
 * CLICKHOUSE_* for ClickHouse.
 */
export async function loadConfig(
  configPath: string | undefined,
  overrides: ConfigOverrides,
  envFile: string | null = resolve(".env"),
): Promise<AnalysisConfig> {
  const file = configPath ? await readConfigFile(configPath) : {};
  const dir = configPath ? dirname(resolve(configPath)) : process.cwd();
  const source = overrides.source ?? file.source ?? "files";
  const connection = await connectionOf(source, envFile);
  return resolveConfig(file, dir, overrides, connection);
}

async function connectionOf(
  source: SourceKind,
  envFile: string | null,
): Promise<SourceConnection | null> {
  if (source === "postgres") return connectionFromEnv(process.env, envFile);
  if (source === "clickhouse") return clickhouseFromEnv(process.env, envFile);
  return null;
}
