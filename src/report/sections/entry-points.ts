import { dimensionLabel } from "../../text/labels.js";
import { entryPointRatesChart } from "../charts/entry-point-rates.js";
import { figure } from "../charts/figure.js";
import { esc, para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** Per first-order dimension: the repeat rate per value with its interval and test. */
export const entryPointsSection: SectionBuilder = (r, ctx) => {
  const { t, f, lang } = ctx;
  const ep = r.entry_points;
  const dims = Object.entries(ep.dimensions);
  const charts = [];
  const parts = [para(t.entryIntro(f.percent(ep.overall_repeat_rate), ep.min_users, ep.top_n))];
  if (dims.length === 0) parts.push(para(t.entryNone));
  for (const [key, dim] of dims) {
    const label = dimensionLabel(key, lang);
    const successful = dim.values.filter((v) => v.successful).map((v) => f.value(v.value));
    const chi = dim.chi2;
    parts.push(`<h3>${esc(t.entryDimension(label))}</h3>`);
    parts.push(
      para(
        [
          successful.length ? t.entrySuccessful(successful.join(", ")) : t.entryNoSuccessful,
          chi
            ? t.entryChi2(
                f.decimal(chi.chi2, 1),
                chi.dof,
                f.p(chi.p_value),
                f.decimal(chi.cramers_v, 3),
              )
            : "",
        ].join(" "),
      ),
    );
    // The chart ranks the values by repeat rate; the table lists them in the same order.
    const values = [...dim.values].sort(
      (a, b) => b.repeat_rate - a.repeat_rate || a.value.localeCompare(b.value),
    );
    const chart = entryPointRatesChart(key, label, values, ep.overall_repeat_rate, ctx);
    charts.push(chart);
    parts.push(figure(chart));
    const rows = values.map((v) => [
      v.successful ? `${f.value(v.value)} ★` : f.value(v.value),
      f.count(v.users),
      f.percent(v.share_of_users),
      f.percent(v.repeat_rate),
      `${f.percent(v.wilson_low)} – ${f.percent(v.wilson_high)}`,
      f.decimal(v.lift, 2),
      v.q_value === null ? "—" : f.p(v.q_value, "q"),
    ]);
    parts.push(
      `<div class="keep">${table([t.value, t.users, t.shareOfUsers, t.repeatRate, t.interval95, t.lift, t.qValue], rows)}</div>`,
    );
  }
  for (const s of ep.skipped) parts.push(para(t.entrySkipped(dimensionLabel(s.dimension, lang))));
  return { id: "entry-points", title: t.entryTitle, body: parts.join(""), charts };
};
