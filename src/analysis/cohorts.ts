import type { CohortPeriod } from "../engine/dialect.js";
import { cohortCellsSql, cohortUsersSql } from "../queries/cohorts.js";
import { benjaminiHochberg, cochranArmitage, wilsonInterval } from "../stats/index.js";
import { periodEnd, periodsBetween } from "./calendar-periods.js";
import type {
  CohortCell,
  CohortRow,
  CohortsSection,
  TrendCohort,
  TrendSection,
  TrendWindow,
} from "./cohort-results.js";
import { finiteOrNull } from "./numbers.js";
import type { StudyContext } from "./study-context.js";

/** A (cohort, k) cell as the engine counts it: repeat-active users and revenue in period c+k. */
export interface CohortCellCount {
  cohort: string;
  k: number;
  active_users: number;
  revenue_rub: number;
}

/** Users of a cohort whose second order fell in period k_second (null: none by data_end). */
export interface CohortUserCount {
  cohort: string;
  k_second: number | null;
  users: number;
  first_order_revenue_rub: number;
  eligible: Record<Window, number>;
  repeaters: Record<Window, number>;
}

const WINDOWS = ["30", "60", "90"] as const;
type Window = (typeof WINDOWS)[number];

/** §12: the cohort matrix and the trend of repeat within 30/60/90 days across cohorts. */
export async function cohortStage(
  ctx: StudyContext,
  population: string,
  period: CohortPeriod,
): Promise<{ cohorts: CohortsSection; trend: TrendSection }> {
  const { engine } = ctx;
  const d = engine.dialect;
  const cells = (
    ctx.userPeriods === null
      ? await engine.all(
          cohortCellsSql(d, { users: ctx.users, userIds: ctx.userIds, orders: ctx.orders }, period),
          [ctx.dataEnd],
        )
      : await engine.all(
          cohortCellsSql(d, { users: ctx.users, userPeriods: ctx.userPeriods }, period),
        )
  ).map((r) => ({
    cohort: String(r.cohort),
    k: Number(r.k),
    active_users: Number(r.active_users),
    revenue_rub: Number(r.revenue_rub),
  }));
  const counts = async (users: string) =>
    (await engine.all(cohortUsersSql(d, users, period), [ctx.dataEnd])).map(
      (r): CohortUserCount => ({
        cohort: String(r.cohort),
        k_second: r.k_second === null ? null : Number(r.k_second),
        users: Number(r.users),
        first_order_revenue_rub: Number(r.first_order_revenue_rub),
        eligible: byWindow((n) => Number(r[`eligible_${n}`])),
        repeaters: byWindow((n) => Number(r[`repeaters_${n}`])),
      }),
    );
  const users = await counts(ctx.users);
  const everyone = population === ctx.users ? users : await counts(population);
  return {
    cohorts: cohortTable(cells, users, ctx.dataEnd, period),
    trend: cohortTrend(users, everyone, period),
  };
}

const byWindow = <T>(f: (n: Window) => T): Record<Window, T> =>
  Object.fromEntries(WINDOWS.map((n) => [n, f(n)])) as Record<Window, T>;

/** The cohort matrix from the engine's counts: every period up to the one holding data_end. */
export function cohortTable(
  cells: readonly CohortCellCount[],
  users: readonly CohortUserCount[],
  dataEnd: string,
  period: CohortPeriod,
): CohortsSection {
  const rows: CohortRow[] = [];
  for (const cohort of [...new Set(users.map((u) => u.cohort))].sort()) {
    const mine = users.filter((u) => u.cohort === cohort);
    const n = sum(mine.map((u) => u.users));
    const last = periodsBetween(cohort, dataEnd, period);
    const periods: CohortCell[] = [];
    let revenue = 0;
    let repeated = 0;
    for (let k = 0; k <= last; k++) {
      const cell = cells.find((c) => c.cohort === cohort && c.k === k);
      revenue += cell?.revenue_rub ?? 0;
      repeated += sum(mine.filter((u) => u.k_second === k).map((u) => u.users));
      periods.push({
        k,
        active_share: (cell?.active_users ?? 0) / n,
        repeated_share: repeated / n,
        revenue_per_user_rub: revenue / n,
        complete: periodEnd(cohort, k, period) <= dataEnd,
      });
    }
    rows.push({
      cohort,
      users: n,
      first_order_revenue_rub: finiteOrNull(sum(mine.map((u) => u.first_order_revenue_rub)) / n),
      periods,
    });
  }
  return { period, rows };
}

/**
 * Repeat within N days per cohort over its eligible users, with Wilson intervals; the
 * Cochran–Armitage test for a trend across the eligible cohorts, scored by their period index
 * from the first cohort (§12); q-values across the three windows.
 */
export function cohortTrend(
  users: readonly CohortUserCount[],
  everyone: readonly CohortUserCount[],
  period: CohortPeriod,
): TrendSection {
  const cohorts = [...new Set(users.map((u) => u.cohort))].sort();
  const first = cohorts[0];
  const windows = byWindow((n): TrendWindow => {
    const rows: TrendCohort[] = cohorts.map((cohort) => {
      const mine = users.filter((u) => u.cohort === cohort);
      const eligible = sum(mine.map((u) => u.eligible[n]));
      const repeaters = sum(mine.map((u) => u.repeaters[n]));
      const band = wilsonInterval(repeaters, eligible);
      return {
        cohort,
        eligible_users: eligible,
        repeaters,
        share: eligible > 0 ? repeaters / eligible : null,
        wilson_low: finiteOrNull(band.low),
        wilson_high: finiteOrNull(band.high),
      };
    });
    const eligible = rows.filter((r) => r.eligible_users > 0);
    const test = trendTest(users, n, first, period);
    const unfiltered = trendTest(everyone, n, first, period);
    const [from, to] = [eligible[0], eligible.at(-1)];
    return {
      cohorts: rows,
      cochran_armitage: test && { z: test.z, p_value: test.pValue },
      q_value: null,
      without_filter: unfiltered && { z: unfiltered.z, p_value: unfiltered.pValue },
      change:
        from && to && from !== to && from.share !== null && to.share !== null
          ? {
              from: from.cohort,
              to: to.cohort,
              first_share: from.share,
              last_share: to.share,
              difference: to.share - from.share,
            }
          : null,
    };
  });
  const tested = WINDOWS.filter((n) => windows[n].cochran_armitage !== null);
  const q = benjaminiHochberg(tested.map((n) => windows[n].cochran_armitage?.p_value ?? 1));
  tested.forEach((n, i) => {
    windows[n].q_value = q[i] ?? null;
  });
  return windows;
}

/** Cochran–Armitage over the cohorts with eligible users, scored by periods from the first. */
function trendTest(
  users: readonly CohortUserCount[],
  n: Window,
  first: string | undefined,
  period: CohortPeriod,
) {
  if (first === undefined) return null;
  const groups = new Map<string, { successes: number; trials: number }>();
  for (const u of users) {
    const g = groups.get(u.cohort) ?? { successes: 0, trials: 0 };
    g.successes += u.repeaters[n];
    g.trials += u.eligible[n];
    groups.set(u.cohort, g);
  }
  return cochranArmitage(
    [...groups].map(([cohort, g]) => ({ ...g, score: periodsBetween(first, cohort, period) })),
  );
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
