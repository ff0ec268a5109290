import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { DIMENSION_COLUMNS, type DimensionColumn } from "../model/columns.js";
import { REJECT_REASONS, type RejectReason, reasonCode } from "../prepare/reasons.js";
import type { Bindings } from "./bindings.js";
import { parsedRowsSql } from "./parse-expressions.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

export const availableDimensions = (bindings: Bindings): DimensionColumn[] =>
  DIMENSION_COLUMNS.filter((c) => bindings[c] !== undefined);

const code = (reason: RejectReason): string => String(reasonCode(reason));

/** The name of a reason code (see reasonCode), as SQL. */
export const reasonNameSql = (column: string): string =>
  `CASE ${column} ${REJECT_REASONS.map((r) => `WHEN ${reasonCode(r)} THEN '${r}'`).join(" ")} END`;

/**
 * One row per source row: the parsed values and the reject reason (NULL when accepted),
 * decided in the order of ANALYSIS.md §2 with the conventions of §11.1–2.
 *
 * The table is kept narrow, as it holds every order: the dimensions are left out (only a
 * user's first order needs them, and reading them again for those rows costs far less than
 * writing them for every order), users are numbers (see userIdsSql), order_dt follows from
 * order_ts, and the reason and the
 * currency are small numbers (currency_no 0 is the rouble, others number the currencies of
 * the rates table). With `integerIds`, order ids in text are kept as BIGINT (every one is a
 * canonical integer: nonIntegerOrderIdSql found none that is not).
 */
export function checkedOrdersSql(d: Dialect, b: Bindings, integerIds = false): string {
  const rowCol = quoteIdent(ROW_COLUMN);
  return `
WITH parsed AS (${parsedRowsSql(d, b, TABLES.raw, undefined, integerIds)}
),
dated AS (
  SELECT *, CAST(e_order_ts AS DATE) AS e_order_dt FROM parsed
),
converted AS (
  SELECT dated.*, fx.rate AS e_rate, fx.nominal AS e_nominal, k.currency_no AS e_currency_no
  FROM dated
  LEFT JOIN ${TABLES.rateCurrencies} AS k ON k.currency_code = dated.e_currency_code
  LEFT JOIN ${TABLES.dailyRates} AS fx ON fx.currency_code = dated.e_currency_code
    AND fx.rate_date = dated.e_order_dt
),
reasoned AS (
  SELECT *, CASE
    WHEN e_user_id IS NULL THEN ${code("missing_user_id")}
    WHEN e_order_id IS NULL THEN ${code("missing_order_id")}
    WHEN e_order_ts IS NULL THEN ${code("bad_timestamp")}
    WHEN e_revenue IS NULL THEN ${code("bad_revenue")}
    WHEN e_tickets_count IS NULL THEN ${code("bad_tickets_count")}
    WHEN e_currency_code <> 'rub' AND e_currency_no IS NULL THEN ${code("unknown_currency")}
    WHEN e_currency_code <> 'rub' AND e_rate IS NULL THEN ${code("no_exchange_rate")}
  END AS e_reason1
  FROM converted
)
SELECT e_row AS ${rowCol},
  ids.user_no, e_order_id AS order_id, e_order_ts AS order_ts,
  e_revenue AS revenue, e_tickets_count AS tickets_count,
  CAST(CASE WHEN e_currency_code = 'rub' THEN 0 ELSE e_currency_no END AS SMALLINT) AS currency_no,
  CASE WHEN e_currency_code = 'rub' THEN e_revenue ELSE e_revenue * e_rate / e_nominal END
    AS revenue_rub,
  e_days_since_prev_source AS days_since_prev_source,
  CAST(e_reason1 AS SMALLINT) AS reason
FROM reasoned LEFT JOIN ${TABLES.userIds} AS ids ON ids.user_id = reasoned.e_user_id`;
}

