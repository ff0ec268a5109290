import type { CohortPeriod } from "../model/cohort-period.js";

export type { CohortPeriod };

/**
 * What differs between SQL engines, as small pure functions over SQL fragments. The query
 * builders in src/queries use nothing engine-specific beyond this.
 */
export interface Dialect {
  readonly name: "duckdb" | "postgres" | "clickhouse";
  /**
   * Text without the spaces around it, as the engine's trim() removes them (§11). `few`: a
   * column of few distinct values (a currency, an attribute of the first order), which an
   * engine may trim once per distinct value; otherwise identifiers, nearly all distinct.
   */
  trim(text: string, values?: "few" | "many"): string;
  /** Parses trimmed ISO text into a TIMESTAMP, NULL when it is not a valid one. */
  tryTimestamp(text: string): string;
  /** Parses trimmed decimal text into a DOUBLE, NULL when it is not a finite number. */
  tryDouble(text: string): string;
  /**
   * Where the engine's CASE evaluates a branch only for the rows that take it: the value of
   * text already known to match TIMESTAMP_PATTERN (or DECIMAL_PATTERN), the same as
   * tryTimestamp (tryDouble) gives for it. The checks then match a value as it was read and
   * trim only the values that do not match (see parsedRowsSql). Undefined elsewhere.
   */
  readonly matched?: {
    timestamp(text: string): string;
    double(text: string): string;
  };
  /** Whole calendar days from date `a` to date `b`. */
  daysBetween(a: string, b: string): string;
  /** ISO weekday of a date, 1 = Monday. */
  isoWeekday(date: string): string;
  /** A DATE as 'YYYY-MM-DD' text. */
  dateText(date: string): string;
  /** Linear-interpolated percentile, as an aggregate. */
  percentileCont(q: string, expr: string): string;
  /** Does the text match a POSIX regular expression in full? */
  fullMatch(text: string, pattern: string): string;
  /** Aggregate: the value of the row that sorts first by the order keys. */
  firstBy(orderKeys: readonly string[], value: string): string;
  /** Aggregate: the second smallest value (NULL when there is one row). */
  secondSmallest(value: string): string;
  /**
   * A sum of money rounded to a millionth: sums of doubles differ between engines (and runs)
   * in their last bits, which would break ties of equal amounts differently.
   */
  roundMoney(expr: string): string;
  /** The first day (a DATE) of the calendar month, or ISO week from Monday, that holds a date. */
  periodStart(date: string, period: CohortPeriod): string;
  /** Whole calendar periods from the period that starts on `start` to the one holding `date`. */
  periodIndex(start: string, date: string, period: CohortPeriod): string;
  /** A date `days` (an integer expression) later. */
  addDays(date: string, days: string): string;
  /**
   * A condition as a boolean column of a table that is written out: ClickHouse's comparisons
   * give UInt8, which a CSV would show as 0 and 1.
   */
  boolean(condition: string): string;
  /** Aggregate: how many rows of the group meet the condition. */
  countIf(condition: string): string;
  /** Aggregate `fn` (sum, max, …) of `expr` over the rows of the group that meet the condition. */
  aggregateIf(fn: "sum" | "min" | "max", expr: string, condition: string): string;
  /**
   * Can a statement update a working table from another table (UPDATE … FROM)? ClickHouse
   * cannot: its mutations run apart from the session, where its temporary tables are unknown.
   */
  readonly updatesFrom: boolean;
  /**
   * Ends a subquery in FROM whose columns must be computed once: PostgreSQL otherwise pulls the
   * subquery up and writes each column's expression into every place the query above reads it
   * (OFFSET 0 keeps it a subquery). Empty where the engine computes them once anyway.
   */
  readonly subqueryFence: string;
  readonly doubleType: string;
  readonly textType: string;
}

/** A strict decimal number, as ANALYSIS.md §11.5 accepts it: no inf, nan, separators or hex. */
export const DECIMAL_PATTERN = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?";

/**
 * ISO date with an optional time (ANALYSIS.md §11.4): `T` allowed, no offsets, a time of day
 * from 00:00 to 23:59:59 (`24:00`, which the engines would read as the next day, is not one).
 */
export const TIMESTAMP_PATTERN =
  "[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?";
