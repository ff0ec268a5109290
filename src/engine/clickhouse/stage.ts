import type { RelationSource } from "../../config/config.js";
import { EncoreError, inputError } from "../../errors.js";
import type { SourceColumn } from "../engine.js";
import { quoteClickHouseIdent } from "../sql.js";
import { ClickHouseError, MISSING_CODES } from "./clickhouse-error.js";
import { baseType } from "./clickhouse-values.js";
import type { ClickHouseEngine } from "./engine.js";

/** A table name ("name" or "database.name", each part quoted) or a subquery. */
export function relationSql(source: RelationSource): string {
  if (source.kind === "query") return `(${source.sql})`;
  const dot = source.name.indexOf(".");
  return dot > 0
    ? `${quoteClickHouseIdent(source.name.slice(0, dot))}.${quoteClickHouseIdent(source.name.slice(dot + 1))}`
    : quoteClickHouseIdent(source.name);
}

const describeRelation = (source: RelationSource) =>
  source.kind === "table" ? `table ${source.name}` : "query";

/** ClickHouse's type families under the names Encore's bindings read (valueKindOfType). */
const TYPE_NAMES: Record<string, string> = {
  Int8: "TINYINT",
  Int16: "SMALLINT",
  Int32: "INTEGER",
  Int64: "BIGINT",
  UInt8: "UTINYINT",
  UInt16: "USMALLINT",
  UInt32: "UINTEGER",
  UInt64: "UBIGINT",
  Float32: "FLOAT",
  Float64: "DOUBLE",
  Decimal: "DECIMAL",
  Date: "DATE",
  Date32: "DATE",
  DateTime: "TIMESTAMP",
  DateTime64: "TIMESTAMP",
};

export function standardTypeName(type: string): string {
  const family = /^[A-Za-z0-9]+/.exec(baseType(type))?.[0] ?? "";
  return TYPE_NAMES[family] ?? "VARCHAR";
}

function readError(source: RelationSource, what: string, error: unknown): Error {
  // A lost connection, a timeout or a cancel is no fault of the source.
  if (!(error instanceof ClickHouseError) || !/^ClickHouse failed: /.test(error.message))
    return error as Error;
  const detail = error.message.replace(/^ClickHouse failed: /, "");
  if (MISSING_CODES.includes(error.clickhouseCode ?? -1) && source.kind === "table") {
    return inputError(
      `the ${what} table ${source.name} or one of its columns does not exist (${detail})`,
      "Check the table name (database.table) and the database in CLICKHOUSE_URL or CLICKHOUSE_DATABASE",
    );
  }
  return inputError(
    `cannot read the ${what} ${describeRelation(source)} (${detail})`,
    source.kind === "query"
      ? "Check the query: it must be one SELECT"
      : "Check that the table exists and that the user may read it",
  );
}

/** The source's columns, from ClickHouse's description of a query that reads no rows. */
export async function describeRelationColumns(
  engine: ClickHouseEngine,
  source: RelationSource,
  what: string,
): Promise<SourceColumn[]> {
  try {
    const rows = await engine.all(`DESCRIBE (SELECT * FROM ${relationSql(source)} AS s LIMIT 0)`);
    return rows.map((r) => ({ name: String(r.name), type: standardTypeName(String(r.type)) }));
  } catch (error) {
    throw error instanceof EncoreError ? readError(source, what, error) : error;
  }
}

/**
 * Copies the source once into a temporary table whose rows are numbered 1.. in the order the
 * source gives them. One reading thread keeps that order: a table's parts in turn, a query's
 * ORDER BY when it has one. Returns the row count.
 */
export async function stageRelation(
  engine: ClickHouseEngine,
  source: RelationSource,
  table: string,
  rowColumn: string,
  what: string,
): Promise<number> {
  try {
    await engine.createTable(
      table,
      `SELECT row_number() OVER () AS ${quoteClickHouseIdent(rowColumn)}, s.* ` +
        `FROM ${relationSql(source)} AS s SETTINGS max_threads = 1`,
    );
  } catch (error) {
    throw readError(source, what, error);
  }
  const [row] = await engine.all(`SELECT count() AS n FROM ${quoteClickHouseIdent(table)}`);
  return Number(row?.n ?? 0);
}
