import {
  fitBgNbd,
  fitMbgNbd,
  mbgNbdExpectedIfAlive,
  mbgNbdProbabilityAlive,
} from "../stats/btyd/index.js";
import { btydData, type Triple } from "./history-triples.js";
import { countFit } from "./model-fits.js";
import type { HoldoutBin, HoldoutEvaluation } from "./prediction-results.js";

const HOLDOUT_BINS = 7;

/** Holdout orders of the checked users by calibration frequency, weighted by their count. */
export function holdoutBins(
  triples: readonly Triple[],
  predictedPerUser: readonly number[],
): { bins: HoldoutBin[]; total: HoldoutBin } {
  const bins: HoldoutBin[] = Array.from({ length: HOLDOUT_BINS + 1 }, (_, x) => ({
    bin: x === HOLDOUT_BINS ? `${x}+` : String(x),
    users: 0,
    actual_orders: 0,
    predicted_orders: 0,
  }));
  const total: HoldoutBin = { bin: "total", users: 0, actual_orders: 0, predicted_orders: 0 };
  triples.forEach((t, i) => {
    for (const b of [bins[Math.min(t.x, HOLDOUT_BINS)], total]) {
      if (!b) continue;
      b.users += t.checkedUsers;
      b.actual_orders += t.holdout;
      b.predicted_orders += t.checkedUsers * (predictedPerUser[i] ?? 0);
    }
  });
  return { bins: bins.filter((b) => b.users > 0), total };
}

/** The calibration period's fits, made once per study: they learn from every user. */
export interface HoldoutFits {
  readonly cut: string;
  readonly holdoutDays: number;
  readonly bg: ReturnType<typeof fitBgNbd>;
  readonly mbg: ReturnType<typeof fitMbgNbd>;
  /** The MBG/NBD's expected holdout occasions of one user per distinct (x, t_x, T). */
  readonly predicted: Map<string, number>;
}

const tripleKey = (t: Triple) => `${t.x} ${t.tx} ${t.T}`;

/**
 * Both models fitted on the orders up to the calibration end (every user's calibration
 * triples, whatever their population), with the MBG/NBD's expected holdout occasions per
 * distinct triple. Null without a holdout period or without a repeat occasion before it.
 */
export function fitHoldout(
  triples: readonly Triple[],
  cut: string,
  holdoutDays: number,
  unit: number,
): HoldoutFits | null {
  if (!triples.some((t) => t.x > 0) || holdoutDays <= 0) return null;
  const data = btydData(triples, unit);
  const bg = fitBgNbd(data);
  const mbg = fitMbgNbd(data);
  // P(alive) × the alive expectation, the latter once per distinct (x, T).
  const ifAlive = new Map<string, number>();
  const predicted = new Map<string, number>();
  for (const t of triples) {
    const key = `${t.x} ${t.T}`;
    let e = ifAlive.get(key);
    if (e === undefined) {
      e = mbgNbdExpectedIfAlive(mbg.params, holdoutDays / unit, t.x, t.T / unit);
      ifAlive.set(key, e);
    }
    predicted.set(
      tripleKey(t),
      mbgNbdProbabilityAlive(mbg.params, t.x, t.tx / unit, t.T / unit) * e,
    );
  }
  return { cut, holdoutDays, bg, mbg, predicted };
}

/**
 * The calibration/holdout check (Fader, Hardie & Lee 2005, figure 4): the MBG/NBD's expected
 * orders in the holdout against the occasions the users placed, per calibration frequency. The
 * fits learn from every user, as the forecast's do; the comparison covers the users the forecast
 * is about: the population's users that the order-count filter keeps (at most `maxOrders`
 * orders, counted up to the calibration end). `triples` are the calibration triples with those
 * users counted (calibrationTriplesSql).
 */
export function holdoutEvaluation(
  fits: HoldoutFits,
  triples: readonly Triple[],
  maxOrders: number | null,
): HoldoutEvaluation {
  const predicted = triples.map((t) => fits.predicted.get(tripleKey(t)) ?? 0);
  const { bins, total } = holdoutBins(triples, predicted);
  return {
    calibration_end: fits.cut,
    holdout_days: fits.holdoutDays,
    users: total.users,
    fitted_users: triples.reduce((n, t) => n + t.users, 0),
    max_orders: maxOrders,
    bg_nbd: countFit(fits.bg),
    mbg_nbd: countFit(fits.mbg),
    bins,
    total,
    relative_error:
      total.actual_orders > 0
        ? (total.predicted_orders - total.actual_orders) / total.actual_orders
        : null,
  };
}
