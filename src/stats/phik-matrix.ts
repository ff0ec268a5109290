import type { PhikOptions } from "./phik.js";
import { phikFromTable } from "./phik.js";
import { phikBin, phikBinEdges } from "./phik-binning.js";
import type { PhikLevel } from "./phik-table.js";
import { phikTable } from "./phik-table.js";

/** One variable: interval values are binned, categorical values are levels as they are. */
export interface PhikColumn {
  readonly name: string;
  readonly kind: "interval" | "categorical";
  /** null (or NaN) is a missing value. */
  readonly values: readonly (number | string | null)[];
}

export interface PhikMatrix {
  /** The columns that take part, in input order. */
  readonly names: string[];
  /** Symmetric, 1 on the diagonal; null where a pair has fewer than 2 levels on a side. */
  readonly matrix: (number | null)[][];
  /** Columns left out for having fewer than 2 distinct non-missing values. */
  readonly dropped: string[];
}

const BINS = 10;

function isPresent(v: number | string | null): v is number | string {
  return v !== null && !(typeof v === "number" && Number.isNaN(v));
}

/** The column as levels (bin numbers for interval data), or null if it has < 2 distinct values. */
function levelsOf(column: PhikColumn): (PhikLevel | null)[] | null {
  const present = column.values.filter(isPresent);
  if (new Set(present).size < 2) return null;
  if (column.kind === "categorical") return column.values.map((v) => (isPresent(v) ? v : null));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of present) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`invalid value in interval column ${column.name}: ${String(v)}`);
    }
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  // Edges come from all values of the column, not from the rows of each pair.
  const edges = phikBinEdges(lo, hi, BINS);
  return column.values.map((v) =>
    typeof v === "number" && isPresent(v) ? phikBin(edges, v) : null,
  );
}

function checkColumns(columns: readonly PhikColumn[]): void {
  const names = new Set<string>();
  const length = columns[0]?.values.length ?? 0;
  for (const column of columns) {
    if (names.has(column.name)) throw new RangeError(`duplicate column name: ${column.name}`);
    names.add(column.name);
    if (column.kind !== "interval" && column.kind !== "categorical") {
      throw new RangeError(`invalid kind of column ${column.name}: ${String(column.kind)}`);
    }
    if (column.values.length !== length) {
      throw new RangeError(
        `invalid column ${column.name}: ${column.values.length} values; expected ${length} like the first`,
      );
    }
  }
}

/**
 * The φK correlation matrix of a set of columns (Baak et al. 2019, arXiv:1811.11440),
 * as `phik.phik_matrix(df, interval_cols, bins=10)` of phik v0.12.5 computes it:
 * columns with fewer than 2 distinct non-missing values are left out, interval columns
 * are cut into 10 equal-width bins (`phikBinEdges`), missing values are dropped pair by
 * pair, and each pair's table of occurring levels goes to `phikFromTable`.
 */
export function phikMatrix(columns: readonly PhikColumn[], options: PhikOptions = {}): PhikMatrix {
  checkColumns(columns);
  const kept: { name: string; levels: (PhikLevel | null)[] }[] = [];
  const dropped: string[] = [];
  for (const column of columns) {
    const levels = levelsOf(column);
    if (levels) kept.push({ name: column.name, levels });
    else dropped.push(column.name);
  }
  const matrix = kept.map(() => kept.map((): number | null => 1));
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length; j++) {
      const { counts } = phikTable(kept[i]?.levels ?? [], kept[j]?.levels ?? []);
      const value = phikFromTable(counts, options);
      const cell = Number.isNaN(value) ? null : value;
      const rowI = matrix[i];
      const rowJ = matrix[j];
      if (rowI) rowI[j] = cell;
      if (rowJ) rowJ[i] = cell;
    }
  }
  return { names: kept.map((c) => c.name), matrix, dropped };
}
