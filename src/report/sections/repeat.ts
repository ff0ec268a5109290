import { SEGMENT_NAMES } from "../../model/segments.js";
import { figure } from "../charts/figure.js";
import { kaplanMeierChart } from "../charts/kaplan-meier.js";
import { orderCountChart } from "../charts/order-count-distribution.js";
import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** Shares of repeaters, the order-count distribution, segments and the censoring-aware view. */
export const repeatSection: SectionBuilder = (r, ctx) => {
  const { t, f } = ctx;
  const rep = r.repeat;
  const total = SEGMENT_NAMES.reduce((s, k) => s + rep.segments[k].users, 0);
  if (total === 0) return { id: "repeat", title: t.repeatTitle, body: para(t.noData), charts: [] };
  const charts = [orderCountChart(rep, ctx), kaplanMeierChart(rep, ctx)];
  const segRows = SEGMENT_NAMES.map((k) => [
    t.segmentName[k],
    f.count(rep.segments[k].users),
    f.percent(rep.segments[k].users / total),
    f.count(rep.segments[k].orders),
    f.count(rep.segments[k].revenue_rub),
  ]);
  const within = (["30", "60", "90"] as const).map((d) => [
    t.withinDays(Number(d)),
    f.percent(rep.repeat_within[d].share),
    f.count(rep.repeat_within[d].eligible_users),
  ]);
  const body = [
    para(t.repeatText(f.percent(rep.share_2plus), f.percent(rep.share_5plus), f.count(total))),
    figure(charts[0] as (typeof charts)[number]),
    table([t.segment, t.users, t.shareOfUsers, t.orders, t.revenueRub], segRows),
    para(t.censoringText),
    table([t.withinHeader, t.share, t.eligibleUsers], within),
    figure(charts[1] as (typeof charts)[number]),
  ].join("");
  return { id: "repeat", title: t.repeatTitle, body, charts };
};
