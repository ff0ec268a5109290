import type { DataSource } from "../config/config.js";
import type { Dialect } from "./dialect.js";

/** A value bound to a query parameter. */
export type SqlValue = string | number | boolean | null;

/** A result row with values normalised at the boundary: numbers, text, booleans, null. */
export type Row = Record<string, string | number | boolean | null>;

/** A column of a source, with its type as the engine names it (DuckDB's names for ClickHouse). */
export interface SourceColumn {
  readonly name: string;
  readonly type: string;
}

/** A source made readable as a working table (or view) with numbered rows. */
export interface StagedSource {
  readonly columns: SourceColumn[];
  readonly rows: number;
  /** What to drop once the source is no longer needed. */
  readonly kind: "table" | "view";
}

export type ExportFormat = "csv" | "parquet";

/** A table to write: a query and the columns its rows are sorted by. */
export interface ExportSource {
  readonly sql: string;
  readonly orderBy: string;
}

/**
 * What an engine can do beyond running SQL, declared so that the analysis asks for a
 * capability, never for an engine's class.
 */
export interface EngineCapabilities {
  /** The kinds of source it reads: files (the embedded DuckDB) or its database's tables and queries. */
  readonly sources: readonly DataSource["kind"][];
  /** The formats it writes outputs in: CSV from every engine, Parquet from DuckDB. */
  readonly exportFormats: readonly ExportFormat[];
}

/** Everything Encore asks of a SQL engine. */
export interface Engine {
  readonly dialect: Dialect;
  readonly capabilities: EngineCapabilities;
  /** Runs a statement whose result is not needed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs a query and returns its (small, aggregated) result. */
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /**
   * Creates a working table from a query (`name` is one of Encore's own table names). An
   * engine that reads a database Encore must not write to keeps it private to the session.
   */
  createTable(name: string, sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Creates a working view, private to the session where the engine reads a database. */
  createView(name: string, sql: string): Promise<void>;
  /**
   * Appends rows to a working table made by createTable (a fit's figures): each row has a value
   * for every column of the table, in its order (`columns` names them), cast to the column's
   * type as SQL casts it.
   */
  insert(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void>;
  /** Drops a working table or view made by createTable or createView. */
  drop(name: string, kind: "table" | "view"): Promise<void>;
  /**
   * The source's columns and types, read before anything is staged (to bind the mapping). The
   * source is of a kind in `capabilities.sources`.
   */
  describe(source: DataSource, what: string): Promise<SourceColumn[]>;
  /** Makes the source readable as `table`, its rows numbered 1.. in `rowColumn` in source order. */
  stage(
    source: DataSource,
    columns: readonly SourceColumn[],
    table: string,
    rowColumn: string,
    what: string,
  ): Promise<StagedSource>;
  /**
   * Writes a query's rows, sorted, to a file in a format of `capabilities.exportFormats`. Text
   * in CSV that a spreadsheet would run as a formula gets a leading `'` unless `raw`.
   */
  export(source: ExportSource, path: string, format: ExportFormat, raw: boolean): Promise<void>;
  /**
   * A second session on the same working tables, for statements that run beside this session's
   * (a study's independent stages); null where working tables are private to one session.
   * Closing it leaves this engine open.
   */
  fork(): Promise<Engine | null>;
  /** Cancels the running statement, if any (Ctrl-C); it then fails with a "cancelled" error. */
  cancel(): Promise<void>;
  /** After a cancel, lets the next statement run (a study's next run after a cancelled one). */
  resume(): void;
  close(): Promise<void>;
}
