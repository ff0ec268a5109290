import { OTHER, UNKNOWN } from "../../model/pooled-values.js";
import type { AdjustedValue } from "../adjusted-results.js";
import type { StudyResults } from "./study-results.js";

/** The entry-point dimensions whose values a marketer can act on (not the check or tickets). */
const LEVERS = new Set([
  "first_event_type",
  "first_device",
  "first_region",
  "first_service",
  "first_city",
]);

/**
 * The values with an adjusted effect that counts (§13): an estimate with p < 0.05 in a
 * dimension whose likelihood-ratio test has q < 0.05; `other` and `unknown` are never named.
 * Raising ones by odds ratio descending, lowering ones ascending.
 */
export function adjustedDrivers(results: StudyResults): {
  raising: AdjustedValue[];
  lowering: AdjustedValue[];
  /** Significant one dimension at a time, not once the others are held fixed. */
  explainedAway: AdjustedValue[];
} {
  const model = results.adjusted_effects;
  if (!model) return { raising: [], lowering: [], explainedAway: [] };
  const significantDimension = new Set(
    model.dimensions.filter((d) => d.q_value !== null && d.q_value < 0.05).map((d) => d.dimension),
  );
  const named = model.values.filter(
    (v) => LEVERS.has(v.dimension) && v.value !== OTHER && v.value !== UNKNOWN && !v.reference,
  );
  const significant = named.filter(
    (v) =>
      v.odds_ratio !== null &&
      v.p_value !== null &&
      v.p_value < 0.05 &&
      significantDimension.has(v.dimension),
  );
  const or = (v: AdjustedValue) => v.odds_ratio ?? 1;
  return {
    raising: significant.filter((v) => or(v) > 1).sort((a, b) => or(b) - or(a)),
    lowering: significant.filter((v) => or(v) < 1).sort((a, b) => or(a) - or(b)),
    explainedAway: named
      .filter(
        (v) =>
          v.confounded &&
          v.unadjusted_p_value !== null &&
          v.unadjusted_p_value < 0.05 &&
          (v.p_value === null || v.p_value >= 0.05),
      )
      .sort((a, b) => (a.unadjusted_p_value ?? 1) - (b.unadjusted_p_value ?? 1)),
  };
}
