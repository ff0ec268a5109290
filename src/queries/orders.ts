import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { DimensionColumn } from "../model/columns.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

/** Are all accepted order ids integers, so that ties sort numerically (§11.3)? */
export const integerOrderIdsSql = (d: Dialect): string =>
  `SELECT count(*) AS n, sum(CASE WHEN ${d.fullMatch("order_id", "-?[0-9]{1,18}")} THEN 1 ELSE 0 END) AS integers ` +
  `FROM ${TABLES.checked} WHERE reason IS NULL`;

/**
 * The accepted orders, numbered within each user by (order_ts, order_id) (§3, §11.3), with
 * days_since_prev recomputed: calendar days since the previous order's date.
 */
export function acceptedOrdersSql(
  d: Dialect,
  dims: readonly DimensionColumn[],
  integerIds: boolean,
): string {
  const idKey = integerIds ? "CAST(order_id AS BIGINT), order_id" : "order_id";
  const window = `PARTITION BY user_id ORDER BY order_ts, ${idKey}`;
  return `
SELECT ${quoteIdent(ROW_COLUMN)}, user_id, order_id, order_ts, order_dt, revenue, currency_code,
  tickets_count, revenue_rub${dims.map((c) => `, ${quoteIdent(c)}`).join("")},
  row_number() OVER (${window}) AS order_seq,
  ${d.daysBetween(`lag(order_dt) OVER (${window})`, "order_dt")} AS days_since_prev,
  days_since_prev_source
FROM ${TABLES.checked}
WHERE reason IS NULL`;
}
