/** DuckDB's type names (as DESCRIBE gives a Parquet file's) → ClickHouse's, always Nullable. */
const TYPES: Record<string, string> = {
  BOOLEAN: "Bool",
  TINYINT: "Int8",
  SMALLINT: "Int16",
  INTEGER: "Int32",
  BIGINT: "Int64",
  HUGEINT: "Int128",
  UTINYINT: "UInt8",
  USMALLINT: "UInt16",
  UINTEGER: "UInt32",
  UBIGINT: "UInt64",
  FLOAT: "Float32",
  DOUBLE: "Float64",
  DATE: "Date32",
  TIMESTAMP: "DateTime64(6, 'UTC')",
  VARCHAR: "String",
};

/** The ClickHouse column type for a Parquet column; what has no match is read as text. */
export function clickhouseType(duckdbType: string): string {
  const t = duckdbType.toUpperCase();
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  const inner = decimal ? `Decimal(${decimal[1]}, ${decimal[2]})` : (TYPES[t] ?? "String");
  return `Nullable(${inner})`;
}
