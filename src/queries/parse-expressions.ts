import { DECIMAL_PATTERN, type Dialect, TIMESTAMP_PATTERN } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { Bindings, ColumnBinding } from "./bindings.js";
import { ROW_COLUMN } from "./tables.js";

/**
 * SQL expressions that read one raw value by the rules of ANALYSIS.md §11. Each returns
 * NULL where the value is invalid, so the reason can be decided from NULLs alone.
 */
export function rawRef(binding: ColumnBinding, alias = "r"): string {
  return binding.source === null
    ? `${alias}.${quoteIdent(ROW_COLUMN)}`
    : `${alias}.${quoteIdent(binding.source)}`;
}

/** Trimmed text, NULL when blank; `values` as Dialect.trim takes it. */
export function textValue(
  d: Dialect,
  binding: ColumnBinding | undefined,
  values: "few" | "many" = "many",
): string {
  if (!binding) return `CAST(NULL AS ${d.textType})`;
  return textOf(d, binding, rawRef(binding), values);
}

/**
 * The trimmed text of a value read from `ref`, NULL when blank. A typed value written out as
 * text has no spaces around it and is never blank, so only text is trimmed.
 */
function textOf(
  d: Dialect,
  binding: ColumnBinding,
  ref: string,
  values: "few" | "many" = "many",
): string {
  return binding.kind === "text"
    ? `NULLIF(${d.trim(ref, values)}, '')`
    : `CAST(${ref} AS ${d.textType})`;
}

/**
 * order_id: an integer-typed source column (or the row number) stays a number, so ties sort
 * numerically (§11.3) without a round trip through text; so does text in which every id is a
 * canonical integer with nothing to trim (`integerText`, see nonIntegerOrderIdSql); anything
 * else is trimmed text.
 */
export function orderIdValue(
  d: Dialect,
  binding: ColumnBinding | undefined,
  integerText = false,
): string {
  if (binding && isIntegerTyped(binding)) return rawRef(binding);
  if (binding && integerText && binding.kind === "text")
    return `CAST(${rawRef(binding)} AS BIGINT)`;
  return textValue(d, binding);
}

export const isIntegerTyped = (binding: ColumnBinding): boolean =>
  binding.kind === "integer" || binding.kind === "row_number";

/**
 * The bound on revenue (§11.5): a quadrillion units of any currency is no order, and below it
 * revenue converted at any rate and summed over any number of orders stays far inside a
 * double, so no figure becomes infinite or overflows.
 */
export const REVENUE_BOUND = 1e15;

/** currency: trimmed, lower-cased, blank → rub (§11.5). */
export function currencyValue(d: Dialect, binding: ColumnBinding | undefined): string {
  if (!binding) return "'rub'";
  return `coalesce(lower(${textValue(d, binding, "few")}), 'rub')`;
}

/**
 * Whether a row's currency (currencyValue) is other than roubles, with a cheap test first: a
 * raw value of exactly 'rub', most rows of most sources, is roubles without trimming or
 * lower-casing it. Only rows that fail it are read in full, with the same answer.
 */
export function foreignCurrency(d: Dialect, binding: ColumnBinding | undefined): string {
  if (!binding) return "false";
  const raw = `CAST(${rawRef(binding)} AS ${d.textType})`;
  return `(${raw} IS NULL OR ${raw} <> 'rub') AND ${currencyValue(d, binding)} <> 'rub'`;
}

/** A text dimension: trimmed, empty → 'unknown' (§2). */
export function dimensionValue(d: Dialect, binding: ColumnBinding): string {
  return `coalesce(${textValue(d, binding, "few")}, 'unknown')`;
}

/**
 * One row per raw row with every canonical value read by §11, NULL where invalid: e_row,
 * e_user_id, e_order_id, e_order_ts, e_revenue, e_tickets_count, e_currency_code and
 * e_days_since_prev_source.
 *
 * Built in three layers, each reading the one below: the trimmed text of each column, then the
 * number or timestamp parsed from it, then the checks of range and kind. A value is trimmed and
 * parsed once however often the checks read it: written as one nested expression, ten million
 * CSV rows were trimmed and matched against a pattern up to six times a column. `where`, over
 * the raw row `r`, keeps only the rows it holds for, before anything is parsed. With
 * `integerIds`, order ids in text are read as BIGINT (see orderIdValue).
 */
