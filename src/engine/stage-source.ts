import type { DataSource, FileSource, RelationSource } from "../config/config.js";
import { configError } from "../errors.js";
import type { Engine, EngineCapabilities, SourceColumn, StagedSource } from "./engine.js";

/** How a source is named in messages. */
export function sourceName(source: DataSource): string {
  if (source.kind === "file") return source.origin ? sourceName(source.origin) : source.path;
  return source.kind === "table" ? source.name : "the query";
}

/** How the results name a source: its path, table name or query. */
export function sourceLabel(source: DataSource): string {
  if (source.kind === "file") return source.origin ? sourceLabel(source.origin) : source.path;
  return source.kind === "table" ? source.name : source.sql;
}

/** A source of a kind the engine reads, or a one-line error that says which engine does. */
export function readable(capabilities: EngineCapabilities, source: DataSource, what: string): void {
  if (capabilities.sources.includes(source.kind)) return;
  if (source.kind === "file") {
    throw configError(
      `the ${what} are a file, but the analysis runs in a database`,
      "Use --source files, or load the file first (encore load)",
    );
  }
  throw configError(
    `the ${what} are a table or query, but the analysis reads files`,
    "Use --source postgres or --source clickhouse",
  );
}

/** The source as a file, for an engine that reads files only (after `readable`). */
export function asFile(source: DataSource): FileSource {
  if (source.kind !== "file") throw new Error(`not a file: ${sourceName(source)}`);
  return source;
}

/** The source as a table or query, for an engine that reads its database (after `readable`). */
export function asRelation(source: DataSource): RelationSource {
  if (source.kind === "file") throw new Error(`not a table or query: ${source.path}`);
  return source;
}

/** The source's columns and types, read before anything is staged (to bind the mapping). */
export async function describeSource(
  engine: Engine,
  source: DataSource,
  what: string,
): Promise<SourceColumn[]> {
  readable(engine.capabilities, source, what);
  return engine.describe(source, what);
}

/** Makes the source readable as `table`, rows numbered 1.. in `rowColumn`. */
export async function stageSource(
  engine: Engine,
  source: DataSource,
  columns: readonly SourceColumn[],
  table: string,
  rowColumn: string,
  what: string,
): Promise<StagedSource> {
  readable(engine.capabilities, source, what);
  return engine.stage(source, columns, table, rowColumn, what);
}
