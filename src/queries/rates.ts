import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
import type { Bindings } from "./bindings.js";
import { currencyValue, timestampValue } from "./parse-expressions.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

export const RATE_COLUMNS = ["date", "currency_code", "nominal", "rate"] as const;

/**
 * The usable exchange rates: parsed, rub left out (it needs none), rows with an invalid date,
 * nominal ≤ 0 or rate ≤ 0 ignored (§11.5), and where one currency has two rates on one date
 * the later row of the file wins.
 */
export function ratesSql(d: Dialect): string {
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
valid AS (
  SELECT *, row_number() OVER (PARTITION BY currency_code, rate_date ORDER BY row_no DESC) AS k
  FROM parsed
  WHERE rate_date IS NOT NULL AND currency_code IS NOT NULL AND currency_code <> 'rub'
    AND nominal > 0 AND rate > 0
)
SELECT currency_code, rate_date, nominal, rate FROM valid WHERE k = 1`;
}

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
    SELECT ${currencyValue(d, b.currency_code)} AS currency_code,
      ${timestampValue(d, b.order_ts, b.order_dt)} AS order_ts
    FROM ${TABLES.raw} AS r
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
