import { figure } from "../charts/figure.js";
import { phikHeatmapChart } from "../charts/phik-heatmap.js";
import { phikRankingChart } from "../charts/phik-ranking.js";
import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** φK between the features, and what goes with the number of orders. */
export const correlationSection: SectionBuilder = (r, ctx) => {
  const { t, f } = ctx;
  const corr = r.correlation;
  if (!corr || corr.features.length === 0) {
    return {
      id: "correlation",
      title: t.correlationTitle,
      body: para(t.correlationMissing),
      charts: [],
    };
  }
  const charts = [phikRankingChart(corr, ctx), phikHeatmapChart(corr, ctx)];
  const spearman = corr.spearman_with_total_orders.map((s) => [
    t.featureShort(s.feature),
    f.decimal(s.rho, 2),
    f.count(s.users),
  ]);
  const body = [
    para(t.correlationText),
    ...charts.map(figure),
    spearman.length ? table([t.feature, t.spearmanRho, t.users], spearman) : "",
  ].join("");
  return { id: "correlation", title: t.correlationTitle, body, charts };
};