/**
 * The rows of the checked table that passed every other check and whose order_id repeats
 * among them: (row_no, order_id). duplicate_row and conflicting_order_id (§2, §11.2) can
 * concern only them, since a copy repeats every column, its order_id too. Sorted by order_id,
 * they are the rows equal to a neighbour: one sort of the ids is about twice as fast as
 * grouping ten million distinct ones.
 */
export function repeatedOrderRowsSql(): string {
  const row = quoteIdent(ROW_COLUMN);
  return `
SELECT row_no, order_id FROM (
  SELECT ${row} AS row_no, order_id,
    lag(order_id) OVER (ORDER BY order_id) AS prev_id,
    lead(order_id) OVER (ORDER BY order_id) AS next_id
  FROM ${TABLES.checked} WHERE reason IS NULL
) AS sorted
WHERE order_id = prev_id OR order_id = next_id`;
}

/**
 * The raw rows read again after the checks, every column as read: those of repeatedRows
 * (compared column by column) and, for rejects.csv, every row rejected so far. A rejected row
 * keeps its reason, and a copy or conflict is one of repeatedRows, so these are all the raw
 * rows rejects.csv shows. One scan of the raw table finds them all: reading every column of
 * ten million rows once for the copies and once more for the rejects cost a second apiece.
 */
export function rawRowsKeptSql(withRejected: boolean): string {
  const row = quoteIdent(ROW_COLUMN);
  const rejected = withRejected
    ? `\n  UNION ALL SELECT ${row} FROM ${TABLES.checked} WHERE reason IS NOT NULL`
    : "";
  return `
SELECT r.* FROM ${TABLES.raw} AS r
WHERE r.${row} IN (
  SELECT row_no FROM ${TABLES.repeatedRows}${rejected}
)`;
}

/**
 * duplicate_row and conflicting_order_id (§2, §11.2) for the rows of repeatedRows: (row, reason)
 * of the rows that get one of them, from their raw columns (in rawKept).
 */
export function repeatedOrderReasonsSql(rawColumns: readonly string[]): string {
  const row = quoteIdent(ROW_COLUMN);
  const raw = rawColumns.map((c) => `r.${quoteIdent(c)}`);
  return `
WITH candidates AS (
  SELECT s.row_no, s.order_id${raw.map((r, i) => `, ${r} AS c${i}`).join("")}
  FROM ${TABLES.repeatedRows} AS s JOIN ${TABLES.rawKept} AS r ON r.${row} = s.row_no
),
copies AS (
  SELECT row_no, order_id,
    row_number() OVER (PARTITION BY ${raw.map((_, i) => `c${i}`).join(", ") || "row_no"} ORDER BY row_no) AS copy_no
  FROM candidates
)
SELECT row_no, CAST(CASE
    WHEN copy_no > 1 THEN ${code("duplicate_row")}
    WHEN sum(CASE WHEN copy_no = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY order_id) > 1
      THEN ${code("conflicting_order_id")}
  END AS SMALLINT) AS reason
FROM copies`;
}

/**
 * Writes the reasons found by repeatedOrderReasonsSql (in `from`) into the checked table, in
 * place, where the dialect updates from another table (see Dialect.updatesFrom).
 */
export const applyReasonsSql = (from: string): string => `
UPDATE ${TABLES.checked} SET reason = f.reason
FROM ${from} AS f
WHERE ${TABLES.checked}.${quoteIdent(ROW_COLUMN)} = f.row_no AND f.reason IS NOT NULL`;

/**
 * The checked table with the reasons of repeatedOrderReasonsSql (in `from`) joined in, for a
 * dialect that cannot update from another table: the same columns in the same order.
 */
export const checkedWithReasonsSql = (from: string): string => `
SELECT c.* REPLACE (CAST(coalesce(f.reason, c.reason) AS SMALLINT) AS reason)
FROM ${TABLES.checked} AS c
LEFT JOIN (SELECT row_no, reason FROM ${from} WHERE reason IS NOT NULL) AS f
  ON f.row_no = c.${quoteIdent(ROW_COLUMN)}`;
