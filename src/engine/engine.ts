import type { Dialect } from "./dialect.js";

/** A value bound to a query parameter. */
export type SqlValue = string | number | boolean | null;

/** A result row with values normalised at the boundary: numbers, text, booleans, null. */
export type Row = Record<string, string | number | boolean | null>;

/** Everything Encore asks of a SQL engine. */
export interface Engine {
  readonly dialect: Dialect;
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
  /** Drops a working table or view made by createTable or createView. */
  drop(name: string, kind: "table" | "view"): Promise<void>;
  /** Cancels the running statement, if any (Ctrl-C); it then fails with a "cancelled" error. */
  cancel(): Promise<void>;
  /** After a cancel, lets the next statement run (a study's next run after a cancelled one). */
  resume(): void;
  close(): Promise<void>;
}
