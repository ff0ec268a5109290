import type { Dialect } from "../engine/dialect.js";
import { quoteIdent } from "../engine/sql.js";
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
 * The rate in force on every day from a currency's first published rate to its last: the
 * latest rate on or before that day (the as-of rule of §1), so that orders find their rate by
 * an equality join on (currency, day) in the same pass that parses them. Orders after the last
 * rate take the last rate (see rateCurrenciesSql).
 */
export const dailyRatesSql = (): string => `
WITH bounds AS (
  SELECT min(rate_date) AS lo, max(rate_date) AS hi FROM ${TABLES.rates}
),
days AS (
  SELECT CAST(t.day AS DATE) AS day
  FROM bounds, generate_series(CAST(bounds.lo AS TIMESTAMP), CAST(bounds.hi AS TIMESTAMP), INTERVAL '1 day') AS t(day)
),
grid AS (
  SELECT c.currency_code, days.day
  FROM (SELECT DISTINCT currency_code FROM ${TABLES.rates}) AS c CROSS JOIN days
),
marked AS (
  SELECT g.currency_code, g.day,
    max(r.rate_date) OVER (PARTITION BY g.currency_code ORDER BY g.day) AS rate_day
  FROM grid AS g
  LEFT JOIN ${TABLES.rates} AS r ON r.currency_code = g.currency_code AND r.rate_date = g.day
)
SELECT m.currency_code, m.day AS rate_date, r.rate, r.nominal
FROM marked AS m
JOIN ${TABLES.rates} AS r ON r.currency_code = m.currency_code AND r.rate_date = m.rate_day`;

/** Every currency that has a rate, with its last rate date. */
export const rateCurrenciesSql = (): string => `
SELECT currency_code, max(rate_date) AS last_date,
  CAST(row_number() OVER (ORDER BY currency_code) AS SMALLINT) AS currency_no
FROM ${TABLES.rates} GROUP BY currency_code`;
