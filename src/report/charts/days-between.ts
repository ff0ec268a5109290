import * as Plot from "@observablehq/plot";
import type { TimeSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** Days shown; the rare longer gaps are counted in the note instead of flattening the bars. */
export const MAX_DAYS_SHOWN = 60;

/** Repeat orders by days since the previous order, with the repeat window shaded. */
export function daysBetweenChart(time: TimeSection, { t, f }: ReportContext): Chart {
  const shown = time.days_since_prev.histogram.filter((d) => d.days <= MAX_DAYS_SHOWN);
  const hidden = time.days_since_prev.histogram
    .filter((d) => d.days > MAX_DAYS_SHOWN)
    .reduce((s, d) => s + d.orders, 0);
  const window = time.repeat_window.window;
  const top = Math.max(1, ...shown.map((d) => d.orders));
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: 30,
    marginLeft: 60,
    x: { label: t.axisDaysSincePrev, domain: [0, Math.max(10, ...shown.map((d) => d.days + 1))] },
    y: {
      label: t.axisOrders2,
      grid: true,
      domain: [0, top * 1.1],
      tickFormat: (d: number) => f.count(d),
    },
    marks: [
      ...(window
        ? [
            Plot.rect([window], {
              x1: (w: [number, number]) => w[0],
              x2: (w: [number, number]) => w[1] + 1,
              y1: 0,
              y2: top * 1.1,
              fill: OKABE_ITO.yellow,
              fillOpacity: 0.45,
            }),
            Plot.text([window], {
              x: (w: [number, number]) => (w[0] + w[1] + 1) / 2,
              y: top * 1.1,
              text: () => t.windowLabel(window[0], window[1]),
              dy: -8,
              fontWeight: "bold",
            }),
          ]
        : []),
      Plot.rectY(shown, {
        x1: "days",
        x2: (d: { days: number }) => d.days + 1,
        y: "orders",
        fill: OKABE_ITO.blue,
        inset: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  });
  const note = [t.chartDaysNote, hidden > 0 ? t.daysHidden(f.count(hidden), MAX_DAYS_SHOWN) : ""]
    .filter(Boolean)
    .join(" ");
  return { id: "days-between-orders", title: t.chartDaysTitle, note, svg };
}
