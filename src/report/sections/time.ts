import type { Chart } from "../charts/chart.js";
import { daysBetweenChart } from "../charts/days-between.js";
import { figure } from "../charts/figure.js";
import { rateBarsChart } from "../charts/rate-bars.js";
import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** Weekday of the first order, days between orders with the repeat window, 2–4 against 5+. */
export const timeSection: SectionBuilder = (r, ctx) => {
  const { t, f } = ctx;
  const time = r.time_between_purchases;
  const charts: Chart[] = [];
  const parts: string[] = [];
  if (time.weekday.some((w) => w.users > 0)) {
    const chart = rateBarsChart(
      {
        id: "weekday",
        title: t.chartWeekdayTitle,
        note: t.chartRateNote,
        xLabel: t.axisWeekday,
        yLabel: t.axisRepeatRate,
      },
      time.weekday.map((w) => ({
        label: t.weekdays[w.weekday - 1] ?? String(w.weekday),
        users: w.users,
        rate: w.repeat_rate,
      })),
      r.overall.share_2plus,
      ctx,
    );
    charts.push(chart);
    parts.push(figure(chart));
  }
  const d = time.days_since_prev;
  const w = time.repeat_window.window;
  if (d.orders > 0) {
    parts.push(
      para(
        t.daysText(
          f.count(d.orders),
          f.days(d.p25, 1),
          f.days(d.p50, 1),
          f.days(d.p75, 1),
          f.days(d.p90, 1),
        ) + (w ? ` ${t.windowText(w[0], w[1])}` : ""),
      ),
    );
    const chart = daysBetweenChart(time, ctx);
    charts.push(chart);
    parts.push(figure(chart));
  } else parts.push(para(t.noRepeatOrders));
  const seg = time.avg_days_since_prev_by_segment;
  parts.push(para(t.intervalSegmentsText(f.p(seg.mann_whitney.p_value))));
  parts.push(
    table(
      [t.segment, t.users, t.meanInterval, t.medianInterval],
      (["2-4", "5+"] as const).map((k) => [
        t.segmentName[k],
        f.count(seg[k].users),
        f.days(seg[k].mean, 1),
        f.days(seg[k].median, 1),
      ]),
    ),
  );
  if (time.interval_bins.some((b) => b.users > 0)) {
    const chart = rateBarsChart(
      {
        id: "interval-bins",
        title: t.chartIntervalTitle,
        note: t.chartIntervalNote,
        xLabel: t.axisAvgInterval,
        yLabel: t.axisShare5plus,
      },
      time.interval_bins.map((b) => ({
        label: b.bin.replace("inf", "∞"),
        users: b.users,
        rate: b.rate_5plus,
      })),
      null,
      ctx,
    );
    charts.push(chart);
    parts.push(figure(chart));
  }
  return { id: "time", title: t.timeTitle, body: parts.join(""), charts };
};
