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
