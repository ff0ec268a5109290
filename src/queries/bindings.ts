import type { OrderColumn } from "../model/columns.js";

/** How a source column's values arrive: as text to parse, or already typed by the source. */
export type ValueKind = "text" | "integer" | "double" | "timestamp" | "date" | "row_number";

/** Where one canonical column comes from in the staged raw table. */
export interface ColumnBinding {
  /** The raw table's column name, or null for the row number. */
  readonly source: string | null;
  readonly kind: ValueKind;
}

export type Bindings = Partial<Record<OrderColumn, ColumnBinding>>;

/** Maps an engine's type name onto how Encore reads its values. */
export function valueKindOfType(type: string): Exclude<ValueKind, "row_number"> {
  const t = type.toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|INT\d*)$/.test(t)
  )
    return "integer";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL.*|NUMERIC.*|DOUBLE PRECISION)$/.test(t)) return "double";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  if (t === "DATE") return "date";
  return "text";
}
