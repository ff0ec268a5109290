import { SEGMENT_NAMES, type SegmentName } from "../model/segments.js";
import {
  avgRevenueQuantileSql,
  binnedUsersSql,
  revenueBySegmentSql,
  twoGroupHistogramSql,
} from "../queries/revenue.js";
import { binIndexSql, binsOf } from "./bins.js";
import { mannWhitneyInSql } from "./mann-whitney-sql.js";
import { niceStep } from "./nice-step.js";
import { numberOrNull } from "./numbers.js";
import type { Histogram, RevenueSection, RevenueSegment } from "./results.js";
import type { StudyContext } from "./study-context.js";

export const TICKET_EDGES = [1, 2, 3, 5];
const HISTOGRAM_BINS = 20;

const COMPARISONS = {
  "1_vs_2plus": { groups: ["1", "2+"], a: "segment = '1'", b: "segment <> '1'" },
  "2-4_vs_5plus": { groups: ["2-4", "5+"], a: "segment = '2-4'", b: "segment = '5+'" },
} as const;

/** §6: segment statistics, the avg check of 1 vs 2+ and 2-4 vs 5+ (common bins, Mann–Whitney), tickets bins. */
export async function revenueStage(ctx: StudyContext): Promise<RevenueSection> {
  const { engine } = ctx;
  const d = engine.dialect;
  const rows = await engine.all(revenueBySegmentSql(d, ctx.users));
  const total = rows.reduce((s, r) => s + Number(r.revenue_rub ?? 0), 0);
  const segments = {} as Record<SegmentName, RevenueSegment>;
  for (const s of SEGMENT_NAMES) {
    const r = rows.find((x) => x.segment === s);
    segments[s] = {
      users: Number(r?.users ?? 0),
      mean_avg_revenue_rub: numberOrNull(r?.mean_avg_revenue_rub),
      median_avg_revenue_rub: numberOrNull(r?.median_avg_revenue_rub),
      mean_avg_tickets_count: numberOrNull(r?.mean_avg_tickets_count),
      median_avg_tickets_count: numberOrNull(r?.median_avg_tickets_count),
      share_of_revenue: r && total > 0 ? Number(r.revenue_rub) / total : null,
    };
  }
  // Common bins: equal "nice" steps from 0 up to the 99th percentile, then one open bin.
  const [q99] = await engine.all(avgRevenueQuantileSql(d, ctx.users, 0.99));
  const step = niceStep(Number(q99?.q ?? 0), HISTOGRAM_BINS);
  const edges = Array.from(
    { length: Math.ceil(Number(q99?.q ?? 0) / step) + 1 },
    (_, i) => i * step,
  );
  const binIndex = binIndexSql(d, "avg_revenue_rub", edges.length ? edges : [0]);
  const comparisons = {} as RevenueSection["avg_revenue_comparisons"];
  for (const [key, c] of Object.entries(COMPARISONS) as [
    keyof typeof COMPARISONS,
    (typeof COMPARISONS)[keyof typeof COMPARISONS],
  ][]) {
    const counts = await engine.all(twoGroupHistogramSql(ctx.users, binIndex, c.a, c.b));
    const histogram: Histogram = {
      groups: [c.groups[0], c.groups[1]],
      bins: binsOf(edges.length ? edges : [0]).map((bin, i) => {
        const row = counts.find((r) => Number(r.bin) === i);
        return { ...bin, counts: [Number(row?.a ?? 0), Number(row?.b ?? 0)] };
      }),
    };
    comparisons[key] = {
      mann_whitney: await mannWhitneyInSql(ctx, "avg_revenue_rub", c.a, c.b),
      histogram,
    };
  }
  const ticketRows = await engine.all(
    binnedUsersSql(ctx.users, binIndexSql(d, "avg_tickets_count", TICKET_EDGES)),
  );
  const users = ticketRows.reduce((s, r) => s + Number(r.users), 0);
  const tickets_bins = binsOf(TICKET_EDGES).map(({ bin }, i) => {
    const r = ticketRows.find((x) => Number(x.bin) === i);
    const n = Number(r?.users ?? 0);
    return {
      bin,
      users: n,
      share_of_users: users > 0 ? n / users : 0,
      repeat_rate: n > 0 ? Number(r?.twos) / n : null,
    };
  });
  return { segments, avg_revenue_comparisons: comparisons, tickets_bins };
}
