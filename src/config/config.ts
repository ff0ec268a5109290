import type { DimensionColumn, OrderColumn } from "../model/columns.js";
import { type CurrencyCode, DEFAULT_CURRENCY } from "../model/currencies.js";
import type { SegmentName } from "../model/segments.js";
import type { ClickHouseConnection } from "./clickhouse-env.js";
import type { ConnectionSettings } from "./connection-env.js";

export type FileFormat = "csv" | "parquet";

/** A file to read: its path and how to read it. */
export interface FileSource {
  readonly kind: "file";
  readonly path: string;
  readonly format: FileFormat;
  /** The table or query the file was copied from, for the study: how it is named. */
  readonly origin?: RelationSource;
  /**
   * For a CSV copy of a database's typed columns: each column's DuckDB type, read as such
   * instead of as text (a value the database typed needs no parsing of its own).
   */
  readonly columnTypes?: Readonly<Record<string, string>>;
  /**
   * Files with the same header whose rows follow this one's, read as one with it: the second
   * half of a copy made in two.
   */
  readonly continuedIn?: readonly string[];
}

/** A table (or view) of a database: "name" or "schema.name". */
export interface TableSource {
  readonly kind: "table";
  readonly name: string;
}

/** A query whose result is read as a table. */
export interface QuerySource {
  readonly kind: "query";
  readonly sql: string;
}

export type RelationSource = TableSource | QuerySource;
export type DataSource = FileSource | RelationSource;

/**
 * Where the study runs: the embedded DuckDB over files, or inside the database that holds the
 * orders (PostgreSQL, ClickHouse), reached by its connection and with a limit on how long one
 * statement may run (milliseconds; 0 means none).
 */
export type EngineSettings =
  | { readonly kind: "duckdb" }
  | {
      readonly kind: "postgres";
      readonly connection: ConnectionSettings;
      readonly statementTimeoutMs: number;
      /** Where the study runs: on a copy in the embedded engine, in the database, or by size. */
      readonly mode: PostgresMode;
    }
  | {
      readonly kind: "clickhouse";
      readonly connection: ClickHouseConnection;
      readonly statementTimeoutMs: number;
    };

export type EngineKind = EngineSettings["kind"];

/**
 * `copy`: the rows are streamed out once (COPY) and studied in the embedded engine;
 * `in_database`: every statement runs in PostgreSQL, on temporary tables; `auto`: a copy up to
 * a size, in the database past it.
 */
export type PostgresMode = "auto" | "copy" | "in_database";
export const POSTGRES_MODES = ["auto", "copy", "in_database"] as const satisfies PostgresMode[];

/** The thresholds of the lists (§14), configurable. */
export interface ListSettings {
  /** Days since the one order at data_end; null: the repeat window of §7. */
  readonly nudgeWindow: readonly [number, number] | null;
  readonly likelyActivePAlive: number;
  readonly likelyActiveMaxRepeatOccasions: number;
  readonly atRiskPAlive: number;
  readonly atRiskMinOrders: number;
  /** Total revenue at least this; null: the median of the repeat customers. */
  readonly atRiskMinRevenue: number | null;
  readonly championsMinOrders: number;
  readonly championsPAlive: number;
}

export const LIST_DEFAULTS: ListSettings = {
  nudgeWindow: null,
  likelyActivePAlive: 0.5,
  likelyActiveMaxRepeatOccasions: 1,
  atRiskPAlive: 0.5,
  atRiskMinOrders: 2,
  atRiskMinRevenue: null,
  championsMinOrders: 5,
  championsPAlive: 0.5,
};

