import type { Dialect } from "../engine/dialect.js";
import type { SqlValue } from "../engine/engine.js";
import { quoteIdent } from "../engine/sql.js";
import { type BoundSql, binder } from "./bound-sql.js";

/** Users eligible for "repeat within N days": first order at least N days before data_end. */
const eligible = (d: Dialect, days: number) =>
  `${d.daysBetween("first_order_dt", "CAST($1 AS DATE)")} >= ${Math.trunc(days)}`;

/**
 * The model's population (§13): its size and the quintile edges of the first order's check
 * (linear quantiles). Bound: data_end.
 */
export function checkQuintilesSql(d: Dialect, users: string, days: number): string {
  const q = [0.2, 0.4, 0.6, 0.8]
    .map((p, i) => `${d.percentileCont(String(p), "first_order_revenue_rub")} AS q${i + 1}`)
    .join(", ");
  return (
    `SELECT count(*) AS users, min(first_order_revenue_rub) AS q0, ${q}, ` +
    `max(first_order_revenue_rub) AS q5 FROM ${users} WHERE ${eligible(d, days)}`
  );
}

/** The first-order dimensions of the model, each with the values §4 kept (the rest: `other`). */
export interface PooledDimension {
  readonly column: string;
  readonly kept: readonly string[];
}

/** The bins of the first order's tickets (§13), as their lower edges. */
export const TICKET_BIN_EDGES = [1, 2, 3, 5] as const;

/**
 * The distinct covariate patterns of the model (§13) with their users and repeaters: every
 * dimension pooled as §4 pooled it (values outside `kept` become `other`), the first order's
 * check as its quintile bin 0–4 (left-closed, the last closed: a check equal to an inner edge
 * falls in the bin above) and its tickets as the bin 0–3 of [1,2) [2,3) [3,5) [5,inf). Only the
 * patterns leave the database, ordered by the pooled values, each dimension's as `k<i>`: 0 for
 * `other`, else its position in `kept` from 1.
 */
export function covariatePatternsSql(
  d: Dialect,
  users: string,
  days: number,
  dimensions: readonly PooledDimension[],
  checkEdges: readonly number[],
  dataEnd: string,
): BoundSql {
  const params: SqlValue[] = [dataEnd];
  const bind = binder(params);
  const values = dimensions.map(({ kept }) => kept.map((v) => `CAST(${bind(v)} AS ${d.textType})`));
  const pooled = dimensions.map(({ column }, i) => {
    const c = quoteIdent(column);
    const list = values[i] ?? [];
    const value = list.length
      ? `CASE WHEN ${c} IN (${list.join(", ")}) THEN ${c} ELSE 'other' END`
      : "'other'";
    return `${value} AS d${i}`;
  });
  // Each value leaves as its position in `kept` (1…; 0 is other): turning tens of thousands
  // of texts into strings cost the client more than the query. The order stays the texts'.
  const codes = values.map((list, i) =>
    list.length
      ? `CASE d${i} ${list.map((v, k) => `WHEN ${v} THEN ${k + 1}`).join(" ")} ELSE 0 END AS k${i}`
      : `0 AS k${i}`,
  );
  const bin = (expr: string, edges: readonly number[]) =>
    edges.length === 0
      ? "0"
      : `CASE ${[...edges]
          .map((e, i) => ({ e, i }))
          .reverse()
          .map(({ e, i }) => `WHEN ${expr} >= CAST(${bind(e)} AS ${d.doubleType}) THEN ${i + 1}`)
          .join(" ")} ELSE 0 END`;
  const keys = [...dimensions.map((_, i) => `d${i}`), "check_bin", "tickets_bin"];
  const sql = `
SELECT ${[...codes, "check_bin", "tickets_bin"].join(", ")}, count(*) AS users,
  sum(CASE WHEN days_to_second_order <= ${Math.trunc(days)} THEN 1 ELSE 0 END) AS repeaters
FROM (
  SELECT ${[...pooled, `${bin("first_order_revenue_rub", checkEdges)} AS check_bin`, `${bin("first_order_tickets", TICKET_BIN_EDGES.slice(1))} AS tickets_bin`, "days_to_second_order"].join(",\n    ")}
  FROM ${users}
  WHERE ${eligible(d, days)}
) AS m
GROUP BY ${keys.join(", ")}
ORDER BY ${keys.join(", ")}`;
  return { sql, params };
}
