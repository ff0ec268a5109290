import { phikFromTable } from "../stats/phik.js";
import { pairKey } from "./correlation-tables.js";
import type { CorrelationSection } from "./results.js";

export type SpearmanEntry = CorrelationSection["spearman_with_total_orders"][number];

/** φK of each pair from its table, with the noise correction (phik's default); null where NaN. */
function phikCells(names: readonly string[], tables: ReadonlyMap<string, number[][]>) {
  const matrix = names.map(() => names.map((): number | null => 1));
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const value = phikFromTable(tables.get(pairKey(i, j)) ?? []);
      const cell = Number.isNaN(value) ? null : value;
      const [rowI, rowJ] = [matrix[i], matrix[j]];
      if (rowI) rowI[j] = cell;
      if (rowJ) rowJ[i] = cell;
    }
  }
  return matrix;
}

const byStrength = (
  a: { feature: string; phik: number | null },
  b: { feature: string; phik: number | null },
): number => {
  if (a.phik === null || b.phik === null) {
    if (a.phik !== b.phik) return a.phik === null ? 1 : -1;
  } else if (Math.abs(b.phik) !== Math.abs(a.phik)) {
    return Math.abs(b.phik) - Math.abs(a.phik);
  }
  return a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0;
};

/**
 * The correlation section of ANALYSIS.md §8 from the kept features' pair tables: the full
 * symmetric φK matrix (phik v0.12.5: 1 on the diagonal, null where φK is NaN), every other
 * feature's φK with `target` sorted by |φK| descending (nulls last, ties by name), and the
 * Spearman entries as given.
 */
export function correlationSection(
  names: readonly string[],
  tables: ReadonlyMap<string, number[][]>,
  spearman: readonly SpearmanEntry[],
  target: string,
): CorrelationSection {
  const matrix = phikCells(names, tables);
  const t = names.indexOf(target);
  const withTarget =
    t < 0
      ? []
      : names
          .map((feature, k) => ({ feature, phik: matrix[t]?.[k] ?? null }))
          .filter((_, k) => k !== t)
          .sort(byStrength);
  return {
    features: [...names],
    phik: { matrix, with_total_orders: withTarget },
    spearman_with_total_orders: [...spearman],
  };
}
