import { dimensionLabel } from "../../analysis/findings/labels.js";
import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** The profile of each segment 1 / 2–4 / 5+. */
export const segmentsSection: SectionBuilder = (r, { t, f, lang }) => {
  if (r.segments.length === 0) {
    return { id: "segments", title: t.segmentsTitle, body: para(t.noData), charts: [] };
  }
  const tops = [...new Set(r.segments.flatMap((s) => Object.keys(s.top)))];
  const headers = [
    t.segment,
    t.users,
    t.shareOfUsers,
    t.meanAvgCheck,
    t.meanTickets,
    t.meanInterval,
    ...tops.map((k) => t.topOf(dimensionLabel(k, lang))),
  ];
  const rows = r.segments.map((s) => [
    t.segmentName[s.segment],
    f.count(s.users),
    f.percent(s.share_of_users),
    f.roubles(s.mean_avg_revenue_rub),
    f.decimal(s.mean_avg_tickets_count, 2),
    f.days(s.mean_avg_days_since_prev, 1),
    ...tops.map((k) => {
      const top = s.top[k];
      return top ? `${top.value} (${f.percent(top.share)})` : "—";
    }),
  ]);
  return {
    id: "segments",
    title: t.segmentsTitle,
    body: `${para(t.segmentsText)}<div class="wide">${table(headers, rows)}</div>`,
    charts: [],
  };
};
