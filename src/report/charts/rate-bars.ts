import * as Plot from "@observablehq/plot";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

export interface RateBar {
  label: string;
  users: number;
  rate: number | null;
}

/** A share per category as labelled bars (share and users on each bar), with an optional reference. */
export function rateBarsChart(
  chart: { id: string; title: string; note: string; xLabel: string; yLabel: string },
  bars: readonly RateBar[],
  reference: number | null,
  { t, f }: ReportContext,
): Chart {
  const rows = bars.map((b) => ({ ...b, rate: b.rate ?? 0 }));
  const top = Math.max(0.1, ...rows.map((b) => b.rate), reference ?? 0);
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: 30,
    marginLeft: 60,
    x: { label: chart.xLabel, domain: rows.map((b) => b.label) },
    y: {
      label: chart.yLabel,
      domain: [0, Math.min(1, top * 1.2)],
      grid: true,
      tickFormat: (d: number) => f.percent(d),
    },
    marks: [
      Plot.barY(rows, { x: "label", y: "rate", fill: OKABE_ITO.blue }),
      Plot.text(rows, {
        x: "label",
        y: "rate",
        text: (b: RateBar) => f.percent(b.rate),
        dy: -14,
        fontWeight: "bold",
      }),
      Plot.text(rows, {
        x: "label",
        y: "rate",
        text: (b: RateBar) => t.usersShort(f.count(b.users)),
        dy: -4,
        fontSize: 9,
        fill: OKABE_ITO.grey,
      }),
      ...(reference === null
        ? []
        : [Plot.ruleY([reference], { stroke: OKABE_ITO.vermillion, strokeDasharray: "4,3" })]),
      Plot.ruleY([0]),
    ],
  });
  return { id: chart.id, title: chart.title, note: chart.note, svg };
}
