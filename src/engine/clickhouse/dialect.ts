import { DECIMAL_PATTERN, type Dialect } from "../dialect.js";
import { VALID_TIMESTAMP_PATTERN } from "../postgres/dialect.js";
import { quoteClickHouseLiteral as literal } from "../sql.js";

/*
 * Every function gives DuckDB's values on the same input. ClickHouse evaluates both branches
 * of if() for the whole block, so each branch uses a function that never raises (…OrNull);
 * its lenient parsers (2024-02-30 becomes March 1st) only ever see text a pattern has
 * already checked.
 */

/** Nullable: ClickHouse types refuse NULL unless declared Nullable. */
const DOUBLE = "Nullable(Float64)";

/** The instant of checked ISO text (the pattern admits no 24:00). */
function timestamp(text: string): string {
  const at = (t: string) => `toDateTime64OrNull(${t}, 6, 'UTC')`;
  // Past microseconds DuckDB truncates: keep 26 characters, 'YYYY-MM-DD HH:MM:SS.ffffff'.
  const plain = at(`substring(replaceOne(${text}, 'T', ' '), 1, 26)`);
  // ClickHouse wants seconds; ':00' completes 'YYYY-MM-DD HH:MM' (16 characters).
  const withSeconds = at(`concat(replaceOne(${text}, 'T', ' '), ':00')`);
  return `if(length(${text}) = 16, ${withSeconds}, ${plain})`;
}

function tryTimestamp(text: string): string {
  // Year 0000 (1 BC to DuckDB) lies outside ClickHouse's DateTime64 range, where it would
  // clamp: NULL, not a wrong date.
  const valid =
    `match(${text}, ${literal(`^(${VALID_TIMESTAMP_PATTERN})$`)}) ` +
    `AND NOT startsWith(${text}, '0000')`;
  return `if(${valid}, ${timestamp(text)}, NULL)`;
}

function tryDouble(text: string): string {
  // toFloat64OrNull gives ±inf past the range, where DuckDB's check gives NULL.
  const value = `toFloat64OrNull(${text})`;
  return (
    `if(match(${text}, ${literal(`^(${DECIMAL_PATTERN})$`)}) AND isFinite(${value}), ` +
    `${value}, NULL)`
  );
}

/** std::round of value × 10⁶, as DuckDB rounds a DOUBLE: halves away from zero, -0 kept. */
function roundMoney(expr: string): string {
  const y = `(${expr} * 1e6)`;
  const rounded = `if(abs(${y} - trunc(${y})) >= 0.5, trunc(${y}) + sign(${y}), trunc(${y})) / 1e6`;
  // Past the range, DuckDB hands the value back unrounded.
  return `if(isFinite(${rounded}), ${rounded}, ${expr})`;
}

/**
 * DuckDB's struct order for arg_min: key by key, NULL after every value. A flag before each
 * key keeps ClickHouse from comparing NULLs at all.
 */
const keyTuple = (keys: readonly string[]) =>
  `tuple(${keys.map((k) => `isNull(${k}), assumeNotNull(${k})`).join(", ")})`;

export const clickhouseDialect: Dialect = {
  name: "clickhouse",
  tryTimestamp,
  trim: (text) => `trim(${text})`,
  tryDouble,
  daysBetween: (a, b) => `dateDiff('day', toDate32(${a}), toDate32(${b}))`,
  isoWeekday: (date) => `toDayOfWeek(${date})`,
  dateText: (date) => `toString(toDate32(${date}))`,
  // quantileExactInclusive interpolates linearly between the closest ranks (R7), as
  // percentile_cont does; it skips NULLs and gives NULL for none.
  percentileCont: (q, expr) => `quantileExactInclusive(${q})(CAST(${expr} AS ${DOUBLE}))`,
  fullMatch: (text, pattern) =>
    `CAST(match(${text}, ${literal(`^(${pattern})$`)}) AS Nullable(Bool))`,
  // toNullable: with no row left, NULL as DuckDB gives, not the type's default ('' or 0).
  firstBy: (keys, value) =>
    `argMinIf(toNullable(${value}), ${keyTuple(keys)}, isNotNull(${value}))`,
  secondSmallest: (value) => `arrayElementOrNull(groupArraySorted(2)(${value}), 2)`,
  roundMoney,
  // toStartOfMonth and toMonday return a Date (1970–2149) even of a Date32: days are counted back
  // instead, which stays a Date32.
  periodStart: (date, period) =>
    `subtractDays(toDate32(${date}), ${period === "month" ? "toDayOfMonth" : "toDayOfWeek"}(toDate32(${date})) - 1)`,
  periodIndex: (start, date, period) =>
    period === "month"
      ? `toInt32(dateDiff('month', toDate32(${start}), toDate32(${date})))`
      : `toInt32(intDiv(dateDiff('day', toDate32(${start}), toDate32(${date})), 7))`,
  addDays: (date, days) => `addDays(toDate32(${date}), toInt32(${days}))`,
  boolean: (condition) => `CAST(${condition} AS Nullable(Bool))`,
  countIf: (condition) => `countIf(${condition})`,
  aggregateIf: (fn, expr, condition) => `${fn}If(${expr}, ${condition})`,
  subqueryFence: "",
  updatesFrom: false,
  doubleType: DOUBLE,
  textType: "Nullable(String)",
};
