import type { Dialect } from "../engine/dialect.js";
import type { SqlValue } from "../engine/engine.js";
import { type BoundSql, binder } from "./bound-sql.js";

export { LIST_NAMES, type ListName } from "../model/customer-lists.js";

/** Who a list takes: its condition over agg_users (u) and the predictions (p), values bound. */
export type ListRule =
  | { list: "nudge_now"; window: readonly [number, number] }
  | { list: "one_order_likely_active"; maxRepeatOccasions: number; minPAlive: number }
  | { list: "at_risk_valuable"; minOrders: number; maxPAlive: number; minRevenue: number }
  | { list: "champions"; minOrders: number; minPAlive: number };

/** The relations a list reads: the population's users and, when fitted, the predictions. */
export interface ListRelations {
  readonly users: string;
  readonly predictions: string | null;
}

function condition(d: Dialect, rule: ListRule, bind: (v: SqlValue) => string): string {
  const num = (v: number) => `CAST(${bind(v)} AS ${d.doubleType})`;
  switch (rule.list) {
    case "nudge_now": {
      const age = d.daysBetween("u.first_order_dt", "CAST($1 AS DATE)");
      return `u.total_orders = 1 AND ${age} >= ${num(rule.window[0])} AND ${age} <= ${num(rule.window[1])}`;
    }
    case "one_order_likely_active":
      return `p.repeat_occasions <= ${num(rule.maxRepeatOccasions)} AND p.p_alive >= ${num(rule.minPAlive)}`;
    case "at_risk_valuable":
      return `u.total_orders >= ${num(rule.minOrders)} AND p.p_alive < ${num(rule.maxPAlive)} AND u.total_revenue_rub >= ${num(rule.minRevenue)}`;
    case "champions":
      return `u.total_orders >= ${num(rule.minOrders)} AND p.p_alive >= ${num(rule.minPAlive)}`;
  }
}

function from(r: ListRelations): string {
  return r.predictions === null
    ? `${r.users} AS u`
    : `${r.users} AS u LEFT JOIN ${r.predictions} AS p ON p.user_id = u.user_id`;
}

/** A list's rows under a select list: the FROM, the rule's WHERE and its bound values. */
function listQuery(
  d: Dialect,
  r: ListRelations,
  rule: ListRule,
  dataEnd: string,
  select: (bind: (v: SqlValue) => string) => string,
): BoundSql {
  const params: SqlValue[] = [dataEnd];
  const bind = binder(params);
  const columns = select(bind);
  const sql = `
SELECT ${columns}
FROM ${from(r)}
WHERE u.first_order_dt <= CAST($1 AS DATE) AND ${condition(d, rule, bind)}`;
  return { sql, params };
}

/**
 * The customers of one list (§14) with the figures that put them there, for a CRM. Unordered:
 * the list is kept in a working table and its export puts the most valuable first (total
 * revenue, then user_id), so sorting here too only sorted twice. data_end is $1.
 */
export function customerListSql(
  d: Dialect,
  r: ListRelations,
  rule: ListRule,
  dataEnd: string,
  reason: string,
): BoundSql {
  const none = `CAST(NULL AS ${d.doubleType})`;
  const predicted =
    r.predictions === null
      ? `${none} AS p_alive, ${none} AS expected_orders, ${none} AS clv_rub`
      : "p.p_alive, p.expected_orders, p.clv_rub";
  return listQuery(
    d,
    r,
    rule,
    dataEnd,
    (bind) => `u.user_id, u.segment, ${d.dateText("u.first_order_dt")} AS first_order_dt,
  ${d.dateText("u.last_order_dt")} AS last_order_dt, u.total_orders, u.total_revenue_rub,
  ${d.daysBetween("u.last_order_dt", "CAST($1 AS DATE)")} AS days_since_last_order,
  ${predicted}, CAST(${bind(reason)} AS ${d.textType}) AS reason`,
  );
}

/**
 * The size and revenue of each of several lists, in one pass over the population: users_<i>
 * and revenue_rub_<i> for the i-th rule. data_end is $1.
 */
export function customerListSizesSql(
  d: Dialect,
  r: ListRelations,
  rules: readonly ListRule[],
  dataEnd: string,
): BoundSql {
  const params: SqlValue[] = [dataEnd];
  const bind = binder(params);
  const columns = rules.map((rule, i) => {
    const holds = condition(d, rule, bind);
    return (
      `${d.countIf(holds)} AS users_${i}, ` +
      `coalesce(${d.aggregateIf("sum", "u.total_revenue_rub", holds)}, 0) AS revenue_rub_${i}`
    );
  });
  const sql = `
SELECT ${columns.join(",\n  ") || "count(*) AS users"}
FROM ${from(r)}
WHERE u.first_order_dt <= CAST($1 AS DATE)`;
  return { sql, params };
}

/** The median total revenue of the population's repeat customers (2+ orders). */
export const repeaterMedianRevenueSql = (d: Dialect, users: string): string =>
  `SELECT ${d.percentileCont("0.5", "total_revenue_rub")} AS median FROM ${users} WHERE total_orders >= 2`;
