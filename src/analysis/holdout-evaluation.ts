import { historyTriplesSql } from "../queries/purchase-history.js";
import {
  fitBgNbd,
  fitMbgNbd,
  mbgNbdExpectedIfAlive,
  mbgNbdProbabilityAlive,
} from "../stats/btyd/index.js";
import { btydData, type Triple, triplesOf } from "./history-triples.js";
import { countFit } from "./model-fits.js";
import type { HoldoutBin, HoldoutEvaluation } from "./prediction-results.js";
import type { StudyContext } from "./study-context.js";

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

/**
 * The calibration/holdout check: both models fitted on the orders up to the calibration end,
 * and the MBG/NBD's expected orders in the holdout against the occasions the users placed,
 * per calibration frequency (Fader, Hardie & Lee 2005, figure 4). The fit learns from every
 * user, as the forecast's does; the comparison covers the users the forecast is about, those the
 * order-count filter keeps (at most `maxOrders` orders, counted up to the calibration end). Null
 * without a holdout period or without a repeat occasion before it.
 */
export async function holdoutEvaluation(
  ctx: StudyContext,
  cut: string,
  holdoutDays: number,
  unit: number,
  maxOrders: number | null,
): Promise<HoldoutEvaluation | null> {
  const triples = triplesOf(await ctx.engine.all(historyTriplesSql("_cal")));
  if (!triples.some((t) => t.x > 0) || holdoutDays <= 0) return null;
  const data = btydData(triples, unit);
  const bg = fitBgNbd(data);
  const mbg = fitMbgNbd(data);
  // P(alive) × the alive expectation, the latter once per distinct (x, T).
  const ifAlive = new Map<string, number>();
  const predicted = triples.map((t) => {
    const key = `${t.x} ${t.T}`;
    let e = ifAlive.get(key);
    if (e === undefined) {
      e = mbgNbdExpectedIfAlive(mbg.params, holdoutDays / unit, t.x, t.T / unit);
      ifAlive.set(key, e);
    }
    return mbgNbdProbabilityAlive(mbg.params, t.x, t.tx / unit, t.T / unit) * e;
  });
  const { bins, total } = holdoutBins(triples, predicted);
  return {
    calibration_end: cut,
    holdout_days: holdoutDays,
    users: total.users,
    fitted_users: triples.reduce((n, t) => n + t.users, 0),
    max_orders: maxOrders,
    bg_nbd: countFit(bg),
    mbg_nbd: countFit(mbg),
    bins,
    total,
    relative_error:
      total.actual_orders > 0
        ? (total.predicted_orders - total.actual_orders) / total.actual_orders
        : null,
  };
}
