import type { Dialect } from "../engine/dialect.js";
import { numberLiteral } from "./bound-sql.js";

/**
 * agg_users as written: every user of the study, with whether the order-count filter (at most
 * P orders, null for none) leaves them out. An export takes no bound values: P is a literal.
 */
export function aggUsersExportSql(d: Dialect, users: string, maxOrders: number | null): string {
  const excluded = maxOrders === null ? "false" : `total_orders > ${numberLiteral(maxOrders)}`;
  return `SELECT *, ${d.boolean(excluded)} AS excluded_by_filter FROM ${users}`;
}

/** A working table written as it is. */
export const tableExportSql = (table: string): string => `SELECT * FROM ${table}`;

/** How many rows a table holds. */
export const rowCountSql = (table: string): string => `SELECT count(*) AS n FROM ${table}`;
