import { lnGamma } from "../gamma.js";
import type { NumericArray } from "./btyd-data.js";
import type { BtydFit, BtydFitOptions } from "./btyd-fit.js";
import { digamma } from "./digamma.js";
import { maximumLikelihood } from "./maximum-likelihood.js";

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-value Curves for Customer Base Analysis"; Hardie 2013, "The Gamma-Gamma
 * Model of Monetary Value"): each value is Gamma(p, ν) with ν ~ Gamma(q, γ)
 * across subjects, so the mean value of a subject is γp/(q−1) on average.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Per subject: `x` values (repeat events) averaging `m`; optional counts of identical pairs. */
export interface GammaGammaData {
  x: NumericArray;
  m: NumericArray;
  weights?: NumericArray;
}

/**
 * The log-likelihood of a mean m of x values (Hardie 2013, eq. 1a, in logs):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ+mx).
 */
export function gammaGammaLogLikelihood(
  { p, q, gamma }: GammaGammaParams,
  x: number,
  m: number,
): number {
  const px = p * x;
  return (
    lnGamma(px + q) -
    lnGamma(px) -
    lnGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  );
}

/**
 * Maximum-likelihood p, q, γ with standard errors, from the subjects with x ≥ 1
 * (those with x = 0 carry no value and are skipped; `n` counts the rest). Throws
 * a RangeError for a non-integer or negative x, or for m ≤ 0 with x ≥ 1 (the
 * model needs positive values: drop or adjust zero-value subjects first).
 * Default start p = q = 1, γ = the mean of m.
 */
