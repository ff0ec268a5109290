import type { FileSource } from "../../config/config.js";
import { EncoreError, inputError, QueryError } from "../../errors.js";
import { csvColumns } from "../../io/csv-header.js";
import { gzipDefect, isGzipPath } from "../../io/gzip-integrity.js";
import type { Engine, SourceColumn } from "../engine.js";
import { quoteIdent, quoteLiteral } from "../sql.js";

/**
 * The table function that reads a file. CSV is read as text, every column, so values are
 * compared and parsed exactly as they stand in the file (ANALYSIS.md §11.2); Parquet keeps
 * its own types.
 */
export function fileScanSql(source: FileSource, csvColumns: readonly string[] = []): string {
  if (source.format === "parquet") return `read_parquet(${quoteLiteral(source.path)})`;
  // Files that continue the first are read after it, in order: DuckDB numbers the rows of a
  // list of files file by file while insertion order is kept.
  const path = source.continuedIn?.length
    ? `[${[source.path, ...source.continuedIn].map(quoteLiteral).join(", ")}]`
    : quoteLiteral(source.path);
  // A fixed dialect and the header's own names, nothing sniffed: one malformed line must
  // fail loudly with its line number, not be taken for a preamble to skip.
  const columns = csvColumns
    .map((c) => `${quoteLiteral(c)}: ${quoteLiteral(csvColumnType(source, c))}`)
    .join(", ");
  return (
    `read_csv(${path}, auto_detect = false, header = true, columns = {${columns}}, ` +
    `delim = ${quoteLiteral(csvDelimiter(source))}, quote = '"', escape = '"', skip = 0, ` +
    "strict_mode = true, null_padding = false)"
  );
}

/** A CSV column's type: text, unless the file is a copy of typed columns (FileSource.columnTypes). */
const csvColumnType = (source: FileSource, column: string): string =>
  source.columnTypes?.[column] ?? "VARCHAR";

export const csvDelimiter = (source: FileSource): string =>
  /\.tsv(\.gz)?$/i.test(source.path) ? "\t" : ",";

function readError(source: FileSource, what: string, error: unknown): Error {
  // Memory, the spill disk or a cancel are no fault of the file: they say so themselves.
  if (error instanceof EncoreError && !(error instanceof QueryError)) return error;
  // DuckDB's first lines say where and what ("CSV Error on Line: 3", the line, the counts).
  const detail = String((error as Error).message ?? error)
    .replace(/^DuckDB failed: /, "")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("Possible fixes"))
    .slice(0, 3)
    .join("; ");
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
  if (source.format === "csv") {
    const names = await csvColumns(source.path, csvDelimiter(source), what);
    return names.map((name) => ({ name, type: csvColumnType(source, name) }));
  }
  try {
    const rows = await engine.all(`DESCRIBE SELECT * FROM ${fileScanSql(source)}`);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  } catch (error) {
    throw readError(source, what, error);
  }
}

/**
 * Makes a file readable as a relation whose rows are numbered 1.. in file order; returns the
 * row count. Parquet stays a view (its row numbers come with the scan, and scanning it again is
 * cheap). CSV is parsed once, into a Parquet file at `copyPath` (uncompressed: its text is
 * dictionary-encoded all the same), read through the same kind of view, since parsing it twice
 * would not be cheap; so is a Parquet file with a column named file_row_number.
 *
 * Kept in a table in memory instead, ten million rows of thirteen text columns took 1.9 GB of
 * a 1GB memory limit: the rows and every working table made after them were spilled to disk
 * and read back by each step. The Parquet copy takes 0.57 GB of disk, no memory but the
 * system's file cache, and takes as long to write as the table did.
 */
export async function stageFile(
  engine: Engine,
  source: FileSource,
  columns: readonly SourceColumn[],
  table: string,
  rowColumn: string,
  what: string,
  copyPath: string,
): Promise<number> {
  const rowCol = quoteIdent(rowColumn);
  // DuckDB reads a cut gzip to where it ends: its trailer is checked alongside, and a broken
  // file is reported as such, whether DuckDB then failed on the last line or not.
  const defect =
    source.format === "csv" && isGzipPath(source.path)
      ? gzipDefect(source.path, what)
      : Promise.resolve(null);
  await engine.run("SET preserve_insertion_order = true");
  try {
    // A Parquet file with a column of that name cannot number its own rows: it is copied too.
    if (source.format === "parquet" && !columns.some((c) => c.name === "file_row_number")) {
      await engine.run(
        `CREATE VIEW ${quoteIdent(table)} AS SELECT file_row_number + 1 AS ${rowCol}, * EXCLUDE (file_row_number) ` +
          `FROM read_parquet(${quoteLiteral(source.path)}, file_row_number = true)`,
      );
    } else {
      // The copy keeps the file's order, so each row's place in it (file_row_number, from 0)
      // is its place in the file. Numbering the rows as they are read, row_number() OVER (),
      // made the parallel read wait for one thread: twice the time. Its columns are named by
      // position (c1, c2, …) and the view gives back the header's names: a CSV column named
      // file_row_number would otherwise stop DuckDB from numbering the copy's rows.
      const names = columns.map((c) => c.name);
      const copied = names.map((name, i) => `${quoteIdent(name)} AS c${i + 1}`).join(", ");
      const named = names.map((name, i) => `c${i + 1} AS ${quoteIdent(name)}`).join(", ");
      await engine.run(
        `COPY (SELECT ${copied} FROM ${fileScanSql(source, names)}) TO ${quoteLiteral(copyPath)} ` +
          "(FORMAT parquet, COMPRESSION uncompressed)",
      );
      await engine.run(
        `CREATE VIEW ${quoteIdent(table)} AS SELECT ${named}, file_row_number + 1 AS ${rowCol} ` +
          `FROM read_parquet(${quoteLiteral(copyPath)}, file_row_number = true)`,
      );
    }
  } catch (error) {
    throw (await defect) ?? readError(source, what, error);
  }
  const broken = await defect;
  if (broken) throw broken;
  const [row] = await engine.all(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  // Row numbers follow the file only while insertion order is kept; once they are assigned,
  // nothing after depends on the order of rows a statement does not sort (every output sorts
  // its rows), and letting DuckDB reorder lets a large statement write its table without
  // putting the rows of its threads back in order: checking ten million CSV rows, 1 s less.
  await engine.run("SET preserve_insertion_order = false");
  return Number(row?.n ?? 0);
}
