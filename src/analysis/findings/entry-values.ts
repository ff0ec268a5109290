import { OTHER, UNKNOWN } from "../../model/pooled-values.js";
import type { EntryPointValue } from "../results.js";
import { MIN_LIFT } from "./effect-size.js";
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
 * A successful entry point (§4) whose lift is also large enough to state (§9): significantly
 * and at least 10% above the overall repeat rate.
 */
export function isClearlyAbove(v: EntryPointValue): boolean {
  return v.successful && (v.lift ?? 0) >= MIN_LIFT;
}

/**
 * The successful entry points (§4) of the given dimensions (all when omitted) with a lift of at
 * least MIN_LIFT, by lift descending, then dimension and value.
 */
export function successfulValues(results: StudyResults, dimensions?: string[]): DimensionValue[] {
  const names = dimensions ?? Object.keys(results.entry_points.dimensions);
  const found = names.flatMap((dimension) =>
    (results.entry_points.dimensions[dimension]?.values ?? [])
      .filter((v) => isClearlyAbove(v) && isNamedValue(v))
      .map((v) => ({ ...v, dimension })),
  );
  return found.sort(
    (a, b) =>
      (b.lift ?? 0) - (a.lift ?? 0) ||
      a.dimension.localeCompare(b.dimension) ||
      a.value.localeCompare(b.value),
  );
}
