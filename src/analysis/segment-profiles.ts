import type { Row } from "../engine/engine.js";
import type { FirstDimension } from "../model/columns.js";
import { SEGMENT_NAMES } from "../model/segments.js";
import { segmentMeansSql, segmentTopValuesSql } from "../queries/segment-profiles.js";
import { finiteNumberOrNull } from "./numbers.js";
import type { SegmentProfile } from "./results.js";
import type { StudyContext } from "./study-context.js";

/** The dimensions a profile names the top value of, in this order, when the source has them. */
const PROFILE_DIMENSIONS: readonly FirstDimension[] = [
  "first_event_type",
  "first_device",
  "first_region",
];

/**
 * The profile of each segment `1`, `2-4`, `5+` (all three, empty ones included) from the rows
 * of `segmentMeansSql` and `segmentTopValuesSql`: size, share of users, means, and per
 * dimension the top value with its share within the segment (null when the segment is empty).
 */
export function segmentProfiles(
  means: readonly Row[],
  tops: readonly Row[],
  dimensions: readonly string[],
): SegmentProfile[] {
  const total = means.reduce((sum, row) => sum + Number(row.users ?? 0), 0);
  return SEGMENT_NAMES.map((segment): SegmentProfile => {
    const row = means.find((r) => r.segment === segment);
    const users = Number(row?.users ?? 0);
    const top: SegmentProfile["top"] = {};
    dimensions.forEach((dimension, k) => {
      const best = tops.find((r) => r.k === k && r.segment === segment);
      top[dimension] =
        best && users > 0 ? { value: String(best.value), share: Number(best.users) / users } : null;
    });
    return {
      segment,
      users,
      share_of_users: total > 0 ? users / total : null,
      mean_avg_revenue_rub: finiteNumberOrNull(row?.mean_avg_revenue_rub),
      mean_avg_tickets_count: finiteNumberOrNull(row?.mean_avg_tickets_count),
      mean_avg_days_since_prev: finiteNumberOrNull(row?.mean_avg_days_since_prev),
      top,
    };
  });
}

/** Segment profiles of ANALYSIS.md §8 over the study's users: two aggregate queries, then `segmentProfiles`. */
export async function segmentProfilesStage(ctx: StudyContext): Promise<SegmentProfile[]> {
  const dimensions = PROFILE_DIMENSIONS.filter((d) => ctx.dimensions.includes(d));
  const means = await ctx.engine.all(segmentMeansSql(ctx.users));
  const tops = dimensions.length
    ? await ctx.engine.all(segmentTopValuesSql(ctx.engine.dialect, ctx.users, dimensions))
    : [];
  return segmentProfiles(means, tops, dimensions);
}