export function fitGammaGamma(
  data: GammaGammaData,
  options: BtydFitOptions<GammaGammaParams> = {},
): BtydFit<GammaGammaParams> {
  const rows = usableRows(data);
  const { totalWeight, meanM } = rows;
  if (!(totalWeight > 0)) throw new RangeError("invalid data: no subject with x ≥ 1 to fit");
  const groups = byX(rows);
  const { m, w, logM } = groups;
  // One pass over the subjects of each x, in the order given; only what varies per subject is
  // computed in it, with the terms added in the order of the formula.
  const negLogLik = ([p = 1, q = 1, gamma = 1]: readonly number[], gradient?: number[]) => {
    let ll = 0;
    let [dp, dq, dGamma] = [0, 0, 0];
    const [lgQ, psiQ, logGamma] = [lnGamma(q), gradient ? digamma(q) : 0, Math.log(gamma)];
    const qOverGamma = q / gamma;
    for (let g = 0; g < groups.x.length; g++) {
      const x = groups.x[g] as number;
      const [from, to] = [groups.start[g] as number, groups.start[g + 1] as number];
      const px = p * x;
      const logX = Math.log(x);
      const shared = lnGamma(px + q) - lnGamma(px) - lgQ + q * logGamma + px * logX;
      const [pxLess1, pxq] = [px - 1, px + q];
      if (!gradient) {
        for (let i = from; i < to; i++) {
          const logMix = Math.log(gamma + (m[i] as number) * x);
          ll += (w[i] as number) * (shared + pxLess1 * (logM[i] as number) - pxq * logMix);
        }
        continue;
      }
      const [psiPxq, psiPx] = [digamma(px + q), digamma(px)];
      const [psiDiff, qTerm] = [psiPxq - psiPx, psiPxq - psiQ + logGamma];
      for (let i = from; i < to; i++) {
        const [mi, wi, logMi] = [m[i] as number, w[i] as number, logM[i] as number];
        const mix = gamma + mi * x;
        const logMix = Math.log(mix);
        ll += wi * (shared + pxLess1 * logMi - pxq * logMix);
        dp += wi * x * (psiDiff + logMi + logX - logMix);
        dq += wi * (qTerm - logMix);
        dGamma += wi * (qOverGamma - pxq / mix);
      }
    }
    if (gradient) gradient.splice(0, gradient.length, -dp, -dq, -dGamma);
    return -ll;
  };
  const { p, q, gamma } = options.initial ?? { p: 1, q: 1, gamma: meanM };
  const fit = maximumLikelihood(negLogLik, [p, q, gamma], totalWeight, options.maxIterations);
  const named = ([p, q, gamma]: number[]) => ({
    p: p ?? Number.NaN,
    q: q ?? Number.NaN,
    gamma: gamma ?? Number.NaN,
  });
  return {
    params: named(fit.estimates),
    standardErrors: named(fit.standardErrors),
    logLikelihood: fit.logLikelihood,
    n: totalWeight,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

/**
 * E[M | x, m]: the expected mean value of a subject's future events (Hardie 2013,
 * eq. 5), a weighted mean of the population mean γp/(q−1) and the subject's own m,
 * (γp + pxm) / (px + q − 1). For x = 0 the population mean. NaN when px + q ≤ 1
 * (no finite mean: q ≤ 1 and x = 0).
 */
export function gammaGammaConditionalMean(
  { p, q, gamma }: GammaGammaParams,
  x: number,
  m: number,
): number {
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Number.NaN;
  return (gamma * p + (x > 0 ? p * x * m : 0)) / denominator;
}

/** The subjects with x ≥ 1, in the order given, with their weight and ln m. */
interface Rows {
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
  logM: Float64Array;
  totalWeight: number;
  /** Σ w·m / Σ w. */
  meanM: number;
}

function usableRows({ x, m, weights }: GammaGammaData): Rows {
  if (m.length !== x.length || (weights && weights.length !== x.length)) {
    throw new RangeError(
      `invalid data: x, m${weights ? " and weights" : ""} must have the same length`,
    );
  }
  const rows = {
    x: new Float64Array(x.length),
    m: new Float64Array(x.length),
    w: new Float64Array(x.length),
    logM: new Float64Array(x.length),
  };
  let n = 0;
  let [totalWeight, weightedM] = [0, 0];
  for (let i = 0; i < x.length; i++) {
    const [xi, mi, wi] = [x[i] ?? Number.NaN, m[i] ?? Number.NaN, weights?.[i] ?? 1];
    if (!(Number.isInteger(xi) && xi >= 0))
      throw new RangeError(`invalid x[${i}]: ${xi}; expected an integer ≥ 0`);
    if (!(Number.isFinite(wi) && wi >= 0)) {
      throw new RangeError(`invalid weights[${i}]: ${wi}; expected a finite number ≥ 0`);
    }
    if (xi === 0) continue;
    if (!(Number.isFinite(mi) && mi > 0)) {
      throw new RangeError(`invalid m[${i}]: ${mi}; expected a finite mean value > 0 when x ≥ 1`);
    }
    [rows.x[n], rows.m[n], rows.w[n], rows.logM[n]] = [xi, mi, wi, Math.log(mi)];
    totalWeight += wi;
    weightedM += mi * wi;
    n++;
  }
  return {
    x: rows.x.subarray(0, n),
    m: rows.m.subarray(0, n),
    w: rows.w.subarray(0, n),
    logM: rows.logM.subarray(0, n),
    totalWeight,
    meanM: weightedM / totalWeight,
  };
}

/**
 * The subjects grouped by x, the groups in the order their x first appears and the subjects
 * of a group in the order given: group g is entries start[g] to start[g + 1] − 1.
 */
function byX(rows: Rows): {
  x: number[];
  start: Uint32Array;
  m: Float64Array;
  w: Float64Array;
  logM: Float64Array;
} {
  const groupOf = new Map<number, number>();
  const counts: number[] = [];
  for (const x of rows.x) {
    let g = groupOf.get(x);
    if (g === undefined) {
      g = counts.length;
      groupOf.set(x, g);
      counts.push(0);
    }
    counts[g] = (counts[g] ?? 0) + 1;
  }
  const start = new Uint32Array(counts.length + 1);
  counts.forEach((count, g) => {
    start[g + 1] = (start[g] ?? 0) + count;
  });
  const next = start.slice(0, counts.length);
  const n = rows.x.length;
  const [m, w, logM] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    const g = groupOf.get(rows.x[i] as number) as number;
    const at = next[g] as number;
    next[g] = at + 1;
    [m[at], w[at], logM[at]] = [rows.m[i] as number, rows.w[i] as number, rows.logM[i] as number];
  }
  return { x: [...groupOf.keys()], start, m, w, logM };
}
