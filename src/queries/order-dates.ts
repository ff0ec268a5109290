import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

/** The study's window: one row holding the configured data_end. */
export const studyWindowSql = (): string => `SELECT CAST(NULL AS DATE) AS data_end WHERE 1 = 0`;

/** Accepted orders dated after data_end ($1): left out of the study, counted (§3). */
export const ordersAfterSql = (): string =>
  `SELECT count(*) AS n FROM ${TABLES.checked} ` +
  `WHERE reason IS NULL AND CAST(order_ts AS DATE) > CAST($1 AS DATE)`;

/** The study's orders per date, ascending. */
export const ordersPerDateSql = (d: Dialect): string =>
  `SELECT ${d.dateText("order_dt")} AS date, count(*) AS orders FROM ${TABLES.orders} ` +
  "GROUP BY order_dt ORDER BY order_dt";

/** The source rows (1-based) of the study's orders dated from $1 to $2, the first 11. */
export const rowsBetweenSql = (): string =>
  `SELECT ${quoteIdent(ROW_COLUMN)} AS row_number FROM ${TABLES.orders} ` +
  `WHERE order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ORDER BY 1 LIMIT 11`;
