import {
  type DuckDBResultReader,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  JSDuckDBValueConverter,
} from "@duckdb/node-api";
import type { Row } from "../engine.js";
import { normalizeValue } from "../normalize.js";

type RowValue = string | number | boolean | null;

/**
 * A value as `normalizeValue` of the client's JS value, with the common types read straight
 * from the engine's value: converting every value twice and copying every row once more cost
 * more than the statement itself on results of tens of thousands of rows.
 */
function rowValue(value: DuckDBValue, type: DuckDBType): RowValue {
  if (value === null || value === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return value as string;
    case DuckDBTypeId.BOOLEAN:
      return Boolean(value);
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return Number(value);
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      if (typeof value === "bigint") return normalizeValue(value);
      break;
  }
  return normalizeValue(JSDuckDBValueConverter(value, type, JSDuckDBValueConverter));
}

/** Every row of a read result, each value as `normalizeValue` makes it, column by column. */
export function readRows(reader: DuckDBResultReader): Row[] {
  const names = reader.deduplicatedColumnNames();
  const columns = reader.convertColumns(rowValue) as RowValue[][];
  const count = reader.currentRowCount;
  const rows: Row[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c] as string] = columns[c]?.[r] ?? null;
    rows[r] = row;
  }
  return rows;
}
