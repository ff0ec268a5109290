import { quoteIdent } from "../engine/sql.js";
import { reasonNameSql } from "./checked-orders.js";
import { ROW_COLUMN, TABLES } from "./tables.js";

/**
 * The rejected rows as they were read (rejects.csv): the row number, the reason's name, then
 * every column of the source, in the source's order, from the raw rows kept (rawRowsKeptSql).
 */
export function rejectsSql(rawColumns: readonly string[]): string {
  const row = quoteIdent(ROW_COLUMN);
  // Each named: ClickHouse would name a column that the checked table has too r.order_id.
  const raw = rawColumns.map((c) => `, r.${quoteIdent(c)} AS ${quoteIdent(c)}`).join("");
  return `
SELECT c.${row} AS row_number, ${reasonNameSql("c.reason")} AS reason${raw}
FROM ${TABLES.checked} AS c JOIN ${TABLES.rawKept} AS r ON r.${row} = c.${row}
WHERE c.reason IS NOT NULL`;
}
