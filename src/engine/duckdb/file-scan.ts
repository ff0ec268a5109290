import type { FileSource } from "../../config/config.js";
import { inputError } from "../../errors.js";
import type { Engine } from "../engine.js";
import { quoteIdent, quoteLiteral } from "../sql.js";

/**
 * The table function that reads a file. CSV is read as text, every column, so values are
 * compared and parsed exactly as they stand in the file (ANALYSIS.md §11.2); Parquet keeps
 * its own types.
 */
export function fileScanSql(source: FileSource): string {
  const path = quoteLiteral(source.path);
  if (source.format === "parquet") return `read_parquet(${path})`;
  const delimiter = /\.tsv(\.gz)?$/i.test(source.path) ? "\t" : ",";
  // A fixed dialect, not a sniffed one: one malformed line must fail loudly, not turn the
  // whole file into a single column.
  return (
    `read_csv(${path}, all_varchar = true, header = true, delim = ${quoteLiteral(delimiter)}, ` +
    `quote = '"', escape = '"', strict_mode = true, null_padding = false)`
  );
}

export interface SourceColumn {
  readonly name: string;
  readonly type: string;
}

function readError(source: FileSource, what: string, error: unknown): Error {
  const detail = String((error as Error).message ?? error)
    .replace(/^DuckDB failed: /, "")
    .split("\n")[0];
  const kind = source.format === "csv" ? "a CSV file with a header row" : "a Parquet file";
  return inputError(
    `cannot read the ${what} file ${source.path} (${detail})`,
    `Check that it is ${kind}`,
  );
}

export async function describeFile(
  engine: Engine,
  source: FileSource,
  what: string,
): Promise<SourceColumn[]> {
  try {
    const rows = await engine.all(`DESCRIBE SELECT * FROM ${fileScanSql(source)}`);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  } catch (error) {
    throw readError(source, what, error);
  }
}

/** Copies a file into a table, numbering its rows 1.. in file order; returns the row count. */
export async function stageFile(
  engine: Engine,
  source: FileSource,
  table: string,
  rowColumn: string,
  what: string,
): Promise<number> {
  try {
    await engine.run(
      `CREATE TABLE ${quoteIdent(table)} AS ` +
        `SELECT row_number() OVER () AS ${quoteIdent(rowColumn)}, * FROM ${fileScanSql(source)}`,
    );
  } catch (error) {
    throw readError(source, what, error);
  }
  const [row] = await engine.all(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  return Number(row?.n ?? 0);
}
