import type { DateRange } from "../config/config.js";
import type { FirstDimension } from "../model/columns.js";
import {
  comparedRepeatSql,
  comparedUsersSql,
  entryMixSql,
  firstOrderCheckSql,
} from "../queries/compare-periods.js";
import { REPEAT_WINDOWS } from "../queries/repeat-within-columns.js";
import { chiSquareIndependence, twoProportionZTest } from "../stats/index.js";
import type { ComparedRepeat, ComparisonSection } from "./cohort-results.js";
import { mannWhitneyInSql } from "./mann-whitney-sql.js";
import { finiteOrNull, numberOrNull } from "./numbers.js";
import { poolValues } from "./pool-values.js";
import type { StudyContext } from "./study-context.js";

/** Two inclusive ranges of first-order dates, YYYY-MM-DD. */
export type PeriodPair = readonly [DateRange, DateRange];

/**
 * §12: the customers acquired in two periods side by side, among the users the filter keeps:
 * repeat within 30/60/90 days over the users with that much follow-up (two-proportion z-test),
 * the first order's check (Mann–Whitney) and the entry-point mix (χ²), pooled as in §4.
 */
export async function comparePeriods(
  ctx: StudyContext,
  periods: PeriodPair,
  table: string,
): Promise<ComparisonSection> {
  const { engine } = ctx;
  const d = engine.dialect;
  const [a, b] = periods;
  await engine.createTable(table, comparedUsersSql(ctx.users), [a.from, a.to, b.from, b.to]);
  const compared: StudyContext = { ...ctx, users: table };
  const side = <T>(rows: Record<string, unknown>[], f: (r?: Record<string, unknown>) => T) =>
    [1, 2].map((p) => f(rows.find((r) => Number(r.compared_period) === p))) as [T, T];

  const checks = await engine.all(firstOrderCheckSql(d, table));
  const users = side(checks, (r) => Number(r?.users ?? 0));
  const repeats = await engine.all(comparedRepeatSql(d, table), [ctx.dataEnd]);
  const repeat_within = Object.fromEntries(
    REPEAT_WINDOWS.map((n) => {
      const eligible = side(repeats, (r) => Number(r?.[`eligible_${n}`] ?? 0));
      const repeaters = side(repeats, (r) => Number(r?.[`repeaters_${n}`] ?? 0));
      return [String(n), comparedRepeat(eligible, repeaters)];
    }),
  ) as ComparisonSection["repeat_within"];
  const test = await mannWhitneyInSql(
    compared,
    "first_order_revenue_rub",
    "compared_period = 1",
    "compared_period = 2",
  );

  const entry_mix: ComparisonSection["entry_mix"] = {};
  for (const dimension of ctx.dimensions) {
    entry_mix[dimension] = await entryMix(ctx, table, dimension, users);
  }
  await engine.drop(table, "table");
  return {
    periods: [
      { ...a, users: users[0] },
      { ...b, users: users[1] },
    ],
    repeat_within,
    first_order_check: {
      mean: side(checks, (r) => numberOrNull(r?.mean)),
      median: side(checks, (r) => numberOrNull(r?.median)),
      mann_whitney: { u1: test.u1, p_value: test.p_value },
    },
    entry_mix,
  };
}

function comparedRepeat(eligible: [number, number], repeaters: [number, number]): ComparedRepeat {
  const share = (i: 0 | 1) => (eligible[i] > 0 ? repeaters[i] / eligible[i] : null);
  const [s1, s2] = [share(0), share(1)];
  // z > 0 when the second period repeats more: the test of the second against the first.
  const z = twoProportionZTest(repeaters[1], eligible[1], repeaters[0], eligible[0]);
  return {
    eligible_users: eligible,
    repeaters,
    share: [s1, s2],
    difference: s1 !== null && s2 !== null ? s2 - s1 : null,
    z: finiteOrNull(z.z),
    p_value: finiteOrNull(z.pValue),
  };
}

async function entryMix(
  ctx: StudyContext,
  table: string,
  dimension: FirstDimension,
  users: [number, number],
): Promise<ComparisonSection["entry_mix"][string]> {
  const rows = (await ctx.engine.all(entryMixSql(table, dimension))).map((r) => ({
    period: Number(r.compared_period),
    value: String(r.value),
    users: Number(r.users),
  }));
  const total = new Map<string, number>();
  for (const r of rows) total.set(r.value, (total.get(r.value) ?? 0) + r.users);
  const pooled = poolValues(
    [...total].map(([value, n]) => ({ value, users: n, twos: 0, fives: 0 })),
    ctx.minUsers,
    ctx.topN,
  );
  const kept = new Set(pooled.map((p) => p.value));
  const values = pooled.map((p) => {
    const count = (period: number) =>
      rows
        .filter(
          (r) =>
            r.period === period && (kept.has(r.value) ? r.value === p.value : p.value === "other"),
        )
        .reduce((s, r) => s + r.users, 0);
    const n: [number, number] = [count(1), count(2)];
    return {
      value: p.value,
      users: n,
      share: [users[0] > 0 ? n[0] / users[0] : 0, users[1] > 0 ? n[1] / users[1] : 0] as [
        number,
        number,
      ],
    };
  });
  const chi = chiSquareIndependence([values.map((v) => v.users[0]), values.map((v) => v.users[1])]);
  return {
    values,
    chi2:
      chi.dof === 0
        ? null
        : {
            chi2: chi.chi2,
            dof: chi.dof,
            p_value: finiteOrNull(chi.pValue),
            cramers_v: finiteOrNull(chi.cramersV),
          },
  };
}
