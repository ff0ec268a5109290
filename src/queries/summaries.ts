import type { Dialect } from "../engine/dialect.js";
import type { SqlValue } from "../engine/engine.js";
import { quoteIdent } from "../engine/sql.js";
import type { BoundSql } from "./bound-sql.js";
import { reasonNameSql } from "./checked-orders.js";
import { TABLES } from "./tables.js";

/**
 * How many rows were read and why each rejected one was (§2), per currency; the accepted
 * rows' (reason NULL) also give orders and revenue per currency, before and after
 * conversion, and their first and last order dates. One pass over the checked rows.
 */
export const ledgerSql = (d: Dialect): string => `
SELECT ${reasonNameSql("s.reason")} AS reason,
  CASE WHEN s.currency_no = 0 THEN 'rub' ELSE k.currency_code END AS currency_code,
  s.n, s.revenue, s.revenue_rub, ${d.dateText("s.first_dt")} AS first_dt,
  ${d.dateText("s.last_dt")} AS last_dt
FROM (
  SELECT reason, currency_no, count(*) AS n, sum(revenue) AS revenue,
    sum(revenue_rub) AS revenue_rub, min(order_ts) AS first_dt, max(order_ts) AS last_dt
  FROM ${TABLES.checked} GROUP BY reason, currency_no
) AS s LEFT JOIN ${TABLES.rateCurrencies} AS k ON k.currency_no = s.currency_no
ORDER BY s.reason, currency_code`;

/** percentile_cont(q) of total_orders over the population's users (§3). q is a validated number. */
export function percentileSql(d: Dialect, users: string, q: number): string {
  if (!(q > 0 && q <= 1)) throw new RangeError(`invalid quantile: ${q}`);
  return `SELECT ${d.percentileCont(String(q), "total_orders")} AS p FROM ${users}`;
}

/** Users with total_orders ≤ P; a NULL bound ($1) keeps everyone. */
const kept = "($1 IS NULL OR total_orders <= $1)";

/** The headline figures over the users the filter keeps (bound: P or NULL). */
export const headlineSql = (d: Dialect, users: string): string =>
  `
SELECT count(*) AS users,
  coalesce(sum(total_orders), 0) AS orders,
  coalesce(sum(total_revenue_rub), 0) AS revenue_rub,
  avg(CASE WHEN is_two THEN 1.0 ELSE 0.0 END) AS share_2plus,
  avg(CASE WHEN is_five THEN 1.0 ELSE 0.0 END) AS share_5plus,
  avg(avg_revenue_rub) AS mean_avg_revenue_rub
FROM ${users} WHERE ${kept}`.replace(/\$1/g, `CAST($1 AS ${d.doubleType})`);

/** What the filter removes (bound: P). */
export const removedSql = (d: Dialect, users: string): string => `
SELECT count(*) AS users, coalesce(sum(total_orders), 0) AS orders,
  coalesce(sum(total_revenue_rub), 0) AS revenue_rub
FROM ${users} WHERE total_orders > CAST($1 AS ${d.doubleType})`;

/** Users, orders and revenue per segment 1 / 2-4 / 5+ after the filter (bound: P or NULL). */
export const segmentsSql = (d: Dialect, users: string): string =>
  `
SELECT segment, count(*) AS users, sum(total_orders) AS orders, sum(total_revenue_rub) AS revenue_rub
FROM ${users} WHERE ${kept}
GROUP BY segment ORDER BY segment`.replace(/\$1/g, `CAST($1 AS ${d.doubleType})`);

/** The source's days_since_prev against the recomputed one (§1), over every accepted order. */
export const daysSincePrevCheckSql = (): string => `
SELECT sum(orders) AS compared, sum(mismatches) AS mismatches FROM ${TABLES.orderGaps}`;

/** Who a run is about: a range of first-order dates, first-order attribute values, a segment. */
export interface PopulationFilter {
  /** First orders on or after this date (YYYY-MM-DD); null: no lower bound. */
  readonly from: string | null;
  /** First orders on or before this date; null: no upper bound. */
  readonly to: string | null;
  /** Per agg_users column of a first-order attribute (first_region, …), the values kept. */
  readonly where: readonly (readonly [column: string, values: readonly string[]])[];
  /** The segment of total orders (1, 2-4, 5+); null: all. */
  readonly segment: string | null;
}

/**
 * The users of a population: whose first order falls between two dates, inclusive (§12), whose
 * first-order attributes are among given values, in a segment (the filters of a run). Every
 * value is bound; the columns are quoted.
 */
export function populationSql(d: Dialect, users: string, filter: PopulationFilter): BoundSql {
  const params: SqlValue[] = [filter.from, filter.to];
  const bind = (value: SqlValue, type: string) => {
    params.push(value);
    return `CAST($${params.length} AS ${type})`;
  };
  const conditions = [
    "(CAST($1 AS DATE) IS NULL OR first_order_dt >= CAST($1 AS DATE))",
    "(CAST($2 AS DATE) IS NULL OR first_order_dt <= CAST($2 AS DATE))",
  ];
  for (const [column, values] of filter.where) {
    if (values.length === 0) throw new RangeError(`no values to keep for ${column}`);
    const list = values.map((v) => bind(v, d.textType)).join(", ");
    conditions.push(`${quoteIdent(column)} IN (${list})`);
  }
  if (filter.segment !== null) conditions.push(`segment = ${bind(filter.segment, d.textType)}`);
  return { sql: `SELECT * FROM ${users}\nWHERE ${conditions.join("\n  AND ")}`, params };
}
