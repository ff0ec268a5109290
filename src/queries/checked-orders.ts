import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { DIMENSION_COLUMNS, type DimensionColumn } from "../model/columns.js";
import type { Bindings } from "./bindings.js";
import {
  currencyValue,
  dimensionValue,
  integerValue,
  revenueValue,
  textValue,
  ticketsValue,
  timestampValue,
} from "./parse-expressions.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

export interface CheckedOrdersOptions {
  readonly bindings: Bindings;
  /** Every column of the raw table, compared by duplicate_row. */
  readonly rawColumns: readonly string[];
}

export const availableDimensions = (bindings: Bindings): DimensionColumn[] =>
  DIMENSION_COLUMNS.filter((c) => bindings[c] !== undefined);

const boundDimensions = (bindings: Bindings) =>
  DIMENSION_COLUMNS.flatMap((c) => {
    const binding = bindings[c];
    return binding ? [{ column: c, binding }] : [];
  });

/**
 * One row per source row: the parsed values and the reject reason (NULL when accepted),
 * decided in the order of ANALYSIS.md §2 with the conventions of §11.1–2.
 */
export function checkedOrdersSql(d: Dialect, options: CheckedOrdersOptions): string {
  const b = options.bindings;
  const dims = availableDimensions(b);
  const rowCol = quoteIdent(ROW_COLUMN);
  const rawList = options.rawColumns.map((c) => `r.${quoteIdent(c)}`);
  // A row-number order id makes every row distinct, so there is nothing to compare.
  const dupKey =
    b.order_id?.kind === "row_number" ? ["e_row"] : [...options.rawColumns.map(quoteIdent)];
  const dimSelect = boundDimensions(b).map(
    ({ column, binding }) => `, ${dimensionValue(d, binding)} AS ${quoteIdent(`e_${column}`)}`,
  );
  return `
WITH parsed AS (
  SELECT ${rawList.join(", ")}${rawList.length ? ", " : ""}r.${rowCol} AS e_row,
    ${textValue(d, b.user_id)} AS e_user_id,
    ${textValue(d, b.order_id)} AS e_order_id,
    ${timestampValue(d, b.order_ts, b.order_dt)} AS e_order_ts,
    ${revenueValue(d, b.revenue)} AS e_revenue,
    ${ticketsValue(d, b.tickets_count)} AS e_tickets_count,
    ${currencyValue(d, b.currency_code)} AS e_currency_code,
    ${integerValue(d, b.days_since_prev)} AS e_days_since_prev_source${dimSelect.join("")}
  FROM ${TABLES.raw} AS r
),
dated AS (
  SELECT *, CAST(e_order_ts AS DATE) AS e_order_dt FROM parsed
),
converted AS (
  SELECT dated.*, fx.rate AS e_rate, fx.nominal AS e_nominal,
    EXISTS (SELECT 1 FROM ${TABLES.rates} AS k WHERE k.currency_code = dated.e_currency_code) AS e_known
  FROM dated ${d.asOfRateJoin(TABLES.rates, "dated.e_currency_code", "dated.e_order_dt")}
),
reasoned AS (
  SELECT *, CASE
    WHEN e_user_id IS NULL THEN 'missing_user_id'
    WHEN e_order_id IS NULL THEN 'missing_order_id'
    WHEN e_order_ts IS NULL THEN 'bad_timestamp'
    WHEN e_revenue IS NULL THEN 'bad_revenue'
    WHEN e_tickets_count IS NULL THEN 'bad_tickets_count'
    WHEN e_currency_code <> 'rub' AND NOT e_known THEN 'unknown_currency'
    WHEN e_currency_code <> 'rub' AND e_rate IS NULL THEN 'no_exchange_rate'
  END AS e_reason1
  FROM converted
),
deduplicated AS (
  SELECT *, CASE
    WHEN e_reason1 IS NULL AND row_number() OVER (
      PARTITION BY (e_reason1 IS NULL), ${dupKey.join(", ")} ORDER BY e_row) > 1
    THEN 'duplicate_row' ELSE e_reason1 END AS e_reason2
  FROM reasoned
),
conflicts AS (
  SELECT *, CASE
    WHEN e_reason2 IS NULL AND sum(CASE WHEN e_reason2 IS NULL THEN 1 ELSE 0 END)
      OVER (PARTITION BY e_order_id) > 1
    THEN 'conflicting_order_id' ELSE e_reason2 END AS e_reason
  FROM deduplicated
)
SELECT e_row AS ${rowCol},
  e_user_id AS user_id, e_order_id AS order_id, e_order_ts AS order_ts, e_order_dt AS order_dt,
  e_revenue AS revenue, e_currency_code AS currency_code, e_tickets_count AS tickets_count,
  CASE WHEN e_currency_code = 'rub' THEN e_revenue ELSE e_revenue * e_rate / e_nominal END
    AS revenue_rub,
  e_days_since_prev_source AS days_since_prev_source${dims
    .map((c) => `, ${quoteIdent(`e_${c}`)} AS ${quoteIdent(c)}`)
    .join("")},
  e_reason AS reason
FROM conflicts`;
}
