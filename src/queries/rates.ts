import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { Bindings, ColumnBinding } from "./bindings.js";
import { currencyValue, foreignCurrency, parsedRowsSql } from "./parse-expressions.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

export const RATE_COLUMNS = ["date", "currency_code", "nominal", "rate"] as const;

/** Why a rate row is not used (§11.5), in the order they are decided. */
export const RATE_PROBLEMS = [
  "bad_date",
  "missing_currency",
  "rouble",
  "bad_nominal",
  "bad_rate",
  "superseded",
] as const;

export type RateProblem = (typeof RATE_PROBLEMS)[number];

/**
 * Every raw rate row, parsed, with the reason it is not used (NULL when it is): an invalid
 * date, no currency, rub (it needs none), nominal or rate not a number > 0, or a later row of
 * the file for the same currency and date.
 */
function classifiedRatesSql(d: Dialect): string {
  const col = (c: string) => `NULLIF(trim(CAST(r.${quoteIdent(c)} AS ${d.textType})), '')`;
  return `
WITH parsed AS (
  SELECT r.${quoteIdent(ROW_COLUMN)} AS row_no,
    CAST(${d.tryTimestamp(col("date"))} AS DATE) AS rate_date,
    lower(${col("currency_code")}) AS currency_code,
    ${d.tryDouble(col("nominal"))} AS nominal,
    ${d.tryDouble(col("rate"))} AS rate
  FROM ${TABLES.ratesRaw} AS r
),
checked AS (
  SELECT *, CASE
    WHEN rate_date IS NULL THEN 'bad_date'
    WHEN currency_code IS NULL THEN 'missing_currency'
    WHEN currency_code = 'rub' THEN 'rouble'
    WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
    WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
  END AS problem
  FROM parsed
),
ranked AS (
  SELECT *, CASE WHEN problem IS NULL
    THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
  END AS k
  FROM checked
)
SELECT row_no, rate_date, currency_code, nominal, rate,
  CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
FROM ranked`;
}

/**
 * The usable exchange rates (§11.5): one per currency and date, the later row of the file
 * where a currency has two on one date.
 */
export const ratesSql = (d: Dialect): string =>
  `SELECT currency_code, rate_date, nominal, rate FROM (${classifiedRatesSql(d)}) AS c WHERE problem IS NULL`;

/** Rate rows per currency and problem (NULL: used), to say what was ignored and why. */
export const rateProblemsSql = (d: Dialect): string =>
  `SELECT currency_code, problem, count(*) AS n FROM (${classifiedRatesSql(d)}) AS c ` +
  "GROUP BY currency_code, problem ORDER BY currency_code, problem";

/**
 * Dates on which one currency has usable rows with different rates per unit: the file
 * contradicts itself, and the later row is used.
 */
export const conflictingRateDatesSql = (d: Dialect): string => `
SELECT currency_code, ${d.dateText("rate_date")} AS date
FROM (${classifiedRatesSql(d)}) AS c
WHERE problem IS NULL OR problem = 'superseded'
GROUP BY currency_code, rate_date
HAVING count(DISTINCT rate / nominal) > 1
ORDER BY rate_date, currency_code`;

/**
 * The source rows per currency other than roubles, read as the preparation reads them (§11.5),
 * most rows first.
 */
export const foreignCurrencyRowsSql = (d: Dialect, currency: ColumnBinding): string => `
SELECT currency_code, count(*) AS n
FROM (
  SELECT ${currencyValue(d, currency)} AS currency_code FROM ${TABLES.raw} AS r
  WHERE ${foreignCurrency(d, currency)}
) AS c
GROUP BY currency_code
ORDER BY n DESC, currency_code`;

export const emptyRatesSql = (d: Dialect): string =>
  `SELECT CAST(NULL AS ${d.textType}) AS currency_code, CAST(NULL AS DATE) AS rate_date, ` +
  `CAST(NULL AS ${d.doubleType}) AS nominal, CAST(NULL AS ${d.doubleType}) AS rate WHERE false`;

/**
 * The rate in force on each day an order in a foreign currency was placed: the latest rate on
 * or before that day (the as-of rule of §1), so that orders find their rate by an equality join
 * on (currency, day) in the same pass that parses them. Only the orders' days are listed, one
 * per currency and day, however far apart the rates' own dates lie: rates dated 0001 and 9999
 * cost two rows, not a grid of every day between.
 */
export const dailyRatesSql = (d: Dialect, b: Bindings): string => `
WITH order_days AS (
  SELECT DISTINCT currency_code, CAST(order_ts AS DATE) AS day
  FROM (
    SELECT e_currency_code AS currency_code, e_order_ts AS order_ts
    FROM (${parsedRowsSql(d, b, TABLES.raw, foreignCurrency(d, b.currency_code))}) AS rows
  ) AS parsed
  WHERE currency_code <> 'rub' AND order_ts IS NOT NULL
),
points AS (
  SELECT currency_code, day, CAST(NULL AS DATE) AS rate_date FROM order_days
  UNION ALL
  SELECT currency_code, rate_date AS day, rate_date FROM ${TABLES.rates}
),
marked AS (
  SELECT DISTINCT currency_code, day,
    max(rate_date) OVER (PARTITION BY currency_code ORDER BY day) AS rate_day
  FROM points
)
SELECT m.currency_code, m.day AS rate_date, r.rate, r.nominal
FROM marked AS m
JOIN ${TABLES.rates} AS r ON r.currency_code = m.currency_code AND r.rate_date = m.rate_day`;

/** Every currency that has a rate, numbered. */
export const rateCurrenciesSql = (): string => `
SELECT currency_code,
  CAST(row_number() OVER (ORDER BY currency_code) AS SMALLINT) AS currency_no
FROM ${TABLES.rates} GROUP BY currency_code`;
