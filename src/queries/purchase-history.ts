import type { Dialect } from "../engine/dialect.js";
import { quoteIdent, quoteLiteral } from "../engine/sql.js";
import { numberLiteral } from "./bound-sql.js";

/**
 * Per accepted user, what the "buy till you die" models read, in days: x, the repeat purchase
 * occasions (orders of one day merged into one occasion, as the literature does), t_x the
 * days from the first occasion to the last, t_age the days from the first to the end of
 * observation (`endDate`), and m the mean value (roubles) of the repeat occasions. The same
 * for the calibration period that ends on `cutDate` (x_cal, t_x_cal, t_age_cal, NULL for users
 * who first bought after it) with x_holdout, the occasions after it. Orders after `endDate` are
 * left out. `orders` and `orders_cal` count the user's orders up to the end and up to the
 * calibration end: an order-count filter is applied to them by each run (calibrationTriplesSql,
 * runPredictionsSql), so one history serves every population. The models learn from every
 * user: cutting the heavy buyers out would truncate the counts they are fitted on.
 * (A CREATE TABLE … AS takes no bound values: the dates are literals.)
 */
export function purchaseHistorySql(
  d: Dialect,
  relations: { orders: string },
  endDate: string,
  cutDate: string,
): string {
  const end = `CAST(${quoteLiteral(isoDate(endDate))} AS DATE)`;
  const cut = `CAST(${quoteLiteral(isoDate(cutDate))} AS DATE)`;
  const upToCut = (value: string) => `CASE WHEN order_dt <= ${cut} THEN ${value} END`;
  return `
WITH occasions AS (
  SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
  FROM ${relations.orders}
  WHERE order_dt <= ${end}
  GROUP BY user_no, order_dt
),
per_user AS (
  SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
    sum(day_orders) AS orders, sum(value) AS total_value,
    ${d.firstBy(["order_dt"], "value")} AS first_value,
    count(${upToCut("1")}) AS n_cal,
    sum(${upToCut("day_orders")}) AS orders_cal,
    max(${upToCut("order_dt")}) AS last_cal_dt
  FROM occasions GROUP BY user_no
)
SELECT user_no,
  CAST(orders AS INTEGER) AS orders,
  CAST(CASE WHEN first_dt <= ${cut} THEN orders_cal END AS INTEGER) AS orders_cal,
  CAST(n - 1 AS INTEGER) AS x,
  CAST(${d.daysBetween("first_dt", "last_dt")} AS INTEGER) AS t_x,
  CAST(${d.daysBetween("first_dt", end)} AS INTEGER) AS t_age,
  CASE WHEN n > 1 THEN ${d.roundMoney("(total_value - first_value) / (n - 1)")} END AS m,
  CAST(CASE WHEN first_dt <= ${cut} THEN n_cal - 1 END AS INTEGER) AS x_cal,
  CAST(CASE WHEN first_dt <= ${cut} THEN ${d.daysBetween("first_dt", "last_cal_dt")} END AS INTEGER) AS t_x_cal,
  CAST(CASE WHEN first_dt <= ${cut} THEN ${d.daysBetween("first_dt", cut)} END AS INTEGER) AS t_age_cal,
  CAST(CASE WHEN first_dt <= ${cut} THEN n - n_cal END AS INTEGER) AS x_holdout
FROM per_user`;
}

function isoDate(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RangeError(`invalid date: ${text}`);
  return text;
}

/** Distinct (x, t_x, t_age) of every user's whole history with their count: the fits' data. */
export const historyTriplesSql = (history: string): string => `
SELECT x, t_x, t_age, count(*) AS users
FROM ${history}
GROUP BY x, t_x, t_age
ORDER BY x, t_x, t_age`;

/**
 * Distinct (x, t_x, t_age) of the calibration period with their count, for the holdout fits, and
 * of them the users the holdout check compares with their holdout occasions: the population's
 * users (`population`, by user_id) whom the order-count filter keeps at the calibration end (at
 * most P orders up to it, bound as $1, NULL for no filter), as the forecast covers the ones it
 * keeps at the end; filtering on all their orders would select them by what they did in the
 * holdout.
 */
export function calibrationTriplesSql(
  d: Dialect,
  relations: { history: string; userIds: string; population: string },
): string {
  const checked = `(p.user_id IS NOT NULL AND (CAST($1 AS ${d.doubleType}) IS NULL OR h.orders_cal <= CAST($1 AS ${d.doubleType})))`;
  return `
SELECT h.x_cal AS x, h.t_x_cal AS t_x, h.t_age_cal AS t_age, count(*) AS users,
  sum(CASE WHEN ${checked} THEN 1 ELSE 0 END) AS checked_users,
  sum(CASE WHEN ${checked} THEN h.x_holdout ELSE 0 END) AS holdout
FROM ${relations.history} AS h
JOIN ${relations.userIds} AS ids ON ids.user_no = h.user_no
LEFT JOIN (SELECT user_id FROM ${relations.population}) AS p ON p.user_id = ids.user_id
WHERE h.x_cal IS NOT NULL
GROUP BY h.x_cal, h.t_x_cal, h.t_age_cal
ORDER BY x, t_x, t_age`;
}

