import { lnGamma } from "../gamma.js";
import { type BtydData, checkBtydData } from "./btyd-data.js";
import { digamma } from "./digamma.js";

/**
 * The two beta-geometric models differ in one place: whether a subject may drop
 * out at time 0, right after the first event. 0: BG/NBD (no; drop-out only after
 * a repeat event), 1: MBG/NBD (yes).
 */
export type DropoutAtStart = 0 | 1;

/** Data indexed for repeated evaluation: each distinct x, tx and T is worked on once. */
export interface PreparedBtydData {
  weight: Float64Array;
  totalWeight: number;
  xs: Float64Array;
  xWeight: Float64Array;
  xIndex: Uint32Array;
  txs: Float64Array;
  txIndex: Uint32Array;
  Ts: Float64Array;
  TIndex: Uint32Array;
  // Scratch space, rewritten by each evaluation.
  xTerm: Float64Array;
  xMix: Float64Array;
  txLog: Float64Array;
  txInverse: Float64Array;
  TLog: Float64Array;
  TInverse: Float64Array;
}

/**
 * Checks and indexes the data (see `checkBtydData`). The entries are put in the
 * order of T, so that the per-entry pass reads the per-T logarithms in sequence.
 */
export function prepareBtydData(data: BtydData): PreparedBtydData {
  const n = checkBtydData(data);
  const x = distinct(data.x);
  const tx = distinct(data.tx);
  const T = distinct(data.T);
  const order = countingSortOrder(T.index, T.values.length);
  const pick = (index: Uint32Array) => {
    const picked = new Uint32Array(n);
    for (let i = 0; i < n; i++) picked[i] = index[order[i] ?? 0] ?? 0;
    return picked;
  };
  const weight = new Float64Array(n).fill(1);
  if (data.weights) for (let i = 0; i < n; i++) weight[i] = data.weights[order[i] ?? 0] ?? 0;
  const xIndex = pick(x.index);
  const xWeight = new Float64Array(x.values.length);
  for (let i = 0; i < n; i++) {
    const k = xIndex[i] ?? 0;
    xWeight[k] = (xWeight[k] ?? 0) + (weight[i] ?? 0);
  }
  return {
    weight,
    totalWeight: weight.reduce((sum, w) => sum + w, 0),
    xs: x.values,
    xWeight,
    xIndex,
    txs: tx.values,
    txIndex: pick(tx.index),
    Ts: T.values,
    TIndex: pick(T.index),
    xTerm: new Float64Array(x.values.length),
    xMix: new Float64Array(x.values.length),
    txLog: new Float64Array(tx.values.length),
    txInverse: new Float64Array(tx.values.length),
    TLog: new Float64Array(T.values.length),
    TInverse: new Float64Array(T.values.length),
  };
}

/**
 * The negative log-likelihood of (r, α, a, b) summed over the data, and, when
 * `gradient` is given, its partial derivatives written into it. Per subject
 * (Fader, Hardie & Lee 2005, eq. 6, in logs; Batislam et al. 2007 for k = 1):
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+k) − ln B(a, b)
 *          + ln( (α+T)^−(r+x) + δ · a/(b+x+k−1) · (α+tx)^−(r+x) )
 *
 * with k = `dropout` and δ = 1 when x > 0 or k = 1, else 0; the last logarithm
 * as a log-sum-exp.
 */
