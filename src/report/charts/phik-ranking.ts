import * as Plot from "@observablehq/plot";
import type { CorrelationSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** φK of each feature with the number of orders, strongest first, values on the bars. */
export function phikRankingChart(corr: CorrelationSection, { t, f }: ReportContext): Chart {
  const rows = corr.phik.with_total_orders.map((d) => ({
    name: t.featureShort(d.feature),
    v: d.phik ?? 0,
  }));
  const svg = plotSvg({
    width: 720,
    height: 20 + BOTTOM_WITH_TITLE + rows.length * 26,
    marginTop: 20,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft: leftMargin(rows.map((d) => d.name)),
    marginRight: widest([f.decimal(1, 2)]) + 12,
    x: {
      label: t.axisPhik,
      domain: [0, 1],
      grid: true,
      tickFormat: (d: number) => f.decimal(d, 1),
    },
    y: { label: null, domain: rows.map((d) => d.name) },
    marks: [
      Plot.barX(rows, { y: "name", x: "v", fill: OKABE_ITO.blue }),
      Plot.text(rows, {
        y: "name",
        x: "v",
        text: (d: { v: number }) => f.decimal(d.v, 2),
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
  return { id: "phik-ranking", title: t.chartPhikRankTitle, note: t.chartPhikRankNote, svg };
}
