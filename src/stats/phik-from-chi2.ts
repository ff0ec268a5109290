import { type PhikReferenceGrid, phikReferenceGrid } from "./phik-reference-grid.js";

/** phik solves with `scipy.optimize.brentq(…, xtol=1e-5)`; the other settings are scipy's defaults. */
const XTOL = 1e-5;
const RTOL = 4 * Number.EPSILON;
const MAX_ITERATIONS = 100;

/**
 * Brent's method step for step as scipy's `brentq` (C `brentq.c`), so that the root
 * lands where phik's does and not merely within xtol of it. Expects f(a) < 0 < f(b).
 */
function brentq(f: (x: number) => number, a: number, b: number): number {
  let xpre = a;
  let xcur = b;
  let xblk = 0;
  let fpre = f(xpre);
  let fcur = f(xcur);
  let fblk = 0;
  let spre = 0;
  let scur = 0;
  if (fpre === 0) return xpre;
  if (fcur === 0) return xcur;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    if (fpre !== 0 && fcur !== 0 && Math.sign(fpre) !== Math.sign(fcur)) {
      xblk = xpre;
      fblk = fpre;
      spre = scur = xcur - xpre;
    }
    if (Math.abs(fblk) < Math.abs(fcur)) {
      xpre = xcur;
      xcur = xblk;
      xblk = xpre;
      fpre = fcur;
      fcur = fblk;
      fblk = fpre;
    }
    const delta = (XTOL + RTOL * Math.abs(xcur)) / 2;
    const sbis = (xblk - xcur) / 2;
    if (fcur === 0 || Math.abs(sbis) < delta) return xcur;
    if (Math.abs(spre) > delta && Math.abs(fcur) < Math.abs(fpre)) {
      let stry: number;
      if (xpre === xblk) {
        stry = (-fcur * (xcur - xpre)) / (fcur - fpre);
      } else {
        const dpre = (fpre - fcur) / (xpre - xcur);
        const dblk = (fblk - fcur) / (xblk - xcur);
        stry = (-fcur * (fblk * dblk - fpre * dpre)) / (dblk * dpre * (fblk - fpre));
      }
      if (2 * Math.abs(stry) < Math.min(Math.abs(spre), 3 * Math.abs(sbis) - delta)) {
        spre = scur;
        scur = stry;
      } else {
        spre = sbis;
        scur = sbis;
      }
    } else {
      spre = sbis;
      scur = sbis;
    }
    xpre = xcur;
    fpre = fcur;
    xcur += Math.abs(scur) > delta ? scur : sbis > 0 ? delta : -delta;
    fcur = f(xcur);
  }
  return xcur;
}

/**
 * φK from an observed χ²: the correlation rho of a bivariate normal that, binned into
 * a rows × cols table of n records, yields that χ² (Baak et al. 2019,
 * arXiv:1811.11440; phik v0.12.5, `phik_from_chi2`). The model χ² runs from the
 * pedestal at rho = 0 to χ²_max = n·min(rows − 1, cols − 1) at rho = 1; χ² at or below
 * the pedestal gives 0, at or above χ²_max gives 1, and in between the root is found
 * as phik finds it (Brent, xtol = 1e-5), so results agree with phik's to well within
 * that tolerance. NaN when either side has fewer than 2 levels or n is not positive.
 */
export function phikFromChi2(
  chi2: number,
  n: number,
  rows: number,
  cols: number,
  pedestal = 0,
): number {
  if (rows < 2 || cols < 2 || !(n > 0) || Number.isNaN(chi2)) return Number.NaN;
  if (!(pedestal >= 0)) throw new RangeError(`invalid noise pedestal: ${pedestal}; expected ≥ 0`);
  const chi2Max = n * Math.min(rows - 1, cols - 1);
  if (chi2 <= pedestal) return 0;
  if (chi2 >= chi2Max) return 1;
  const { grid, atOne } = referenceGrid(rows, cols);
  const scale = (chi2Max - pedestal) / (n * atOne);
  const perRecord = (rho: number) => (rho === 1 ? atOne : grid.chi2PerRecord(rho));
  const excess = (rho: number) => pedestal + n * perRecord(rho) * scale - chi2;
  // χ² a rounding error below χ²_max can leave the model at rho = 1 not above it;
  // the bracket then has no sign change and the answer is its end.
  if (excess(1) <= 0) return 1;
  return brentq(excess, 0, 1);
}

/**
 * The reference grid of a shape and its χ² per record at rho = 1, made once per shape: the
 * pairs of a matrix, and the runs of a study, ask for the same few shapes again and again.
 */
const GRIDS = new Map<string, { grid: PhikReferenceGrid; atOne: number }>();
const MAX_GRIDS = 1024;

function referenceGrid(rows: number, cols: number): { grid: PhikReferenceGrid; atOne: number } {
  const key = `${rows}x${cols}`;
  let entry = GRIDS.get(key);
  if (!entry) {
    if (GRIDS.size >= MAX_GRIDS) GRIDS.clear();
    const grid = phikReferenceGrid(rows, cols);
    entry = { grid, atOne: grid.chi2PerRecord(1) };
    GRIDS.set(key, entry);
  }
  return entry;
}
