import type { Dialect } from "../engine/dialect.js";
import type { SqlValue } from "../engine/engine.js";
import { quoteIdent } from "../engine/sql.js";
import { binder } from "./bound-sql.js";

/** A query and the values bound to its `$1, $2…`. */
export interface BoundQuery {
  readonly sql: string;
  readonly params: SqlValue[];
}

/** A column of the users table as φK sees it (ANALYSIS.md §8). */
export interface FeatureColumn {
  readonly column: string;
  readonly kind: "interval" | "categorical";
}

/** How a feature becomes a level: a bin between `edges` (phikBinEdges), or its value, pooled to the `top` most common. */
export type LevelSpec =
  | { readonly kind: "interval"; readonly column: string; readonly edges: readonly number[] }
  | { readonly kind: "categorical"; readonly column: string; readonly top?: number };

/**
 * The users, and per feature i what decides its φK binning: `lo_i`, `hi_i` (as doubles) of an
 * interval feature, `distinct_i` of a categorical one. phik v0.12.5 drops a column with fewer
 * than 2 distinct non-missing values, and bins an interval column between its min and max.
 */
export function featureRangesSql(
  d: Dialect,
  users: string,
  features: readonly FeatureColumn[],
): string {
  const parts = features.map(({ column, kind }, i) => {
    const c = quoteIdent(column);
    return kind === "interval"
      ? `min(CAST(${c} AS ${d.doubleType})) AS lo_${i}, max(CAST(${c} AS ${d.doubleType})) AS hi_${i}`
      : `count(DISTINCT ${c}) AS distinct_${i}`;
  });
  return `SELECT ${["count(*) AS users", ...parts].join(",\n  ")}\nFROM ${quoteIdent(users)}`;
}

/**
 * The φK contingency table of every pair of features in one scan (ANALYSIS.md §8; phik
 * v0.12.5 with bins=10, dropna=True): `pairCountsSql` over `levelCombosSql` in one statement.
 * Rows with a NULL level in their pair are left to the caller to drop (pairwise deletion).
 */
export function contingencySql(
  d: Dialect,
  users: string,
  specs: readonly LevelSpec[],
  pairs: readonly (readonly [number, number])[] = allPairs(specs.length),
): BoundQuery {
  const combos = levelCombosSql(d, users, specs);
  return {
    sql: `WITH combos AS (\n${combos.sql}\n)\n${pairCountsSql("combos", specs.length, pairs)}`,
    params: combos.params,
  };
}

/**
 * An interval feature's level: the number of edges e_0..e_9 strictly below the value (phik's
 * right-closed bin), `missing` where the value is NULL. The edges ascend, so the count below
 * the value is one past the highest edge below it: one comparison per user for most values
 * instead of a sum of every comparison (the costliest part of the statement). NaN, above
 * every edge or below none as the dialect orders it, counts alike either way.
 */
function intervalLevel(
  d: Dialect,
  column: string,
  edges: readonly number[],
  bind: (v: SqlValue) => string,
  missing: string,
): string {
  const v = `CAST(${column} AS ${d.doubleType})`;
  const below = edges
    .slice(0, -1)
    .map((e, k) => `WHEN ${v} > CAST(${bind(e)} AS ${d.doubleType}) THEN ${k + 1}`)
    .reverse();
  return `CASE WHEN ${v} IS NULL THEN ${missing} ${below.join(" ")} ELSE 0 END`;
}

/**
 * Each user's level of every feature, and how many users share each combination of levels
 * (`c_0…`, `n`): far fewer rows than the users, so every pair's counts are taken from it. The
 * level of feature i is `c_i`: for an interval feature, the number of edges e_0..e_9 strictly
 * below the value (bound as doubles), which is phik's right-closed bin; for a categorical one,
 * the value, or `other` outside the `top` most common values (ties by value ascending).
 */
