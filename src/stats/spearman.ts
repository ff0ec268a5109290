import { averageRanks } from "./ranks.js";

/**
 * Spearman's rank correlation ρ: Pearson's correlation of the average ranks
 * (ties share their mean rank), as `scipy.stats.spearmanr(x, y).correlation`.
 * Pairs where either value is NaN are dropped. NaN when fewer than two pairs
 * remain or either side is constant (scipy warns and returns nan there too).
 */
export function spearmanRho(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const [a, b] = [x[i] ?? Number.NaN, y[i] ?? Number.NaN];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs.push(a);
    ys.push(b);
  }
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  // Both rank vectors have mean (n + 1) / 2.
  const mean = (xs.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (rx[i] ?? 0) - mean;
    const dy = (ry[i] ?? 0) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
