import { dimensionLabel } from "../../text/labels.js";
import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/**
 * The profile of each segment 1 / 2–4 / 5+, one column per segment and one row per figure: three
 * columns of figures fit a phone and a printed page, where a column per figure did not.
 */
export const segmentsSection: SectionBuilder = (r, { t, f, lang }) => {
  if (r.segments.length === 0) {
    return { id: "segments", title: t.segmentsTitle, body: para(t.noData), charts: [] };
  }
  const tops = [...new Set(r.segments.flatMap((s) => Object.keys(s.top)))];
  const figure = (label: string, cell: (s: (typeof r.segments)[number]) => string) => [
    label,
    ...r.segments.map(cell),
  ];
  const rows = [
    figure(t.users, (s) => f.count(s.users)),
    figure(t.shareOfUsers, (s) => f.percent(s.share_of_users)),
    figure(t.meanAvgCheck, (s) => f.money(s.mean_avg_revenue_rub)),
    figure(t.meanTickets, (s) => f.decimal(s.mean_avg_tickets_count, 2)),
    figure(t.meanInterval, (s) => f.days(s.mean_avg_days_since_prev, 1)),
    ...tops.map((k) =>
      figure(t.topOf(dimensionLabel(k, lang)), (s) => {
        const top = s.top[k];
        return top ? `${f.value(top.value)} (${f.percent(top.share)})` : "—";
      }),
    ),
  ];
  return {
    id: "segments",
    title: t.segmentsTitle,
    body:
      para(t.segmentsText) +
      table([t.segment, ...r.segments.map((s) => t.segmentName[s.segment])], rows, 1, {
        wrap: true,
      }),
    charts: [],
  };
};