export function levelCombosSql(d: Dialect, users: string, specs: readonly LevelSpec[]): BoundQuery {
  const params: SqlValue[] = [];
  const bind = binder(params);
  const from = quoteIdent(users);
  const ctes: string[] = [];
  const levels = specs.map((spec, i) => {
    const c = quoteIdent(spec.column);
    if (spec.kind === "interval") {
      return `${intervalLevel(d, c, spec.edges, bind, "NULL")} AS c_${i}`;
    }
    if (spec.top === undefined) return `${c} AS c_${i}`;
    ctes.push(`top_${i} AS (
  SELECT v FROM (
    SELECT ${c} AS v, row_number() OVER (ORDER BY count(*) DESC, ${c}) AS k
    FROM ${from} WHERE ${c} IS NOT NULL GROUP BY ${c}
  ) AS ranked WHERE k <= ${bind(spec.top)}
)`);
    return `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} IN (SELECT v FROM top_${i})
    THEN CAST(${c} AS ${d.textType}) ELSE 'other' END AS c_${i}`;
  });
  ctes.push(`levels AS (\n  SELECT ${levels.join(",\n  ")}\n  FROM ${from}\n)`);
  const all = specs.map((_, i) => `c_${i}`).join(", ");
  const sql = `WITH ${ctes.join(",\n")}
SELECT ${all}, count(*) AS n FROM levels GROUP BY ${all}`;
  return { sql, params };
}

/**
 * The contingency tables of `pairs` from the combinations of `levelCombosSql` (a table or a
 * CTE named `combos`, of `features` features): one grouping set per pair; `g_i` is 0 for the
 * two features of the row's pair.
 */
export function pairCountsSql(
  combos: string,
  features: number,
  pairs: readonly (readonly [number, number])[],
): string {
  const sets = pairs.map(([i, j]) => `(c_${i}, c_${j})`);
  // GROUPING() may only name a column of some set: the others are constant here.
  const grouped = new Set(pairs.flat());
  const columns = Array.from({ length: features }, (_, i) =>
    grouped.has(i) ? `GROUPING(c_${i}) AS g_${i}, c_${i}` : `1 AS g_${i}, NULL AS c_${i}`,
  );
  return `SELECT ${columns.join(", ")}, sum(n) AS n
FROM ${combos}
GROUP BY GROUPING SETS (${sets.join(", ")})`;
}

/** Every pair (i, j), i < j, of n features: one grouping set each. */
export function allPairs(n: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return pairs;
}

/**
 * Spearman's ρ of `target` with each of `columns` (ANALYSIS.md §8): over the users with both
 * values, the average ranks (ties share the mean of the ranks they span) and their Pearson
 * correlation. A column's average rank is the mean of a value's first rank, rank(), and its
 * last, the count of the values up to it and its ties: two windows over one ordering, one sort
 * of the users per column. The target, an order count of few distinct values, is ranked from
 * its values counted instead: the c users with a value below which b users lie span the ranks
 * b + 1 … b + c, whose mean is b + (c + 1)/2 (the same figure, exact in a double), a sort of
 * the distinct values rather than of every user. One row per column: `k` (its index), `rho`
 * (NULL or NaN when undefined) and `users`.
 */
export function spearmanSql(
  d: Dialect,
  users: string,
  target: string,
  columns: readonly string[],
): string {
  const t = quoteIdent(target);
  const double = d.doubleType;
  const averageRank = (v: string) =>
    `(CAST(rank() OVER (ORDER BY ${v}) AS ${double}) + CAST(count(*) OVER (ORDER BY ${v}) AS ${double})) / 2`;
  const parts = columns.map((column) => {
    const pairs = `SELECT CAST(${t} AS ${double}) AS x, CAST(${quoteIdent(column)} AS ${double}) AS y
    FROM ${quoteIdent(users)} WHERE ${t} IS NOT NULL AND ${quoteIdent(column)} IS NOT NULL`;
    return `SELECT corr(xr.rx, p.ry) AS rho, count(*) AS users
FROM (
  SELECT x, ${averageRank("y")} AS ry
  FROM (
    ${pairs}
  ) AS pairs
) AS p
JOIN (
  SELECT x, CAST(sum(c) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS ${double}) + CAST(c + 1 AS ${double}) / 2 AS rx
  FROM (
    SELECT x, count(*) AS c FROM (
    ${pairs}
    ) AS pairs GROUP BY x
  ) AS counted
) AS xr ON xr.x = p.x`;
  });
  return `${parts.map((part, k) => `SELECT ${k} AS k, rho, users FROM (${part}) AS s${k}`).join("\nUNION ALL\n")}\nORDER BY k`;
}