export function betaGeometricNegLogLik(
  data: PreparedBtydData,
  dropout: DropoutAtStart,
  [r, alpha, a, b]: readonly number[],
  gradient?: number[],
): number {
  if (r === undefined || alpha === undefined || a === undefined || b === undefined)
    return Number.NaN;
  const { xs, xWeight, xTerm, xMix, txLog, txInverse, TLog, TInverse } = data;
  const logAlpha = Math.log(alpha);
  const [lgR, lgB, lgAB] = [lnGamma(r), lnGamma(b), lnGamma(a + b)];
  const [psiR, psiB, psiAB] = gradient ? [digamma(r), digamma(b), digamma(a + b)] : [0, 0, 0];
  let ll = 0;
  let [dr, dAlpha, da, db] = [0, 0, 0, 0];
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] ?? 0;
    const w = xWeight[k] ?? 0;
    const shifted = b + x + dropout;
    xTerm[k] =
      lnGamma(r + x) - lgR + r * logAlpha + lgAB + lnGamma(shifted) - lgB - lnGamma(a + shifted);
    xMix[k] =
      x > 0 || dropout === 1 ? Math.log(a) - Math.log(shifted - 1) : Number.NEGATIVE_INFINITY;
    ll += w * (xTerm[k] ?? 0);
    if (gradient) {
      const psiShifted = digamma(a + shifted);
      dr += w * (digamma(r + x) - psiR + logAlpha);
      dAlpha += (w * r) / alpha;
      da += w * (psiAB - psiShifted);
      db += w * (psiAB + digamma(shifted) - psiB - psiShifted);
    }
  }
  fillLogs(data.txs, alpha, txLog, txInverse);
  fillLogs(data.Ts, alpha, TLog, TInverse);
  const { weight, xIndex, txIndex, TIndex } = data;
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i] ?? 0;
    const k = xIndex[i] ?? 0;
    const rx = r + (xs[k] ?? 0);
    const logT = TLog[TIndex[i] ?? 0] ?? 0;
    const alive = -rx * logT;
    const mix = xMix[k] ?? Number.NEGATIVE_INFINITY;
    if (mix === Number.NEGATIVE_INFINITY) {
      ll += w * alive;
      if (gradient) {
        dr -= w * logT;
        dAlpha -= w * rx * (TInverse[TIndex[i] ?? 0] ?? 0);
      }
      continue;
    }
    const logTx = txLog[txIndex[i] ?? 0] ?? 0;
    const gone = mix - rx * logTx;
    // ln(e^alive + e^gone), and ω, the share of the second term.
    const e = Math.exp(-Math.abs(alive - gone));
    ll += w * (Math.max(alive, gone) + Math.log1p(e));
    if (gradient) {
      const omega = gone >= alive ? 1 / (1 + e) : e / (1 + e);
      const stay = 1 - omega;
      dr -= w * (stay * logT + omega * logTx);
      dAlpha -=
        w *
        rx *
        (stay * (TInverse[TIndex[i] ?? 0] ?? 0) + omega * (txInverse[txIndex[i] ?? 0] ?? 0));
      da += (w * omega) / a;
      db -= (w * omega) / (b + (xs[k] ?? 0) + dropout - 1);
    }
  }
  if (gradient) gradient.splice(0, gradient.length, -dr, -dAlpha, -da, -db);
  return -ll;
}

function fillLogs(
  values: Float64Array,
  alpha: number,
  logs: Float64Array,
  inverses: Float64Array,
): void {
  for (let j = 0; j < values.length; j++) {
    const v = alpha + (values[j] ?? 0);
    logs[j] = Math.log(v);
    inverses[j] = 1 / v;
  }
}

/** The distinct values, ascending, and for each entry the position of its value among them. */
function distinct(values: BtydData["x"]): { values: Float64Array; index: Uint32Array } {
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i] ?? 0;
  }
  const unique = sorted.slice(0, count);
  const index = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((unique[middle] ?? 0) < v) low = middle + 1;
      else high = middle;
    }
    index[i] = low;
  }
  return { values: unique, index };
}

/** The entry numbers ordered by `keys` (each below `size`), ties in entry order. */
function countingSortOrder(keys: Uint32Array, size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (const key of keys) start[key + 1] = (start[key + 1] ?? 0) + 1;
  for (let k = 0; k < size; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const order = new Uint32Array(keys.length);
  keys.forEach((key, i) => {
    order[start[key] ?? 0] = i;
    start[key] = (start[key] ?? 0) + 1;
  });
  return order;
}
