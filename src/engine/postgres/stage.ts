import type { RelationSource } from "../../config/config.js";
import { EncoreError, inputError, QueryError } from "../../errors.js";
import type { SourceColumn } from "../engine.js";
import { quoteIdent } from "../sql.js";
import type { PostgresEngine } from "./engine.js";

/** A table name ("name" or "schema.name", each part quoted as an identifier) or a subquery. */
export function relationSql(source: RelationSource): string {
  if (source.kind === "query") return `(${source.sql})`;
  const dot = source.name.indexOf(".");
  return dot > 0
    ? `${quoteIdent(source.name.slice(0, dot))}.${quoteIdent(source.name.slice(dot + 1))}`
    : quoteIdent(source.name);
}

export function describeRelation(source: RelationSource): string {
  return source.kind === "table" ? `table ${source.name}` : "query";
}

function readError(source: RelationSource, what: string, error: unknown): Error {
  // A lost connection, a timeout or a cancel is no fault of the source.
  if (error instanceof EncoreError && !(error instanceof QueryError)) return error;
  const detail = String((error as Error).message).replace(/^PostgreSQL failed: /, "");
  if (source.kind === "table" && /does not exist/.test(detail)) {
    const lower = source.name.toLowerCase();
    return inputError(
      `the ${what} table ${source.name} does not exist (${detail})`,
      lower === source.name
        ? "Check the table name (schema.table) and the database in DATABASE_URL or PGDATABASE"
        : `Names are case-sensitive, as if quoted: a table created without quotes has a lower-case name, so write ${lower} unless it was created as "${source.name}"`,
    );
  }
  return inputError(
    `cannot read the ${what} ${describeRelation(source)} (${detail})`,
    source.kind === "query"
      ? "Check the query: it must be one SELECT that runs in a read-only transaction"
      : "Check that the table exists and that the user may read it",
  );
}

/** The source's columns and their PostgreSQL types, from a query that reads no rows. */
export async function describeRelationColumns(
  engine: PostgresEngine,
  source: RelationSource,
  what: string,
): Promise<SourceColumn[]> {
  try {
    return await engine.columnsOf(`SELECT * FROM ${relationSql(source)} AS s LIMIT 0`);
  } catch (error) {
    throw readError(source, what, error);
  }
}

/**
 * Copies the source once into a temporary table whose rows are numbered 1.. in the order the
 * source gives them (a table's scan order; a query's ORDER BY, when it has one), so every
 * later statement sees the same rows under the same numbers. Returns the row count.
 */
export async function stageRelation(
  engine: PostgresEngine,
  source: RelationSource,
  columns: readonly SourceColumn[],
  table: string,
  rowColumn: string,
  what: string,
): Promise<number> {
  const definitions = [
    `${quoteIdent(rowColumn)} bigint`,
    ...columns.map((c) => `${quoteIdent(c.name)} ${c.type}`),
  ];
  await engine.createEmptyTable(table, definitions);
  try {
    await engine.run(
      `INSERT INTO pg_temp.${quoteIdent(table)} SELECT row_number() OVER (), s.* FROM ${relationSql(source)} AS s`,
    );
  } catch (error) {
    throw readError(source, what, error);
  }
  await engine.analyze(table);
  const [row] = await engine.all(`SELECT count(*) AS n FROM pg_temp.${quoteIdent(table)}`);
  return Number(row?.n ?? 0);
}
