/**
 * The smallest difference between two groups' averages (average check, interval between
 * orders) that a finding states (ANALYSIS.md §9): a fifth of the reference group's figure, in
 * both the medians and the means. A significant test says a difference exists; this says it
 * is large enough to act on (4.5 against 5.0 days is not).
 */
export const MIN_RELATIVE_DIFFERENCE = 0.2;

/** The smallest lift (a rate against the overall one) a finding calls higher (§9). */
export const MIN_LIFT = 1.1;

/** (x − reference) / reference; null when either is unknown or the reference is 0. */
export function relativeDifference(x: number | null, reference: number | null): number | null {
  if (x === null || reference === null || reference === 0) return null;
  return (x - reference) / reference;
}

/**
 * Every relative difference is known, points in `direction` (+1 higher, −1 lower) and is at
 * least MIN_RELATIVE_DIFFERENCE in size.
 */
export function largeEnough(differences: readonly (number | null)[], direction: 1 | -1): boolean {
  return differences.every((d) => d !== null && d * direction >= MIN_RELATIVE_DIFFERENCE);
}
