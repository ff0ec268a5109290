/** A finite number, or null for NaN and ±Infinity (results.json has no NaN). */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A value from an engine row as a number, null staying null. */
export const numberOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);

/** A value from an engine row that is a finite number, else null (NULL, NaN, text). */
export const finiteNumberOrNull = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
