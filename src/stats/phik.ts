import { phikChi2 } from "./phik-chi2.js";
import { phikFromChi2 } from "./phik-from-chi2.js";

export interface PhikOptions {
  /** Subtract the noise pedestal (r − 1)(c − 1) that independent data reach by chance. Default true. */
  readonly noiseCorrection?: boolean;
}

function checkTable(table: readonly (readonly number[])[]): void {
  const cols = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== cols) {
      throw new RangeError(
        `invalid table: rows of ${cols} and ${row.length} cells; expected equal`,
      );
    }
    for (const v of row) {
      if (!(v >= 0 && Number.isFinite(v))) {
        throw new RangeError(`invalid table count: ${v}; expected a finite number ≥ 0`);
      }
    }
  }
}

/** The table without its empty rows and columns, which are not levels of the pair. */
function withoutEmptyLines(table: readonly (readonly number[])[]): number[][] {
  const cols = table[0]?.length ?? 0;
  const keepCol = Array.from({ length: cols }, (_, j) => table.some((row) => (row[j] ?? 0) > 0));
  return table
    .filter((row) => row.some((v) => v > 0))
    .map((row) => row.filter((_, j) => keepCol[j]));
}

/**
 * φK of one contingency table (Baak et al. 2019, arXiv:1811.11440), as the `phik`
 * package v0.12.5 computes it for a pair of binned variables: the Pearson χ² of the
 * table (Yates-corrected when 2×2), less the noise pedestal (r − 1)(c − 1) when
 * `noiseCorrection` is on (the default), matched to the χ² of a bivariate normal with
 * correlation rho binned into the same r × c shape on [−5, 5]². Empty rows and columns
 * are dropped first. Returns a value in [0, 1], or NaN when fewer than 2 rows or
 * columns remain. Throws a RangeError for ragged tables and negative or non-finite counts.
 */
export function phikFromTable(
  table: readonly (readonly number[])[],
  options: PhikOptions = {},
): number {
  checkTable(table);
  const kept = withoutEmptyLines(table);
  const rows = kept.length;
  const cols = kept[0]?.length ?? 0;
  if (rows < 2 || cols < 2) return Number.NaN;
  const n = kept.reduce((sum, row) => sum + row.reduce((s, v) => s + v, 0), 0);
  const pedestal = (options.noiseCorrection ?? true) ? (rows - 1) * (cols - 1) : 0;
  return phikFromChi2(phikChi2(kept), n, rows, cols, pedestal);
}
