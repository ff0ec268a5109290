import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { ColumnBinding } from "./bindings.js";
import { numberLiteral } from "./bound-sql.js";
import { rawRef } from "./parse-expressions.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

/**
 * How accepted order ids compare (§11.3): as the numbers an integer-typed source gives, as
 * integers written in text when every id is one, or else as text.
 */
export type OrderIdOrder = "number" | "integer_text" | "text";

/**
 * An integer as one writes it, with no sign but a minus, no leading zeros and no '-0': the
 * text and the number then say the same, and at most 18 digits fit a BIGINT.
 */
export const CANONICAL_INTEGER_PATTERN = "-?[1-9][0-9]{0,17}|0";

/**
 * One raw order id in text that is not a canonical integer (CANONICAL_INTEGER_PATTERN) as it
 * stands, if there is one. When there is none, every id is an integer with nothing around it
 * to trim, so read as a BIGINT it is the same id (§2, §11.3), and a number is checked, sorted
 * and compared for less than its text. A blank or padded id is found too (and the ids stay
 * text): matching the raw text costs less than trimming it first. The scan stops at the first
 * such id, so ids that are not numbers cost a few rows.
 */
export function nonIntegerOrderIdSql(d: Dialect, binding: ColumnBinding): string {
  const id = rawRef(binding);
  return `
SELECT 1 AS found FROM ${TABLES.raw} AS r
WHERE ${id} IS NOT NULL AND NOT ${d.fullMatch(id, CANONICAL_INTEGER_PATTERN)}
LIMIT 1`;
}

/** Are all accepted order ids (kept as text) integers, so that ties sort numerically? */
export const integerOrderIdsSql = (d: Dialect): string =>
  `SELECT count(*) AS n, sum(CASE WHEN ${d.fullMatch("order_id", "-?[0-9]{1,18}")} THEN 1 ELSE 0 END) AS integers ` +
  `FROM ${TABLES.checked} WHERE reason IS NULL`;

/**
 * The keys that order a user's orders: (order_ts, order_id) (§3, §11.3). Equal integers
 * written differently ('01', '1') then sort by length, so the order stays total and
 * deterministic without carrying the text.
 */
export const orderKeys = (ids: OrderIdOrder): string[] =>
  ids === "integer_text"
    ? ["order_ts", "CAST(order_id AS BIGINT)", "length(order_id)"]
    : ["order_ts", "order_id"];

/**
 * The study's orders: the accepted ones, up to a configured data_end (held in the study
 * window table) when `windowed`.
 */
export const acceptedOrdersSql = (windowed = false): string => `
SELECT ${quoteIdent(ROW_COLUMN)}, user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
  revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
FROM ${TABLES.checked}
WHERE reason IS NULL${
  windowed ? ` AND CAST(order_ts AS DATE) <= (SELECT data_end FROM ${TABLES.studyWindow})` : ""
}`;

/**
 * days_since_prev of every accepted order (§3), counted rather than listed: orders and
 * mismatches with the source's own days_since_prev (§1) per (total_orders of the user,
 * days_since_prev). One window over all orders serves both the source check and, through
 * total_orders, the intervals of the users any order-count filter keeps.
 */
export function orderGapCountsSql(d: Dialect, ids: OrderIdOrder): string {
  const window = `PARTITION BY user_no ORDER BY ${orderKeys(ids).join(", ")}`;
  // Both windows share one partitioning and order, so the orders are sorted once.
  const whole = `${window} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING`;
  return `
SELECT total_orders, days_since_prev, count(*) AS orders,
  ${d.countIf("days_since_prev_source IS DISTINCT FROM days_since_prev")} AS mismatches
FROM (
  SELECT count(*) OVER (${whole}) AS total_orders,
    ${d.daysBetween(`lag(order_dt) OVER (${window})`, "order_dt")} AS days_since_prev,
    days_since_prev_source
  FROM ${TABLES.orders}
) AS gaps
GROUP BY total_orders, days_since_prev`;
}

/**
 * days_since_prev of every accepted order counted per user (user_no, days_since_prev, orders):
 * what a run over a population (not all users) reads its intervals from, by joining its users.
 */
export function userGapCountsSql(d: Dialect, ids: OrderIdOrder, orders: string): string {
  const window = `PARTITION BY user_no ORDER BY ${orderKeys(ids).join(", ")}`;
  return `
SELECT user_no, days_since_prev, count(*) AS orders
FROM (
  SELECT user_no, ${d.daysBetween(`lag(order_dt) OVER (${window})`, "order_dt")} AS days_since_prev
  FROM ${orders}
) AS gaps
GROUP BY user_no, days_since_prev`;
}

/**
 * (days_since_prev, orders) of the orders of the users a run keeps: from the counts per
 * order-count (`orderGaps`) when the run is about every user, else from the counts per user
 * joined to the kept users. P (at most that many orders, null for none) is a literal.
 */
export function keptGapsSql(
  relations: { orderGaps: string } | { userGaps: string; userIds: string; keptUsers: string },
  maxOrders: number | null,
): string {
  if ("orderGaps" in relations) {
    const kept = maxOrders === null ? "" : ` WHERE total_orders <= ${numberLiteral(maxOrders)}`;
    return `SELECT days_since_prev, orders FROM ${relations.orderGaps}${kept}`;
  }
  return `
SELECT g.days_since_prev, g.orders
FROM ${relations.userGaps} AS g
JOIN ${relations.userIds} AS ids ON ids.user_no = g.user_no
JOIN (SELECT user_id FROM ${relations.keptUsers}) AS k ON k.user_id = ids.user_id`;
}

/** The users of a population that the order-count filter keeps (at most P orders; a literal). */
export function keptUsersSql(population: string, maxOrders: number | null): string {
  const kept = maxOrders === null ? "" : ` WHERE total_orders <= ${numberLiteral(maxOrders)}`;
  return `SELECT * FROM ${population}${kept}`;
}
