import { inputError } from "../errors.js";
import {
  ORDER_COLUMNS,
  type OrderColumn,
  REQUIRED_COLUMNS,
  ROW_NUMBER_SOURCE,
} from "../model/columns.js";
import { type Bindings, valueKindOfType } from "../queries/bindings.js";

export interface BoundColumns {
  readonly bindings: Bindings;
  /** Optional columns the source does not have: what needs them is switched off. */
  readonly absent: OrderColumn[];
}

/**
 * Matches the canonical columns of ANALYSIS.md §1 with the source's columns through the
 * mapping: a mapped column must exist; an unmapped one is looked up under its own name. A
 * name matches a header padded with spaces (" User_ID ") when no header matches it exactly;
 * one source column cannot stand for two of Encore's columns.
 */
export function bindColumns(
  sourceColumns: readonly { name: string; type: string }[],
  mapping: Partial<Record<OrderColumn, string>>,
  sourceName: string,
): BoundColumns {
  const listed = sourceColumns.map((c) => c.name).join(", ");
  const bindings: Bindings = {};
  const absent: OrderColumn[] = [];
  for (const column of ORDER_COLUMNS) {
    const mapped = mapping[column];
    if (mapped === ROW_NUMBER_SOURCE) {
      bindings[column] = { source: null, kind: "row_number" };
      continue;
    }
    const found = findColumn(sourceColumns, mapped ?? column);
    if (found === undefined) {
      if (mapped !== undefined) {
        throw inputError(
          `the mapping ${column} → "${mapped}" names a column that ${sourceName} does not have (it has: ${listed})`,
          "Fix the column mapping (--map or columns in the config)",
        );
      }
      absent.push(column);
      continue;
    }
    const other = ORDER_COLUMNS.find((c) => bindings[c]?.source === found.name);
    if (other !== undefined) {
      throw inputError(
        `the column ${found.name} of ${sourceName} would be both ${other} and ${column}`,
        "Map each of Encore's columns to a column of its own (--map or columns in the config)",
      );
    }
    bindings[column] = { source: found.name, kind: valueKindOfType(found.type) };
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!bindings[column]) throw missingRequired(column, sourceName, listed);
  }
  if (!bindings.order_ts && !bindings.order_dt) {
    throw inputError(
      `${sourceName} has neither order_ts nor order_dt (it has: ${listed})`,
      "Map one of them, e.g. --map order_dt=<your date column>",
    );
  }
  return { bindings, absent };
}

/** The column of that name, or the one whose name is that name padded with spaces. */
function findColumn<C extends { name: string }>(
  columns: readonly C[],
  name: string,
): C | undefined {
  const exact = columns.find((c) => c.name === name);
  if (exact) return exact;
  const padded = columns.filter((c) => c.name.trim() === name.trim());
  return padded.length === 1 ? padded[0] : undefined;
}

function missingRequired(column: OrderColumn, sourceName: string, listed: string): Error {
  const hint =
    column === "order_id"
      ? `Map it with --map order_id=<your column>, or --map order_id=${ROW_NUMBER_SOURCE} when each row is one order`
      : `Map it with --map ${column}=<your column>`;
  return inputError(`${sourceName} has no column ${column} (it has: ${listed})`, hint);
}