/** An inclusive range of dates, YYYY-MM-DD. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** The complete, validated settings of one analysis run. */
export interface AnalysisConfig {
  /** Files (read by the embedded DuckDB) or tables and queries of the engine's database. */
  readonly orders: DataSource;
  readonly rates: DataSource | null;
  /** The engine the study runs in. */
  readonly engine: EngineSettings;
  /** Set when the orders were copied out of a database into files for the embedded engine. */
  readonly copiedFrom?: EngineKind;
  /** Canonical column → source column (or ROW_NUMBER_SOURCE); unmapped columns use their own name. */
  readonly columns: Partial<Record<OrderColumn, string>>;
  /** The order-count percentile of the anomaly filter; null switches the filter off. */
  readonly filterQuantile: number | null;
  readonly minUsers: number;
  readonly topN: number;
  /** The end of the observation window; null means the latest order date in the data. */
  readonly dataEnd: string | null;
  readonly memoryLimit: string;
  /** Acquisition cohorts (ANALYSIS.md §12) and the first-order date range of the population. */
  readonly cohorts: {
    readonly period: "month" | "week";
    /** Users whose first order is before this date (YYYY-MM-DD) are left out; null: none. */
    readonly from: string | null;
    /** Users whose first order is after this date are left out; null: none. */
    readonly to: string | null;
  };
  /**
   * Keep only users whose first order has one of the given values of a first-order attribute
   * (per source column); an attribute not named keeps every value.
   */
  readonly where: Readonly<Partial<Record<DimensionColumn, readonly string[]>>>;
  /** Keep only users of this segment of total orders; null: every user. */
  readonly segment: SegmentName | null;
  /** The thresholds of the customer lists (§14). */
  readonly lists: ListSettings;
  /** N of the adjusted effects' outcome, a second order within N days (§13). */
  readonly adjustedDays: number;
  /** Two ranges of first-order dates to compare side by side (§12); null: none. */
  readonly compare: readonly [DateRange, DateRange] | null;
  /** Where the embedded engine makes its temporary directory; null means the system's (TMPDIR). */
  readonly tempDirectory: string | null;
  /**
   * true writes text into the CSV outputs as it is; by default a text starting with = + - @,
   * a tab or a carriage return gets a leading ' so no spreadsheet runs it as a formula.
   */
  readonly csvRaw: boolean;
  /** The currency the amounts are in, for the report's and the summary's labels. */
  readonly currency: CurrencyCode;
  /** The zone in which timestamps with a time zone become the service's wall-clock times. */
  readonly timeZone: string;
  /** The "who comes back" models: horizon, customer value, calibration/holdout split. */
  readonly prediction: {
    /** false skips the models (predict: false, --no-predict). */
    readonly enabled: boolean;
    readonly timeUnit: "days" | "weeks";
    readonly horizonDays: number;
    readonly clvMonths: number;
    readonly monthlyDiscountRate: number;
    /** The end of the calibration period (YYYY-MM-DD); null picks it (see calibrationEnd). */
    readonly calibrationEnd: string | null;
  };
}

export const DEFAULTS = {
  filterQuantile: 0.9,
  minUsers: 30,
  topN: 15,
  memoryLimit: "1GB",
  currency: DEFAULT_CURRENCY,
  /** Not the machine's zone: the same data gives the same dates on every machine (§11.4). */
  timeZone: "UTC",
  /** A long analysis of a large table is normal; a statement running past this is not. */
  statementTimeoutMs: 30 * 60 * 1000,
  timeUnit: "days",
  horizonDays: 90,
  adjustedDays: 90,
  clvMonths: 12,
  monthlyDiscountRate: 0.01,
} as const;

/** The ranges the prediction settings must lie in, as config keys and as flags. */
export const PREDICTION_LIMITS = {
  horizonDays: { min: 1, max: 3650 },
  clvMonths: { min: 1, max: 120 },
  monthlyDiscountRate: { min: 0, max: 1 },
} as const;

/** The quantiles of the sensitivity table (ANALYSIS.md §3), null meaning no filter. */
export const SENSITIVITY_QUANTILES: readonly (number | null)[] = [null, 0.99, 0.95, 0.9];
