import { OTHER, UNKNOWN } from "../pool-values.js";
import type { EntryPointValue } from "../results.js";
import type { StudyResults } from "./study-results.js";

/** An entry-point value with the dimension it belongs to. */
export interface DimensionValue extends EntryPointValue {
  dimension: string;
}

/** A real value of the data: neither the pooled `other` nor `unknown`. */
export function isNamedValue(v: EntryPointValue): boolean {
  return v.value !== OTHER && v.value !== UNKNOWN;
}

/** Repeat customers a value brought: users × repeat_rate, which is a whole count. */
export function repeatersOf(v: EntryPointValue): number {
  return Math.round(v.users * v.repeat_rate);
}

/**
 * The successful entry points (§4) of the given dimensions (all when omitted), by lift
 * descending, then dimension and value.
 */
export function successfulValues(results: StudyResults, dimensions?: string[]): DimensionValue[] {
  const names = dimensions ?? Object.keys(results.entry_points.dimensions);
  const found = names.flatMap((dimension) =>
    (results.entry_points.dimensions[dimension]?.values ?? [])
      .filter((v) => v.successful && isNamedValue(v))
      .map((v) => ({ ...v, dimension })),
  );
  return found.sort(
    (a, b) =>
      (b.lift ?? 0) - (a.lift ?? 0) ||
      a.dimension.localeCompare(b.dimension) ||
      a.value.localeCompare(b.value),
  );
}
