import { DECIMAL_PATTERN, type Dialect, TIMESTAMP_PATTERN } from "../dialect.js";
import { quoteLiteral } from "../sql.js";

/**
 * The code points other than ' ' that DuckDB's trim() removes from either end: Unicode's space
 * separators (category Zs). A test asks the engine for the whole set.
 */
export const MULTIBYTE_SPACES: readonly number[] = [
  0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x202f, 0x205f, 0x3000,
];

const structOf = (values: readonly string[]) =>
  `{${values.map((v, i) => `${quoteLiteral(`k${i}`)}: ${v}`).join(", ")}}`;

/** The values of text that matches the pattern: tryTimestamp and tryDouble are made of them. */
const matched = {
  // DuckDB's cast reads the ISO `T` as it reads the space: replacing it first copied every
  // string (0.5 s over ten million CSV timestamps) for the same value.
  timestamp: (text: string) => `TRY_CAST(${text} AS TIMESTAMP)`,
  // TRY_CAST gives ±Infinity for '1e400' read from a column: out of range is not a number.
  double: (text: string) =>
    `CASE WHEN isfinite(TRY_CAST(${text} AS DOUBLE)) THEN TRY_CAST(${text} AS DOUBLE) END`,
};

export const duckdbDialect: Dialect = {
  name: "duckdb",
  tryTimestamp: (text) =>
    `CASE WHEN regexp_full_match(${text}, ${quoteLiteral(TIMESTAMP_PATTERN)}) ` +
    `THEN ${matched.timestamp(text)} END`,
  // trim() copies every string. A value whose first character is printable ASCII other than
  // the space, and whose last is no space trim() takes, has nothing to remove and is kept as it
  // is. The first character is ord()'s; the last is tested from the end of the bytes: not ' ',
  // and, unless every character is one byte (then it cannot be one of Unicode's spaces), none
  // of the multi-byte spaces. Indexing the string (text[-1]) decodes all of it. Over ten
  // million distinct ids of 46 characters: 0.6 s against trim()'s 1.7 s. A column of few
  // distinct values is read from Parquet (the staged copy of a CSV too) as a dictionary, and
  // DuckDB applies a single function such as trim() to each entry of the dictionary, not to
  // each row, which this CASE prevents: over ten million CSV values of a currency and three
  // attributes and the user ids, 1.1–1.4 s this way against 0.45–0.57 s with trim() on all.
  trim: (text, values = "many") =>
    values === "few"
      ? `trim(${text})`
      : `CASE WHEN ord(${text}) BETWEEN 33 AND 126 AND NOT suffix(${text}, ' ') ` +
        `AND (strlen(${text}) = length(${text}) OR NOT (${MULTIBYTE_SPACES.map((cp) => `suffix(${text}, chr(${cp}))`).join(" OR ")})) ` +
        `THEN ${text} ELSE trim(${text}) END`,
  tryDouble: (text) =>
    `CASE WHEN regexp_full_match(${text}, ${quoteLiteral(DECIMAL_PATTERN)}) ` +
    `THEN ${matched.double(text)} END`,
  // Matching ten million CSV values of four columns as read, before trimming them: 1.0 s less.
  matched,
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