/**
 * Per categorical spec, its values ranked by users (most first, ties by value ascending) as
 * `v`, `k` (1…), at most `top` of them when pooled: the codes of `levelKeysSql`.
 */
function rankedValues(users: string, spec: LevelSpec, bind: (v: SqlValue) => string): string {
  const c = quoteIdent(spec.column);
  const top = spec.kind === "categorical" && spec.top !== undefined;
  return `SELECT v, k FROM (
    SELECT ${c} AS v, row_number() OVER (ORDER BY count(*) DESC, ${c}) AS k
    FROM ${quoteIdent(users)} WHERE ${c} IS NOT NULL GROUP BY ${c}
  ) AS ranked${top ? ` WHERE k <= ${bind(spec.top)}` : ""}`;
}

/**
 * The values behind the codes of `levelKeysSql` for one categorical spec: `k` (the code) and
 * `v`, a pooled value as text, as `levelCombosSql` makes it (one statement per spec keeps
 * each value's own type in every dialect).
 */
export function levelValuesSql(d: Dialect, users: string, spec: LevelSpec): BoundQuery {
  const params: SqlValue[] = [];
  const bind = binder(params);
  const value =
    spec.kind === "categorical" && spec.top !== undefined ? `CAST(v AS ${d.textType})` : "v";
  return {
    sql: `SELECT k, ${value} AS v FROM (
  ${rankedValues(users, spec, bind)}
) AS r ORDER BY k`,
    params,
  };
}

/**
 * `levelCombosSql` with every user's levels packed into one number, `key`, and the users per
 * key, `n`: far cheaper to group and to read than the levels one column each. Level i is
 * (key ÷ radix_0…radix_{i−1}) mod radix_i: for an interval feature the bin as in
 * `levelCombosSql`, for a categorical one 0 for `other`, k for the value of `levelValuesSql`
 * ranked k; radix_i − 1 is a NULL level. The caller chooses radices that keep every key
 * below 2^53.
 */
export function levelKeysSql(
  d: Dialect,
  users: string,
  specs: readonly LevelSpec[],
  radices: readonly number[],
): BoundQuery {
  const params: SqlValue[] = [];
  const bind = binder(params);
  const ctes: string[] = [];
  const joins: string[] = [];
  const codes = specs.map((spec, i) => {
    const c = `u.${quoteIdent(spec.column)}`;
    const missing = Math.trunc(radices[i] ?? 0) - 1;
    if (spec.kind === "interval") return intervalLevel(d, c, spec.edges, bind, String(missing));
    ctes.push(`r_${i} AS (\n  ${rankedValues(users, spec, bind)}\n)`);
    joins.push(`LEFT JOIN r_${i} ON r_${i}.v = ${c}`);
    return `CASE WHEN ${c} IS NULL THEN ${missing} ELSE coalesce(r_${i}.k, 0) END`;
  });
  // Horner's rule from the last level: key = c_0 + radix_0·(c_1 + radix_1·(…)).
  let key = "";
  for (let i = specs.length - 1; i >= 0; i--) {
    const code = `CAST(${codes[i]} AS BIGINT)`;
    key = key ? `${code} + ${Math.trunc(radices[i] ?? 0)} * (${key})` : code;
  }
  const sql = `${ctes.length ? `WITH ${ctes.join(",\n")}\n` : ""}SELECT key, count(*) AS n FROM (
  SELECT ${key || "0"} AS key
  FROM ${quoteIdent(users)} AS u${joins.length ? `\n  ${joins.join("\n  ")}` : ""}
) AS keyed GROUP BY key`;
  return { sql, params };
}
