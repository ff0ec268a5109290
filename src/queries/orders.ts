import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { DimensionColumn } from "../model/columns.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

/** Are all accepted order ids integers, so that ties sort numerically (§11.3)? */
export const integerOrderIdsSql = (d: Dialect): string =>
  `SELECT count(*) AS n, sum(CASE WHEN ${d.fullMatch("order_id", "-?[0-9]{1,18}")} THEN 1 ELSE 0 END) AS integers ` +
  `FROM ${TABLES.checked} WHERE reason IS NULL`;

/**
 * The keys that order a user's orders: (order_ts, order_id), ids numerically when all are
 * integers (§3, §11.3). Equal numbers written differently ('01', '1') then sort by length, so
 * the order stays total and deterministic without carrying the text.
 */
export const orderKeys = (integerIds: boolean): string[] =>
  integerIds
    ? ["order_ts", "CAST(order_id AS BIGINT)", "length(order_id)"]
    : ["order_ts", "order_id"];

/** The accepted orders. */
export function acceptedOrdersSql(dims: readonly DimensionColumn[]): string {
  return `
SELECT ${quoteIdent(ROW_COLUMN)}, user_id, order_id, order_ts, order_dt, revenue, currency_code,
  tickets_count, revenue_rub${dims.map((c) => `, ${quoteIdent(c)}`).join("")}, days_since_prev_source
FROM ${TABLES.checked}
WHERE reason IS NULL`;
}

/**
 * days_since_prev of every accepted order (§3): calendar days since the previous order's date
 * in the (order_ts, order_id) order, NULL for a user's first order.
 */
export function orderGapsSql(d: Dialect, integerIds: boolean, keptUsers?: string): string {
  const window = `PARTITION BY user_id ORDER BY ${orderKeys(integerIds).join(", ")}`;
  const kept = keptUsers ? ` WHERE user_id IN (SELECT user_id FROM ${keptUsers})` : "";
  return `
SELECT ${quoteIdent(ROW_COLUMN)}, user_id, order_dt,
  ${d.daysBetween(`lag(order_dt) OVER (${window})`, "order_dt")} AS days_since_prev,
  days_since_prev_source
FROM ${TABLES.orders}${kept}`;
}
