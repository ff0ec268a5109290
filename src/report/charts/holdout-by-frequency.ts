import * as Plot from "@observablehq/plot";
import type { HoldoutEvaluation } from "../../analysis/prediction-results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, TOP_WITH_TITLE } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/**
 * Holdout orders per customer in each calibration-frequency bin, actual and predicted side by
 * side (the conditional expectations of Fader, Hardie & Lee): per customer, so that the few
 * frequent buyers of the last bin do not dwarf the rest as their order totals would.
 */
export function holdoutByFrequencyChart(
  holdout: HoldoutEvaluation,
  { t, f }: ReportContext,
): Chart {
  const series = [t.holdoutActual, t.holdoutPredicted];
  const rows = holdout.bins
    .filter((b) => b.users > 0)
    .flatMap((b) => [
      { bin: b.bin, series: t.holdoutActual, orders: b.actual_orders / b.users },
      { bin: b.bin, series: t.holdoutPredicted, orders: b.predicted_orders / b.users },
    ]);
  const top = Math.max(0.1, ...rows.map((r) => r.orders)) * 1.1;
  const days = f.days(holdout.holdout_days);
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft: leftMargin([f.decimal(top, 1)]),
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
      domain: [0, top],
      tickFormat: (d: number) => f.trimmed(d, 1),
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
    note: t.chartHoldoutNote(f.date(holdout.calibration_end), days),
    svg,
  };
}
