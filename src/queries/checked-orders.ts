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
  const hashKey = b.order_id?.kind === "row_number" ? [`r.${rowCol}`] : rawList;
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
    ${integerValue(d, b.days_since_prev)} AS e_days_since_prev_source${dimSelect.join("")},
    ${d.rowHash(hashKey)} AS e_hash
  FROM ${TABLES.raw} AS r
),
dated AS (
  SELECT *, CAST(e_order_ts AS DATE) AS e_order_dt FROM parsed
),
converted AS (
  SELECT dated.*, fx.e_rate, fx.e_nominal,
    dated.e_currency_code IN (SELECT currency_code FROM ${TABLES.rates}) AS e_known
  FROM dated LEFT JOIN (
    -- Only the few orders not in roubles need a rate: join those, not every order.
    SELECT f.e_row, fx.rate AS e_rate, fx.nominal AS e_nominal
    FROM (SELECT e_row, e_currency_code, e_order_dt FROM dated WHERE e_currency_code <> 'rub') AS f
    ${d.asOfRateJoin(TABLES.rates, "f.e_currency_code", "f.e_order_dt")}
  ) AS fx ON fx.e_row = dated.e_row
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
-- Rows that could be copies: the same hash of every raw column as another passing row. Only
-- those few are compared column by column, so a hash collision can never reject a row.
copy_hashes AS (
  SELECT e_hash FROM reasoned WHERE e_reason1 IS NULL GROUP BY e_hash HAVING count(*) > 1
),
copies AS (
  SELECT e_row, row_number() OVER (PARTITION BY ${dupKey.join(", ")} ORDER BY e_row) AS e_copy
  FROM reasoned
  WHERE e_reason1 IS NULL AND e_hash IN (SELECT e_hash FROM copy_hashes)
),
deduplicated AS (
  SELECT reasoned.*, CASE WHEN e_reason1 IS NULL AND copies.e_copy > 1 THEN 'duplicate_row'
    ELSE e_reason1 END AS e_reason2
  FROM reasoned LEFT JOIN copies ON copies.e_row = reasoned.e_row
),
conflicting_ids AS (
  SELECT e_order_id FROM deduplicated WHERE e_reason2 IS NULL
  GROUP BY e_order_id HAVING count(*) > 1
),
conflicts AS (
  SELECT *, CASE WHEN e_reason2 IS NULL AND e_order_id IN (SELECT e_order_id FROM conflicting_ids)
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
