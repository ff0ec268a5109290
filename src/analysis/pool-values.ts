import { OTHER } from "../model/pooled-values.js";

/** Counts of one value of a dimension. */
export interface ValueCounts {
  value: string;
  users: number;
  twos: number;
  fives: number;
}

/**
 * Pools a dimension's values (ANALYSIS.md §11.7): values with fewer than `minUsers` users go
 * to `other`; of the rest the top `topN` by users stay (ties by value ascending) and the rest
 * join `other`. A value literally called `other` is pooled too. Sorted by users descending,
 * then value, with `other` last.
 */
export function poolValues(
  rows: readonly ValueCounts[],
  minUsers: number,
  topN: number,
): ValueCounts[] {
  const byUsers = (a: ValueCounts, b: ValueCounts) =>
    b.users - a.users || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  const candidates = rows.filter((r) => r.users >= minUsers && r.value !== OTHER).sort(byUsers);
  const kept = candidates.slice(0, topN);
  const keptValues = new Set(kept.map((r) => r.value));
  const other: ValueCounts = { value: OTHER, users: 0, twos: 0, fives: 0 };
  for (const r of rows) {
    if (keptValues.has(r.value)) continue;
    other.users += r.users;
    other.twos += r.twos;
    other.fives += r.fives;
  }
  return other.users > 0 ? [...kept, other] : kept;
}
