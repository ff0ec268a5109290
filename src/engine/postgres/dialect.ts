import { DECIMAL_PATTERN, type Dialect } from "../dialect.js";
import { quoteLiteral } from "../sql.js";

/*
 * PostgreSQL has no TRY_CAST and Encore may not create functions in the source database, so
 * every cast below receives text that is already known to be valid: a CASE picks the text,
 * the cast sits outside it. Even when the planner folds a constant input, the cast then sees
 * either valid text or NULL, never text that would raise.
 */

const LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)";
const MONTH_DAY =
  "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))";
const TIME = "[ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?";
/** TIMESTAMP_PATTERN narrowed to the calendar: real months, days, leap years and times. */
export const VALID_TIMESTAMP_PATTERN = `([0-9]{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29)(${TIME})?`;

/** Valid timestamp text as PostgreSQL reads it, with DuckDB's conventions kept. */
function timestampText(text: string): string {
  // DuckDB truncates past microseconds where PostgreSQL rounds; and DuckDB's year 0000 is
  // 1 BC, a year PostgreSQL only accepts written as such.
  const truncated = `regexp_replace(${text}, '([.][0-9]{6})[0-9]+$', '\\1')`;
  return (
    `CASE WHEN ${text} LIKE '0000%' THEN '0001' || substr(${truncated}, 5) || ' BC' ` +
    `ELSE ${truncated} END`
  );
}

/**
 * Does decimal text out of double range lie below it (rounds to zero, as DuckDB reads it)
 * rather than above? Its decimal exponent is negative: exponent part + the position of the
 * first significant digit, computed on lengths so that no cast can overflow.
 */
function belowRange(text: string): string {
  const intDigits = `ltrim(substring(${text} from '^[+-]?([0-9]*)'), '0')`;
  const fraction = `coalesce(substring(${text} from '[.]([0-9]*)'), '')`;
  const exponent = `ltrim(coalesce(substring(${text} from '[eE][+-]?([0-9]+)$'), ''), '0')`;
  const shift =
    `CASE WHEN ${intDigits} <> '' THEN length(${intDigits}) - 1 ` +
    `ELSE length(ltrim(${fraction}, '0')) - length(${fraction}) - 1 END`;
  const negative = `(${text} ~ '[eE]-')`;
  return (
    `CASE WHEN length(${exponent}) > 9 THEN ${negative} ` +
    `ELSE (CASE WHEN ${negative} THEN -1 ELSE 1 END) * CAST('0' || ${exponent} AS bigint) + ${shift} < 0 END`
  );
}

function tryDouble(text: string): string {
  const decimal = `${text} ~ ${quoteLiteral(`^(${DECIMAL_PATTERN})$`)}`;
  // float8in's own range check, asked without raising: jsonpath's silent mode.
  const inRange = `jsonb_path_exists(to_jsonb(CAST(${text} AS text)), '$.double()', '{}', true)`;
  const zero = `CASE WHEN ${text} LIKE '-%' THEN '-0' ELSE '0' END`;
  return (
    `CAST(CASE WHEN ${decimal} THEN CASE WHEN ${inRange} THEN ${text} ` +
    `WHEN ${belowRange(text)} THEN ${zero} END END AS double precision)`
  );
}

export const postgresDialect: Dialect = {
  name: "postgres",
  tryTimestamp: (text) =>
    `CAST(CASE WHEN ${text} ~ ${quoteLiteral(`^(${VALID_TIMESTAMP_PATTERN})$`)} ` +
    `THEN ${timestampText(text)} END AS timestamp)`,
  trim: (text) => `trim(${text})`,
  tryDouble,
  daysBetween: (a, b) => `(CAST(${b} AS date) - CAST(${a} AS date))`,
  isoWeekday: (date) => `CAST(EXTRACT(ISODOW FROM ${date}) AS integer)`,
  dateText: (date) => `to_char(${date}, 'YYYY-MM-DD')`,
  percentileCont: (q, expr) =>
    `percentile_cont(${q}) WITHIN GROUP (ORDER BY CAST(${expr} AS double precision))`,
  fullMatch: (text, pattern) => `(${text} ~ ${quoteLiteral(`^(${pattern})$`)})`,
  // DuckDB's arg_min and min(x, n) skip NULL values; FILTER does the same here.
  firstBy: (keys, value) =>
    `(array_agg(${value} ORDER BY ${keys.join(", ")}) FILTER (WHERE ${value} IS NOT NULL))[1]`,
  secondSmallest: (value) =>
    `(array_agg(${value} ORDER BY ${value}) FILTER (WHERE ${value} IS NOT NULL))[2]`,
  roundMoney: (expr) => `CAST(round(CAST(${expr} AS numeric), 6) AS double precision)`,
  // date_trunc on a plain timestamp: a DATE would be taken as timestamptz, in the session's zone.
  periodStart: (date, period) =>
    `CAST(date_trunc('${period}', CAST(${date} AS timestamp)) AS date)`,
  periodIndex: (start, date, period) =>
    period === "month"
      ? `CAST((EXTRACT(YEAR FROM ${date}) - EXTRACT(YEAR FROM ${start})) * 12 + EXTRACT(MONTH FROM ${date}) - EXTRACT(MONTH FROM ${start}) AS integer)`
      : `((CAST(${date} AS date) - CAST(${start} AS date)) / 7)`,
  addDays: (date, days) => `(CAST(${date} AS date) + CAST(${days} AS integer))`,
  boolean: (condition) => `(${condition})`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  aggregateIf: (fn, expr, condition) => `${fn}(${expr}) FILTER (WHERE ${condition})`,
  subqueryFence: " OFFSET 0",
  updatesFrom: true,
  doubleType: "double precision",
  textType: "text",
};
