import { SEGMENT_NAMES } from "../../model/segments.js";
import { avgCheckHistogramChart } from "../charts/avg-check-histogram.js";
import type { Chart } from "../charts/chart.js";
import { figure } from "../charts/figure.js";
import { rateBarsChart } from "../charts/rate-bars.js";
import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** Average check per segment, its distributions with the Mann–Whitney test, and tickets per order. */
export const revenueSection: SectionBuilder = (r, ctx) => {
  const { t, f } = ctx;
  const rev = r.revenue;
  const charts: Chart[] = [];
  const parts = [para(t.revenueText)];
  parts.push(
    table(
      [t.segment, t.users, t.meanAvgCheck, t.medianAvgCheck, t.meanTickets, t.shareOfRevenue],
      SEGMENT_NAMES.map((k) => {
        const s = rev.segments[k];
        return [
          t.segmentName[k],
          f.count(s.users),
          f.money(s.mean_avg_revenue_rub),
          f.money(s.median_avg_revenue_rub),
          f.decimal(s.mean_avg_tickets_count, 2),
          f.percent(s.share_of_revenue),
        ];
      }),
    ),
  );
  for (const key of ["1_vs_2plus", "2-4_vs_5plus"] as const) {
    const cmp = rev.avg_revenue_comparisons[key];
    if (cmp.histogram.bins.length === 0) continue;
    const chart = avgCheckHistogramChart(
      `avg-check-${key.replace(/[^a-z0-9]+/gi, "-")}`,
      cmp.histogram,
      f.p(cmp.mann_whitney.p_value),
      ctx,
    );
    charts.push(chart);
    parts.push(figure(chart));
  }
  if (rev.tickets_bins.length) {
    const chart = rateBarsChart(
      {
        id: "tickets-bins",
        title: t.chartTicketsTitle,
        note: t.chartRateNote,
        xLabel: t.axisTickets,
        yLabel: t.axisRepeatRate,
      },
      rev.tickets_bins.map((b) => ({
        label: b.bin.replace("inf", "∞"),
        users: b.users,
        rate: b.repeat_rate,
      })),
      r.overall.share_2plus,
      ctx,
    );
    charts.push(chart);
    parts.push(para(t.ticketsText), figure(chart));
  }
  return { id: "revenue", title: t.revenueTitle, body: parts.join(""), charts };
};
