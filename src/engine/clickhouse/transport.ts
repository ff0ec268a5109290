import type { SqlValue } from "../engine.js";
import type { ColumnMeta } from "./clickhouse-values.js";

/** A result as ClickHouse's JSONCompact format gives it. */
export interface CompactResult {
  readonly meta: readonly ColumnMeta[];
  readonly data: readonly unknown[][];
}

/** One statement for a transport: SQL with {name:Type} placeholders, values, and its id. */
export interface Statement {
  readonly sql: string;
  readonly params: Record<string, SqlValue>;
  readonly queryId: string;
  readonly signal: AbortSignal;
}

/** A failure as ClickHouse reported it, the same from either transport. */
export class ClickHouseFailure extends Error {
  constructor(
    message: string,
    /** ClickHouse's error code (e.g. 60 UNKNOWN_TABLE); undefined for a network failure. */
    readonly code: number | undefined,
    /** The network error's code (ECONNREFUSED…), for a server that could not be reached. */
    readonly network?: string,
  ) {
    super(message);
  }
}

/** A CSV file going into a table. */
export interface CsvInsert {
  /** The table, quoted and qualified as SQL. */
  readonly table: string;
  /** The table's columns in the file's order, by name. */
  readonly columns: readonly string[];
  readonly path: string;
  readonly header: boolean;
  readonly settings: Record<string, string | number>;
}

/** How statements reach ClickHouse: in-process (chdb) or over HTTP. */
export interface Transport {
  /** Runs a statement whose result is not needed (DDL, INSERT, SET). */
  command(statement: Statement): Promise<void>;
  query(statement: Statement): Promise<CompactResult>;
  /** Streams a result in batches: the columns first (once, even when empty), then rows. */
  stream(
    statement: Statement,
    onBatch: (rows: readonly unknown[][], meta: readonly ColumnMeta[]) => Promise<void>,
  ): Promise<void>;
  /**
   * Inserts a CSV file (gzipped when its name ends in .gz) into a table: chdb reads it itself,
   * HTTP streams it to the server. `settings` say how to read it.
   */
  insertCsv(statement: Omit<Statement, "sql" | "params">, file: CsvInsert): Promise<void>;
  /** Stops a running statement by its id, from outside the session that runs it. */
  kill(queryId: string): Promise<void>;
  close(): Promise<void>;
}

/** "Code: 60. DB::Exception: Unknown table … (UNKNOWN_TABLE)" → its code and its one line. */
export function parseServerMessage(text: string): { code: number | undefined; message: string } {
  const code = /Code: (\d+)/.exec(text)?.[1];
  const line =
    text
      .replace(/^[\s\S]*?DB::Exception: /, "")
      .replace(/, e\.what\(\) = DB::Exception.*$/s, "")
      .split("\n")
      .find((l) => l.trim()) ?? text;
  return { code: code === undefined ? undefined : Number(code), message: line.trim() };
}
