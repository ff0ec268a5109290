import { type PackedRows, weightedGram } from "./logistic-rows.js";

/**
 * A column counts as a combination of earlier ones when what is left of it after
 * projecting on them has a squared norm below this share of its own: a residual norm
 * under 1e-5 of the column's. Columns of 0/1 indicators weighted by whole counts are
 * either exact combinations (residual at rounding level, ~1e-15) or differ by at least
 * one user, which leaves a share of about 1/users (1e-7 at ten million users).
 */
export const COLLINEARITY_TOLERANCE = 1e-10;

/**
 * Which columns of the design [1, x₁, …, xₖ] (the intercept first, rows of `rows`
 * weighted by their trials, as the expanded one-row-per-user design) are linear
 * combinations of the columns before them: a Cholesky factorization of the Gram matrix
 * XᵀWX without pivoting, in column order, that skips a column whose pivot (its squared
 * residual after projection on the kept earlier columns) falls under the tolerance.
 * Without pivoting the first of two equal columns is kept and the later one dropped,
 * as R's `lm`/`glm` report the later one as aliased (NA). `empty`: no users at all.
 */
export function findAliased(
  rows: PackedRows,
  width: number,
  tolerance = COLLINEARITY_TOLERANCE,
): ("kept" | "collinear" | "empty")[] {
  const size = width + 1;
  const flat = weightedGram(rows, size, (r) => rows.trials[r] as number);
  const gram = (i: number, j: number) => flat[i * size + j] as number;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const kept: number[] = [];
  const status: ("kept" | "collinear" | "empty")[] = [];
  for (let j = 0; j < size; j++) {
    const row = lower[j] as number[];
    for (const i of kept) {
      let sum = gram(j, i);
      for (const m of kept) {
        if (m >= i) break;
        sum -= (row[m] ?? 0) * (lower[i]?.[m] ?? 0);
      }
      row[i] = sum / (lower[i]?.[i] ?? Number.NaN);
    }
    const norm = gram(j, j);
    let pivot = norm;
    for (const i of kept) pivot -= (row[i] ?? 0) ** 2;
    if (j > 0) status.push(norm === 0 ? "empty" : pivot > tolerance * norm ? "kept" : "collinear");
    if (pivot > tolerance * norm) {
      row[j] = Math.sqrt(pivot);
      kept.push(j);
    } else {
      row.fill(0);
    }
  }
  return status;
}
