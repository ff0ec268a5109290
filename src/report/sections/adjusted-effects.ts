import { formatPercent } from "../../text/format.js";
import { dimensionLabel } from "../../text/labels.js";
import { figure } from "../charts/figure.js";
import { forestPlotChart } from "../charts/forest-plot.js";
import { para } from "../html.js";
import { STUDY_WORDS } from "../i18n/study-words.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** §13: the lead sentence, the forest plot, each attribute's test and the model's fit. */
export const adjustedEffectsSection: SectionBuilder = (r, ctx) => {
  const w = STUDY_WORDS[ctx.lang];
  const { f } = ctx;
  const model = r.adjusted_effects;
  if (!model)
    return { id: "adjusted", title: w.adjustedTitle, body: para(ctx.t.noData), charts: [] };
  const days = model.outcome_days;
  const significant = new Set(
    model.dimensions.filter((d) => d.q_value !== null && d.q_value < 0.05).map((d) => d.dimension),
  );
  const name = (v: { dimension: string; value: string }) =>
    `${dimensionLabel(v.dimension, ctx.lang)} «${f.value(v.value)}»`;
  const strongest = model.values
    .filter(
      (v) =>
        !v.reference &&
        v.odds_ratio !== null &&
        v.p_value !== null &&
        v.p_value < 0.05 &&
        significant.has(v.dimension) &&
        v.value !== "other" &&
        v.value !== "unknown",
    )
    .sort(
      (a, b) => Math.abs(Math.log(b.odds_ratio ?? 1)) - Math.abs(Math.log(a.odds_ratio ?? 1)),
    )[0];
  const lead = strongest
    ? w.adjustedLead(
        name(strongest),
        formatPercent(Math.abs((strongest.odds_ratio ?? 1) - 1), ctx.lang, 0),
        (strongest.odds_ratio ?? 1) > 1,
        days,
      )
    : w.adjustedNone(days);
  const chart = forestPlotChart(model, ctx, w);
  const confounded = model.values.filter(
    (v) => v.confounded && ((v.p_value ?? 1) < 0.05 || (v.unadjusted_p_value ?? 1) < 0.05),
  );
  const rows = model.dimensions.map((d) => [
    dimensionLabel(d.dimension, ctx.lang),
    f.value(d.reference).replace(/\binf\b/, "∞"),
    f.decimal(d.lr_chi2, 1),
    String(d.df),
    f.p(d.q_value, "q"),
  ]);
  const body = [
    para(lead),
    para(w.adjustedHow(f.count(model.fit.n), f.count(model.fit.patterns), days)),
    figure(chart),
    table(w.adjustedTable, rows, 2),
    para(w.adjustedFit(f.decimal(model.fit.mcfadden_r2, 3), f.decimal(model.fit.auc, 3))),
    confounded.length ? para(w.adjustedConfounded(confounded.map(name).join(", "))) : "",
  ].join("");
  return { id: "adjusted", title: w.adjustedTitle, body, charts: [chart] };
};
