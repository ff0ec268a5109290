import { type FirstDimension, SOURCE_COLUMN } from "../model/columns.js";
import { OTHER, UNKNOWN } from "../model/pooled-values.js";
import { entryPointCountsSql } from "../queries/entry-points.js";
import {
  benjaminiHochberg,
  chiSquareIndependence,
  twoProportionZTest,
  wilsonInterval,
} from "../stats/index.js";
import { finiteOrNull } from "./numbers.js";
import { poolValues, type ValueCounts } from "./pool-values.js";
import type { EntryPointDimension, EntryPoints, EntryPointValue } from "./results.js";
import type { StudyContext } from "./study-context.js";

/** §4 in the order the contract lists the dimensions. */
export const ENTRY_POINT_DIMENSIONS: readonly FirstDimension[] = [
  "first_event_type",
  "first_device",
  "first_region",
  "first_service",
  "first_city",
];

export async function entryPointsStage(ctx: StudyContext): Promise<EntryPoints> {
  const counts = new Map<FirstDimension, ValueCounts[]>();
  for (const dimension of ENTRY_POINT_DIMENSIONS) {
    if (!ctx.dimensions.includes(dimension)) continue;
    const rows = await ctx.engine.all(entryPointCountsSql(ctx.users, dimension));
    counts.set(
      dimension,
      rows.map((r) => ({
        value: String(r.value),
        users: Number(r.users),
        twos: Number(r.twos),
        fives: Number(r.fives),
      })),
    );
  }
  return entryPoints(counts, ctx.minUsers, ctx.topN);
}

/**
 * The entry-point tables of §4 from the counts per value: pooling, shares, repeat rate with its
 * Wilson interval, lift, the z-test of each value against all other users, Benjamini–Hochberg
 * q-values across every tested value of every dimension, χ² and Cramér's V per dimension, and
 * the popular and successful flags (§11.7–8).
 */
export function entryPoints(
  counts: ReadonlyMap<FirstDimension, readonly ValueCounts[]>,
  minUsers: number,
  topN: number,
): EntryPoints {
  const dimensions: Record<string, EntryPointDimension> = {};
  const skipped = ENTRY_POINT_DIMENSIONS.filter((d) => !counts.has(d)).map((dimension) => ({
    dimension,
    reason: `the source has no ${SOURCE_COLUMN[dimension]} column`,
  }));
  const tested: { value: EntryPointValue; p: number }[] = [];
  let totalUsers = 0;
  let totalTwos = 0;
  for (const rows of counts.values()) {
    totalUsers = rows.reduce((s, r) => s + r.users, 0);
    totalTwos = rows.reduce((s, r) => s + r.twos, 0);
    break;
  }
  const overall = totalUsers > 0 ? totalTwos / totalUsers : null;
  for (const [dimension, rows] of counts) {
    const pooled = poolValues(rows, minUsers, topN);
    const testable = pooled.length > 1;
    const values = pooled.map((r): EntryPointValue => {
      const rate = r.twos / r.users;
      const wilson = wilsonInterval(r.twos, r.users);
      const test = testable
        ? twoProportionZTest(r.twos, r.users, totalTwos - r.twos, totalUsers - r.users)
        : null;
      return {
        value: r.value,
        users: r.users,
        share_of_users: r.users / totalUsers,
        repeat_rate: rate,
        wilson_low: wilson.low,
        wilson_high: wilson.high,
        rate_5plus: r.fives / r.users,
        lift: overall ? rate / overall : null,
        z: test ? finiteOrNull(test.z) : null,
        p_value: test ? finiteOrNull(test.pValue) : null,
        q_value: null,
        popular: false,
        successful: false,
      };
    });
    for (const value of values)
      if (value.p_value !== null) tested.push({ value, p: value.p_value });
    const named = values.filter((v) => v.value !== OTHER && v.value !== UNKNOWN);
    for (const v of named.slice(0, 3)) v.popular = true;
    const chi = testable
      ? chiSquareIndependence(pooled.map((r) => [r.twos, r.users - r.twos]))
      : null;
    dimensions[dimension] = {
      source_column: SOURCE_COLUMN[dimension],
      distinct_values: rows.length,
      values,
      chi2: chi && {
        chi2: chi.chi2,
        dof: chi.dof,
        p_value: finiteOrNull(chi.pValue),
        cramers_v: finiteOrNull(chi.cramersV),
      },
    };
  }
  const q = benjaminiHochberg(tested.map((t) => t.p));
  tested.forEach((t, i) => {
    t.value.q_value = finiteOrNull(q[i] ?? Number.NaN);
  });
  for (const dimension of Object.values(dimensions)) {
    for (const v of dimension.values) {
      v.successful =
        v.value !== OTHER &&
        v.value !== UNKNOWN &&
        overall !== null &&
        v.users >= 0.01 * totalUsers &&
        v.q_value !== null &&
        v.q_value < 0.05 &&
        v.repeat_rate > overall;
    }
  }
  return { overall_repeat_rate: overall, min_users: minUsers, top_n: topN, dimensions, skipped };
}
