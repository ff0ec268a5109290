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
  const byX = new Map<number, number[]>();
  rows.forEach(({ x }, i) => {
    const members = byX.get(x);
    if (members) members.push(i);
    else byX.set(x, [i]);
  });
  const totalWeight = rows.reduce((sum, { w }) => sum + w, 0);
  if (!(totalWeight > 0)) throw new RangeError("invalid data: no subject with x ≥ 1 to fit");
  const negLogLik = ([p = 1, q = 1, gamma = 1]: readonly number[], gradient?: number[]) => {
    let ll = 0;
    let [dp, dq, dGamma] = [0, 0, 0];
    const [lgQ, psiQ, logGamma] = [lnGamma(q), gradient ? digamma(q) : 0, Math.log(gamma)];
    for (const [x, members] of byX) {
      const px = p * x;
      const shared = lnGamma(px + q) - lnGamma(px) - lgQ + q * logGamma + px * Math.log(x);
      const [psiPxq, psiPx] = gradient ? [digamma(px + q), digamma(px)] : [0, 0];
      for (const i of members) {
        const { m, w, logM } = rows[i] as Row;
        const logMix = Math.log(gamma + m * x);
        ll += w * (shared + (px - 1) * logM - (px + q) * logMix);
        if (gradient) {
          dp += w * x * (psiPxq - psiPx + logM + Math.log(x) - logMix);
          dq += w * (psiPxq - psiQ + logGamma - logMix);
          dGamma += w * (q / gamma - (px + q) / (gamma + m * x));
        }
      }
    }
    if (gradient) gradient.splice(0, gradient.length, -dp, -dq, -dGamma);
    return -ll;
  };
  const meanM = rows.reduce((sum, { m, w }) => sum + m * w, 0) / totalWeight;
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

interface Row {
  x: number;
  m: number;
  w: number;
  logM: number;
}

function usableRows({ x, m, weights }: GammaGammaData): Row[] {
  if (m.length !== x.length || (weights && weights.length !== x.length)) {
    throw new RangeError(
      `invalid data: x, m${weights ? " and weights" : ""} must have the same length`,
    );
  }
  const rows: Row[] = [];
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
    rows.push({ x: xi, m: mi, w: wi, logM: Math.log(mi) });
  }
  return rows;
}
