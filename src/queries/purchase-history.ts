import type { Dialect } from "../engine/dialect.js";
import { quoteIdent, quoteLiteral } from "../engine/sql.js";
import { TABLES } from "./tables.js";

/**
 * Per accepted user, what the "buy till you die" models read, in days: x, the repeat purchase
 * occasions (orders of one day merged into one occasion, as the literature does), t_x the
 * days from the first occasion to the last, t_age the days from the first to the end of
 * observation (`endDate`), and m the mean value (roubles) of the repeat occasions. The same
 * for the calibration period that ends on `cutDate` (x_cal, t_x_cal, t_age_cal, NULL for users
 * who first bought after it) with x_holdout, the occasions after it. Orders after `endDate` are
 * left out. `kept`: the order-count filter keeps the user (total_orders ≤ P). The models learn
 * from every user: cutting the heavy buyers out would truncate the counts they are fitted on.
 * `checked`: the users the holdout check compares, the ones the same filter keeps at the
 * calibration end (at most P orders up to it), as the forecast covers the ones it keeps at the
 * end; filtering on all their orders would select them by what they did in the holdout.
 * (A CREATE TABLE … AS takes no bound values: the dates and P are literals.)
 */
export function purchaseHistorySql(
  d: Dialect,
  endDate: string,
  cutDate: string,
  maxOrders: number | null,
): string {
  const end = `CAST(${quoteLiteral(isoDate(endDate))} AS DATE)`;
  const cut = `CAST(${quoteLiteral(isoDate(cutDate))} AS DATE)`;
  const within = (orders: string) =>
    maxOrders === null ? "TRUE" : `${orders} <= ${numberLiteral(maxOrders)}`;
  return `
WITH occasions AS (
  SELECT user_no, order_dt, count(*) AS orders, sum(revenue_rub) AS value
  FROM ${TABLES.orders}
  WHERE order_dt <= ${end}
  GROUP BY user_no, order_dt
),
per_user AS (
  SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
    sum(orders) AS orders, sum(value) AS total_value,
    ${d.firstBy(["order_dt"], "value")} AS first_value,
    count(*) FILTER (WHERE order_dt <= ${cut}) AS n_cal,
    sum(orders) FILTER (WHERE order_dt <= ${cut}) AS orders_cal,
    max(order_dt) FILTER (WHERE order_dt <= ${cut}) AS last_cal_dt
  FROM occasions GROUP BY user_no
)
SELECT user_no,
  ${within("orders")} AS kept,
  CAST(n - 1 AS INTEGER) AS x,
  CAST(${d.daysBetween("first_dt", "last_dt")} AS INTEGER) AS t_x,
  CAST(${d.daysBetween("first_dt", end)} AS INTEGER) AS t_age,
  CASE WHEN n > 1 THEN ${d.roundMoney("(total_value - first_value) / (n - 1)")} END AS m,
  CAST(CASE WHEN first_dt <= ${cut} THEN n_cal - 1 END AS INTEGER) AS x_cal,
  CAST(CASE WHEN first_dt <= ${cut} THEN ${d.daysBetween("first_dt", "last_cal_dt")} END AS INTEGER) AS t_x_cal,
  CAST(CASE WHEN first_dt <= ${cut} THEN ${d.daysBetween("first_dt", cut)} END AS INTEGER) AS t_age_cal,
  CAST(CASE WHEN first_dt <= ${cut} THEN n - n_cal END AS INTEGER) AS x_holdout,
  first_dt <= ${cut} AND ${within("orders_cal")} AS checked
FROM per_user`;
}

function isoDate(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RangeError(`invalid date: ${text}`);
  return text;
}

function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`invalid number: ${n}`);
  return String(n);
}

/**
 * Distinct (x, t_x, t_age) of the users with their count, for the fits: of the whole period, or
 * ("_cal") of the calibration period, with the users of the holdout check and their holdout
 * occasions.
 */
export const historyTriplesSql = (prefix: "" | "_cal" = ""): string => `
SELECT x${prefix} AS x, t_x${prefix} AS t_x, t_age${prefix} AS t_age, count(*) AS users,
  sum(CASE WHEN checked THEN 1 ELSE 0 END) AS checked_users,
  sum(CASE WHEN checked THEN x_holdout ELSE 0 END) AS holdout
FROM ${TABLES.history} WHERE x${prefix} IS NOT NULL
GROUP BY x${prefix}, t_x${prefix}, t_age${prefix}
ORDER BY x, t_x, t_age`;

/** Repeat buyers' (x, m) with a positive mean repeat value: the spend model's data. */
export const spendSql = (): string =>
  `SELECT x, m FROM ${TABLES.history} WHERE x >= 1 AND m > 0 ORDER BY x, m`;

