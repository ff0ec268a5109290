import type { AnalysisResults } from "../src/analysis/results.js";

/**
 * Every leaf of two results, side by side: counts (integers) must be equal, other numbers
 * within 1e-9 relative; texts, booleans and nulls equal. Returns the paths that differ.
 */
export function differences(a: unknown, b: unknown, path = "$"): string[] {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b)) return a === b ? [] : [`${path}: ${a} ≠ ${b}`];
    const scale = Math.max(Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= 1e-9 * scale || a === b ? [] : [`${path}: ${a} ≠ ${b}`];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} items ≠ ${b.length}`];
    return a.flatMap((v, i) => differences(v, b[i], `${path}[${i}]`));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      ),
    );
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

/** The results without the part that names the source, which differs by design. */
export const comparable = (r: AnalysisResults) => ({
  ...r,
  input: { ...r.input, source: "", orders: "", rates: "" },
});
