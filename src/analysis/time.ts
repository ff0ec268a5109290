import { binnedUsersSql } from "../queries/revenue.js";
import {
  daysSincePrevCountsSql,
  daysToSecondCountsSql,
  intervalBySegmentSql,
  weekdaySql,
} from "../queries/time.js";
import { quantileFromCounts, quantileLinearFromCounts, type ValueCount } from "../stats/index.js";
import { binIndexSql, binsOf } from "./bins.js";
import { mannWhitneyInSql } from "./mann-whitney-sql.js";
import { finiteOrNull, numberOrNull } from "./numbers.js";
import type { Quantiles, TimeSection } from "./results.js";
import type { StudyContext } from "./study-context.js";

export const INTERVAL_EDGES = [0, 1, 3, 8, 15, 25, 31, 61];

function quantiles(rows: readonly ValueCount[]): Quantiles {
  const q = (p: number) => finiteOrNull(quantileLinearFromCounts(rows, p));
  return { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) };
}

const counts = (rows: readonly Record<string, unknown>[]): ValueCount[] =>
  rows.map((r) => ({ value: Number(r.value), count: Number(r.count) }));

/** §7: weekday, days between orders, 2-4 vs 5+, the repeat window, the interval bins. */
export async function timeStage(ctx: StudyContext): Promise<TimeSection> {
  const { engine } = ctx;
  const d = engine.dialect;
  const weekdayRows = await engine.all(weekdaySql(ctx.users));
  const weekday = [1, 2, 3, 4, 5, 6, 7].map((w) => {
    const r = weekdayRows.find((x) => Number(x.weekday) === w);
    const users = Number(r?.users ?? 0);
    return { weekday: w, users, repeat_rate: users > 0 ? Number(r?.twos) / users : null };
  });
  const gaps = counts(await engine.all(daysSincePrevCountsSql(ctx.orderGaps)));
  const second = counts(await engine.all(daysToSecondCountsSql(ctx.users)));
  const bySegment = await engine.all(intervalBySegmentSql(d, ctx.users));
  const segment = (s: string) => {
    const r = bySegment.find((x) => x.segment === s);
    return {
      users: Number(r?.users ?? 0),
      mean: numberOrNull(r?.mean),
      median: numberOrNull(r?.median),
    };
  };
  // p25/p75 are linear quantiles; the window itself is in whole days by nearest rank (§11.10).
  const secondQuantiles = quantiles(second);
  const lo = finiteOrNull(quantileFromCounts(second, 0.25));
  const hi = finiteOrNull(quantileFromCounts(second, 0.75));
  const intervalRows = await engine.all(
    binnedUsersSql(ctx.users, binIndexSql(d, "avg_days_since_prev", INTERVAL_EDGES), "is_two"),
  );
  return {
    weekday,
    days_since_prev: {
      orders: gaps.reduce((s, g) => s + g.count, 0),
      ...quantiles(gaps),
      histogram: gaps.map((g) => ({ days: g.value, orders: g.count })),
    },
    avg_days_since_prev_by_segment: {
      "2-4": segment("2-4"),
      "5+": segment("5+"),
      mann_whitney: await mannWhitneyInSql(
        ctx,
        "avg_days_since_prev",
        "segment = '2-4'",
        "segment = '5+'",
      ),
    },
    days_to_second_order: { users: second.reduce((s, g) => s + g.count, 0), ...secondQuantiles },
    repeat_window: {
      p25: secondQuantiles.p25,
      p75: secondQuantiles.p75,
      window: lo !== null && hi !== null ? [lo, hi] : null,
    },
    interval_bins: binsOf(INTERVAL_EDGES).map(({ bin }, i) => {
      const r = intervalRows.find((x) => Number(x.bin) === i);
      const users = Number(r?.users ?? 0);
      return { bin, users, rate_5plus: users > 0 ? Number(r?.fives) / users : null };
    }),
  };
}