export function parsedRowsSql(
  d: Dialect,
  b: Bindings,
  from: string,
  where?: string,
  integerIds = false,
): string {
  const stamp = b.order_ts ?? b.order_dt;
  const fallback = b.order_ts ? b.order_dt : undefined;
  // Where the dialect parses text a pattern has matched (Dialect.matched), a text value is
  // matched as it was read, in a layer of its own (m_*): a match has nothing to trim and is
  // parsed at once; only the rest is trimmed, and then matched and parsed as before.
  const fast = d.matched;
  const patterns: [string, ColumnBinding | undefined, string][] = [
    ["order_ts", stamp, TIMESTAMP_PATTERN],
    ["revenue", b.revenue, DECIMAL_PATTERN],
    ["tickets_count", b.tickets_count, DECIMAL_PATTERN],
    ["days_since_prev", b.days_since_prev, DECIMAL_PATTERN],
  ];
  const flagged = fast ? patterns.filter(([, binding]) => binding?.kind === "text") : [];
  const isFlagged = (column: string) => flagged.some(([c]) => c === column);
  const flag = (column: string) => quoteIdent(`__encore_match_${column}`);
  const text = (binding: ColumnBinding | undefined, column: string): string => {
    if (!binding) return `CAST(NULL AS ${d.textType})`;
    if (binding.kind !== "text") return rawRef(binding);
    const trimmed = textValue(d, binding);
    if (!isFlagged(column)) return trimmed;
    return `CASE WHEN r.${flag(column)} THEN ${rawRef(binding)} ELSE ${trimmed} END`;
  };
  /** x_<column>, text, parsed by the dialect's `kind` parser: at once where it matched as read. */
  const parsed = (column: string, kind: "double" | "timestamp"): string => {
    const x = `x_${column}`;
    const slow = kind === "double" ? d.tryDouble(x) : d.tryTimestamp(x);
    if (!fast || !isFlagged(column)) return slow;
    return `CASE WHEN m_${column} THEN ${fast[kind](x)} ELSE ${slow} END`;
  };
  const number = (binding: ColumnBinding | undefined, column: string): string => {
    if (!binding) return `CAST(NULL AS ${d.doubleType})`;
    return binding.kind === "text"
      ? parsed(column, "double")
      : `CAST(x_${column} AS ${d.doubleType})`;
  };
  const timestamp = (binding: ColumnBinding | undefined, column: string): string => {
    if (!binding) return "CAST(NULL AS TIMESTAMP)";
    return binding.kind === "text" ? d.tryTimestamp(column) : `CAST(${column} AS TIMESTAMP)`;
  };
  const stampValue =
    stamp?.kind === "text" ? parsed("order_ts", "timestamp") : timestamp(stamp, "x_order_ts");
  const filter = where ? ` WHERE ${where}` : "";
  const matches = flagged
    .map(([column, binding, pattern]) => {
      const ref = rawRef(binding as ColumnBinding);
      return `${d.fullMatch(ref, pattern)} AS ${flag(column)}`;
    })
    .join(", ");
  const rows = flagged.length
    ? `(\n      SELECT r.*, ${matches}\n      FROM ${from} AS r${filter}${d.subqueryFence}\n    ) AS r`
    : `${from} AS r${filter}`;
  const flags = flagged.map(([column]) => `,\n      r.${flag(column)} AS m_${column}`).join("");
  // order_ts, or the date of order_dt where the source has no order_ts; where it has both, a
  // blank order_ts falls back to order_dt's date (§11.4), parsed only for those rows (a typed
  // value is blank when NULL).
  const orderTs = !b.order_ts
    ? "CAST(CAST(n_order_ts AS DATE) AS TIMESTAMP)"
    : !fallback
      ? "n_order_ts"
      : "CASE WHEN x_order_ts IS NULL THEN " +
        `CAST(CAST(${timestamp(fallback, fallback.kind === "text" ? textOf(d, fallback, "x_order_dt") : "x_order_dt")} AS DATE) AS TIMESTAMP) ` +
        "ELSE n_order_ts END";
  return `
SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, ${orderTs} AS e_order_ts,
  CASE WHEN n_revenue >= 0 AND n_revenue < ${String(REVENUE_BOUND)} THEN n_revenue END AS e_revenue,
  ${
    b.tickets_count
      ? "CASE WHEN x_tickets_count IS NULL THEN 1 " +
        "WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) " +
        "THEN CAST(n_tickets_count AS INTEGER) END"
      : "1"
  } AS e_tickets_count,
  x_currency_code AS e_currency_code,
  ${
    // Typed: PostgreSQL takes a bare NULL in a CTE for text, which then meets integers.
    b.days_since_prev
      ? "CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 " +
        "THEN CAST(n_days_since_prev AS INTEGER) END"
      : "CAST(NULL AS INTEGER)"
  } AS e_days_since_prev_source
FROM (
  SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
    ${stampValue} AS n_order_ts,
    ${number(b.revenue, "revenue")} AS n_revenue,
    ${number(b.tickets_count, "tickets_count")} AS n_tickets_count,
    ${number(b.days_since_prev, "days_since_prev")} AS n_days_since_prev
  FROM (
    SELECT r.${quoteIdent(ROW_COLUMN)} AS e_row,
      ${textValue(d, b.user_id)} AS x_user_id,
      ${orderIdValue(d, b.order_id, integerIds)} AS x_order_id,
      ${currencyValue(d, b.currency_code)} AS x_currency_code,
      ${text(stamp, "order_ts")} AS x_order_ts,
      ${fallback ? rawRef(fallback) : `CAST(NULL AS ${d.textType})`} AS x_order_dt,
      ${text(b.revenue, "revenue")} AS x_revenue,
      ${text(b.tickets_count, "tickets_count")} AS x_tickets_count,
      ${text(b.days_since_prev, "days_since_prev")} AS x_days_since_prev${flags}
    FROM ${rows}${d.subqueryFence}
  ) AS texts${d.subqueryFence}
) AS numbers`;
}
