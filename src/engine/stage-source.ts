import type { DataSource } from "../config/config.js";
import { configError } from "../errors.js";
import { DuckDBEngine } from "./duckdb/engine.js";
import { describeFile, type SourceColumn, stageFile } from "./duckdb/stage.js";
import type { Engine } from "./engine.js";
import { PostgresEngine } from "./postgres/engine.js";
import { describeRelationColumns, stageRelation } from "./postgres/stage.js";

/** A source made readable as a working table (or view) with numbered rows. */
export interface StagedSource {
  readonly columns: SourceColumn[];
  readonly rows: number;
  /** What to drop once the source is no longer needed. */
  readonly kind: "table" | "view";
}

/** How a source is named in messages. */
export function sourceName(source: DataSource): string {
  if (source.kind === "file") return source.path;
  return source.kind === "table" ? source.name : "the query";
}

/** How the results name a source: its path, table name or query. */
export function sourceLabel(source: DataSource): string {
  if (source.kind === "file") return source.path;
  return source.kind === "table" ? source.name : source.sql;
}

/** The source's columns and types, read before anything is staged (to bind the mapping). */
export async function describeSource(
  engine: Engine,
  source: DataSource,
  what: string,
): Promise<SourceColumn[]> {
  if (source.kind === "file") return describeFile(engine, source, what);
  return describeRelationColumns(postgresFor(engine, what), source, what);
}

/**
 * Makes the source readable as `table`, rows numbered 1.. in `rowColumn`: files through the
 * embedded DuckDB, tables and queries inside PostgreSQL.
 */
export async function stageSource(
  engine: Engine,
  source: DataSource,
  columns: readonly SourceColumn[],
  table: string,
  rowColumn: string,
  what: string,
): Promise<StagedSource> {
  if (source.kind === "file") {
    if (!(engine instanceof DuckDBEngine)) throw configError(`the ${what} file needs DuckDB`);
    const rows = await stageFile(engine, source, columns, table, rowColumn, what);
    return { columns: [...columns], rows, kind: source.format === "parquet" ? "view" : "table" };
  }
  const rows = await stageRelation(
    postgresFor(engine, what),
    source,
    columns,
    table,
    rowColumn,
    what,
  );
  return { columns: [...columns], rows, kind: "table" };
}

function postgresFor(engine: Engine, what: string): PostgresEngine {
  if (!(engine instanceof PostgresEngine)) {
    throw configError(
      `the ${what} are a table or query, but the analysis is not running in PostgreSQL`,
      "Use --source postgres",
    );
  }
  return engine;
}
