/** A level of a variable: a bin number or a category. */
export type PhikLevel = number | string;

/** A contingency table with the levels that label its rows and columns. */
export interface PhikTable {
  readonly xLevels: PhikLevel[];
  readonly yLevels: PhikLevel[];
  /** counts[i][j]: records with x = xLevels[i] and y = yLevels[j]. */
  readonly counts: number[][];
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const d = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return left.length - right.length;
}

/** Numbers ascending, then text by code point: a fixed order, though φK does not depend on it. */
function compareLevels(a: PhikLevel, b: PhikLevel): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return compareCodePoints(a, b);
}

function isMissing(v: PhikLevel | null | undefined): v is null | undefined {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

/**
 * The contingency table of two paired sequences of levels, as φK builds it (Baak et al.
 * 2019, arXiv:1811.11440; phik v0.12.5 with `dropna=True`): records missing either value
 * (null, undefined or NaN) are left out, and the rows and columns are the levels that
 * occur among the remaining records, so no row or column is empty.
 */
export function phikTable(
  x: readonly (PhikLevel | null | undefined)[],
  y: readonly (PhikLevel | null | undefined)[],
): PhikTable {
  if (x.length !== y.length) {
    throw new RangeError(
      `invalid pair: ${x.length} and ${y.length} values; expected equal lengths`,
    );
  }
  const pairs: [PhikLevel, PhikLevel][] = [];
  const xSeen = new Set<PhikLevel>();
  const ySeen = new Set<PhikLevel>();
  for (let k = 0; k < x.length; k++) {
    const a = x[k];
    const b = y[k];
    if (isMissing(a) || isMissing(b)) continue;
    pairs.push([a, b]);
    xSeen.add(a);
    ySeen.add(b);
  }
  const xLevels = [...xSeen].sort(compareLevels);
  const yLevels = [...ySeen].sort(compareLevels);
  const xIndex = new Map(xLevels.map((level, i) => [level, i]));
  const yIndex = new Map(yLevels.map((level, j) => [level, j]));
  const counts = xLevels.map(() => yLevels.map(() => 0));
  for (const [a, b] of pairs) {
    const row = counts[xIndex.get(a) ?? 0];
    const j = yIndex.get(b) ?? 0;
    if (row) row[j] = (row[j] ?? 0) + 1;
  }
  return { xLevels, yLevels, counts };
}