/**
 * Per user: MBG/NBD's P(alive | x, t_x, t_age) = 1 / (1 + e^v), v = ln a − ln(b + x) +
 * (r + x)·(ln(α + T) − ln(α + t_x)) (Batislam et al. 2007), computed here as in Node without
 * overflow; expected orders = P(alive) × the alive expectation of the user's (x, t_age) (from
 * the pair table); the Gamma-Gamma expected order value E[M | x, m] = (q − 1)/(p·x + q − 1) ·
 * γp/(q − 1) + p·x/(p·x + q − 1) · m (for x = 0 the population mean γp/(q − 1)); and
 * clv_rub = P(alive) × the pair's discounted alive expectation × E[M]. Without a spend model
 * the value columns are NULL.
 */
export function userPredictionsSql(
  d: Dialect,
  model: { r: number; alpha: number; a: number; b: number },
  spend: { p: number; q: number; gamma: number } | null,
): string {
  const dbl = d.doubleType;
  const lit = (v: number) => `CAST(${numberLiteral(v)} AS ${dbl})`;
  const [r, alpha, a, b] = [model.r, model.alpha, model.a, model.b].map(lit);
  const withSpend = spend !== null;
  const [p, q, g] = [spend?.p ?? 0, spend?.q ?? 0, spend?.gamma ?? 0].map(lit);
  const px = `${p} * h.x`;
  const aov = withSpend
    ? `CASE WHEN h.m IS NULL OR h.x = 0 THEN ${g} * ${p} / (${q} - 1)
        ELSE (${q} - 1) / (${px} + ${q} - 1) * (${g} * ${p} / (${q} - 1)) + ${px} / (${px} + ${q} - 1) * h.m END`
    : `CAST(NULL AS ${dbl})`;
  // e^±v is taken only where it is at most 1, and never below e^−700 (PostgreSQL's exp
  // raises on underflow): P(alive) under 1e-304 counts as 1e-304.
  const v = `(ln(${a}) - ln(${b} + h.x) + (${r} + h.x) * (ln(${alpha} + h.t_age) - ln(${alpha} + h.t_x)))`;
  const alive = `CASE WHEN ${v} > 0 THEN exp(greatest(-${v}, -700)) / (1 + exp(greatest(-${v}, -700)))
    ELSE 1 / (1 + exp(${v})) END`;
  return `
SELECT user_id, repeat_occasions, recency_days, age_days, excluded_by_filter, p_alive,
  p_alive * expected_if_alive AS expected_orders, expected_order_value_rub,
  p_alive * clv_if_alive * expected_order_value_rub AS clv_rub
FROM (
  SELECT ids.user_id, h.x AS repeat_occasions, h.t_x AS recency_days, h.t_age AS age_days,
    NOT h.kept AS excluded_by_filter,
    ${alive} AS p_alive, e.expected_if_alive, e.clv_if_alive, ${aov} AS expected_order_value_rub
  FROM ${TABLES.history} AS h
  JOIN ${TABLES.userIds} AS ids ON ids.user_no = h.user_no
  JOIN ${TABLES.pairExpectations} AS e ON e.x = h.x AND e.t_age = h.t_age
) AS per_user`;
}

/**
 * The kept users' predicted figures (see PredictedGroup) over all of them and per value of each
 * column of `by`, in one pass: a row's `g_<column>` is 0 when it is a group of that column, and
 * every `g_` is 1 on the row of all users.
 */
export function predictedGroupingSetsSql(by: readonly string[]): string {
  const flags = by.map((c) => `GROUPING(u.${quoteIdent(c)}) AS ${quoteIdent(`g_${c}`)}`);
  const values = by.map((c) => `CAST(u.${quoteIdent(c)} AS TEXT) AS ${quoteIdent(`v_${c}`)}`);
  const sets = ["()", ...by.map((c) => `(u.${quoteIdent(c)})`)];
  return `
SELECT ${[...flags, ...values].join(", ")}${by.length ? "," : ""}
  count(*) AS users, sum(p.expected_orders) AS expected_orders,
  avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
FROM ${TABLES.predictions} AS p JOIN ${TABLES.keptUsers} AS u ON u.user_id = p.user_id
GROUP BY GROUPING SETS (${sets.join(", ")})`;
}

/** A group's predicted figures (see PredictedGroup), per value of `by` ('' for all). */
export function predictedGroupsSql(by: string | null, where = ""): string {
  const key = by === null ? "'all'" : `CAST(u.${quoteIdent(by)} AS TEXT)`;
  return `
SELECT ${key} AS value, count(*) AS users, sum(p.expected_orders) AS expected_orders,
  avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
FROM ${TABLES.predictions} AS p JOIN ${TABLES.keptUsers} AS u ON u.user_id = p.user_id
${where ? `WHERE ${where}` : ""}
${by === null ? "" : `GROUP BY ${key}`}`;
}
