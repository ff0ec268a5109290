import { DECIMAL_PATTERN, type Dialect, TIMESTAMP_PATTERN } from "../dialect.js";
import { quoteLiteral } from "../sql.js";

const structOf = (values: readonly string[]) =>
  `{${values.map((v, i) => `${quoteLiteral(`k${i}`)}: ${v}`).join(", ")}}`;

export const duckdbDialect: Dialect = {
  name: "duckdb",
  tryTimestamp: (text) =>
    `CASE WHEN regexp_full_match(${text}, ${quoteLiteral(TIMESTAMP_PATTERN)}) ` +
    `THEN TRY_CAST(replace(${text}, 'T', ' ') AS TIMESTAMP) END`,
  // TRY_CAST gives ±Infinity for '1e400' read from a column: out of range is not a number.
  // trim() copies every string; a value that starts and ends in printable ASCII other than the
  // space has nothing to remove (the spaces trim() takes are ' ' and Unicode's, never ASCII
  // punctuation or letters) and is kept as it is: half the time over ten million CSV values.
  trim: (text) =>
    `CASE WHEN ${text}[1] BETWEEN '!' AND '~' AND ${text}[-1] BETWEEN '!' AND '~' ` +
    `THEN ${text} ELSE trim(${text}) END`,
  tryDouble: (text) =>
    `CASE WHEN regexp_full_match(${text}, ${quoteLiteral(DECIMAL_PATTERN)}) ` +
    `AND isfinite(TRY_CAST(${text} AS DOUBLE)) THEN TRY_CAST(${text} AS DOUBLE) END`,
  daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`,
  isoWeekday: (date) => `isodow(${date})`,
  dateText: (date) => `strftime(${date}, '%Y-%m-%d')`,
  percentileCont: (q, expr) => `percentile_cont(${q}) WITHIN GROUP (ORDER BY ${expr})`,
  fullMatch: (text, pattern) => `regexp_full_match(${text}, ${quoteLiteral(pattern)})`,
  firstBy: (keys, value) => `arg_min(${value}, ${structOf(keys)})`,
  secondSmallest: (value) => `(min(${value}, 2))[2]`,
  roundMoney: (expr) => `round(${expr}, 6)`,
  periodStart: (date, period) => `CAST(date_trunc('${period}', ${date}) AS DATE)`,
  periodIndex: (start, date, period) =>
    period === "month"
      ? `CAST(date_diff('month', ${start}, ${date}) AS INTEGER)`
      : `CAST(date_diff('day', ${start}, ${date}) // 7 AS INTEGER)`,
  addDays: (date, days) => `CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`,
  boolean: (condition) => `(${condition})`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  aggregateIf: (fn, expr, condition) => `${fn}(${expr}) FILTER (WHERE ${condition})`,
  subqueryFence: "",
  updatesFrom: true,
  doubleType: "DOUBLE",
  textType: "VARCHAR",
};
