import { bivariateNormalCdf } from "./bivariate-normal.js";
import { normalCdf } from "./normal.js";

/** A bivariate standard normal binned into rows × cols equal cells over [−5, 5]². */
export interface PhikReferenceGrid {
  readonly rows: number;
  readonly cols: number;
  /** rows + 1 cell boundaries along the first variable. */
  readonly xEdges: readonly number[];
  /** cols + 1 cell boundaries along the second variable. */
  readonly yEdges: readonly number[];
  /** Cell probabilities at correlation 0. */
  readonly independent: readonly (readonly number[])[];
  /** Cell probabilities at correlation rho in [0, 1]. */
  cells(rho: number): number[][];
  /** Σ (p_rho − p_0)² / p_0: the χ² per record of the rho grid against the independent one. */
  chi2PerRecord(rho: number): number;
}

/** numpy's `linspace(-5, 5, count + 1)`, step by step, so the cells are phik's to the bit. */
function edges(count: number): number[] {
  const step = 10 / count;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(i * step + -5);
  out.push(5);
  return out;
}

function strips(e: readonly number[]): number[] {
  const cdf = e.map(normalCdf);
  return cdf.slice(1).map((upper, i) => upper - (cdf[i] ?? 0));
}

/**
 * The reference distribution of φK (Baak et al. 2019, arXiv:1811.11440; phik v0.12.5,
 * `bivariate.py`): a standard bivariate normal with correlation rho binned into a
 * rows × cols grid of equal cells on [−5, 5]². The outer cells stop at ±5, and the mass
 * outside the square is dropped without renormalising, as phik does.
 */
export function phikReferenceGrid(rows: number, cols: number): PhikReferenceGrid {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`invalid grid shape: ${rows} × ${cols}; expected whole numbers ≥ 1`);
  }
  const xEdges = edges(rows);
  const yEdges = edges(cols);
  const xStrips = strips(xEdges);
  const yStrips = strips(yEdges);
  const independent = xStrips.map((px) => yStrips.map((py) => px * py));

  const cells = (rho: number): number[][] => {
    if (!(rho >= 0 && rho <= 1)) throw new RangeError(`invalid correlation: ${rho}`);
    if (rho === 0) return independent.map((row) => [...row]);
    if (rho === 1) {
      // X = Y: the mass of the diagonal segment that crosses the cell, if any.
      return xEdges.slice(1).map((xHi, i) =>
        yEdges.slice(1).map((yHi, j) => {
          const lo = Math.max(xEdges[i] ?? 0, yEdges[j] ?? 0);
          return Math.max(0, normalCdf(Math.min(xHi, yHi)) - normalCdf(lo));
        }),
      );
    }
    // The grid is symmetric under (x, y) → (−x, −y), so only the cells left of the
    // centre are integrated; there F stays small and loses fewer digits to cancellation.
    const half = Math.ceil(rows / 2);
    const cdf = xEdges
      .slice(0, half + 1)
      .map((x) => yEdges.map((y) => bivariateNormalCdf(x, y, rho)));
    const left = cdf.slice(1).map((above, i) => {
      const below = cdf[i] ?? [];
      return yEdges
        .slice(1)
        .map(
          (_, j) => (above[j + 1] ?? 0) - (above[j] ?? 0) - ((below[j + 1] ?? 0) - (below[j] ?? 0)),
        );
    });
    const right = left
      .slice(0, rows - half)
      .reverse()
      .map((row) => [...row].reverse());
    return [...left, ...right];
  };

  const chi2PerRecord = (rho: number): number => {
    if (rho === 0) return 0;
    const p = cells(rho);
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const p0 = independent[i]?.[j] ?? 0;
        sum += ((p[i]?.[j] ?? 0) - p0) ** 2 / p0;
      }
    }
    return sum;
  };

  return { rows, cols, xEdges, yEdges, independent, cells, chi2PerRecord };
}
