import type { FileSource } from "../config/config.js";
import { fileScanSql } from "../engine/duckdb/stage.js";
import type { Engine } from "../engine/engine.js";
import { quoteLiteral } from "../engine/sql.js";
import { inputError } from "../errors.js";

/**
 * Has DuckDB write a Parquet file as a headerless CSV that PostgreSQL's COPY reads back to the
 * same values: DuckDB streams it to disk, so memory stays bounded. NULL becomes an empty field
 * and an empty string `""`, which COPY reads as NULL and '' again; timestamps are written as
 * their wall-clock text. Returns the rows written.
 */
export async function parquetToCsv(
  engine: Engine,
  source: FileSource,
  csvPath: string,
  what: string,
): Promise<number> {
  try {
    // The CSV, and so the table, keeps the rows in the file's order.
    await engine.run("SET preserve_insertion_order = true");
    const [row] = await engine.all(
      `COPY (SELECT * FROM ${fileScanSql(source)}) TO ${quoteLiteral(csvPath)} ` +
        `(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"')`,
    );
    return Number(row?.Count ?? 0);
  } catch (error) {
    const detail = String((error as Error).message)
      .replace(/^DuckDB failed: /, "")
      .split("\n")[0];
    throw inputError(
      `cannot convert the ${what} file ${source.path} for PostgreSQL (${detail})`,
      "Check that it is a Parquet file and that the temporary directory has space",
    );
  }
}