/** Repeat buyers' (x, m) with a positive mean repeat value: the spend model's data. */
export const spendSql = (history: string): string =>
  `SELECT x, m FROM ${history} WHERE x >= 1 AND m > 0 ORDER BY x, m`;

/**
 * Per user: MBG/NBD's P(alive | x, t_x, t_age) = 1 / (1 + e^v), v = ln a − ln(b + x) +
 * (r + x)·(ln(α + T) − ln(α + t_x)) (Batislam et al. 2007), computed here as in Node without
 * overflow; expected orders = P(alive) × the alive expectation of the user's (x, t_age) (from
 * the pair table); the Gamma-Gamma expected order value E[M | x, m] = (q − 1)/(p·x + q − 1) ·
 * γp/(q − 1) + p·x/(p·x + q − 1) · m (for x = 0 the population mean γp/(q − 1)); and
 * clv_rub = P(alive) × the pair's discounted alive expectation × E[M]. Without a spend model
 * the value columns are NULL. `orders` is kept for the order-count filter of each run.
 */
export function userPredictionsSql(
  d: Dialect,
  relations: { history: string; userIds: string; pairs: string },
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
SELECT user_id, orders, repeat_occasions, recency_days, age_days, p_alive,
  p_alive * expected_if_alive AS expected_orders, expected_order_value_rub,
  p_alive * clv_if_alive * expected_order_value_rub AS clv_rub
FROM (
  SELECT ids.user_id, h.orders, h.x AS repeat_occasions, h.t_x AS recency_days, h.t_age AS age_days,
    ${alive} AS p_alive, e.expected_if_alive, e.clv_if_alive, ${aov} AS expected_order_value_rub
  FROM ${relations.history} AS h
  JOIN ${relations.userIds} AS ids ON ids.user_no = h.user_no
  JOIN ${relations.pairs} AS e ON e.x = h.x AND e.t_age = h.t_age
) AS per_user`;
}

/**
 * The predictions file of one run: every user's figures, with whether the run's order-count
 * filter (at most `maxOrders` orders, null for none) leaves the user out. A view takes no bound
 * values: P is a literal.
 */
export function runPredictionsSql(
  d: Dialect,
  predictions: string,
  maxOrders: number | null,
): string {
  const excluded = maxOrders === null ? "FALSE" : `orders > ${numberLiteral(maxOrders)}`;
  return `
SELECT user_id, repeat_occasions, recency_days, age_days, ${d.boolean(excluded)} AS excluded_by_filter,
  p_alive, expected_orders, expected_order_value_rub, clv_rub
FROM ${predictions}`;
}

/** The predictions of the users a run keeps, joined to their per-user figures. */
const keptPredictions = (relations: { predictions: string; users: string }): string =>
  `${relations.predictions} AS p JOIN ${relations.users} AS u ON u.user_id = p.user_id`;

/**
 * The kept users' predicted figures (see PredictedGroup) over all of them and per value of each
 * column of `by`, in one pass: a row's `g_<column>` is 0 when it is a group of that column, and
 * every `g_` is 1 on the row of all users.
 */
export function predictedGroupingSetsSql(
  relations: { predictions: string; users: string },
  by: readonly string[],
): string {
  const flags = by.map((c) => `GROUPING(u.${quoteIdent(c)}) AS ${quoteIdent(`g_${c}`)}`);
  const values = by.map((c) => `CAST(u.${quoteIdent(c)} AS TEXT) AS ${quoteIdent(`v_${c}`)}`);
  const sets = ["()", ...by.map((c) => `(u.${quoteIdent(c)})`)];
  return `
SELECT ${[...flags, ...values].join(", ")}${by.length ? "," : ""}
  count(*) AS users, sum(p.expected_orders) AS expected_orders,
  avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
FROM ${keptPredictions(relations)}
GROUP BY GROUPING SETS (${sets.join(", ")})`;
}

/** The predicted figures (see PredictedGroup) of the kept one-order customers. */
export const singleOrderPredictionsSql = (relations: {
  predictions: string;
  users: string;
}): string => `
SELECT count(*) AS users, sum(p.expected_orders) AS expected_orders,
  avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
FROM ${keptPredictions(relations)}
WHERE u.total_orders = 1`;

/** The kept one-order customers per tenth of P(alive), the last tenth closed at 1. */
export const pAliveHistogramSql = (relations: { predictions: string; users: string }): string => `
SELECT CASE WHEN p.p_alive >= 1 THEN 9 ELSE CAST(floor(p.p_alive * 10) AS INTEGER) END AS bin,
  count(*) AS users
FROM ${keptPredictions(relations)}
WHERE u.total_orders = 1
GROUP BY 1`;

/** The empty table of the alive expectations per distinct (x, t_age), filled by the caller. */
export const pairExpectationsShapeSql = (d: Dialect): string =>
  `SELECT CAST(0 AS INTEGER) AS x, CAST(0 AS INTEGER) AS t_age, ` +
  `CAST(0 AS ${d.doubleType}) AS expected_if_alive, CAST(0 AS ${d.doubleType}) AS clv_if_alive WHERE 1 = 0`;
