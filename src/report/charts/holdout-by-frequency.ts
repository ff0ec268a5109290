import * as Plot from "@observablehq/plot";
import type { HoldoutEvaluation } from "../../analysis/prediction-results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** Holdout orders per calibration-frequency bin: actual and predicted side by side. */
export function holdoutByFrequencyChart(
  holdout: HoldoutEvaluation,
  { t, f }: ReportContext,
): Chart {
  const series = [t.holdoutActual, t.holdoutPredicted];
  const rows = holdout.bins.flatMap((b) => [
    { bin: b.bin, series: t.holdoutActual, orders: b.actual_orders },
    { bin: b.bin, series: t.holdoutPredicted, orders: b.predicted_orders },
  ]);
  const top = Math.max(1, ...rows.map((r) => r.orders));
  const days = f.days(holdout.holdout_days);
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: 30,
    marginLeft: 60,
    marginBottom: 45,
    fx: {
      label: t.axisHoldoutFrequency,
      domain: holdout.bins.map((b) => b.bin),
      axis: "bottom",
      padding: 0.15,
    },
    x: { axis: null, domain: series },
    y: {
      label: t.axisHoldoutOrders,
      grid: true,
      domain: [0, top * 1.1],
      tickFormat: (d: number) => f.count(d),
    },
    color: { domain: series, range: [OKABE_ITO.blue, OKABE_ITO.orange] },
    marks: [
      Plot.barY(rows, { fx: "bin", x: "series", y: "orders", fill: "series" }),
      Plot.ruleY([0]),
    ],
  });
  return {
    id: "holdout-by-frequency",
    title: t.chartHoldoutTitle,
    note: t.chartHoldoutNote(holdout.calibration_end, days),
    svg,
  };
}
