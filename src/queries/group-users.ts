import type { CohortPeriod, Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { FirstDimension } from "../model/columns.js";
import type { BoundSql } from "./bound-sql.js";

/** The users of one row of the report: one first-order value (§4), or one cohort (§12). */
export type UserGroup =
  | { readonly dimension: FirstDimension; readonly value: string }
  | { readonly cohort: string; readonly period: CohortPeriod };

/**
 * The population's users of one group, for a CRM: who they are and what they bought. Unordered:
 * the rows are kept in a working table and its export puts the most valuable first (total
 * revenue, then user_id). The value or the cohort's first day is $1.
 */
export function groupUsersSql(d: Dialect, users: string, group: UserGroup): BoundSql {
  const where =
    "dimension" in group
      ? `${quoteIdent(group.dimension)} = CAST($1 AS ${d.textType})`
      : `${d.periodStart("first_order_dt", group.period)} = CAST($1 AS DATE)`;
  const sql = `
SELECT user_id, segment, ${d.dateText("first_order_dt")} AS first_order_dt,
  ${d.dateText("last_order_dt")} AS last_order_dt, total_orders, total_revenue_rub
FROM ${users}
WHERE ${where}`;
  return { sql, params: ["dimension" in group ? group.value : group.cohort] };
}
