import type { Dialect } from "../engine/dialect.js";

/** A label of a left-closed bin, as ANALYSIS.md §11.11 writes it: `[1,2)`, `[5,inf)`. */
export function binLabel(lo: number, hi: number | null): string {
  return `[${formatEdge(lo)},${hi === null ? "inf" : formatEdge(hi)})`;
}

const formatEdge = (x: number): string =>
  Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));

/** The bins [e0,e1) … [e_last, inf) of ascending edges. */
export function binsOf(edges: readonly number[]): { bin: string; lo: number; hi: number | null }[] {
  return edges.map((lo, i) => {
    const hi = edges[i + 1] ?? null;
    return { bin: binLabel(lo, hi), lo, hi };
  });
}

/**
 * SQL: the 0-based index of the bin [e_i, e_{i+1}) that holds `expr`, with the last bin open
 * above; NULL below the first edge or when `expr` is NULL. Edges are numbers Encore chose, not
 * user input, so they are written as literals.
 */
export function binIndexSql(d: Dialect, expr: string, edges: readonly number[]): string {
  const literal = (x: number) => {
    if (!Number.isFinite(x)) throw new RangeError(`invalid bin edge: ${x}`);
    return `CAST(${x} AS ${d.doubleType})`;
  };
  const parts = edges.map((e, i) => `WHEN ${expr} >= ${literal(e)} THEN ${i}`).reverse();
  return `CASE ${parts.join(" ")} END`;
}
