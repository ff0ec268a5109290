import { quoteIdent } from "../engine/sql.js";
import { configError } from "../errors.js";

/** A PostgreSQL table named by the user: `name` or `schema.name`. */
export interface TableName {
  /** As the user wrote it, for messages and results. */
  readonly text: string;
  /** The quoted, qualified SQL form: `"schema"."name"`, or `"name"` for the search_path. */
  readonly sql: string;
}

/** PostgreSQL's NAMEDATALEN - 1: a longer name would be silently truncated. */
const MAX_IDENTIFIER_BYTES = 63;

/** Why PostgreSQL would refuse or truncate an identifier, or null when it takes it as is. */
export function identifierProblem(name: string): string | null {
  if (name === "") return "is empty";
  if (name.includes("\0")) return "contains a NUL character";
  if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES)
    return `is longer than PostgreSQL's ${MAX_IDENTIFIER_BYTES} bytes`;
  return null;
}

/**
 * Splits `schema.name` on its first dot; everything else, quotes and semicolons included,
 * is part of a (strange) identifier.
 */
export function parseTableName(text: string): TableName {
  const dot = text.indexOf(".");
  const parts = dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
  for (const [i, part] of parts.entries()) {
    const problem = identifierProblem(part);
    if (problem) {
      const which = parts.length === 1 ? "it" : i === 0 ? "its schema" : "its name after the dot";
      throw configError(
        `cannot use the table name ${JSON.stringify(text)}: ${which} ${problem}`,
        "Name the table as name or schema.name",
      );
    }
  }
  return { text, sql: parts.map(quoteIdent).join(".") };
}
