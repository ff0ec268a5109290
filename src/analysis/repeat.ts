import {
  orderCountDistributionSql,
  repeatWithinSql,
  survivalCountsSql,
} from "../queries/repeat.js";
import { kaplanMeier, type SurvivalPoint, survivalAt } from "../stats/index.js";
import { finiteOrNull } from "./numbers.js";
import type { Overall, RepeatSection, Segment, SegmentTotals } from "./results.js";
import type { StudyContext } from "./study-context.js";

const WITHIN = [30, 60, 90] as const;
const KM_AT = [7, 14, 30, 60, 90] as const;

/** §5: shares, the order-count distribution, segments, repeat within 30/60/90 days, Kaplan–Meier. */
export async function repeatStage(
  ctx: StudyContext,
  overall: Overall,
  segments: Record<Segment, SegmentTotals>,
): Promise<RepeatSection> {
  const { engine } = ctx;
  const distribution = (await engine.all(orderCountDistributionSql(ctx.users))).map((r) => ({
    total_orders: Number(r.total_orders),
    users: Number(r.users),
  }));
  const within = {} as RepeatSection["repeat_within"];
  for (const n of WITHIN) {
    const [row] = await engine.all(repeatWithinSql(engine.dialect, ctx.users), [ctx.dataEnd, n]);
    const eligible = Number(row?.eligible_users ?? 0);
    within[String(n) as "30"] = {
      eligible_users: eligible,
      share: eligible > 0 ? Number(row?.repeaters ?? 0) / eligible : null,
    };
  }
  const survival = (
    await engine.all(survivalCountsSql(engine.dialect, ctx.users), [ctx.dataEnd])
  ).map((r) => ({
    time: Number(r.time),
    events: Number(r.events),
    censored: Number(r.censored),
  }));
  const curve = survival.length ? kaplanMeier(survival) : [];
  return {
    share_2plus: overall.share_2plus,
    share_5plus: overall.share_5plus,
    segments,
    order_count_distribution: distribution,
    repeat_within: within,
    kaplan_meier: { at: kmAt(curve), curve: curve.map(toRepeatPoint) },
  };
}

function toRepeatPoint(p: SurvivalPoint) {
  return {
    day: p.time,
    at_risk: p.atRisk,
    events: p.events,
    censored: p.censored,
    repeat_probability: 1 - p.survival,
    low: finiteOrNull(1 - p.high),
    high: finiteOrNull(1 - p.low),
  };
}

/** 1 − S(t) at the §10 days, with the band of S turned around. */
function kmAt(curve: readonly SurvivalPoint[]): RepeatSection["kaplan_meier"]["at"] {
  const at = {} as RepeatSection["kaplan_meier"]["at"];
  for (const t of KM_AT) {
    const point = [...curve].reverse().find((p) => p.time <= t);
    at[String(t) as "7"] = curve.length
      ? {
          repeat_probability: 1 - survivalAt(curve, t),
          low: point ? finiteOrNull(1 - point.high) : 0,
          high: point ? finiteOrNull(1 - point.low) : 0,
        }
      : { repeat_probability: null, low: null, high: null };
  }
  return at;
}
