import { normalQuantile } from "./normal.js";

/** Events and censorings observed at one time. */
export interface SurvivalCounts {
  time: number;
  events: number;
  censored: number;
}

/** The Kaplan–Meier curve at one distinct time. */
export interface SurvivalPoint extends SurvivalCounts {
  /** Subjects still at risk just before `time`. */
  atRisk: number;
  /** S(time), the probability of no event up to and including `time`. */
  survival: number;
  /** Greenwood's variance of S; 0 while S = 1, NaN once S = 0. */
  variance: number;
  /** 95% band from the log(−log) transform; [1, 1] while S = 1, NaN once S = 0. */
  low: number;
  high: number;
}

const Z975 = normalQuantile(0.975);

/**
 * Kaplan–Meier estimate from counts aggregated by time (any order; repeated
 * times are summed), with Greenwood's variance and the 95% band on the
 * log(−log S) scale, as R `survival::survfit(conf.type = "log-log")` and
 * lifelines. At a tied time events are counted before censorings, so the
 * censored are still at risk. One point per distinct time, ascending.
 */
export function kaplanMeier(rows: readonly SurvivalCounts[]): SurvivalPoint[] {
  const byTime = new Map<number, SurvivalCounts>();
  let atRisk = 0;
  for (const { time, events, censored } of rows) {
    const sum = byTime.get(time) ?? { time, events: 0, censored: 0 };
    byTime.set(time, { time, events: sum.events + events, censored: sum.censored + censored });
    atRisk += events + censored;
  }
  const curve: SurvivalPoint[] = [];
  let survival = 1;
  let greenwood = 0;
  for (const counts of [...byTime.values()].sort((a, b) => a.time - b.time)) {
    const { events, censored } = counts;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += events < atRisk ? events / (atRisk * (atRisk - events)) : Infinity;
    }
    curve.push({ ...counts, atRisk, survival, ...band(survival, greenwood) });
    atRisk -= events + censored;
  }
  return curve;
}

/** Greenwood's variance and the log(−log) band, from Σ d / (n(n − d)). */
function band(survival: number, greenwood: number) {
  if (survival === 0) return { variance: Number.NaN, low: Number.NaN, high: Number.NaN };
  if (survival === 1) return { variance: 0, low: 1, high: 1 };
  // The standard error of log(−log S) is √greenwood / |log S|.
  const theta = (Z975 * Math.sqrt(greenwood)) / Math.log(survival);
  return {
    variance: survival * survival * greenwood,
    low: survival ** Math.exp(-theta),
    high: survival ** Math.exp(theta),
  };
}

/**
 * The Kaplan–Meier step function at t: S at the largest curve time ≤ t, and 1
 * before the first time. `curve` is ascending, as `kaplanMeier` returns it.
 */
export function survivalAt(
  curve: readonly Pick<SurvivalPoint, "time" | "survival">[],
  t: number,
): number {
  let lo = 0;
  let hi = curve.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((curve[mid]?.time ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : (curve[lo - 1]?.survival ?? 1);
}
