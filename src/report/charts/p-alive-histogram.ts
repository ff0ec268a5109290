import * as Plot from "@observablehq/plot";
import type { PredictionSection } from "../../analysis/prediction-results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, edgeMargin, leftMargin, TOP_WITH_TITLE } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

type Bin = PredictionSection["single_order_buyers"]["p_alive_histogram"][number];

/** Single-order buyers by P(alive) in tenths; the bins from 50% up, likely to return, in green. */
export function pAliveHistogramChart(histogram: readonly Bin[], { t, f }: ReportContext): Chart {
  const colour = (b: Bin) => (b.lo >= 0.5 ? OKABE_ITO.green : OKABE_ITO.blue);
  const top = Math.max(1, ...histogram.map((b) => b.users));
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft: leftMargin([f.count(top * 1.1)]),
    marginRight: edgeMargin(f.percentTick(1)),
    x: { label: t.axisPAlive, domain: [0, 1], ticks: 10, tickFormat: f.percentTick },
    y: {
      label: t.axisUsers,
      grid: true,
      domain: [0, top * 1.1],
      tickFormat: (d: number) => f.count(d),
    },
    marks: [
      Plot.rectY(histogram, { x1: "lo", x2: "hi", y: "users", fill: colour, inset: 0.5 }),
      Plot.text(histogram, {
        x: (b: Bin) => (b.lo + b.hi) / 2,
        y: "users",
        text: (b: Bin) => f.count(b.users),
        dy: -7,
        fontSize: 10,
      }),
      Plot.ruleX([0.5], { stroke: OKABE_ITO.grey, strokeDasharray: "4,3" }),
      Plot.ruleY([0]),
    ],
  });
  return { id: "p-alive-histogram", title: t.chartPAliveTitle, note: t.chartPAliveNote, svg };
}
