/**
 * DuckDB column types (as DESCRIBE names them) with a PostgreSQL type whose text form reads
 * back the same value; DuckDB writes the CSV that PostgreSQL reads.
 */
const SAME_VALUE: Readonly<Record<string, string>> = {
  BIGINT: "bigint",
  INTEGER: "integer",
  SMALLINT: "smallint",
  TINYINT: "smallint",
  DOUBLE: "double precision",
  FLOAT: "real",
  BOOLEAN: "boolean",
  DATE: "date",
  // Without a time zone on either side, the wall-clock text goes across unchanged.
  TIMESTAMP: "timestamp",
  VARCHAR: "text",
};

/**
 * The PostgreSQL type for a DuckDB column type. Anything without an exact counterpart
 * (TIMESTAMP_NS, TIMESTAMP WITH TIME ZONE, lists, …) is loaded as DuckDB prints it, as text.
 */
export function postgresType(duckdbType: string): string {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(duckdbType);
  if (decimal) return `numeric(${decimal[1]},${decimal[2]})`;
  return SAME_VALUE[duckdbType] ?? "text";
}
