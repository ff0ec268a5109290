import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { ColumnBinding } from "./bindings.js";
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

/** Trimmed text, NULL when blank. */
export function textValue(d: Dialect, binding: ColumnBinding | undefined): string {
  if (!binding) return `CAST(NULL AS ${d.textType})`;
  const ref = rawRef(binding);
  const text = binding.kind === "text" ? ref : `CAST(${ref} AS ${d.textType})`;
  return `NULLIF(trim(${text}), '')`;
}

/** order_ts from order_ts, falling back to order_dt when order_ts is blank (§11.4). */
export function timestampValue(
  d: Dialect,
  ts: ColumnBinding | undefined,
  dt: ColumnBinding | undefined,
): string {
  const one = (b: ColumnBinding | undefined): string => {
    if (!b) return "CAST(NULL AS TIMESTAMP)";
    if (b.kind === "timestamp") return `CAST(${rawRef(b)} AS TIMESTAMP)`;
    if (b.kind === "date") return `CAST(${rawRef(b)} AS TIMESTAMP)`;
    const text = textValue(d, b);
    return d.tryTimestamp(text);
  };
  if (!ts) return `CAST(CAST(${one(dt)} AS DATE) AS TIMESTAMP)`;
  if (!dt) return one(ts);
  // A typed value is blank only when NULL: no need to write every timestamp out as text.
  const blank = ts.kind === "text" ? `${textValue(d, ts)} IS NULL` : `${rawRef(ts)} IS NULL`;
  return (
    `CASE WHEN ${blank} ` + `THEN CAST(CAST(${one(dt)} AS DATE) AS TIMESTAMP) ELSE ${one(ts)} END`
  );
}

/**
 * order_id: an integer-typed source column (or the row number) stays a number, so ties sort
 * numerically (§11.3) without a round trip through text; anything else is trimmed text.
 */
export function orderIdValue(d: Dialect, binding: ColumnBinding | undefined): string {
  if (binding && isIntegerTyped(binding)) return rawRef(binding);
  return textValue(d, binding);
}

export const isIntegerTyped = (binding: ColumnBinding): boolean =>
  binding.kind === "integer" || binding.kind === "row_number";

/** A number from text or a numeric column; NULL when not a finite number. */
function numberValue(d: Dialect, binding: ColumnBinding): string {
  if (binding.kind === "integer" || binding.kind === "double")
    return `CAST(${rawRef(binding)} AS ${d.doubleType})`;
  return d.tryDouble(textValue(d, binding));
}

/**
 * The bound on revenue (§11.5): a quadrillion units of any currency is no order, and below it
 * revenue converted at any rate and summed over any number of orders stays far inside a
 * double, so no figure becomes infinite or overflows.
 */
export const REVENUE_BOUND = 1e15;

/** revenue: a number from 0 up to, not including, REVENUE_BOUND (§11.5). */
export function revenueValue(d: Dialect, binding: ColumnBinding | undefined): string {
  if (!binding) return `CAST(NULL AS ${d.doubleType})`;
  const v = numberValue(d, binding);
  return `CASE WHEN ${v} >= 0 AND ${v} < ${String(REVENUE_BOUND)} THEN ${v} END`;
}

/** tickets_count: blank → 1, else a whole number ≥ 1 (§11.5); NULL when invalid. */
export function ticketsValue(d: Dialect, binding: ColumnBinding | undefined): string {
  if (!binding) return "1";
  const v = numberValue(d, binding);
  const blank =
    binding.kind === "text" ? `${textValue(d, binding)} IS NULL` : `${rawRef(binding)} IS NULL`;
  return (
    `CASE WHEN ${blank} THEN 1 ` +
    `WHEN ${v} >= 1 AND ${v} <= 2147483647 AND ${v} = floor(${v}) THEN CAST(${v} AS INTEGER) END`
  );
}

/** currency: trimmed, lower-cased, blank → rub (§11.5). */
export function currencyValue(d: Dialect, binding: ColumnBinding | undefined): string {
  if (!binding) return "'rub'";
  return `coalesce(lower(${textValue(d, binding)}), 'rub')`;
}

/** A text dimension: trimmed, empty → 'unknown' (§2). */
export function dimensionValue(d: Dialect, binding: ColumnBinding): string {
  return `coalesce(${textValue(d, binding)}, 'unknown')`;
}

/** A source's own days_since_prev, kept only to compare with the recomputed one. */
export function integerValue(d: Dialect, binding: ColumnBinding | undefined): string {
  // Typed: PostgreSQL takes a bare NULL in a CTE for text, which then meets integers.
  if (!binding) return "CAST(NULL AS INTEGER)";
  const v = numberValue(d, binding);
  return `CASE WHEN ${v} = floor(${v}) AND abs(${v}) < 1e9 THEN CAST(${v} AS INTEGER) END`;
}
