import { EncoreError, QueryError } from "../../errors.js";
import { FORMULA_STARTS } from "../../io/csv-formula.js";
import { outputFailure } from "../../io/output-file.js";
import type { Engine, ExportFormat, ExportSource } from "../engine.js";
import { quoteIdent, quoteLiteral } from "../sql.js";

/**
 * Writes a query's rows to a file, streaming inside the engine. In CSV, text that a
 * spreadsheet would run as a formula gets a leading `'` unless `raw`; numbers are untouched
 * and Parquet keeps every value as it is.
 */
export async function exportQuery(
  engine: Engine,
  source: ExportSource,
  path: string,
  format: ExportFormat,
  raw = false,
): Promise<void> {
  const options = format === "csv" ? "FORMAT csv, HEADER true" : "FORMAT parquet, COMPRESSION zstd";
  try {
    const columns = format === "csv" && !raw ? await guardedColumns(engine, source.sql) : "*";
    await engine.run(
      `COPY (SELECT ${columns} FROM (${source.sql}) AS t ORDER BY ${source.orderBy}) ` +
        `TO ${quoteLiteral(path)} (${options})`,
    );
  } catch (error) {
    // Memory, the spill disk or a cancel are not the output's fault: they say so themselves.
    if (error instanceof EncoreError && !(error instanceof QueryError)) throw error;
    throw outputFailure(path, error);
  }
}

/**
 * The query's columns, each text column behind the formula guard. The first character is
 * compared by its code point (ord gives −1 for an empty text): a third of the time of cutting
 * it out with left() on every row of a large output.
 */
async function guardedColumns(engine: Engine, sql: string): Promise<string> {
  const described = await engine.all(`DESCRIBE ${sql}`);
  const starts = FORMULA_STARTS.map((start) => start.codePointAt(0)).join(", ");
  return described
    .map((row) => {
      const name = quoteIdent(String(row.column_name));
      return row.column_type === "VARCHAR"
        ? `CASE WHEN ord(${name}) IN (${starts}) THEN '''' || ${name} ELSE ${name} END AS ${name}`
        : name;
    })
    .join(", ");
}
