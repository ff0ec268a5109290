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
  close(): Promise<void>;
}
