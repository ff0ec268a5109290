import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { quoteIdent, quoteLiteral } from "../engine/sql.js";
import { endMarkerGuard } from "./end-marker-guard.js";

/** A CSV file as COPY reads it. */
export interface CsvFile {
  readonly path: string;
  readonly delimiter: string;
  readonly header: boolean;
}

/** Thrown when the file, not the server, failed: the caller reports it as bad input. */
export class FileReadError extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
  }
}

/**
 * Streams a CSV file (gzipped when its name ends in .gz) into an existing table with COPY, so
 * memory stays bounded whatever the file's size; returns the rows copied.
 *
 * PostgreSQL's CSV format reads an empty unquoted field as NULL where DuckDB reads ''; Encore
 * treats blank and NULL alike in every column, so both give the same results. `freeze` (only
 * for a table created or truncated in the same transaction) writes the rows already frozen,
 * sparing the first VACUUM a rewrite of the whole table.
 */
export async function copyFile(
  client: pg.Client,
  tableSql: string,
  columns: readonly string[],
  csv: CsvFile,
  options: { readonly freeze: boolean },
): Promise<number> {
  const sql =
    `COPY ${tableSql} (${columns.map(quoteIdent).join(", ")}) FROM STDIN WITH (FORMAT csv, ` +
    `HEADER ${csv.header}, DELIMITER ${quoteLiteral(csv.delimiter)}, QUOTE '"', ESCAPE '"', ` +
    `FREEZE ${options.freeze})`;
  const copy = client.query(copyFrom(sql));
  // The pipeline passes the server's error on to the reading streams when it tears them
  // down, so a reading stream's error is the file's own only when it is not the server's.
  let serverError: Error | undefined;
  let readError: Error | undefined;
  copy.once("error", (error) => {
    serverError = error;
  });
  const watch = <S extends Readable>(stream: S): S =>
    stream.once("error", (error) => {
      readError ??= error;
    });
  const file = watch(createReadStream(csv.path));
  const guard = watch(endMarkerGuard());
  try {
    if (csv.path.toLowerCase().endsWith(".gz"))
      await pipeline(file, watch(createGunzip()), guard, copy);
    else await pipeline(file, guard, copy);
  } catch (error) {
    throw readError && readError !== serverError ? new FileReadError(readError) : error;
  }
  return copy.rowCount;
}
