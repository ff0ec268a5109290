/**
 * The only place where text is turned into SQL. Identifiers are double-quoted with
 * embedded quotes doubled (standard SQL, DuckDB and PostgreSQL alike); literals are for the
 * few places a dialect cannot bind a parameter (a file path in a table function).
 */
export function quoteIdent(name: string): string {
  if (name.includes("\0")) throw new Error("an identifier cannot contain a NUL character");
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("a literal cannot contain a NUL character");
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * ClickHouse reads a backslash inside quotes as an escape, so its quoting doubles backslashes
 * as well as the quote character.
 */
export function quoteClickHouseIdent(name: string): string {
  return quoteIdent(name.replaceAll("\\", "\\\\"));
}

export function quoteClickHouseLiteral(value: string): string {
  return quoteLiteral(value.replaceAll("\\", "\\\\"));
}
